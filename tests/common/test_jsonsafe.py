"""JSON-safe copies of selector output: exact decimal text, ISO dates, nothing guessed."""

import datetime
import json
from decimal import Decimal

import pytest

from common.jsonsafe import json_safe


def test_decimals_and_dates_become_text_and_containers_are_copied():
    source = {
        "value": Decimal("1234.50"),
        "on": datetime.date(2026, 3, 31),
        "names": ("Irish", "Roma"),
        "nested": [{"rate": Decimal("66.7")}],
    }
    copy = json_safe(source)
    assert copy == {"value": "1234.50", "on": "2026-03-31", "names": ["Irish", "Roma"], "nested": [{"rate": "66.7"}]}
    copy["nested"][0]["rate"] = "changed"
    assert source["nested"][0]["rate"] == Decimal("66.7")
    json.dumps(copy)


def test_plain_json_values_are_left_alone():
    assert json_safe([None, True, False, 0, 7, "text"]) == [None, True, False, 0, 7, "text"]


def test_floats_become_the_shortest_decimal_text():
    assert json_safe([0.9091, 12.0, 0.1 + 0.2, 1e20]) == [
        "0.9091",
        "12",
        "0.30000000000000004",
        "100000000000000000000",
    ]


def test_a_date_time_keeps_its_time_and_offset():
    at = datetime.datetime(2026, 4, 1, 9, 30, tzinfo=datetime.UTC)
    assert json_safe(at) == "2026-04-01T09:30:00+00:00"


@pytest.mark.parametrize("value", [object(), {1, 2}, b"bytes", datetime.timedelta(days=1)])
def test_anything_else_is_refused(value):
    with pytest.raises(TypeError, match="not JSON-safe"):
        json_safe({"key": [value]})


def test_the_review_datasets_mixed_figures_become_text():
    assert json_safe({"a": [0.9091, 12.0, Decimal("1.50"), datetime.date(2026, 3, 31), True, None]}) == {
        "a": ["0.9091", "12", "1.50", "2026-03-31", True, None]
    }
    with pytest.raises(TypeError):
        json_safe(object())
