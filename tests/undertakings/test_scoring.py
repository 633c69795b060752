"""The one compliance score: (met + ½ × partly met) ÷ applicable, exact."""

import json
from fractions import Fraction

import pytest

from undertakings.scoring import NO_APPLICABLE_UNDERTAKINGS, compliance_score


def test_partly_met_counts_half_and_the_parts_are_shown():
    score = compliance_score(met=12, partly_met=5, applicable=20)
    assert score.numerator == Fraction(29, 2)
    assert score.denominator == 20
    assert score.percentage == Fraction(145, 2)
    assert score.percent_text == "72.5%"
    assert score.fraction_text == "14.5 of 20"
    assert str(score) == "72.5% (14.5 of 20)"
    assert score.working == "(12 met + ½ × 5 partly met) ÷ 20 applicable = 14.5 of 20 = 72.5%"


def test_whole_percentages_have_no_decimal_and_halves_round_up():
    assert compliance_score(met=3, partly_met=0, applicable=4).percent_text == "75%"
    # 1/3 = 33.33…% → 33.3%; 2/3 = 66.66…% → 66.7%; 1/16 = 6.25% → 6.3% (never banker's rounding)
    assert compliance_score(met=1, partly_met=0, applicable=3).percent_text == "33.3%"
    assert compliance_score(met=2, partly_met=0, applicable=3).percent_text == "66.7%"
    assert compliance_score(met=0, partly_met=1, applicable=8).percent_text == "6.3%"


def test_nothing_applicable_gives_no_percentage_rather_than_a_division_by_zero():
    score = compliance_score(met=0, partly_met=0, applicable=0)
    assert score.percentage is None
    assert str(score) == NO_APPLICABLE_UNDERTAKINGS
    assert score.as_dict() == {"numerator": "0", "denominator": 0, "percent": None}


def test_the_score_as_data_is_exact_text_and_serialisable():
    data = compliance_score(met=1, partly_met=1, applicable=3).as_dict()
    assert data == {"numerator": "1.5", "denominator": 3, "percent": "50%"}
    json.dumps(data)


@pytest.mark.parametrize("counts", [dict(met=-1, partly_met=0, applicable=1), dict(met=2, partly_met=1, applicable=2)])
def test_impossible_counts_are_refused(counts):
    with pytest.raises(ValueError):
        compliance_score(**counts)
