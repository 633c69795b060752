"""Tasks for the home page (common.todo): complaints waiting for the person's body or steering group."""

from datetime import date

from django.urls import reverse

from common.todo import Task
from organisations.roles import roles_for

from .models import ComplaintStatus
from .selectors.complaints import compact_complaints, queue_for_body

# The step each open status waits for, as the person who must take it would say it.
NEXT_STEP = {
    ComplaintStatus.STAGE_1: "stage 1",
    ComplaintStatus.STAGE_2: "stage 2",
    ComplaintStatus.REFERRED: "the steering group's review",
}


def tasks_for(user, today: date) -> list[Task]:
    roles = roles_for(user)
    tasks, seen = [], set()
    queues = []
    if roles.officer_of:
        # The body answers stages 1 and 2; a referred complaint is the steering group's.
        queues.append(queue_for_body(organisation_ids=roles.officer_of).exclude(status=ComplaintStatus.REFERRED))
    if roles.steering_compacts:
        queues.append(compact_complaints(compact_ids=roles.steering_compacts).filter(status=ComplaintStatus.REFERRED))
    for queue in queues:
        for complaint in queue.exclude(next_deadline=None):
            if complaint.pk in seen:
                continue
            seen.add(complaint.pk)
            tasks.append(
                Task(
                    f"Complaint {complaint.reference} against {complaint.respondent.name}: "
                    f"{NEXT_STEP.get(complaint.status, 'next step')}",
                    reverse("complaints:detail", args=[complaint.reference]),
                    due=complaint.next_deadline,
                    detail="Acknowledge it or reply by this date.",
                )
            )
    return tasks
