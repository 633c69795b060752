"""The BME-led test itself: boundaries, invalid counts, wording, and properties against a plain
restatement of the rule (shared/design.md §3)."""

from datetime import date, timedelta
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from organisations.bme_led import (
    NEGATIVE_COUNT,
    NO_MEMBERS,
    TOO_MANY,
    TOO_MANY_BME,
    Outcome,
    assess_board,
    decimal_share,
    format_percent,
    is_current,
    last_current_date,
    no_current_declaration,
    oldest_current_effective_date,
)


def outcome(members, bme, undisclosed=0, threshold=None):
    return assess_board(members=members, bme_members=bme, undisclosed_members=undisclosed, threshold=threshold).outcome


def test_exactly_at_the_threshold_is_bme_led():
    assert outcome(4, 3) == Outcome.BME_LED
    assert outcome(100, 75) == Outcome.BME_LED


def test_one_member_below_the_threshold_is_not_bme_led():
    assert outcome(4, 2) == Outcome.NOT_BME_LED
    assert outcome(100, 74) == Outcome.NOT_BME_LED


def test_arithmetic_is_exact_where_floating_point_would_round():
    # In floating point 25 * 0.56 is 14.000000000000002, so "14 >= 25 * 0.56" is False.
    assert 14 < 25 * 0.56
    assert outcome(25, 14, threshold=Fraction("0.56")) == Outcome.BME_LED
    assert outcome(3, 2, threshold=Fraction(2, 3)) == Outcome.BME_LED
    assert outcome(99, 74) == Outcome.NOT_BME_LED


def test_all_members_undisclosed_is_undetermined():
    assert outcome(5, 0, 5) == Outcome.UNDETERMINED


def test_undisclosed_members_that_could_reach_the_threshold_make_it_undetermined():
    assert outcome(8, 5, 1) == Outcome.UNDETERMINED  # 6 of 8 = 75% if the one who did not say is BME
    assert outcome(8, 5, 0) == Outcome.NOT_BME_LED
    assert outcome(8, 4, 1) == Outcome.NOT_BME_LED  # even with them, 5 of 8


def test_bme_led_board_stays_bme_led_whatever_the_undisclosed_members_are():
    assert outcome(8, 6, 2) == Outcome.BME_LED


def test_a_board_with_no_members_is_refused():
    with pytest.raises(ValidationError) as exc:
        assess_board(members=0, bme_members=0, undisclosed_members=0)
    assert exc.value.message_dict == {"members": [NO_MEMBERS]}


def test_negative_counts_are_refused():
    with pytest.raises(ValidationError) as exc:
        assess_board(members=4, bme_members=-1, undisclosed_members=0)
    assert exc.value.message_dict == {"bme_members": [NEGATIVE_COUNT]}


def test_more_bme_members_than_members_is_refused():
    with pytest.raises(ValidationError) as exc:
        assess_board(members=4, bme_members=5, undisclosed_members=0)
    assert exc.value.message_dict == {"bme_members": [TOO_MANY_BME.format(bme=5, members=4)]}


def test_bme_and_undisclosed_members_adding_up_to_more_than_the_board_is_refused():
    with pytest.raises(ValidationError) as exc:
        assess_board(members=4, bme_members=3, undisclosed_members=2)
    assert exc.value.message_dict == {"undisclosed_members": [TOO_MANY.format(total=5, members=4)]}


def test_threshold_comes_from_settings(settings):
    settings.BME_LED_THRESHOLD = Fraction("0.5")
    assert outcome(4, 2) == Outcome.BME_LED
    assert assess_board(members=4, bme_members=2, undisclosed_members=0).threshold == Fraction(1, 2)


def test_explanation_gives_the_counts_share_and_threshold():
    result = assess_board(members=4, bme_members=3, undisclosed_members=0)
    assert result.explanation == "3 of 4 board members are of BME origin (75%), which meets the 75% threshold."
    result = assess_board(members=8, bme_members=5, undisclosed_members=1)
    assert result.explanation == (
        "5 of 8 board members are of BME origin (62.5%), which is below the 75% threshold, but 1 member did "
        "not say. If they are of BME origin the share would be 75%, so the result cannot be decided."
    )
    assert "no board declaration from the last 12 months" in no_current_declaration().explanation


def test_a_share_just_below_the_threshold_is_never_printed_as_the_threshold():
    assert format_percent(Fraction(2999, 4000), distinct_from=Fraction(3, 4)) == "74.98%"
    assert format_percent(Fraction(2999, 4000)) == "75.0%"
    assert format_percent(Fraction(2, 3)) == "66.7%"
    assert format_percent(Fraction(7, 10)) == "70%"


@pytest.mark.parametrize(
    "share, text", [(Fraction(3, 4), "0.75"), (Fraction(1), "1"), (Fraction(0), "0"), (Fraction(2, 3), "0.6666")]
)
def test_shares_are_decimal_strings_exact_or_rounded_down(share, text):
    assert decimal_share(share) == text


# --- Properties ----------------------------------------------------------------------------------

boards = st.integers(min_value=1, max_value=500).flatmap(
    lambda members: st.tuples(
        st.just(members),
        st.integers(min_value=0, max_value=members).flatmap(
            lambda bme: st.tuples(st.just(bme), st.integers(min_value=0, max_value=members - bme))
        ),
    )
)
thresholds = st.fractions(min_value=Fraction(1, 100), max_value=1, max_denominator=10_000)


def plain_rule(members, bme, undisclosed, threshold):
    """The rule as design.md states it, in cross-multiplied integers."""
    n, d = threshold.numerator, threshold.denominator
    if bme * d >= n * members:
        return "bme_led"
    if (bme + undisclosed) * d >= n * members:
        return "undetermined"
    return "not_bme_led"


@given(boards, thresholds)
def test_assess_board_agrees_with_the_plain_rule(board, threshold):
    members, (bme, undisclosed) = board
    assert outcome(members, bme, undisclosed, threshold) == plain_rule(members, bme, undisclosed, threshold)


@given(boards)
def test_with_the_default_threshold_three_quarters_is_the_line(board):
    members, (bme, undisclosed) = board
    expected = (
        "bme_led"
        if 4 * bme >= 3 * members
        else "undetermined"
        if 4 * (bme + undisclosed) >= 3 * members
        else "not_bme_led"
    )
    assert outcome(members, bme, undisclosed) == expected


@given(
    boards,
    st.fractions(min_value=Fraction(1, 100), max_value=1, max_denominator=10_000).filter(
        lambda t: (t * 10_000).denominator == 1
    ),
)
def test_the_rounded_down_share_compares_with_the_threshold_as_the_exact_share_does(board, threshold):
    members, (bme, _) = board
    share = Fraction(bme, members)
    assert (Fraction(decimal_share(share)) >= threshold) == (share >= threshold)


@given(boards)
def test_the_printed_share_never_equals_the_threshold_unless_it_is_the_threshold(board):
    members, (bme, _) = board
    share = Fraction(bme, members)
    if share != Fraction(3, 4):
        assert format_percent(share, distinct_from=Fraction(3, 4)) != "75%"
        assert not format_percent(share, distinct_from=Fraction(3, 4)).startswith("75.0%")


# --- How long a declaration counts ---------------------------------------------------------------


def test_a_declaration_counts_for_exactly_12_months():
    assert last_current_date(date(2025, 3, 10)) == date(2026, 3, 10)
    assert is_current(date(2025, 3, 10), date(2026, 3, 10))
    assert not is_current(date(2025, 3, 10), date(2026, 3, 11))


def test_a_declaration_is_not_current_before_its_effective_date():
    assert not is_current(date(2025, 3, 10), date(2025, 3, 9))


def test_leap_days_count_for_12_months_and_no_more():
    assert last_current_date(date(2024, 2, 29)) == date(2025, 2, 28)
    assert oldest_current_effective_date(date(2024, 2, 29)) == date(2023, 3, 1)
    assert oldest_current_effective_date(date(2025, 2, 28)) == date(2024, 2, 28)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)), st.integers(min_value=-800, max_value=800))
def test_oldest_current_date_is_the_exact_inverse_of_last_current_date(effective, offset):
    on_date = effective + timedelta(days=offset)
    counts_by_oldest = oldest_current_effective_date(on_date) <= effective <= on_date
    assert counts_by_oldest == is_current(effective, on_date)
