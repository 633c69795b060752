"""Each app's contract with the annual review (`<app>/review.py`) returns what its types declare: every
key of every TypedDict, no other, each value of its declared type, on a world with records in every
app. A selector that grows or loses a key fails here before the published dataset changes shape."""

import dataclasses
import datetime
import typing

import pytest

from complaints.review import ComplaintFigures, ComplaintsReview, complaint_figures_for_review, complaints_review
from consultations.review import (
    CodeConsultation,
    ConsultationsReview,
    code_consultations_for_review,
    consultations_for_review,
)
from funding.review import FundingReview, funding_for_review
from organisations.review import BmeLedReview, bme_led_for_review
from representation.review import RepresentationReview, representation_for_review
from tests.representation.factories import AppointmentFactory, BoardFactory
from tests.typed_shapes import mismatches
from undertakings.review import (
    ActionsProgress,
    CodeAdopted,
    ComplianceReview,
    SignatoryRow,
    codes_adopted_for_review,
    compliance_for_review,
    return_actions_progress,
    signatories_for_review,
)

from .test_dataset import review_world
from .test_report import CONSULTATIONS, REPRESENTATION

AS_OF = datetime.date(2026, 6, 1)


def test_the_checker_sees_a_missing_key_an_extra_key_and_a_wrong_type() -> None:
    class Row(typing.TypedDict):
        name: str
        count: int
        share: float | None

    assert mismatches([{"name": "A", "count": 1, "share": None}], list[Row]) == []
    assert mismatches({"name": "A", "count": 1, "share": None}, list[Row]) == ["result: dict, not a list"]
    assert sorted(mismatches([{"name": "A", "count": True, "extra": 1}], list[Row])) == [
        "result[0]: missing key 'share'",
        "result[0]: unexpected key 'extra'",
        "result[0]['count']: True is not int",
    ]


@pytest.fixture
def world(db):
    return review_world()


def test_undertakings_answers_in_its_declared_types(world):
    start, end = world.period.start_date, world.period.end_date
    compliance = compliance_for_review(compact=world.compact, period=world.period, as_of=AS_OF)
    assert compliance["bodies"] and compliance["undertakings"] and compliance["statements"] and compliance["actions"]
    assert mismatches(compliance, ComplianceReview) == []
    signatories = signatories_for_review(period=world.period)
    assert signatories and mismatches(signatories, list[SignatoryRow]) == []
    assert mismatches(codes_adopted_for_review(compact=world.compact, start=start, end=end), list[CodeAdopted]) == []
    assert mismatches(return_actions_progress(period=world.period, as_of=AS_OF), ActionsProgress) == []


def test_organisations_answers_in_its_declared_types(world):
    summary = bme_led_for_review(compact=world.compact, on_date=world.period.end_date)
    assert summary["bme_led_organisations"] and mismatches(summary, BmeLedReview) == []


def test_consultations_answers_in_its_declared_types(world):
    start, end = world.period.start_date, world.period.end_date
    result = consultations_for_review(compact=world.compact, start=start, end=end, as_of=AS_OF)
    assert mismatches(result, ConsultationsReview) == []
    codes = code_consultations_for_review(compact=world.compact, start=start, end=end)
    assert mismatches(codes, list[CodeConsultation]) == []


def test_representation_answers_in_its_declared_types(world):
    AppointmentFactory(board=BoardFactory(compact=world.compact), start_date=datetime.date(2025, 4, 1))
    result = representation_for_review(compact=world.compact, on_date=world.period.end_date)
    assert result["boards"] and result["appointments"] == 1
    assert mismatches(result, RepresentationReview) == []


def test_the_report_tests_stand_ins_are_the_shapes_the_contracts_declare():
    # tests/reviews/test_report.py prints these in place of the real selectors.
    assert mismatches(CONSULTATIONS, ConsultationsReview, "CONSULTATIONS") == []
    assert mismatches(REPRESENTATION, RepresentationReview, "REPRESENTATION") == []


def test_complaints_answers_in_its_declared_types(world):
    start, end = world.period.start_date, world.period.end_date
    figures = complaint_figures_for_review(compact=world.compact, start=start, end=end, as_of=AS_OF)
    assert figures["received"] == 2 and figures["learning"]
    assert mismatches(figures, ComplaintFigures) == []
    handling = complaints_review(compact=world.compact, start=start, end=end)
    assert isinstance(handling, ComplaintsReview) and handling.received == 2


@pytest.mark.parametrize("result_type", [FundingReview, ComplaintsReview])
def test_dataclass_results_are_frozen_and_slotted(result_type):
    params = result_type.__dataclass_params__
    assert params.frozen and hasattr(result_type, "__slots__")


def test_funding_answers_with_the_monitoring_figures(world):
    result = funding_for_review(compact=world.compact, start=world.period.start_date, end=world.period.end_date)
    assert isinstance(result, FundingReview) and result.awards == 2
    assert {f.name for f in dataclasses.fields(result)} == set(result.as_dict())
