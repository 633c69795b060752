"""The GOV.UK date field every app uses (messages that name the date and say what to do), and amounts
of money typed as people write them."""

import datetime
from decimal import Decimal

import pytest
from django import forms
from django.core.exceptions import ValidationError

from common.forms import GovUKDateField, PoundsField


class AppointmentForm(forms.Form):
    start = GovUKDateField(label="Start date")
    end = GovUKDateField(label="End date (optional)", required=False)
    happened = GovUKDateField(label="When did it happen?", what="date it happened", required=False)


def errors_for(**parts) -> dict:
    data = {"start_0": "1", "start_1": "4", "start_2": "2026"}
    data.update(parts)
    form = AppointmentForm(data)
    form.is_valid()
    return {name: list(messages) for name, messages in form.errors.items()}


def test_a_complete_real_date_is_accepted_and_an_empty_optional_one_is_none():
    form = AppointmentForm({"start_0": "29", "start_1": "2", "start_2": "2028"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["start"] == datetime.date(2028, 2, 29)
    assert form.cleaned_data["end"] is None


def test_an_empty_required_date_asks_for_it_by_name():
    assert errors_for(start_0="", start_1="", start_2="") == {"start": ["Enter the start date"]}


def test_a_missing_part_is_named():
    assert errors_for(start_1="") == {"start": ["The start date must include a month"]}


@pytest.mark.parametrize(
    "day, month, year", [("29", "2", "2026"), ("31", "4", "2026"), ("1", "13", "2026"), ("1", "4", "26")]
)
def test_dates_that_do_not_exist_or_two_digit_years_are_not_real(day, month, year):
    assert errors_for(start_0=day, start_1=month, start_2=year) == {"start": ["The start date must be a real date"]}


def test_labels_that_are_questions_name_the_date_in_messages():
    assert errors_for(happened_0="30", happened_1="2", happened_2="2026") == {
        "happened": ["The date it happened must be a real date"]
    }
    # An optional date begun but not finished is named part by part.
    assert errors_for(end_0="3") == {"end": ["The end date must include a month", "The end date must include a year"]}


@pytest.mark.parametrize(
    "typed, amount",
    [
        ("3750.50", "3750.50"),
        ("3,750.50", "3750.50"),
        ("£3,750.50", "3750.50"),
        (" £ 1,234,567 ", "1234567"),
        ("£0", "0"),
    ],
)
def test_an_amount_is_taken_as_people_write_it(typed, amount):
    assert PoundsField().clean(typed) == Decimal(amount)


@pytest.mark.parametrize("typed", ["37,50", "3,75.50", "£", "three pounds", "1.234,50"])
def test_a_comma_that_is_not_a_thousands_separator_is_refused(typed):
    with pytest.raises(ValidationError):
        PoundsField().clean(typed)
