"""Actions a body will take on an undertaking: what, who, by when, and whether it is done."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import Action, ComplianceEntry
from .guards import check_body_may_change

WHAT_REQUIRED = "Say what will be done."
WHO_REQUIRED = "Say who is responsible: a person or a team."


def _clean(what: str, who: str) -> tuple[str, str]:
    what, who = what.strip(), who.strip()
    errors = {}
    if not what:
        errors["what"] = WHAT_REQUIRED
    if not who:
        errors["who"] = WHO_REQUIRED
    if errors:
        raise ValidationError(errors)
    return what, who


@transaction.atomic
def action_add(*, entry: ComplianceEntry, user, what: str, who: str, due_on: datetime.date) -> Action:
    check_body_may_change(entry.compliance_return)
    what, who = _clean(what, who)
    action = Action(entry=entry, what=what, who=who, due_on=due_on, created_by=user)
    action._history_user = user
    action.save()
    return action


@transaction.atomic
def action_update(*, action: Action, user, what: str, who: str, due_on: datetime.date, done: bool) -> Action:
    check_body_may_change(action.entry.compliance_return)
    action.what, action.who = _clean(what, who)
    action.due_on = due_on
    if done and not action.done:
        action.done_on = timezone.localdate()
    elif not done:
        action.done_on = None
    action.done = done
    action._history_user = user
    action.save()
    return action


@transaction.atomic
def action_remove(*, action: Action, user) -> None:
    check_body_may_change(action.entry.compliance_return)
    action._history_user = user
    action.delete()
