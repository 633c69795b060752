"""Tasks for the home page (common.todo): complaints waiting for the person's body or steering group."""

from datetime import date

from django.db.models import Q
from django.urls import reverse

from common.todo import More, Task, most_urgent
from organisations.roles import roles_for

from .models import ComplaintStatus
from .selectors.complaints import compact_complaints, queue_for_body

# The step each open status waits for, as the person who must take it would say it.
NEXT_STEP = {
    ComplaintStatus.STAGE_1: "stage 1",
    ComplaintStatus.STAGE_2: "stage 2",
    ComplaintStatus.REFERRED: "the steering group's review",
}


def tasks_for(user, today: date) -> list[Task | More]:
    roles = roles_for(user)
    items: list[Task | More] = []

    def task(complaint) -> Task:
        return Task(
            f"Complaint {complaint.reference} against {complaint.respondent.name}: "
            f"{NEXT_STEP.get(complaint.status, 'next step')}",
            reverse("complaints:detail", args=[complaint.reference]),
            due=complaint.next_deadline,
            detail="Acknowledge it or reply by this date.",
        )

    # The two queues never share a complaint: the body's leaves out the referred ones.
    if roles.officer_of:
        # The body answers stages 1 and 2; a referred complaint is the steering group's.
        queue = queue_for_body(organisation_ids=roles.officer_of).exclude(status=ComplaintStatus.REFERRED)
        items += _most_urgent(queue, task, today, "complaints about your organisation", "complaints:queue")
    if roles.steering_compacts:
        referred = compact_complaints(compact_ids=roles.steering_compacts).filter(status=ComplaintStatus.REFERRED)
        items += _most_urgent(
            referred, task, today, "complaints referred to the steering group", "complaints:compact-list"
        )
    return items


def _most_urgent(queue, task, today: date, what: str, list_name: str) -> list[Task | More]:
    return most_urgent(
        queue.exclude(next_deadline=None).select_related("respondent").order_by("next_deadline", "pk"),
        task,
        today=today,
        what=what,
        url=reverse(list_name),
        overdue=Q(next_deadline__lt=today),
    )
