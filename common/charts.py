"""Horizontal bar charts drawn by the server, with no JavaScript: one model for every chart the portal
shows, whether a web page draws it as inline SVG or a printed report as an SVG image.

A chart is a title, a row of (label, value, value as printed) per bar and a text description
stating every figure, for screen readers; the page or report shows the same numbers in a table
beside it. Only the sizes differ between screen and print (`Layout`), so the scaling, the row
positions and the description are worked out here once.
"""

from dataclasses import dataclass
from decimal import Decimal

# GOV.UK blue and a dark grey: bars are told apart by their labels, never by colour alone.
COLOURS = ["#1d70b8", "#505a5f"]
# A text baseline this far below the middle of a bar centres 13-15px text on it.
BASELINE_DROP = 5
NO_DATA = "no data"

Row = tuple[str, Decimal | int | None, str]


@dataclass(frozen=True)
class Layout:
    """Sizes in pixels (SVG user units), left to right: labels, then bars, then each bar's figure."""

    label_width: int
    plot_width: int  # the longest bar
    value_width: int  # room for the figure after the longest bar
    bar_height: int
    gap: int  # above the first bar and below each
    font_size: int
    label_gap: int  # between a label's end and the axis
    value_gap: int  # between a bar's end and its figure
    label_limit: int | None = None  # longer labels are drawn shortened with "…"; None draws them whole

    @property
    def width(self) -> int:
        return self.label_width + self.plot_width + self.value_width

    @property
    def label_x(self) -> int:
        return self.label_width - self.label_gap

    def drawn_label(self, label: str) -> str:
        # The description and the table beside the chart always carry the full label.
        if self.label_limit is None or len(label) <= self.label_limit:
            return label
        return label[: self.label_limit - 1].rstrip() + "…"


# The funding monitoring page: scales with the page width.
WEB = Layout(
    label_width=190, plot_width=300, value_width=150, bar_height=28, gap=14, font_size=15, label_gap=8, value_gap=8
)
# The annual review PDF: about half an A4 page wide, so its text stays readable beside the table.
PRINT = Layout(
    label_width=170,
    plot_width=150,
    value_width=70,
    bar_height=22,
    gap=10,
    font_size=13,
    label_gap=6,
    value_gap=5,
    label_limit=26,
)


@dataclass(frozen=True)
class Bar:
    label: str  # in full
    drawn_label: str  # as the layout draws it
    display: str  # the figure as the caller printed it
    missing: bool  # no value: no bar, and the description reads "no data"
    y: int
    width: int
    text_y: int  # baseline of the label and the figure
    value_x: int
    colour: str

    @property
    def value_text(self) -> str:
        return NO_DATA if self.missing else self.display


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    bars: tuple[Bar, ...]
    height: int
    layout: Layout

    @property
    def width(self) -> int:
        return self.layout.width


def bar_chart(*, id: str, title: str, rows: list[Row], scale_to=None, layout: Layout) -> BarChart:
    """Bars are scaled to `scale_to` (e.g. 100 for percentages) or to the largest value; a missing
    value draws no bar and reads "no data". An empty or all-zero chart has no bars to draw."""
    values = [Decimal(value) for _, value, _ in rows if value is not None]
    top = Decimal(scale_to) if scale_to is not None else max(values, default=Decimal(0))
    step = layout.bar_height + layout.gap
    bars = []
    for n, (label, value, display) in enumerate(rows):
        y = layout.gap + n * step
        width = int(Decimal(value) * layout.plot_width / top) if value and top else 0
        bars.append(
            Bar(
                label=label,
                drawn_label=layout.drawn_label(label),
                display=display,
                missing=value is None,
                y=y,
                width=width,
                text_y=y + layout.bar_height // 2 + BASELINE_DROP,
                value_x=layout.label_width + width + layout.value_gap,
                colour=COLOURS[n % len(COLOURS)],
            )
        )
    description = "; ".join(f"{bar.label}: {bar.value_text}" for bar in bars) + "."
    return BarChart(
        id=id,
        title=title,
        description=description,
        bars=tuple(bars),
        height=layout.gap + len(bars) * step,
        layout=layout,
    )
