"""Demo funding: four programmes (one ring-fenced for BME-led organisations), applications from
BME-led and other groups with every kind of decision, awards including a three-year one, and a
withdrawn award with its joint review held and its redistribution still to do. A fifth programme ran
in the Northamptonshire Compact's last ended reporting period, so that the annual review the demo
publishes for that period has funding to report.

Uses the organisations and people of organisations/demo/. Dates are relative to today (last year's
programme: to the end of that period), and the demo board declarations are too, so that each BME-led
status recorded is the one the rule gives on the day.
Idempotent: an application already recorded (programme, organisation, project title) is skipped
with everything that follows from it."""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from common.dates import add_months
from organisations.models import Compact, Organisation, ServiceArea
from undertakings.selectors import last_ended_period

from .models import Application, FundingProgramme, FundingPurpose, ProgrammeKind
from .services.applications import application_decide, application_submit
from .services.awards import award_create, award_withdraw, awards_mark_completed, joint_review_record

PROGRAMMES = [
    # funder slug, title, kind, purpose, ring-fenced, budget, service area, description
    (
        "west-northamptonshire-council",
        "BME Community Capacity Fund",
        ProgrammeKind.GRANT,
        FundingPurpose.STRATEGIC,
        True,
        "150000",
        "Infrastructure and capacity building",
        "Core funding for BME-led organisations to build their capacity.",
    ),
    (
        "west-northamptonshire-council",
        "Community Wellbeing Grants",
        ProgrammeKind.GRANT,
        FundingPurpose.PROJECT,
        False,
        "80000",
        "Health and social care",
        "Small grants for community projects that improve wellbeing.",
    ),
    (
        "nhs-northamptonshire",
        "Mental Health Community Commissions",
        ProgrammeKind.COMMISSION,
        FundingPurpose.PROJECT,
        False,
        "250000",
        "Mental health",
        "Community-based mental health support, commissioned from the voluntary sector.",
    ),
    (
        "plymouth-city-council",
        "Plymouth Community Chest",
        ProgrammeKind.GRANT,
        FundingPurpose.PROJECT,
        False,
        "60000",
        "Community cohesion",
        "Grants for projects that bring Plymouth's communities together.",
    ),
]

# programme, applicant, project, requested, submitted (days ago), decision, decided (days ago),
# award amount, planned years, reason
APPLICATIONS = [
    (
        "BME Community Capacity Fund",
        "northampton-african-caribbean-forum",
        "Advice surgery expansion",
        "12000",
        45,
        "awarded",
        30,
        "12000",
        3,
        "",
    ),
    (
        "BME Community Capacity Fund",
        "wellingborough-bangladeshi-welfare",
        "Older people's lunch club",
        "8000",
        100,
        "awarded",
        90,
        "7500",
        1,
        "",
    ),
    (
        "Community Wellbeing Grants",
        "kettering-refugee-welcome",
        "Welcome hub drop-in",
        "6000",
        20,
        "awarded",
        10,
        "6000",
        1,
        "",
    ),
    (
        "Community Wellbeing Grants",
        "corby-roma-support-network",
        "Homework club",
        "3000",
        80,
        "declined",
        60,
        None,
        0,
        "The programme was oversubscribed; the panel suggested applying to the education fund, with support from the infrastructure body.",
    ),
    (
        "Community Wellbeing Grants",
        "northants-sikh-youth-project",
        "Youth football league",
        "4000",
        50,
        None,
        0,
        None,
        0,
        "",
    ),
    (
        "Mental Health Community Commissions",
        "northampton-african-caribbean-forum",
        "Talking therapies in community languages",
        "20000",
        40,
        "awarded",
        25,
        "20000",
        2,
        "",
    ),
    (
        "Plymouth Community Chest",
        "plymouth-and-devon-race-equality-council",
        "Hate crime reporting centre",
        "15000",
        90,
        "awarded",
        70,
        "15000",
        3,
        "",
    ),
    (
        "Plymouth Community Chest",
        "plymouth-eastern-european-women",
        "English conversation club",
        "2500",
        60,
        None,
        0,
        None,
        0,
        "",
    ),
]

# Last year's programme: opens and closes (days before the period ended), then its applications as
# above, with days counted back from the end of the period.
LAST_YEAR_PROGRAMME = (
    (
        "west-northamptonshire-council",
        "Community Cohesion Small Grants",
        ProgrammeKind.GRANT,
        FundingPurpose.PROJECT,
        False,
        "30000",
        "Community cohesion",
        "One-off grants for events and projects that bring communities together.",
    ),
    200,
    130,
)
LAST_YEAR_APPLICATIONS = [
    ("daventry-chinese-community-centre", "Lunar New Year festival", "5000", 150, "awarded", 110, "5000", 1, ""),
    ("wellingborough-bangladeshi-welfare", "Carers' support circle", "6000", 150, "awarded", 95, "5500", 1, ""),
    (
        "northampton-african-caribbean-forum",
        "Black History Month programme",
        "4000",
        160,
        "awarded",
        110,
        "4000",
        1,
        "",
    ),
    ("kettering-refugee-welcome", "Conversation cafe", "3000", 140, "awarded", 100, "3000", 1, ""),
    (
        "northants-sikh-youth-project",
        "Summer sports camp",
        "3500",
        155,
        "declined",
        110,
        None,
        0,
        "The camp would have run after the grant period ended; the panel asked the project to apply to next year's round.",
    ),
]

WITHDRAWN = (
    "Older people's lunch club",
    20,
    "The lunch club venue closed and the group could not find another within the grant period.",
)


def _officer(funder: Organisation):
    return get_user_model().objects.filter(memberships__organisation=funder).first()


def load() -> str:
    today = timezone.localdate()
    programmes = {}
    for funder_slug, title, kind, purpose, ring_fenced, budget, area, description in PROGRAMMES:
        funder = Organisation.objects.get(slug=funder_slug)
        programmes[title], _ = FundingProgramme.objects.get_or_create(
            funder=funder,
            title=title,
            defaults={
                "kind": kind,
                "purpose": purpose,
                "ring_fenced": ring_fenced,
                "budget": Decimal(budget),
                "service_area": ServiceArea.objects.filter(name=area).first(),
                "description": description,
                "opens_on": today - timedelta(days=120),
                "closes_on": today + timedelta(days=60),
            },
        )
    added = sum(
        _apply(
            programmes[title],
            slug,
            project,
            requested,
            today - timedelta(days=submitted),
            decision,
            today - timedelta(days=decided),
            amount,
            years,
            reason,
            withdraw=project == WITHDRAWN[0],
        )
        for title, slug, project, requested, submitted, decision, decided, amount, years, reason in APPLICATIONS
    )
    added += _last_year()
    awards_mark_completed()  # last year's one-year awards have ended
    return f"{FundingProgramme.objects.count()} programmes, {added} applications added"


def _apply(
    programme, slug, project, requested, submitted_on, decision, decided_on, amount, years, reason, withdraw=False
) -> int:
    """One application with its decision and award; 0 if it was already recorded."""
    applicant = Organisation.objects.get(slug=slug)
    if Application.objects.filter(programme=programme, applicant=applicant, project_title=project).exists():
        return 0
    officer = _officer(programme.funder)
    application = application_submit(
        programme=programme,
        applicant=applicant,
        project_title=project,
        amount_requested=Decimal(requested),
        summary=f"{project}, run by {applicant.name}.",
        submitted_on=submitted_on,
        user=officer,
    )
    if decision is None:
        return 1
    application_decide(application=application, decision=decision, decided_on=decided_on, reason=reason, user=officer)
    if amount is None:
        return 1
    award = award_create(
        application=application,
        title=project,
        description=f"{project}: funding for {applicant.name}.",
        amount=Decimal(amount),
        award_date=decided_on,
        planned_start=decided_on,
        planned_end=add_months(decided_on, 12 * years) - timedelta(days=1),
        user=officer,
    )
    if withdraw:
        today = timezone.localdate()
        award_withdraw(
            award=award, withdrawn_on=today - timedelta(days=WITHDRAWN[1]), reason=WITHDRAWN[2], user=officer
        )
        joint_review_record(
            review=award.joint_review,
            held_on=today - timedelta(days=10),
            causes="The venue closed at short notice; the group had no reserve budget to move.",
            lessons="Check venue agreements at application; agree a contingency plan for premises.",
            support_needs="Help from the infrastructure body to find community premises and build reserves.",
            agreed_by_both=True,
            complete=True,
            user=officer,
        )
    return 1


def _last_year() -> int:
    compact = Compact.objects.filter(slug="northamptonshire").first()
    period = last_ended_period(compact=compact) if compact else None
    if period is None:
        return 0
    end = period.end_date
    (funder_slug, title, kind, purpose, ring_fenced, budget, area, description), opens, closes = LAST_YEAR_PROGRAMME
    programme, _ = FundingProgramme.objects.get_or_create(
        funder=Organisation.objects.get(slug=funder_slug),
        title=title,
        defaults={
            "kind": kind,
            "purpose": purpose,
            "ring_fenced": ring_fenced,
            "budget": Decimal(budget),
            "service_area": ServiceArea.objects.filter(name=area).first(),
            "description": description,
            "opens_on": end - timedelta(days=opens),
            "closes_on": end - timedelta(days=closes),
        },
    )
    return sum(
        _apply(
            programme,
            slug,
            project,
            requested,
            end - timedelta(days=submitted),
            decision,
            end - timedelta(days=decided),
            amount,
            years,
            reason,
        )
        for slug, project, requested, submitted, decision, decided, amount, years, reason in LAST_YEAR_APPLICATIONS
    )
