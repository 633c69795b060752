"""Bar charts drawn as SVG by the server (no JavaScript). Each chart carries a title and a text
description for screen readers, and every page shows the same numbers in a table beside it."""

from dataclasses import dataclass
from decimal import Decimal

LABEL_WIDTH = 190
PLOT_WIDTH = 300
VALUE_WIDTH = 150
BAR_HEIGHT = 28
GAP = 14
# GOV.UK blue and a dark grey: bars are told apart by their labels, never by colour alone.
COLOURS = ["#1d70b8", "#505a5f"]


@dataclass(frozen=True)
class Bar:
    label: str
    display: str
    y: int
    width: int
    colour: str

    @property
    def text_y(self) -> int:
        return self.y + BAR_HEIGHT // 2 + 5

    @property
    def value_x(self) -> int:
        return LABEL_WIDTH + self.width + 8


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    bars: tuple[Bar, ...]
    height: int
    width: int = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def bar_chart(*, id: str, title: str, rows: list[tuple[str, Decimal | int | None, str]], scale_to=None) -> BarChart:
    """`rows` are (label, value, value as shown). Bars are scaled to `scale_to` (e.g. 100 for
    percentages) or to the largest value; a missing value draws no bar and reads "no data"."""
    values = [v for _, v, _ in rows if v is not None]
    top = Decimal(scale_to if scale_to is not None else max(values, default=0))
    bars = []
    for n, (label, value, display) in enumerate(rows):
        width = int(Decimal(value) * PLOT_WIDTH / top) if value and top else 0
        bars.append(Bar(label=label, display=display if value is not None else "no data",
                        y=GAP + n * (BAR_HEIGHT + GAP), width=width, colour=COLOURS[n % len(COLOURS)]))
    description = "; ".join(f"{bar.label}: {bar.display}" for bar in bars) + "."
    return BarChart(id=id, title=title, description=description, bars=tuple(bars),
                    height=GAP + len(bars) * (BAR_HEIGHT + GAP))
