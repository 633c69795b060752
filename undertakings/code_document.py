"""The `document:` list of a Code file: the Code's whole text, block by block, in the source's order.

    document:
      - {heading: "1. Aim"}                         # level 2 unless `level: 3` (a sub-heading)
      - {paragraph: "This Code …", number: "1.1"}   # `number` only where the source prints one
      - {item: "informal interactions;"}            # a bullet of a list
      - {undertaking: "3.1.1"}                      # a bullet or paragraph that is an undertaking
      - {footnote: "Views were sought …", number: "1"}
      - {contents: "1. Aim", page: "6"}             # a row of the Code's own contents list
      - {paragraph: "…", note: "…"}                 # `note`: the portal's, shown apart from the text

An `undertaking:` block takes its text from the undertaking, so the wording is written once. A
footnote mark inside text is written [^1]. Every undertaking must stand somewhere in the document.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # code_files imports this module
    from .code_files import _Mapping

KINDS = ("heading", "paragraph", "item", "undertaking", "footnote", "contents")
BLOCK_FIELDS = {*KINDS, "number", "level", "page", "note"}


@dataclass(frozen=True)
class BlockSpec:
    kind: str  # one of CodeBlock.Kind: an `undertaking:` block is an item or paragraph
    text: str
    level: int = 1
    number: str = ""
    page: str = ""
    note: str = ""
    undertaking: str = ""  # the ref of the undertaking this block is


def read_document(check, data: "_Mapping", undertakings: dict) -> tuple[BlockSpec, ...]:
    """Check the `document:` list against the file's undertakings (ref -> UndertakingSpec)."""
    blocks = data.get("document")
    line = data.key_lines.get("document", data.line)
    if blocks is None:
        return ()
    if not isinstance(blocks, list) or not blocks:
        check.problem(line, "'document' must be a list with at least one block")
        return ()
    built, placed = [], set()
    for block in blocks:
        if not check.mapping(block, line, "a document block", BLOCK_FIELDS, set()):
            continue
        kinds = [k for k in KINDS if k in block]
        if len(kinds) != 1:
            check.problem(block.line, f"a document block needs exactly one of {', '.join(KINDS)}")
            continue
        kind = kinds[0]
        value = check.text(block, kind, "a document block")
        extra = {
            "number": check.text(block, "number", "a document block", required=False),
            "page": check.text(block, "page", "a document block", required=False),
            "note": check.text(block, "note", "a document block", required=False),
        }
        level = block.get("level", 2 if kind == "heading" else 1)
        if not isinstance(level, int) or isinstance(level, bool) or not 1 <= level <= 4:
            check.problem(block.key_lines.get("level", block.line), "'level' must be a whole number from 1 to 4")
            level = 1
        if kind == "undertaking":
            spec = undertakings.get(value)
            if spec is None:
                check.problem(block.key_lines[kind], f"no undertaking {value} in this file")
                continue
            if value in placed:
                check.problem(block.key_lines[kind], f"undertaking {value} stands twice in the document")
            placed.add(value)
            extra["number"] = extra["number"] or spec.number
            extra["note"] = extra["note"] or spec.number_note
            # A numbered undertaking is a paragraph of the Code; an unnumbered one a list bullet.
            kind_of = "paragraph" if extra["number"] else "item"
            built.append(BlockSpec(kind=kind_of, text=spec.text, level=level, undertaking=value, **extra))
        else:
            built.append(BlockSpec(kind=kind, text=value, level=level, **extra))
    for ref in undertakings:
        if ref not in placed:
            check.problem(line, f"undertaking {ref} does not stand anywhere in the document")
    return tuple(built)
