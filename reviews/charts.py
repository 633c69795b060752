"""Small SVG bar charts for the annual review, as data URIs for `<img alt="…" src="…">`.

WeasyPrint gives an `<img>` its alternative text in the PDF's tag tree, but not an inline `<svg>`, so
each chart is a self-contained SVG document encoded as a data URI. Charts are drawn narrow (about
half an A4 page) so their text stays readable beside the table of the same figures; the alt text
states every figure too. Bars are told apart by their labels, never by colour alone.
"""

import base64
from decimal import Decimal
from xml.sax.saxutils import escape

FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
TEXT = "#0b0c0c"
COLOURS = ["#1d70b8", "#505a5f"]  # GOV.UK blue and dark grey
LABEL_WIDTH, PLOT_WIDTH, VALUE_WIDTH = 170, 150, 70
BAR, GAP, FONT_SIZE = 22, 10, 13
LABEL_LIMIT = 26


def _short(label: str) -> str:
    # The label column is narrow; the table beside the chart and the alt text have the full text.
    return label if len(label) <= LABEL_LIMIT else label[: LABEL_LIMIT - 1].rstrip() + "…"


def _svg(title: str, description: str, rows: list[tuple[str, Decimal | int | None, str]], top: Decimal) -> str:
    width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
    height = GAP + len(rows) * (BAR + GAP)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img">',
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>",
        f'<g font-family="{FONT}" font-size="{FONT_SIZE}" fill="{TEXT}">',
    ]
    for n, (label, value, display) in enumerate(rows):
        y = GAP + n * (BAR + GAP)
        text_y = y + BAR // 2 + FONT_SIZE // 2 - 1
        bar = int(Decimal(value) * PLOT_WIDTH / top) if value and top else 0
        parts.append(f'<text x="{LABEL_WIDTH - 6}" y="{text_y}" text-anchor="end">{escape(_short(label))}</text>')
        if bar:
            parts.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{bar}" height="{BAR}" fill="{COLOURS[n % 2]}"/>')
        parts.append(f'<text x="{LABEL_WIDTH + bar + 5}" y="{text_y}">{escape(display)}</text>')
    parts.append(f'<line x1="{LABEL_WIDTH}" y1="0" x2="{LABEL_WIDTH}" y2="{height}" stroke="{TEXT}"/></g></svg>')
    return "".join(parts)


def chart(*, id: str, title: str, rows: list[tuple[str, Decimal | int | None, str]], scale_to=None) -> dict | None:
    """A JSON-safe chart: {"id", "title", "alt", "src"}; `src` is a data URI of an SVG image and `alt`
    states every figure. `rows` are (label, value, value as printed); bars are scaled to `scale_to`
    (100 for percentages) or to the largest value. None when there is nothing to draw."""
    values = [Decimal(value) for _, value, _ in rows if value]
    if not values:
        return None
    top = Decimal(scale_to) if scale_to is not None else max(values)
    description = "; ".join(f"{label}: {display if value is not None else 'no data'}" for label, value, display in rows) + "."
    svg = _svg(title, description, rows, top)
    return {
        "id": id,
        "title": title,
        "alt": f"Bar chart: {title}. {description}",
        "src": "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii"),
    }
