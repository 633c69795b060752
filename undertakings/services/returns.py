"""Compliance returns: starting one (blank or from last year), filling it in, and its workflow
draft → submitted → reviewed, or → returned with the steering group's comments and back again."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from organisations.models import Organisation

from ..models import (
    RATINGS_NEEDING_EXPLANATION,
    Code,
    CodeStatus,
    ComplianceEntry,
    ComplianceReturn,
    Rating,
    ReportingPeriod,
    ReturnEvent,
    ReturnStatus,
)
from ..selectors.periods import is_signatory_during, previous_return
from ..selectors.returns import return_missing_items
from .evidence import evidence_file_copy, validate_links
from .guards import RETURN_LOCKED, RETURN_SUBMITTED_READ_ONLY, check_body_may_change, locked_return  # noqa: F401
from .notifications import queue_event_notification

RETURN_EXISTS = "{organisation} already has a return for {code} in {period}."
NOT_A_SIGNATORY = "{organisation} was not a signatory of the {compact} during {period}, so it makes no return for it."
CODE_NOT_ADOPTED = "Returns are made against adopted Codes only; {code} is {status}."
CODE_OF_ANOTHER_COMPACT = "{code} is not a Code of the {compact}."
PERIOD_CLOSED = "The {period} reporting period is closed and no longer accepts returns."
NO_PREVIOUS_RETURN = "There is no earlier return for this Code to start from."
EXPLANATION_REQUIRED = (
    "Explain the rating: partly met, not met and not applicable each need reasons (comply or explain)."
)
RATING_UNKNOWN = "Choose a rating from the list."
RETURN_INCOMPLETE = "This return is not ready to submit: {count} undertakings still need attention (listed below)."
NOT_WAITING_FOR_REVIEW = "Only a submitted return can be reviewed: this one is {status}."
COMMENTS_REQUIRED = "Say what needs to change: the body will see your comments."


@transaction.atomic
def compliance_return_start(
    *, organisation: Organisation, period: ReportingPeriod, code: Code, user, carry_forward: bool = False
) -> ComplianceReturn:
    """Create a return with one entry per assessable undertaking that applies to the
    organisation's sector; with `carry_forward`, copy last year's answers for confirmation."""
    if code.compact_id != period.compact_id:
        raise ValidationError(CODE_OF_ANOTHER_COMPACT.format(code=code, compact=period.compact))
    if code.status != CodeStatus.ADOPTED:
        raise ValidationError(CODE_NOT_ADOPTED.format(code=code, status=code.get_status_display().lower()))
    if not period.is_open:
        raise ValidationError(PERIOD_CLOSED.format(period=period.label))
    if not is_signatory_during(organisation=organisation, period=period):
        raise ValidationError(
            NOT_A_SIGNATORY.format(organisation=organisation, compact=period.compact, period=period.label)
        )
    if ComplianceReturn.objects.filter(organisation=organisation, period=period, code=code).exists():
        raise ValidationError(
            RETURN_EXISTS.format(organisation=organisation, code=code.short_title, period=period.label)
        )
    previous = previous_return(organisation=organisation, period=period, code=code) if carry_forward else None
    if carry_forward and previous is None:
        raise ValidationError(NO_PREVIOUS_RETURN)

    compliance_return = ComplianceReturn.objects.create(
        organisation=organisation, period=period, code=code, carried_forward_from=previous
    )
    undertakings = code.undertakings.assessable().for_sector(organisation.sector)
    earlier = {e.undertaking.ref: e for e in previous.entries.select_related("undertaking")} if previous else {}
    entries = []
    for undertaking in undertakings:
        entry = ComplianceEntry(compliance_return=compliance_return, undertaking=undertaking, updated_by=user)
        old = earlier.get(undertaking.ref)
        if old is not None and old.rating != Rating.NOT_ASSESSED:
            entry.rating, entry.explanation, entry.evidence = old.rating, old.explanation, old.evidence
            entry.links = list(old.links)
            entry.carried_forward = True
        entries.append(entry)
    bulk_create_with_history(entries, ComplianceEntry, default_user=user)
    if previous is not None:
        _carry_forward_files_and_actions(compliance_return, earlier, user)
    note = f"Started from the {previous.period.label} return." if previous else ""
    ReturnEvent.objects.create(
        compliance_return=compliance_return, kind=ReturnEvent.Kind.STARTED, by=user, comments=note
    )
    return compliance_return


def _carry_forward_files_and_actions(compliance_return: ComplianceReturn, earlier: dict, user) -> None:
    for entry in compliance_return.entries.select_related("undertaking"):
        old = earlier.get(entry.undertaking.ref)
        if old is None:
            continue
        if entry.carried_forward:
            for old_file in old.files.all():
                evidence_file_copy(source=old_file, entry=entry)
        # Unfinished actions stay on the list until someone marks them done.
        for action in old.actions.filter(done=False):
            entry.actions.create(
                what=action.what, who=action.who, due_on=action.due_on, carried_forward_from=action, created_by=user
            )


@transaction.atomic
def compliance_entry_update(
    *, entry: ComplianceEntry, user, rating: str, explanation: str, evidence: str, links: list[str]
) -> ComplianceEntry:
    """Save one undertaking's answer. Saving also confirms an answer carried forward from last year."""
    check_body_may_change(entry.compliance_return)
    explanation, evidence = explanation.strip(), evidence.strip()
    if rating not in Rating.values:
        raise ValidationError({"rating": RATING_UNKNOWN})
    errors: dict[str, str | list[str]] = {}
    if rating in RATINGS_NEEDING_EXPLANATION and not explanation:
        errors["explanation"] = EXPLANATION_REQUIRED
    try:
        links = validate_links(links)
    except ValidationError as exc:
        errors["links"] = exc.messages
    if errors:
        raise ValidationError(errors)
    entry.rating, entry.explanation, entry.evidence, entry.links = rating, explanation, evidence, links
    entry.carried_forward = False
    entry.updated_by = user
    entry._history_user = user
    entry.save()
    return entry


@transaction.atomic
def compliance_return_submit(*, compliance_return: ComplianceReturn, user) -> ComplianceReturn:
    locked = check_body_may_change(compliance_return)
    if not locked.period.is_open:
        raise ValidationError(PERIOD_CLOSED.format(period=locked.period.label))
    missing = return_missing_items(compliance_return=locked)
    if missing:
        raise ValidationError(RETURN_INCOMPLETE.format(count=len(missing)))
    kind = ReturnEvent.Kind.RESUBMITTED if locked.status == ReturnStatus.RETURNED else ReturnEvent.Kind.SUBMITTED
    locked.status = ReturnStatus.SUBMITTED
    locked.submitted_at = timezone.now()
    return _record(locked, kind=kind, user=user)


@transaction.atomic
def compliance_return_send_back(*, compliance_return: ComplianceReturn, user, comments: str) -> ComplianceReturn:
    """The steering group returns a submitted return to its body with comments on what to change."""
    locked = _waiting_for_review(compliance_return)
    comments = comments.strip()
    if not comments:
        raise ValidationError({"comments": COMMENTS_REQUIRED})
    locked.status = ReturnStatus.RETURNED
    locked.steering_comments = comments
    return _record(locked, kind=ReturnEvent.Kind.RETURNED, user=user, comments=comments)


@transaction.atomic
def compliance_return_accept(*, compliance_return: ComplianceReturn, user, comments: str = "") -> ComplianceReturn:
    """The steering group accepts a submitted return; it is then locked."""
    locked = _waiting_for_review(compliance_return)
    locked.status = ReturnStatus.REVIEWED
    locked.reviewed_at = timezone.now()
    locked.steering_comments = comments.strip()
    return _record(locked, kind=ReturnEvent.Kind.ACCEPTED, user=user, comments=comments.strip())


def _waiting_for_review(compliance_return: ComplianceReturn) -> ComplianceReturn:
    locked = locked_return(compliance_return)
    if locked.status != ReturnStatus.SUBMITTED:
        raise ValidationError(NOT_WAITING_FOR_REVIEW.format(status=locked.get_status_display().lower()))
    return locked


def _record(compliance_return: ComplianceReturn, *, kind: str, user, comments: str = "") -> ComplianceReturn:
    compliance_return._history_user = user
    compliance_return.save()
    event = ReturnEvent.objects.create(compliance_return=compliance_return, kind=kind, by=user, comments=comments)
    queue_event_notification(event)
    return compliance_return


NOTHING_TO_CONFIRM = "There are no answers carried forward from last year left to confirm."


@transaction.atomic
def compliance_entries_confirm(*, compliance_return: ComplianceReturn, user, entry_ids: list[int]) -> int:
    """Confirm, in one go, answers carried forward from last year that the person has checked and
    leaves unchanged. Only the entries they were shown (`entry_ids`) are confirmed: one copied after
    the page was drawn, or changed meanwhile, is left for them to see."""
    check_body_may_change(compliance_return)
    entries = list(
        compliance_return.entries.select_for_update().filter(pk__in=entry_ids, carried_forward=True).order_by("pk")
    )
    if not entries:
        raise ValidationError(NOTHING_TO_CONFIRM)
    for entry in entries:
        entry.carried_forward = False
        entry.updated_by = user
        entry._history_user = user
        entry.save(update_fields=["carried_forward", "updated_by", "updated_at"])
    return len(entries)
