"""Reading the two source documents and a Code page as lists of paragraphs of plain text, so the
portal's text of each Code can be compared with the source (tests/undertakings/test_code_documents.py).

Normalising (the same for both sides): markup is dropped (HTML tags, **bold**, [links](…), bullet
glyphs, a list's leading "- "), a footnote mark becomes [1], curly quotes become straight, a dash
standing alone between words is dropped (the Plymouth table runs a section's heading and its first
line together with " - "; the page shows them as heading and paragraph), and white space is one
space. Page breaks that split a sentence in the Northamptonshire transcription are joined."""

import re
from html.parser import HTMLParser
from pathlib import Path

SOURCES = Path(__file__).parent / "sources"
NORTHAMPTONSHIRE = SOURCES / "northamptonshire-bme-code.txt"
PLYMOUTH = SOURCES / "plymouth-bme-code-responses.txt"

QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def normalise(text: str) -> str:
    text = re.sub(r"<sup>\s*(\d+)\s*</sup>", r"[\1]", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\[([^\]]+)\]\((?:https?|mailto)[^)]*\)", r"\1", text)
    text = text.replace("**", "").replace("\\_", "_").translate(QUOTES)
    text = re.sub(r"[❑•➤○]", " ", text)
    text = re.sub(r"(^|\s)[-–—](?=\s|$)", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def northamptonshire_paragraphs() -> list[str]:
    paragraphs: list[str] = []
    carry = ""
    for raw in NORTHAMPTONSHIRE.read_text(encoding="utf-8").splitlines():
        if raw.endswith("  ") and raw.strip():  # a hard line break: the next line is the same paragraph
            carry += raw.strip() + " "
            continue
        line, carry = (carry + raw).strip(), ""
        if not line or line == "---":
            continue
        line = re.sub(r"^#+\s+", "", line)
        if "\t" in raw:  # a row of the contents table: its cells
            line = " ".join(cell for cell in raw.split("\t") if cell.strip())
        is_item = line.startswith("- ")
        text = normalise(line[2:] if is_item else line)
        if not is_item and text[:1].islower():  # the rest of a sentence a page break split
            for index in range(len(paragraphs) - 1, -1, -1):
                if not paragraphs[index].startswith("["):  # not a footnote
                    paragraphs[index] += " " + text
                    break
            continue
        paragraphs.append(text)
    return paragraphs


CODE_ROW = re.compile(r"^(?:<p>)?\d+(?:\.\d+)?\.? [A-Z]")


def plymouth_paragraphs() -> list[str]:
    """The draft Code's own text in the working group's table: the title, the rows whose first cell
    is a section heading or numbered paragraph, and a list that continues such a row on its own row
    (with no response beside it). Comment rows and responses are not the Code's text."""
    lines = PLYMOUTH.read_text(encoding="utf-8").splitlines()
    title = next(line for line in lines if line.strip()).split(" – ")[0]
    paragraphs = [normalise(title)]
    previous_was_code = False
    for line in lines:
        first, _, response = line.partition("\t")
        if first.startswith("1. Introduction"):
            response = ""  # the table's header row: "Working Group's response" heads the column
        is_code = bool(CODE_ROW.match(first)) and not response.strip()
        continues = first.startswith("<ul") and previous_was_code and not response.strip()
        if is_code or continues:
            for piece in re.split(r"</p>|<p>|<ul[^>]*>|</ul>|•", first):
                if normalise(piece):
                    paragraphs.append(normalise(piece))
        previous_was_code = is_code or continues
    return paragraphs


class _PageText(HTMLParser):
    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "tr", "caption"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.buffer: list[str] = []
        self.inside = False
        self.skip_depth = 0
        self.depth = 0

    def flush(self):
        text = normalise("".join(self.buffer))
        if text:
            self.paragraphs.append(text)
        self.buffer = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article" and "app-code-text" in (attrs.get("class") or ""):
            self.inside = True
        if self.inside and tag in ("br", "td", "th") and not self.skip_depth:
            self.buffer.append(" ")
        if not self.inside or tag in ("br", "img", "input", "meta", "link"):
            return
        self.depth += 1
        if self.skip_depth:
            self.skip_depth += 1
            return
        if "data-portal" in attrs:
            self.skip_depth = 1
            return
        if tag in self.BLOCKS:
            self.flush()
        if tag == "sup":
            self.buffer.append("[")

    def handle_endtag(self, tag):
        if not self.inside or tag in ("br", "img", "input", "meta", "link"):
            return
        if tag == "article":
            self.flush()
            self.inside = False
            return
        self.depth -= 1
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if tag == "sup":
            self.buffer.append("]")
        if tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data):
        if self.inside and not self.skip_depth:
            self.buffer.append(data.strip() if self.buffer and self.buffer[-1] == "[" else data)


def page_paragraphs(html: str) -> list[str]:
    """The Code's text on its page: the article, without the portal's additions (data-portal)."""
    parser = _PageText()
    parser.feed(html)
    return [re.sub(r"\[ ?(\d+) ?\]", r"[\1]", p) for p in parser.paragraphs]


def compare(source: list[str], portal: list[str]) -> dict:
    """Figures, and what is missing from or added to the portal's text, word by word and by paragraph."""
    source_text, portal_text = " ".join(source), " ".join(portal)
    return {
        "source_paragraphs": len(source),
        "portal_paragraphs": len(portal),
        "missing": [p for p in source if p not in portal_text],
        "added": [p for p in portal if p not in source_text],
        "same_words_in_order": source_text.split() == portal_text.split(),
    }
