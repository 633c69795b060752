from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from common.dates import long_date
from funding.models import Application, ApplicationStatus, FundingProgramme
from organisations.bme_led import BmeLedResult, Outcome, format_percent
from organisations.models import Organisation
from organisations.selectors import bme_led_status_between

PUBLIC_BODY_APPLICANT = (
    "A public body cannot apply to a funding programme: choose a voluntary or community organisation."
)
AMOUNT_NOT_POSITIVE = "Enter an amount of more than £0."
SUBMITTED_IN_FUTURE = "The submission date cannot be in the future."
OUTSIDE_WINDOW = "{programme} accepted applications from {opens} to {closes}."
# A ring-fenced programme says, in plain words, why it refuses and what the organisation can do.
RING_FENCED = "{programme} is only open to BME-led organisations."
RING_FENCED_STATUS = {
    Outcome.NO_CURRENT_DECLARATION: "{applicant} has no board declaration from the last 12 months, so we cannot tell if it is BME-led {when}.",
    Outcome.UNDETERMINED: "We cannot tell if {applicant} is BME-led {when}: its status is undetermined.",
    Outcome.NOT_BME_LED: "{applicant} is not BME-led {when}.",
}
RING_FENCED_ACTION = {
    Outcome.NO_CURRENT_DECLARATION: "Declare how many of your board members are of BME origin, then apply.",
    Outcome.UNDETERMINED: "Ask the {undisclosed} {people} if they are willing to say, then update your declaration.",
    Outcome.NOT_BME_LED: "If your board has changed, update your declaration. You can still apply to programmes that are not ring-fenced.",
}


@dataclass(frozen=True)
class RingFenceRefusal:
    """Why an organisation cannot apply to a ring-fenced programme on a day, and what it can do."""

    applicant: Organisation
    outcome: Outcome
    status: str  # where it stands
    reason: str  # what its declaration says ("" when it has none)
    what_to_do: str

    @property
    def text(self) -> str:
        return " ".join(part for part in (self.status, self.reason, self.what_to_do) if part)


def _declaration_says(result: BmeLedResult) -> str:
    if result.outcome == Outcome.NO_CURRENT_DECLARATION:
        return ""
    says = f"Its board declaration says {result.bme_members} of {result.members} members are of BME origin"
    if result.outcome == Outcome.UNDETERMINED:
        said = "member" if result.undisclosed_members == 1 else "members"
        return f"{says} and {result.undisclosed_members} {said} did not say."
    share = format_percent(result.share, distinct_from=result.threshold)
    needed = result.threshold_text
    return f"{says} ({share}). {'More than' if needed.startswith('more') else 'At least'} {format_percent(result.threshold)} must be."


def ring_fence_refusal(
    *, programme: FundingProgramme, applicant: Organisation, on_date: date
) -> RingFenceRefusal | None:
    """None when `applicant` may apply to `programme` on `on_date` as far as the ring fence goes.

    Asked before an application is started (so a group is not let fill in a form it cannot send)
    and again when it is submitted.
    """
    if not programme.ring_fenced:
        return None
    # Judged under the definition of the Compact the funder and the applicant share (its own Code's).
    return _refusal(
        applicant, on_date, bme_led_status_between(funder=programme.funder, organisation=applicant, on_date=on_date)
    )


def _refusal(applicant: Organisation, on_date: date, result: BmeLedResult) -> RingFenceRefusal | None:
    if result.outcome == Outcome.BME_LED:
        return None
    when = "today" if on_date == timezone.localdate() else f"on {long_date(on_date)}"
    undisclosed = result.undisclosed_members or 0
    return RingFenceRefusal(
        applicant=applicant,
        outcome=result.outcome,
        status=RING_FENCED_STATUS[result.outcome].format(applicant=applicant.name, when=when),
        reason=_declaration_says(result),
        what_to_do=RING_FENCED_ACTION[result.outcome].format(
            undisclosed=undisclosed, people="member" if undisclosed == 1 else "members"
        ),
    )


ALREADY_DECIDED = "A decision has already been recorded for this application ({status})."
NOT_A_DECISION = "Choose awarded, declined or withdrawn by the applicant."
DECIDED_BEFORE_SUBMITTED = "The decision date cannot be before the application was submitted ({day})."
DECIDED_IN_FUTURE = "The decision date cannot be in the future."
REASON_NEEDED = "Give the reason for declining, so that the organisation can learn from it."


@transaction.atomic
def application_submit(
    *,
    programme: FundingProgramme,
    applicant: Organisation,
    project_title: str,
    summary: str = "",
    amount_requested: Decimal,
    submitted_on: date,
    user=None,
) -> Application:
    """Record an application, with the applicant's BME-led outcome on the submission date."""
    errors = {}
    if applicant.is_public_body:
        errors["applicant"] = PUBLIC_BODY_APPLICANT
    if amount_requested <= 0:
        errors["amount_requested"] = AMOUNT_NOT_POSITIVE
    if submitted_on > timezone.localdate():
        errors["submitted_on"] = SUBMITTED_IN_FUTURE
    elif not programme.opens_on <= submitted_on <= programme.closes_on:
        errors["submitted_on"] = OUTSIDE_WINDOW.format(
            programme=programme.title, opens=long_date(programme.opens_on), closes=long_date(programme.closes_on)
        )
    if errors:
        raise ValidationError(errors)
    status = bme_led_status_between(funder=programme.funder, organisation=applicant, on_date=submitted_on)
    refusal = _refusal(applicant, submitted_on, status) if programme.ring_fenced else None
    if refusal:
        raise ValidationError(f"{RING_FENCED.format(programme=programme.title)} {refusal.text}", code="ring_fenced")
    return Application.objects.create(
        programme=programme,
        applicant=applicant,
        project_title=project_title,
        summary=summary,
        amount_requested=amount_requested,
        submitted_on=submitted_on,
        bme_led_outcome=status.outcome,
        bme_led_explanation=status.explanation,
        submitted_by=user,
    )


@transaction.atomic
def application_decide(
    *, application: Application, decision: str, decided_on: date, reason: str = "", user=None
) -> Application:
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.SUBMITTED:
        raise ValidationError(ALREADY_DECIDED.format(status=application.get_status_display().lower()))
    errors = {}
    if decision not in (ApplicationStatus.AWARDED, ApplicationStatus.DECLINED, ApplicationStatus.WITHDRAWN):
        errors["decision"] = NOT_A_DECISION
    if decided_on > timezone.localdate():
        errors["decided_on"] = DECIDED_IN_FUTURE
    elif decided_on < application.submitted_on:
        errors["decided_on"] = DECIDED_BEFORE_SUBMITTED.format(day=long_date(application.submitted_on))
    if decision == ApplicationStatus.DECLINED and not reason.strip():
        errors["reason"] = REASON_NEEDED
    if errors:
        raise ValidationError(errors)
    application.status = decision
    application.decided_on = decided_on
    application.decision_reason = reason.strip()
    application.decided_by = user
    application.save()
    return application
