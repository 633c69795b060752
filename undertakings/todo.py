"""Tasks for the home page (common.todo): returns to start, finish or review, and overdue actions."""

from datetime import date

from django.db.models import Q
from django.urls import reverse

from common.todo import More, Task, most_urgent
from organisations.roles import roles_for

from .models import ComplianceReturn, ReturnStatus
from .selectors.actions import overdue_actions
from .selectors.returns import returns_to_start


def tasks_for(user, today: date) -> list[Task | More]:
    roles = roles_for(user)
    tasks: list[Task | More] = []
    if roles.officer_of:
        for owed in returns_to_start(organisation_ids=roles.officer_of):
            tasks.append(
                Task(
                    f"Start the {owed.period.label} return for {owed.organisation.name}",
                    reverse("undertakings:return-start", args=[owed.organisation.slug, owed.period.pk, owed.code.pk]),
                    due=owed.period.returns_due,
                )
            )
        unfinished = ComplianceReturn.objects.filter(
            organisation_id__in=roles.officer_of, status__in=[ReturnStatus.DRAFT, ReturnStatus.RETURNED]
        ).select_related("organisation", "period")
        for r in unfinished:
            sent_back = r.status == ReturnStatus.RETURNED
            tasks.append(
                Task(
                    f"{'Make the changes asked for and resubmit' if sent_back else 'Finish and submit'} "
                    f"the {r.period.label} return for {r.organisation.name}",
                    reverse("undertakings:return-detail", args=[r.pk]),
                    due=r.period.returns_due,
                    detail="The steering group sent it back with comments." if sent_back else "",
                )
            )
        overdue = overdue_actions(
            organisation_ids=roles.officer_of, today=today, in_drafts=True, latest_copies_only=True
        )
        tasks += most_urgent(
            overdue,
            lambda action: Task(
                f"Overdue action on undertaking {action.entry.undertaking.ref}: {action.what}",
                reverse("undertakings:action-edit", args=[action.pk]),
                due=action.due_on,
                detail=f"{action.entry.compliance_return.organisation.name}; who: {action.who}.",
            ),
            today=today,
            what="overdue actions",
            url=reverse("undertakings:return-list"),  # which lists every overdue action
            overdue=Q(pk__isnull=False),  # every one is
        )
    if roles.steering_compacts:
        waiting = ComplianceReturn.objects.filter(
            period__compact_id__in=roles.steering_compacts, status=ReturnStatus.SUBMITTED
        ).select_related("organisation", "period")
        tasks += most_urgent(
            waiting.order_by("submitted_at", "pk"),  # the longest waiting first
            lambda r: Task(
                f"Review the {r.period.label} return from {r.organisation.name}",
                reverse("undertakings:return-review", args=[r.pk]),
                detail=f"Submitted on {r.submitted_at:%-d %B %Y}." if r.submitted_at else "",
            ),
            today=today,
            what="returns waiting for review",
            url=reverse("undertakings:return-list"),  # which links each period's page, listing them
        )
    return tasks
