"""Actions promised in compliance returns that are past their due date and not done: flagged to the
body's officers on their returns page and to the steering group on the period overview."""

from datetime import date

from django.utils import timezone

from ..models import Action
from .steering import COUNTED_STATUSES


def overdue_actions(
    *,
    organisation_ids=None,
    period=None,
    today: date | None = None,
    in_drafts: bool = False,
    latest_copies_only: bool = False,
):
    """Actions not done whose due date has passed (before `today`, today unless given), oldest first.
    Narrow by the bodies (`organisation_ids`) or by one reporting period (`period`).

    By default only actions of returns given in (submitted or reviewed) count: a draft's actions are
    still being written, and the steering group has not seen them. The officers' home page asks for
    their own to-do list instead: `in_drafts` counts every return's actions (the promise is theirs
    whether or not the return has gone), and `latest_copies_only` leaves out an action carried into a
    later return, which is followed up there, so each action is one task."""
    today = today or timezone.localdate()
    actions = Action.objects.filter(done=False, due_on__lt=today).select_related(
        "entry__undertaking", "entry__compliance_return__organisation", "entry__compliance_return__period"
    )
    if not in_drafts:
        actions = actions.filter(entry__compliance_return__status__in=COUNTED_STATUSES)
    if latest_copies_only:
        actions = actions.filter(carried_into__isnull=True)
    if organisation_ids is not None:
        actions = actions.filter(entry__compliance_return__organisation_id__in=organisation_ids)
    if period is not None:
        actions = actions.filter(entry__compliance_return__period=period)
    return actions.order_by("due_on", "entry__compliance_return__organisation__name", "pk")
