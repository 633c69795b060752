"""The whole text of a Code, arranged for its page: parts under each top-level heading, each part
a run of headings, paragraphs, footnotes and lists (consecutive list items gathered into one list)."""

from dataclasses import dataclass, field

from ..models import Code, CodeBlock


@dataclass
class Chunk:
    kind: str  # heading | paragraph | footnote | list | contents
    blocks: list[CodeBlock] = field(default_factory=list)

    @property
    def block(self) -> CodeBlock:
        return self.blocks[0]


@dataclass
class Part:
    heading: CodeBlock | None
    anchor: str
    chunks: list[Chunk] = field(default_factory=list)


def code_document(code: Code) -> list[Part]:
    """One query; empty for a Code loaded without its document."""
    parts: list[Part] = [Part(heading=None, anchor="opening")]
    for block in code.blocks.select_related("undertaking").order_by("position"):
        if block.kind == CodeBlock.Kind.HEADING and block.level <= 2:
            parts.append(Part(heading=block, anchor=f"part-{len(parts)}"))
            continue
        chunks = parts[-1].chunks
        groups: dict[str, str] = {CodeBlock.Kind.ITEM: "list", CodeBlock.Kind.CONTENTS: "contents"}
        grouped = groups.get(block.kind)
        if grouped and chunks and chunks[-1].kind == grouped:
            chunks[-1].blocks.append(block)
        else:
            chunks.append(Chunk(kind=grouped or block.kind, blocks=[block]))
    if not parts[0].chunks:
        parts.pop(0)
    return parts if any(p.heading or p.chunks for p in parts) else []


def unnumbered_undertakings(parts: list[Part]) -> bool:
    """Whether any undertaking on the page carries only the portal's reference (explained once)."""
    return any(
        b.undertaking is not None and not b.undertaking.number for p in parts for c in p.chunks for b in c.blocks
    )
