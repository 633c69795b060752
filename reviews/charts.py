"""Small SVG bar charts for the annual review, as data URIs for `<img alt="…" src="…">`.

WeasyPrint gives an `<img>` its alternative text in the PDF's tag tree, but not an inline `<svg>`, so
each chart is a self-contained SVG document encoded as a data URI. The layout (bar widths, positions)
comes from `funding.charts.bar_chart`, so the funding pages and the report draw bars the same way.
Every chart is printed beside a table with the same figures, and its alt text states them too.
"""

import base64
from decimal import Decimal
from xml.sax.saxutils import escape

from funding.charts import bar_chart

FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
TEXT_COLOUR = "#0b0c0c"


def _svg(chart) -> str:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{chart.width}" height="{chart.height}" '
        f'viewBox="0 0 {chart.width} {chart.height}" role="img">',
        f"<title>{escape(chart.title)}</title>",
        f"<desc>{escape(chart.description)}</desc>",
        f'<g font-family="{FONT}" font-size="14" fill="{TEXT_COLOUR}">',
    ]
    for bar in chart.bars:
        parts.append(f'<text x="{chart.label_width - 8}" y="{bar.text_y}" text-anchor="end">{escape(_short(bar.label))}</text>')
        if bar.width:
            parts.append(
                f'<rect x="{chart.label_width}" y="{bar.y}" width="{bar.width}" height="{chart.bar_height}" fill="{bar.colour}"/>'
            )
        parts.append(f'<text x="{bar.value_x}" y="{bar.text_y}">{escape(bar.display)}</text>')
    parts.append(f'<line x1="{chart.label_width}" y1="0" x2="{chart.label_width}" y2="{chart.height}" stroke="{TEXT_COLOUR}"/>')
    parts.append("</g></svg>")
    return "".join(parts)


def _short(label: str, limit: int = 26) -> str:
    # The label column is narrow; the table beside the chart always has the full text.
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def chart(*, id: str, title: str, rows: list[tuple[str, Decimal | int | None, str]], scale_to=None) -> dict | None:
    """A JSON-safe chart: {"id", "title", "alt", "src"} where `src` is a data URI of an SVG image and
    `alt` states every figure. `rows` are (label, value, value as printed). None when there is
    nothing to draw (no rows, or every value missing or zero)."""
    if not rows or not any(value for _, value, _ in rows):
        return None
    drawn = bar_chart(id=id, title=title, rows=rows, scale_to=scale_to)
    encoded = base64.b64encode(_svg(drawn).encode("utf-8")).decode("ascii")
    return {
        "id": id,
        "title": title,
        "alt": f"Bar chart: {title}. {drawn.description}",
        "src": f"data:image/svg+xml;base64,{encoded}",
    }
