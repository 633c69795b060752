"""Demo actions for next year for the Northamptonshire Compact's latest ended period, and that
period's review built and published, so that the public list at /reviews/ has one to show.

The build runs here, in this process, through the same service a worker calls (about 3 seconds);
the chair (steering@northants.example) can build further versions with one click. Tests switch the
build off with DEMO_BUILD_ANNUAL_REVIEW, except the one that checks it."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from organisations.models import Compact, Organisation, SteeringGroupMember
from undertakings.review import last_ended_period, previous_period, signatory_ids_during

from . import jobs, narrative, services
from .models import ActionProgress, AnnualReview, ReviewAction, ReviewNarrative

ACTIONS = [
    (
        "Publish every consultation for the full 12 weeks, or record why not on the portal.",
        "Public bodies' consultation leads",
        (9, 30),
    ),
    (
        "Bring the board declarations of all voluntary sector signatories up to date.",
        "Northampton African Caribbean Forum and the steering group",
        (12, 31),
    ),
    (
        "Hold a joint review with each funded group before any funding is withdrawn.",
        "Funding officers' network",
        (3, 31),
    ),
]
INTERIM_REASON = (
    "The annual meeting asked for the year's figures as they stand. The final review will follow when "
    "the last compliance returns have been given in and reviewed."
)


def load() -> str:
    compact = Compact.objects.filter(slug="northamptonshire").first()
    if compact is None:
        return "reviews: no Northamptonshire Compact (load organisations first)"
    period = last_ended_period(compact=compact)
    if period is None:
        return "reviews: no ended reporting period for Northamptonshire"
    created = 0
    for position, (text, owner, (month, day)) in enumerate(ACTIONS, start=1):
        year = period.end_date.year + (0 if month > period.end_date.month else 1)
        _, made = ReviewAction.objects.get_or_create(
            compact=compact,
            period=period,
            action=text,
            defaults={"owner": owner, "due": datetime.date(year, month, day), "position": position},
        )
        created += made
    summary = f"reviews: {len(ACTIONS)} actions for next year for {compact.name} {period.label} ({created} new)"
    _last_years_actions(compact, period)
    _narrative(compact, period)
    if settings.DEMO_BUILD_ANNUAL_REVIEW:
        summary += _publish_a_review(compact, period)
    return summary


# The steering group's actions agreed the year before, with what became of each.
LAST_YEARS_ACTIONS = [
    (
        "Ask every public body to name a lead officer for the Compact.",
        "Public bodies' chief executives",
        ActionProgress.DONE,
        "All four public bodies named a lead; their names are on the Compact's page.",
    ),
    (
        "Translate the summary of the Code into the five most spoken community languages.",
        "West Northamptonshire Council, Communications",
        ActionProgress.IN_PROGRESS,
        "Polish, Romanian and Bengali are done; Punjabi and Somali are with the translators.",
    ),
    (
        "Set up a shared calendar of consultations for the whole county.",
        "The steering group",
        ActionProgress.DROPPED,
        "Replaced by the portal's list of open consultations, which every body now uses.",
    ),
]
SECTOR_REPRESENTATIVE = ("sector-rep@northants.example", "Grace Mensah", "Voluntary sector representative")
FOREWORD = (
    "This is the report of the Compact's annual meeting. It shows a partnership that works, and where it does "
    "not yet. Most public bodies explained honestly where they fell short of the Code, and the year's one "
    "complaint was settled at the first stage. But not every return had been given in when we met, so this "
    "is an interim review: the final one follows when the last returns are in.\n\n"
    "I thank the officers who completed their returns, and the community groups who told us plainly what is "
    "not working."
)
SECTOR_STATEMENT = (
    "The sector welcomes the twelve-week consultations and the named lead officers: groups now know whom to "
    "call. We are concerned that two public bodies had still not given in their returns when the meeting met, "
    "and that funding decisions are still made before groups hear about them. Small groups run by volunteers "
    "need more notice, and papers in their own languages, to take part."
)
DECISIONS = (
    "1. The meeting agreed the review and asked the steering group to publish it as an interim review until "
    "the last returns are in.\n"
    "2. Public bodies whose returns are late will present them at the steering group's next meeting.\n"
    "3. The actions for next year printed in this review were agreed."
)
ATTENDING = [
    "west-northamptonshire-council",
    "north-northamptonshire-council",
    "nhs-northamptonshire",
    "northamptonshire-police",
    "northampton-african-caribbean-forum",
    "kettering-refugee-welcome",
]
COMMENTARY = {
    "compliance": (
        "Returns were more honest this year: most bodies explained where they fell short. The steering group "
        "will follow up every action that is overdue."
    ),
    "complaints": (
        "The year's complaint was settled at the first stage. The steering group will check that what was "
        "learned from it is put into practice."
    ),
}


def _last_years_actions(compact, period) -> None:
    previous = previous_period(period)
    if previous is None:
        return
    for position, (text, owner, progress, note) in enumerate(LAST_YEARS_ACTIONS, start=1):
        ReviewAction.objects.get_or_create(
            compact=compact,
            period=previous,
            action=text,
            defaults={
                "owner": owner,
                "due": previous.end_date,
                "position": position,
                "progress": progress,
                "progress_note": note,
            },
        )


def _narrative(compact, period) -> None:
    """The annual meeting, foreword, sector statement and commentary, written once (never over
    what someone has changed since)."""
    if ReviewNarrative.objects.filter(compact=compact, period=period).exists():
        return
    chair = compact.steering_group.select_related("user").order_by("start_date", "pk").first()
    if chair is None:
        return
    email, name, role = SECTOR_REPRESENTATIVE
    user, made = get_user_model().objects.get_or_create(email=email, defaults={"full_name": name})
    if made:
        user.set_unusable_password()
        user.save()
    representative, _ = SteeringGroupMember.objects.get_or_create(
        compact=compact, user=user, defaults={"role": role, "start_date": period.start_date}
    )
    # Meetings happen after the year ends, and never on a day still to come.
    met_on = min(period.end_date + datetime.timedelta(days=75), timezone.localdate())
    attending = list(Organisation.objects.filter(slug__in=ATTENDING))
    signed = signatory_ids_during(period=period)
    narrative.review_meeting_save(
        compact=compact,
        period=period,
        user=chair.user,
        date=met_on,
        place="Community room, Northampton Central Library",
        attending=[o for o in attending if o.pk in signed],
        decisions=DECISIONS,
    )
    narrative.review_foreword_save(
        compact=compact,
        period=period,
        user=chair.user,
        foreword=FOREWORD,
        foreword_by=f"{chair.user.full_name}, Chair of the steering group",
        statement=SECTOR_STATEMENT,
        authors=[representative],
    )
    narrative.review_commentary_save(compact=compact, period=period, user=chair.user, commentary=COMMENTARY)


def _publish_a_review(compact, period) -> str:
    if AnnualReview.objects.for_period(compact, period).published().exists():
        return "; its review is already published"
    chair = compact.steering_group.select_related("user").order_by("start_date", "pk").first()
    if chair is None:
        return "; no steering group member to publish its review"
    # Built now, not by a task, so that it can be published in the same run.
    review = services.review_request(compact=compact, period=period, user=chair.user, queue=False)
    jobs.review_build(review_id=review.pk)
    review.refresh_from_db()
    # Some of the year's returns are still with the bodies, so the review is an interim one: the
    # steering group publishes it for the annual meeting and says so.
    services.review_publish(
        review=review,
        user=chair.user,
        interim_reason=INTERIM_REASON if review.is_interim else "",
    )
    return f"; review version {review.version} built ({review.page_count} pages) and published"
