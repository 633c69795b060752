"""Consultations for tests, made through the services so they obey the same rules as real ones."""

from datetime import timedelta

from django.utils import timezone

from consultations import services
from consultations.models import Consultation, Status


def make_consultation(
    world,
    *,
    status: str = Status.OPEN,
    title: str = "Review of the grants scheme",
    owner=None,
    sections: int = 2,
    weeks: int = 12,
    **fields,
) -> Consultation:
    """A consultation by the world's council (officer: world.users["officer"]) at `status`, opened
    today, with numbered sections "1", "2", …"""
    officer = world.users["officer"]
    today = timezone.localdate()
    if weeks < 12:
        fields.setdefault("shorter_reason", "The funding decision is due before the summer.")
    consultation = services.consultation_create(
        owner=owner or world.council,
        user=officer,
        title=title,
        summary="What we plan and why.",
        stage="policy_development",
        opens=today,
        closes=today + timedelta(weeks=weeks),
        **fields,
    )
    for n in range(1, sections + 1):
        services.section_add(
            consultation=consultation, user=officer, ref=str(n), title=f"Part {n}", text=f"The text of part {n}."
        )
    if status == Status.DRAFT:
        return consultation
    services.consultation_open(consultation=consultation, user=officer, today=today)
    if status == Status.OPEN:
        return consultation
    Consultation.objects.filter(pk=consultation.pk).update(status=Status.CLOSED)
    consultation.refresh_from_db()
    if status == Status.PUBLISHED:
        services.consultation_publish_response(consultation=consultation, user=officer)
        consultation.refresh_from_db()
    return consultation


def comment_from_group(world, consultation, text="We would like more time for small groups.", sections=None):
    return services.comment_add_for_organisation(
        consultation=consultation,
        user=world.users["group_member"],
        organisation=world.group,
        text=text,
        sections=sections if sections is not None else list(consultation.sections.all()[:1]),
    )
