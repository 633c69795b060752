"""The auditor's check (issue 14): every headline figure of the demo's annual reviews, for both
Compacts, recounted from the records with plain ORM filters and Python counting written from the
Codes and docs/annual-review-dataset.md, never through the apps' selectors or `<app>/review.py`.
A mismatch names the figure, what the review says and what the records say.

The demo is loaded once with the clock pinned to DAY (after the latest ended year, before its
returns fall due for Northamptonshire... or after, whatever the demo decides: the recount judges
lateness on the same day), and each Compact's review is built for the latest ended period and the
one before it."""

import datetime
import json
import re
import subprocess
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from complaints.models import Complaint
from consultations.models import Consultation
from funding.models import Award
from organisations.models import WHITE_BRITISH_CODE, EthnicGroup, Organisation, Signatory
from representation.models import Appointment
from reviews.dataset import build_dataset
from reviews.report import render_html, write_pdf
from undertakings.models import Action, Code, ComplianceEntry, ComplianceReturn, ReportingPeriod

DAY = datetime.date(2027, 9, 15)
NOW = datetime.datetime.combine(DAY, datetime.time(12, 0), tzinfo=datetime.UTC)
COMPACTS = ["northamptonshire", "plymouth"]
PERIODS = ["2026-27", "2025-26"]  # the latest ended on DAY, and the one before
CASES = [(c, p) for c in COMPACTS for p in PERIODS]

# Each Compact's own BME-led rule, read from its Code (undertakings/codes/*-definition.yaml say the
# same): Northamptonshire §1.2 "run by" BME communities, read as more than half of the board;
# Plymouth draft §1.3, at least 75 per cent of the management committee / directors / trustees.
# Northamptonshire §6.10.5 also counts refugee and faith groups serving BME communities as BME
# sector in funding figures.
RULES = {
    "northamptonshire": {"share": Fraction(1, 2), "strictly_more": True, "serving_count": True},
    "plymouth": {"share": Fraction(3, 4), "strictly_more": False, "serving_count": False},
}
BOARDS = {"management_committee", "board_of_directors", "board_of_trustees"}
DISCLOSURE_THRESHOLD = 5


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with pytest.MonkeyPatch.context() as mp, django_db_blocker.unblock():
        mp.setattr(timezone, "now", lambda: NOW)
        mp.setattr(timezone, "localdate", lambda *a, **k: DAY)
        with transaction.atomic():
            call_command("load_reference_data", verbosity=0)
            with open("/dev/null", "w") as quiet:
                call_command("load_demo", stdout=quiet)
            datasets = {}
            for slug, label in CASES:
                period = ReportingPeriod.objects.get(compact__slug=slug, label=label)
                datasets[(slug, label)] = json.loads(
                    json.dumps(build_dataset(compact=period.compact, period=period, actions=[], built_at=NOW))
                )
            yield datasets
            transaction.set_rollback(True)


@pytest.fixture
def case(request, demo, db):
    slug, label = request.param
    period = ReportingPeriod.objects.select_related("compact").get(compact__slug=slug, label=label)
    return period, demo[(slug, label)]


cases = pytest.mark.parametrize("case", CASES, indirect=True, ids=[f"{c}-{p}" for c, p in CASES])


class Audit:
    """Collects every mismatch so that one failure lists them all."""

    def __init__(self, where):
        self.where, self.wrong, self.checked = where, [], []

    def same(self, figure, review, recount):
        self.checked.append((figure, review, recount))
        if review != recount:
            self.wrong.append(f"{figure}: review says {review!r}, the records say {recount!r}")

    def done(self):
        assert not self.wrong, f"{self.where}:\n  " + "\n  ".join(self.wrong)


def one_place(value: Fraction) -> str:
    """A percentage or score to one decimal place, rounded half up, as the docs say."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return str(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def status_date(period) -> datetime.date:
    return min(period.end_date, DAY)


# --- the records, counted plainly ---------------------------------------------------------------


def signatory_records(period):
    """Signed before the period ended and not withdrawn before it began."""
    return list(
        Signatory.objects.filter(compact=period.compact, signed_on__lte=period.end_date)
        .exclude(withdrawn_on__lt=period.start_date)
        .select_related("organisation")
    )


def in_areas(compact):
    return {
        o.pk
        for o in Organisation.objects.prefetch_related("areas__compacts")
        if any(compact in a.compacts.all() for a in o.areas.all())
    }


def minus_twelve_months(day):
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return datetime.date(day.year - 1, 3, 1)


def bme_led(organisation, day, slug) -> str:
    """The Compact's rule: the newest declaration of a counted board effective on `day` and at most
    12 months old; BME members against the threshold, undisclosed members making it undetermined."""
    rule = RULES[slug]
    current = [
        d
        for d in organisation.board_declarations.all()
        if d.board_type in BOARDS and minus_twelve_months(day) <= d.effective_date <= day
    ]
    if not current:
        return "no_current_declaration"
    latest = max(current, key=lambda d: (d.effective_date, d.declared_at, d.pk))

    def meets(bme):
        share = Fraction(bme, latest.members) if latest.members else Fraction(0)
        return share > rule["share"] if rule["strictly_more"] else share >= rule["share"]

    if meets(latest.bme_members):
        return "bme_led"
    if meets(latest.bme_members + latest.undisclosed_members):
        return "undetermined"
    return "not_bme_led"


def serving_bme_communities(organisation) -> bool:
    return (
        organisation.sector == "voluntary"
        and (organisation.refugee_focus or organisation.faith_based)
        and any(g.code != WHITE_BRITISH_CODE for g in organisation.communities_served.all())
    )


def minority_groups():
    return [g for g in EthnicGroup.objects.order_by("position") if g.code != WHITE_BRITISH_CODE]


# --- one test per section ------------------------------------------------------------------------


@cases
def test_signatories(case):
    period, data = case
    audit = Audit(f"{period.compact.slug} {period.label} signatories")
    records = signatory_records(period)
    section = data["signatories"]
    audit.same("total", section["total"], len({s.organisation_id for s in records}))
    by_sector = Counter(s.organisation.sector for s in records)
    audit.same(
        "by sector",
        {r["sector"]: r["count"] for r in section["by_sector"]},
        {k: by_sector[k] for k in ("public", "voluntary", "private")},
    )
    audit.same(
        "signed in period",
        section["signed_in_period"],
        sum(period.start_date <= s.signed_on <= period.end_date for s in records),
    )
    audit.same(
        "withdrawn in period",
        section["withdrawn_in_period"],
        sum(s.withdrawn_on is not None and period.start_date <= s.withdrawn_on <= period.end_date for s in records),
    )
    audit.same(
        "listed org ids",
        sorted(o["org_id"] for o in section["organisations"]),
        sorted(s.organisation.org_id for s in records),
    )
    figures = {f["label"]: f["value"] for f in data["year_in_numbers"]["figures"]}
    audit.same("year in numbers: Signatories", figures["Signatories"], len(records))
    audit.done()


COUNTED = ("submitted", "reviewed")


@cases
def test_compliance_returns_scores_statements_and_actions(case):
    period, data = case
    audit = Audit(f"{period.compact.slug} {period.label} compliance")
    section = data["compliance"]
    codes = list(Code.objects.filter(compact=period.compact, status="adopted"))
    signatories = {s.organisation_id for s in signatory_records(period)}
    returns = {(r.organisation_id, r.code_id): r for r in ComplianceReturn.objects.filter(period=period)}
    expected = {(o, c.pk) for o in signatories for c in codes} | set(returns)
    counted = [r for r in returns.values() if r.status in COUNTED]
    audit.same("returns expected", section["returns_expected"], len(expected))
    audit.same("returns counted", section["returns_counted"], len(counted))
    audit.same("returns reviewed", section["returns_reviewed"], sum(r.status == "reviewed" for r in returns.values()))

    # On time: given in by the due date; late: given in after it, or not given in and past it.
    on_time = late = 0
    for key in expected:
        given = returns.get(key)
        given_on = (
            timezone.localtime(given.submitted_at).date()
            if given and given.status in COUNTED and given.submitted_at
            else None
        )
        if given_on is not None and given_on <= period.returns_due:
            on_time += 1
        elif given_on is not None or period.returns_due < DAY:
            late += 1
    audit.same("returns on time", section["returns_on_time"], on_time)
    audit.same("returns on time: of", section["returns_on_time_of"], on_time + late)

    # Score: met (partly met a half) over what applied; the mean of the returns where anything applied.
    scores = []
    for r in counted:
        ratings = Counter(ComplianceEntry.objects.filter(compliance_return=r).values_list("rating", flat=True))
        applicable = sum(ratings.values()) - ratings["not_applicable"]
        if applicable:
            scores.append(Fraction(2 * ratings["met"] + ratings["partly_met"], 2 * applicable) * 100)
    average = one_place(sum(scores) / len(scores)) if scores else None
    audit.same("average score", section["average_score"], average)

    entries = ComplianceEntry.objects.filter(compliance_return__in=counted).select_related("undertaking")
    statements = Counter(e.rating for e in entries if e.rating not in ("met", "not_assessed"))
    audit.same("statements by rating", dict(Counter(s["rating"] for s in section["statements"])), dict(statements))
    by_rating = Counter()
    for u in section["undertakings"]:
        by_rating.update({k: v for k, v in u["counts"].items() if v})
    audit.same(
        "ratings of assessable undertakings",
        dict(by_rating),
        dict(Counter(e.rating for e in entries if e.undertaking.assessable)),
    )

    open_actions = Action.objects.filter(entry__compliance_return__in=counted, done=False)
    audit.same("actions not done", len(section["return_actions"]), open_actions.count())
    audit.same("actions overdue", section["return_actions_overdue"], open_actions.filter(due_on__lt=DAY).count())

    figures = {f["label"]: f for f in data["year_in_numbers"]["figures"]}
    audit.same("year in numbers: returns submitted", figures["Compliance returns submitted"]["value"], len(counted))
    audit.same("year in numbers: average score", figures["Average compliance score"]["value"], average or "")
    audit.done()
