"""What changed between two versions of a Code, paragraph by paragraph (difflib over the blocks of
each version's text): paragraphs added, removed and reworded, the rewording word by word."""

import difflib
from dataclasses import dataclass, field

from ..models import Code


@dataclass
class Paragraph:
    label: str  # the Code's own number, or the portal's reference said as such, or ""
    text: str


@dataclass
class ParagraphChange:
    kind: str  # added | removed | reworded
    old: Paragraph | None
    new: Paragraph | None
    words: list[tuple[str, str]] = field(default_factory=list)  # (equal|removed|added, words)

    @property
    def label(self) -> str:
        paragraph = self.new or self.old
        assert paragraph is not None  # a change has an old paragraph, a new one or both
        return paragraph.label


def paragraphs_of(code: Code) -> list[Paragraph]:
    out = []
    for block in code.blocks.select_related("undertaking").order_by("position"):
        label = block.number or (block.undertaking.label if block.undertaking is not None else "")
        out.append(Paragraph(label=label, text=block.text))
    return out


def _words(old: str, new: str) -> list[tuple[str, str]]:
    a, b = old.split(), new.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("removed", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("added", " ".join(b[j1:j2])))
    return out


def paragraph_changes(old: Code, new: Code) -> tuple[list[ParagraphChange], int]:
    """The changed paragraphs in the new version's order, and how many stayed the same."""
    before, after = paragraphs_of(old), paragraphs_of(new)
    key = lambda p: (p.label, p.text)  # noqa: E731 - a paragraph is the same if number and words are
    matcher = difflib.SequenceMatcher(None, [key(p) for p in before], [key(p) for p in after], autojunk=False)
    changes, same = [], 0
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            same += i2 - i1
            continue
        olds, news = before[i1:i2], after[j1:j2]
        # Paragraphs in the same place with the same number were reworded; the rest came or went.
        while olds and news and olds[0].label == news[0].label:
            o, n = olds.pop(0), news.pop(0)
            changes.append(ParagraphChange("reworded", o, n, _words(o.text, n.text)))
        changes.extend(ParagraphChange("removed", o, None) for o in olds)
        changes.extend(ParagraphChange("added", None, n) for n in news)
    return changes, same
