"""What the steering group writes for a period's review: the annual meeting, the chair's foreword,
the sector's statement and the commentary on each section. Writes (services) and the copy each
build freezes into its dataset. Nothing here can change once a version of the period is published:
the published words are the ones the review was built with."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from common.dates import long_date
from organisations.models import Organisation, SteeringGroupMember
from undertakings.review import signatory_ids_during

from .models import AnnualReview, ReviewNarrative
from .permissions import can_manage

NOT_ALLOWED = "Only the Compact's steering group or a site administrator can do this."
PUBLISHED = (
    "The review of this period is published, so what it says can no longer be changed. Withdraw it first "
    "if something must be corrected."
)
NOT_A_SIGNATORY = "Choose organisations from the Compact's signatories"
NOT_ON_STEERING_GROUP = "Choose the authors from the Compact's steering group"
AUTHORS_REQUIRED = "Say who wrote the sector's statement"
UNKNOWN_SECTION = "There is no section of the review called {section}"


def narrative_for(compact, period) -> ReviewNarrative | None:
    return (
        ReviewNarrative.objects.filter(compact=compact, period=period)
        .prefetch_related("meeting_attending", "sector_statement_authors__user")
        .first()
    )


def is_frozen(compact, period) -> bool:
    return AnnualReview.objects.for_period(compact, period).published().exists()


def _editable(*, compact, period, user) -> ReviewNarrative:
    if not can_manage(user, compact):
        raise ValidationError(NOT_ALLOWED)
    if period.compact_id != compact.pk:
        raise ValidationError("That reporting period belongs to another Compact.")
    if is_frozen(compact, period):
        raise ValidationError(PUBLISHED)
    narrative, _ = ReviewNarrative.objects.select_for_update().get_or_create(compact=compact, period=period)
    return narrative


def _touch(narrative: ReviewNarrative, user, fields: list[str]) -> None:
    narrative.updated_at, narrative.updated_by = timezone.now(), user
    narrative.save(update_fields=[*fields, "updated_at", "updated_by"])


def review_meeting_save(
    *,
    compact,
    period,
    user,
    date: datetime.date | None,
    place: str,
    attending: list[Organisation],
    decisions: str,
) -> ReviewNarrative:
    """Record the annual meeting (§10.3): when and where, which organisations came (from the
    Compact's signatories) and what it decided."""
    with transaction.atomic():
        narrative = _editable(compact=compact, period=period, user=user)
        signed = signatory_ids_during(period=period)
        if any(o.pk not in signed for o in attending):
            raise ValidationError({"attending": NOT_A_SIGNATORY})
        narrative.meeting_date, narrative.meeting_place = date, place.strip()
        narrative.meeting_decisions = decisions.strip()
        _touch(narrative, user, ["meeting_date", "meeting_place", "meeting_decisions"])
        narrative.meeting_attending.set(attending)
    return narrative


def review_foreword_save(
    *, compact, period, user, foreword: str, foreword_by: str, statement: str, authors: list[SteeringGroupMember]
) -> ReviewNarrative:
    """The chair's foreword and the statement the sector's representatives on the steering group
    wrote, with who wrote it."""
    with transaction.atomic():
        narrative = _editable(compact=compact, period=period, user=user)
        if any(a.compact_id != compact.pk for a in authors):
            raise ValidationError({"authors": NOT_ON_STEERING_GROUP})
        if statement.strip() and not authors:
            raise ValidationError({"authors": AUTHORS_REQUIRED})
        narrative.foreword, narrative.foreword_by = foreword.strip(), foreword_by.strip()
        narrative.sector_statement = statement.strip()
        _touch(narrative, user, ["foreword", "foreword_by", "sector_statement"])
        narrative.sector_statement_authors.set(authors if statement.strip() else [])
    return narrative


def review_commentary_save(*, compact, period, user, commentary: dict[str, str]) -> ReviewNarrative:
    """The steering group's commentary on each section, printed at the top of that section."""
    from .dataset import COMMENTED_SECTIONS

    unknown = [key for key in commentary if key not in dict(COMMENTED_SECTIONS)]
    if unknown:
        raise ValidationError(UNKNOWN_SECTION.format(section=unknown[0]))
    with transaction.atomic():
        narrative = _editable(compact=compact, period=period, user=user)
        narrative.commentary = {key: text.strip() for key, text in commentary.items() if text.strip()}
        _touch(narrative, user, ["commentary"])
    return narrative


def _author(member: SteeringGroupMember) -> str:
    return f"{member.user.full_name or member.user.email} ({member.role})"


def narrative_as_dataset(narrative: ReviewNarrative | None) -> dict:
    """The narrative as the dataset stores it: frozen with each version."""
    if narrative is None:
        narrative = ReviewNarrative()
        attending, authors = [], []
    else:
        attending = sorted(o.name for o in narrative.meeting_attending.all())
        authors = [_author(m) for m in narrative.sector_statement_authors.all()]
    meeting: dict[str, Any] = {
        "date": narrative.meeting_date.isoformat() if narrative.meeting_date else None,
        "date_display": long_date(narrative.meeting_date),
        "place": narrative.meeting_place,
        "attending": attending,
        "decisions": narrative.meeting_decisions,
    }
    meeting["empty"] = not (meeting["date"] or meeting["place"] or attending or meeting["decisions"])
    return {
        "meeting": meeting,
        "foreword": {"text": narrative.foreword, "by": narrative.foreword_by, "empty": not narrative.foreword},
        "sector_statement": {
            "text": narrative.sector_statement,
            "authors": authors,
            "empty": not narrative.sector_statement,
        },
        "commentary": dict(narrative.commentary or {}),
    }
