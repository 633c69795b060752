"""The one bar-chart model behind the funding monitoring page and the annual review PDF."""

from decimal import Decimal

from common.charts import PRINT, WEB, Layout, bar_chart

LONG = "A very long label that will not fit beside a bar"


def test_bars_are_scaled_to_the_largest_value():
    chart = bar_chart(
        id="c", title="Awards", layout=WEB, rows=[("A", 3, "3"), ("B", Decimal("1.5"), "1.5"), ("C", 0, "0")]
    )
    assert [bar.width for bar in chart.bars] == [WEB.plot_width, WEB.plot_width // 2, 0]


def test_percentages_are_scaled_to_100_not_the_largest():
    chart = bar_chart(
        id="c", title="Rates", layout=PRINT, scale_to=100, rows=[("A", Decimal("50"), "50%"), ("B", 25, "25%")]
    )
    assert [bar.width for bar in chart.bars] == [PRINT.plot_width // 2, PRINT.plot_width // 4]


def test_rows_are_laid_out_from_the_top_with_a_gap_between_bars():
    chart = bar_chart(id="c", title="T", layout=WEB, rows=[("A", 1, "1"), ("B", 2, "2")])
    assert [bar.y for bar in chart.bars] == [14, 14 + 28 + 14]
    assert chart.height == 14 + 2 * (28 + 14) and chart.width == 190 + 300 + 150
    assert [bar.colour for bar in chart.bars] == ["#1d70b8", "#505a5f"]
    assert chart.bars[1].value_x == 190 + 300 + 8


def test_a_missing_value_draws_no_bar_and_reads_no_data():
    chart = bar_chart(
        id="c", title="Rates", layout=WEB, scale_to=100, rows=[("A", Decimal("72.5"), "72.5%"), ("B", None, "–")]
    )
    missing = chart.bars[1]
    assert (missing.width, missing.missing, missing.value_text, missing.display) == (0, True, "no data", "–")
    assert chart.description == "A: 72.5%; B: no data."


def test_nothing_to_scale_against_draws_no_bars():
    assert [
        bar.width for bar in bar_chart(id="c", title="T", layout=WEB, rows=[("A", 0, "0"), ("B", None, "")]).bars
    ] == [0, 0]
    empty = bar_chart(id="c", title="T", layout=PRINT, rows=[])
    assert (empty.bars, empty.description, empty.height) == ((), ".", PRINT.gap)


def test_labels_are_shortened_only_where_the_layout_asks_and_never_in_the_description():
    rows = [(LONG, 1, "1"), ("Short", 1, "1")]
    printed, web = (bar_chart(id="c", title="T", layout=layout, rows=rows) for layout in (PRINT, WEB))
    assert printed.bars[0].drawn_label == "A very long label that wi…" and len(printed.bars[0].drawn_label) == 26
    assert printed.bars[1].drawn_label == "Short"
    assert web.bars[0].drawn_label == LONG
    assert printed.description == web.description == f"{LONG}: 1; Short: 1."


def test_a_shortened_label_does_not_end_in_a_space_before_the_ellipsis():
    assert Layout(1, 1, 1, 1, 1, 1, 1, 1, label_limit=6).drawn_label("Four words here") == "Four…"
