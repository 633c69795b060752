"""Disclosure control: small counts of people are not published (security issue, item 8)."""

from common.disclosure import FEWER_THAN, WITHHELD, disclose, disclose_count


def test_counts_under_the_threshold_zero_included_are_shown_as_fewer_than_5():
    assert [disclose_count(n).text for n in (0, 1, 4, 5, 12)] == [
        "fewer than 5",
        "fewer than 5",
        "fewer than 5",
        "5",
        "12",
    ]
    assert disclose_count(3).withheld and disclose_count(3).value is None


def test_the_threshold_is_a_setting(settings):
    settings.DISCLOSURE_THRESHOLD = 10
    assert disclose_count(7).text == FEWER_THAN.format(threshold=10) == "fewer than 10"


def test_a_part_is_withheld_when_the_rest_of_its_whole_is_small():
    # "7 of 8 are BME" says which one is not as surely as "1 of 8" does.
    assert disclose_count(7, whole=8).withheld
    assert disclose_count(7, whole=20).text == "7"


def test_one_withheld_cell_beside_a_total_takes_another_cell_with_it():
    shown, total = disclose({"a": 2, "b": 9, "c": 12}, total=23)
    assert [shown[k].text for k in "abc"] == ["fewer than 5", WITHHELD, "12"]
    assert total.text == "23"


def test_a_small_total_is_withheld_and_then_needs_no_secondary_suppression():
    shown, total = disclose({"a": 2, "b": 0}, total=2)
    assert total.withheld and [shown[k].text for k in "ab"] == ["fewer than 5", "fewer than 5"]


def test_a_part_withheld_for_its_small_remainder_reads_withheld_not_fewer_than_5():
    # 5 BME representatives of 6 is not "fewer than 5": saying so would be untrue.
    assert disclose_count(5, whole=6).text == WITHHELD
    assert disclose_count(3, whole=6).text == "fewer than 5"  # small itself: the primary rule speaks
    shown, _ = disclose({"a": 7, "b": 12}, wholes={"a": 8, "b": 30})
    assert [shown[k].text for k in "ab"] == [WITHHELD, "12"]
