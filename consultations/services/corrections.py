"""Correcting a consultation after the fact: changing, moving or removing a section, or an event.

A section that comments cite keeps its reference (the comments and their responses name it) and
cannot be removed; its heading and text may still be corrected. Events can be corrected until the
response is published."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import ConsultationEvent, ConsultationSection, Status
from .workflow import EVENT_OUTSIDE, NOT_EDITABLE, SECTION_REF_TAKEN

SECTION_REF_CITED = (
    "Comments already cite section {ref}, so its reference cannot be changed. "
    "You can still correct its heading and text."
)
SECTION_CITED = "Comments already cite section {ref}, so it cannot be removed."
EVENTS_FINAL = "Events cannot be changed once the response has been published."


def section_is_cited(section: ConsultationSection) -> bool:
    return section.comment_links.exists()


def _locked(section: ConsultationSection) -> None:
    """Lock the section's row so that a comment citing it cannot be added between the check and
    the change (adding the citation waits for this transaction, then finds the section as left)."""
    ConsultationSection.objects.select_for_update().filter(pk=section.pk).exists()


def _check_sections_editable(section: ConsultationSection) -> None:
    if section.consultation.status not in (Status.DRAFT, Status.OPEN):
        raise ValidationError(NOT_EDITABLE)


@transaction.atomic
def section_update(
    *, section: ConsultationSection, user, ref: str, title: str = "", text: str = ""
) -> ConsultationSection:
    _check_sections_editable(section)
    ref = ref.strip()
    if ref != section.ref:
        _locked(section)
        if section_is_cited(section):
            raise ValidationError({"ref": SECTION_REF_CITED.format(ref=section.ref)})
        if section.consultation.sections.filter(ref=ref).exclude(pk=section.pk).exists():
            raise ValidationError({"ref": SECTION_REF_TAKEN.format(ref=ref)})
    section.ref = ref
    section.title = title.strip() or ref
    section.text = text
    section.save()
    return section


@transaction.atomic
def section_move(*, section: ConsultationSection, user, up: bool) -> bool:
    """Swap the section with the one before it (`up`) or after it, so sections added out of order
    can be put right without removing them (a cited one cannot be). Positions are renumbered 1, 2, …
    on the way. False when it is already first (or last)."""
    _check_sections_editable(section)
    order = list(section.consultation.sections.select_for_update().order_by("position", "pk"))
    here = next(n for n, s in enumerate(order) if s.pk == section.pk)
    there = here - 1 if up else here + 1
    if not 0 <= there < len(order):
        return False
    order[here], order[there] = order[there], order[here]
    for position, item in enumerate(order, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])
    return True


@transaction.atomic
def section_remove(*, section: ConsultationSection, user) -> None:
    _check_sections_editable(section)
    _locked(section)
    if section_is_cited(section):
        raise ValidationError(SECTION_CITED.format(ref=section.ref))
    section.delete()


def _check_events_changeable(event: ConsultationEvent) -> None:
    if event.consultation.status == Status.PUBLISHED:
        raise ValidationError(EVENTS_FINAL)


@transaction.atomic
def event_update(*, event: ConsultationEvent, user, date: date, place: str, description: str = "") -> ConsultationEvent:
    _check_events_changeable(event)
    consultation = event.consultation
    opens, closes = consultation.opens, consultation.closes
    if opens is not None and closes is not None and not opens <= date <= closes:
        raise ValidationError({"date": EVENT_OUTSIDE})
    event.date = date
    event.place = place.strip()
    event.description = description.strip()
    event.save()
    return event


@transaction.atomic
def event_remove(*, event: ConsultationEvent, user) -> None:
    _check_events_changeable(event)
    event.delete()
