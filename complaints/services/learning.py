"""What was learned from closed complaints, and the steering group's yearly self-assessment
against the Complaint Handling Code."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from undertakings.models import ReportingPeriod

from ..code_requirements import REQUIREMENTS
from ..models import Assessment, Complaint, EventKind, SelfAssessment
from .common import locked, record

NOT_CLOSED = "What was learned is recorded once the complaint is closed."
LEARNING_NEEDED = "Enter what was learned from the complaint. If nothing, say why."
CHANGES_NEEDED = "Enter what changed because of the complaint. If nothing, say why."
ASSESSMENT_NEEDED = "Choose whether “{title}” is met, partly met or not met."
EVIDENCE_NEEDED = "Give the evidence for “{title}”."
STATEMENT_NEEDED = "Enter the steering group’s statement."
ALREADY_COMPLETED = "This self-assessment was completed on {date} and can no longer be changed."


@transaction.atomic
def complaint_learning_record(*, complaint: Complaint, user, party: str, learning: str, changes_made: str) -> Complaint:
    """Record (or correct) what was learned from a closed complaint and what changed because of
    it: for a complaint withdrawn before the end, or changes made after it was closed."""
    complaint = locked(complaint)
    if complaint.is_open:
        raise ValidationError(NOT_CLOSED)
    if not learning.strip():
        raise ValidationError({"learning": LEARNING_NEEDED})
    if not changes_made.strip():
        raise ValidationError({"changes_made": CHANGES_NEEDED})
    complaint.learning, complaint.changes_made = learning.strip(), changes_made.strip()
    complaint.save(update_fields=["learning", "changes_made"])
    record(
        complaint,
        kind=EventKind.LEARNING,
        party=party,
        actor=user,
        text=f"Learned: {complaint.learning}\nWhat changed: {complaint.changes_made}",
        notify=False,
    )
    return complaint


@transaction.atomic
def self_assessment_save(
    *,
    period: ReportingPeriod,
    user,
    answers: dict[str, dict],
    statement: str,
    complete: bool = False,
    today: date | None = None,
) -> SelfAssessment:
    """Save the steering group's answers for `period`; with `complete`, every requirement needs an
    assessment and evidence and the statement is needed, and the self-assessment is then fixed (the
    annual review prints it)."""
    assessment, _ = SelfAssessment.objects.select_for_update().get_or_create(period=period)
    if assessment.is_complete:
        raise ValidationError(ALREADY_COMPLETED.format(date=f"{assessment.completed_on:%-d %B %Y}"))
    cleaned = {}
    errors = {}
    for requirement in REQUIREMENTS:
        answer = answers.get(requirement.key) or {}
        value = answer.get("assessment") or ""
        evidence = (answer.get("evidence") or "").strip()
        if value and value not in Assessment.values:
            value = ""
        if complete and not value:
            errors[f"{requirement.key}_assessment"] = ASSESSMENT_NEEDED.format(title=requirement.title)
        if complete and not evidence:
            errors[f"{requirement.key}_evidence"] = EVIDENCE_NEEDED.format(title=requirement.title)
        cleaned[requirement.key] = {"assessment": value, "evidence": evidence}
    if complete and not statement.strip():
        errors["statement"] = STATEMENT_NEEDED
    if errors:
        raise ValidationError(errors)
    assessment.answers, assessment.statement = cleaned, statement.strip()
    if complete:
        assessment.completed_on, assessment.completed_by = today or timezone.localdate(), user
    assessment.save()
    return assessment
