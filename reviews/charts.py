"""Small SVG bar charts for the annual review, as data URIs for `<img alt="…" src="…">`.

WeasyPrint gives an `<img>` its alternative text in the PDF's tag tree, but not an inline `<svg>`, so
each chart is a self-contained SVG document encoded as a data URI. Charts are drawn narrow (about
half an A4 page, `common.charts.PRINT`) so their text stays readable beside the table of the same
figures; the alt text states every figure too. Bars are told apart by their labels, never by colour
alone. The scaling, layout and description come from `common.charts`, as for the web page's charts.
"""

import base64
from xml.sax.saxutils import escape

from common.charts import PRINT, BarChart, Row, bar_chart

FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
TEXT = "#0b0c0c"


def _svg(drawn: BarChart) -> str:
    layout, width, height = drawn.layout, drawn.width, drawn.height
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img">',
        f"<title>{escape(drawn.title)}</title><desc>{escape(drawn.description)}</desc>",
        f'<g font-family="{FONT}" font-size="{layout.font_size}" fill="{TEXT}">',
    ]
    for bar in drawn.bars:
        parts.append(f'<text x="{layout.label_x}" y="{bar.text_y}" text-anchor="end">{escape(bar.drawn_label)}</text>')
        if bar.width:
            parts.append(
                f'<rect x="{layout.label_width}" y="{bar.y}" width="{bar.width}" height="{layout.bar_height}" fill="{bar.colour}"/>'
            )
        # The caller's own words for a missing figure ("No data"), as the table beside the chart prints them.
        parts.append(f'<text x="{bar.value_x}" y="{bar.text_y}">{escape(bar.display)}</text>')
    parts.append(
        f'<line x1="{layout.label_width}" y1="0" x2="{layout.label_width}" y2="{height}" stroke="{TEXT}"/></g></svg>'
    )
    return "".join(parts)


def chart(*, id: str, title: str, rows: list[Row], scale_to=None) -> dict | None:
    """A JSON-safe chart: {"id", "title", "alt", "src"}; `src` is a data URI of an SVG image and `alt`
    states every figure. `rows` are (label, value, value as printed); bars are scaled to `scale_to`
    (100 for percentages) or to the largest value. None when there is nothing to draw."""
    if not any(value for _, value, _ in rows):
        return None
    drawn = bar_chart(id=id, title=title, rows=rows, scale_to=scale_to, layout=PRINT)
    return {
        "id": id,
        "title": title,
        "alt": f"Bar chart: {title}. {drawn.description}",
        "src": "data:image/svg+xml;base64," + base64.b64encode(_svg(drawn).encode("utf-8")).decode("ascii"),
    }
