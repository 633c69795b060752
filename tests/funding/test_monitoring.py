"""Every monitoring figure on a small hand-made data set. The expected values are worked out in the
comments from the records, not copied from the code's output."""

import datetime
from decimal import Decimal

import pytest

from funding.models import ApplicationStatus, AwardStatus
from funding.selectors import funding_monitoring
from organisations.bme_led import Outcome
from organisations.models import EthnicGroup, LegalForm, Sector, ServiceArea
from tests import factories as f

from .factories import (
    ApplicationFactory,
    AwardFactory,
    FundingProgrammeFactory,
    JointReviewFactory,
    RedistributionFactory,
)

D = datetime.date
START, END = D(2025, 4, 1), D(2026, 3, 31)
BME, NOT_BME, NONE = Outcome.BME_LED, Outcome.NOT_BME_LED, Outcome.NO_CURRENT_DECLARATION


@pytest.fixture
def data(db):
    groups = {
        name: EthnicGroup.objects.create(code=name.lower(), name=name, high_level_group="x", position=i)
        for i, name in enumerate(["African", "Bangladeshi", "Roma", "Irish"])
    }
    areas = {
        name: ServiceArea.objects.create(slug=name.lower(), name=name) for name in ["Advice", "Older people", "Youth"]
    }
    compact = f.CompactFactory(slug="x")
    council, nhs, outside = f.PublicBodyFactory(), f.PublicBodyFactory(), f.PublicBodyFactory()
    f.SignatoryFactory(compact=compact, organisation=council)
    f.SignatoryFactory(compact=compact, organisation=nhs)
    bme1, bme2, other1, other2, unfunded = (f.OrganisationFactory() for _ in range(5))
    bme1.communities_served.set([groups["African"]])
    bme2.communities_served.set([groups["Bangladeshi"]])
    other1.communities_served.set([groups["Roma"]])
    unfunded.communities_served.set([groups["Irish"]])  # serves Irish, but is never funded
    business = f.OrganisationFactory(sector=Sector.PRIVATE, legal_form=LegalForm.OTHER)

    advice = FundingProgrammeFactory(funder=council, service_area=areas["Advice"])
    older = FundingProgrammeFactory(funder=council, service_area=areas["Older people"])
    youth = FundingProgrammeFactory(funder=nhs, service_area=areas["Youth"])

    def app(programme, applicant, outcome, status, **kw):
        decided = {} if status == ApplicationStatus.SUBMITTED else {"decided_on": D(2025, 6, 1)}
        return ApplicationFactory(
            programme=programme, applicant=applicant, bme_led_outcome=outcome, status=status, **decided, **kw
        )

    A, DEC, W, S = (
        ApplicationStatus.AWARDED,
        ApplicationStatus.DECLINED,
        ApplicationStatus.WITHDRAWN,
        ApplicationStatus.SUBMITTED,
    )
    a1, a2 = app(advice, bme1, BME, A), app(older, bme2, BME, A)
    app(advice, bme1, BME, DEC), app(older, bme2, BME, W)
    o1, o5 = app(older, other1, NOT_BME, A), app(youth, other2, NONE, A)
    app(older, other2, NONE, DEC), app(youth, other2, NONE, DEC), app(older, other1, NOT_BME, S)
    app(older, other1, NOT_BME, A)  # awarded, award not yet recorded
    app(older, business, NONE, A)  # private sector: not a VCS applicant
    app(advice, bme1, BME, A, submitted_on=D(2025, 3, 1))  # before the period

    award = AwardFactory
    award(
        funder=council,
        recipient=bme1,
        amount=Decimal("1000"),
        programme=advice,
        application=a1,
        planned_start=D(2025, 4, 1),
        planned_end=D(2028, 3, 31),
        planned_months=36,
    )
    award(
        funder=council,
        recipient=bme2,
        amount=Decimal("3000"),
        programme=older,
        application=a2,
        planned_start=D(2025, 6, 1),
        planned_end=D(2026, 5, 31),
        planned_months=12,
    )
    award(
        funder=council,
        recipient=other1,
        amount=Decimal("2000"),
        programme=older,
        application=o1,
        recipient_bme_led_outcome=NOT_BME,
    )
    award(
        funder=nhs,
        recipient=other2,
        amount=Decimal("6000"),
        programme=youth,
        application=o5,
        recipient_bme_led_outcome=NONE,
        planned_start=D(2025, 7, 1),
        planned_end=D(2028, 6, 30),
        planned_months=36,
    )
    withdrawn = award(
        funder=council,
        recipient=bme1,
        amount=Decimal("4000"),
        programme=advice,
        award_date=D(2025, 5, 1),
        status=AwardStatus.WITHDRAWN,
        withdrawn_on=D(2025, 10, 1),
    )
    JointReviewFactory(award=withdrawn, held_on=D(2025, 11, 1), completed_on=D(2025, 11, 1), agreed_by_both=True)
    RedistributionFactory(
        award=withdrawn,
        alternative_considered=True,
        alternative=bme2,
        amount=Decimal("3000"),
        alternative_bme_led_outcome=BME,
        completed_on=D(2025, 11, 15),
    )
    award(funder=council, recipient=bme2, amount=Decimal("800"), award_date=D(2024, 6, 1))  # bme2 funded before
    award(funder=outside, recipient=bme1, amount=Decimal("10000"))  # a funder outside the Compact
    award(funder=council, recipient=other1, amount=Decimal("700"), award_date=D(2026, 4, 10))  # after the period
    return {"compact": compact, "council": council}


def test_every_figure_for_a_compact(data):
    m = funding_monitoring(start=START, end=END, compact=data["compact"])
    # Awards in the period, not withdrawn, from the Compact's signatories: 1000, 3000, 2000, 6000.
    assert (m.awards, m.awarded_value) == (4, Decimal("12000.00"))
    # BME-led recipients got 1000 + 3000: 2 of 4 awards, 4000 of 12000.
    assert (m.bme_led_awards, m.bme_led_value) == (2, Decimal("4000.00"))
    assert (m.bme_led_share_by_count, m.bme_led_share_by_value) == (Decimal("50.0"), Decimal("33.3"))
    # Medians: 1000 2000 | 3000 6000 → 2500; BME-led 1000, 3000 → 2000; other 2000, 6000 → 4000.
    assert (m.median_award, m.median_award_bme_led, m.median_award_other) == (
        Decimal("2500.00"),
        Decimal("2000.00"),
        Decimal("4000.00"),
    )
    # BME-led applicants: awarded 2, declined 1, withdrawn 1 → 2 of 3 decided; awards 1000 and 3000.
    b = m.bme_led_applicants
    assert (b.applications, b.awarded, b.declined, b.withdrawn, b.awaiting_decision) == (4, 2, 1, 1, 0)
    assert (b.approval_rate, b.average_awarded) == (Decimal("66.7"), Decimal("2000.00"))
    # Other VCS applicants (the business is not one): awarded 3, declined 2, awaiting 1 → 3 of 5;
    # two of the three awards are recorded, 2000 and 6000.
    o = m.other_vcs_applicants
    assert (o.applications, o.awarded, o.declined, o.withdrawn, o.awaiting_decision) == (6, 3, 2, 0, 1)
    assert (o.approval_rate, o.average_awarded) == (Decimal("60.0"), Decimal("4000.00"))
    # Funded organisations serve African, Bangladeshi and Roma communities; nobody funded serves Irish.
    assert m.communities_not_funded == ("Irish",)
    # Older people: BME-led and other funding; Advice: BME-led only; Youth: other VCS only.
    assert m.service_areas_without_bme_led_funding == ("Youth",)
    # bme1 and bme2 were funded; bme2 had an award in 2024, so only bme1 is new.
    assert (m.bme_led_recipients, m.first_time_bme_led_recipients) == (2, 1)
    # Planned for 36 months: awards of 1000 and 6000, 2 of 4.
    assert (m.multi_year_awards, m.multi_year_share) == (2, Decimal("50.0"))
    assert (m.withdrawals, m.withdrawn_value) == (1, Decimal("4000.00"))
    assert (m.joint_reviews_held, m.joint_reviews_outstanding) == (1, 0)
    assert (m.redistributions_completed, m.alternatives_considered, m.redistributed_within_bme_sector) == (
        1,
        1,
        Decimal("3000.00"),
    )


def test_figures_for_one_funder(data):
    m = funding_monitoring(start=START, end=END, funder=data["council"])
    # The council's awards: 1000 (BME-led), 3000 (BME-led), 2000.
    assert (m.awards, m.awarded_value, m.bme_led_awards) == (3, Decimal("6000.00"), 2)
    assert (m.bme_led_share_by_count, m.bme_led_share_by_value) == (Decimal("66.7"), Decimal("66.7"))
    assert m.median_award == Decimal("2000.00")
    # Youth was funded by the NHS body, so the council has no area without BME-led funding.
    assert m.service_areas_without_bme_led_funding == ()
    # The council's other VCS applications: awarded o1 and one unrecorded, declined 1, awaiting 1.
    o = m.other_vcs_applicants
    assert (o.applications, o.awarded, o.declined, o.approval_rate) == (4, 2, 1, Decimal("66.7"))


def test_without_a_scope_every_funder_counts(data):
    m = funding_monitoring(start=START, end=END)
    # The four Compact awards and the outside funder's 10000.
    assert (m.awards, m.awarded_value) == (5, Decimal("22000.00"))


def test_white_british_is_never_listed_as_a_community_left_unfunded(data):
    from organisations.models import WHITE_BRITISH_CODE

    EthnicGroup.objects.create(
        code=WHITE_BRITISH_CODE,
        name="English, Welsh, Scottish, Northern Irish or British",
        high_level_group="White",
        position=99,
    )
    m = funding_monitoring(start=START, end=END, compact=data["compact"])
    assert m.communities_not_funded == ("Irish",)  # the Codes' minority ethnic communities only


def test_an_empty_period_has_no_shares_or_medians(db):
    m = funding_monitoring(start=START, end=END)
    assert m.awards == 0 and m.bme_led_share_by_count is None and m.median_award is None
    assert m.bme_led_applicants.approval_rate is None


def test_as_dict_is_json_ready_with_decimals_as_strings(data):
    import json

    d = funding_monitoring(start=START, end=END, compact=data["compact"]).as_dict()
    assert d["awarded_value"] == "12000.00" and d["bme_led_share_by_value"] == "33.3"
    assert d["bme_led_applicants"]["approval_rate"] == "66.7"
    assert d["start"] == "2025-04-01" and d["compact"] == "x"
    json.dumps(d)
