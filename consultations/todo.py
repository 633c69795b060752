"""Tasks for the home page (common.todo): consultations closing soon and responses to publish."""

from datetime import date, timedelta

from django.urls import reverse

from common.todo import SOON_DAYS, Task
from organisations.roles import roles_for

from .models import Consultation, Status


def tasks_for(user, today: date) -> list[Task]:
    roles = roles_for(user)
    if not roles.officer_of:
        return []
    tasks = []
    ours = Consultation.objects.filter(owner_id__in=roles.officer_of).select_related("owner")
    for consultation in ours.filter(status=Status.OPEN, closes__lte=today + timedelta(days=SOON_DAYS)):
        tasks.append(
            Task(
                f"Close “{consultation.title}” and start on the response",
                reverse("consultations:detail", args=[consultation.slug]),
                due=consultation.closes,
                detail="The consultation closes on this day.",
            )
        )
    for consultation in ours.filter(status=Status.CLOSED):
        tasks.append(
            Task(
                f"Publish the response to “{consultation.title}”",
                reverse("consultations:detail", args=[consultation.slug]),
                due=consultation.response_due,
                detail="Say what people said and what you did about it.",
            )
        )
    return tasks
