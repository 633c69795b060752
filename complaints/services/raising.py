"""Raising a complaint, and confirming the email address of someone without an account."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from organisations.models import Compact, Organisation, Sector
from organisations.roles import roles_for
from undertakings.models import PARTIES_FOR_SECTOR

from .. import deadlines
from ..models import ComplainantKind, Complaint, ComplaintFile, ComplaintStatus, EventKind, Party, Stage, StageLevel
from ..references import next_reference
from ..tasks import send_confirmation_email
from .common import record, refresh_next_deadline

NOT_A_SIGNATORY = "Choose a public body that has signed the Compact."
NO_UNDERTAKING = "Choose at least one undertaking, or choose “I’m not sure”."
UNDERTAKING_NOT_FOR_BODY = "One of the undertakings you chose is not one this body has made. Choose again."
UNDERTAKINGS_FROM_TWO_COMPACTS = "Choose undertakings from one Compact’s Codes only, or raise two complaints."
HAPPENED_IN_FUTURE = "The date it happened must be today or in the past."
NOT_A_MEMBER = "You can only complain on behalf of an organisation you are a member of."
SIGN_IN_NEEDED = "Sign in to complain as yourself or for your organisation, or give an email address."
EMAIL_NEEDED = "Enter an email address, or choose to stay anonymous."
MISSING_ANSWERS = "Answer every question before sending the complaint."


def _compact_for(respondent: Organisation, undertakings) -> Compact:
    compacts = {u.code.compact for u in undertakings}
    if len(compacts) > 1:
        raise ValidationError(UNDERTAKINGS_FROM_TWO_COMPACTS)
    signed = {
        s.compact for s in respondent.signatory_records.filter(withdrawn_on__isnull=True).select_related("compact")
    }
    if compacts:
        if not compacts <= signed:
            raise ValidationError(UNDERTAKING_NOT_FOR_BODY)
        return compacts.pop()
    if not signed:
        raise ValidationError(NOT_A_SIGNATORY)
    return sorted(signed, key=lambda c: c.pk)[0]


def _check_complainant(*, kind: str, user, organisation, email: str) -> None:
    roles = roles_for(user)
    if kind in (ComplainantKind.ORGANISATION, ComplainantKind.INDIVIDUAL) and not roles.is_authenticated:
        raise ValidationError(SIGN_IN_NEEDED)
    if kind == ComplainantKind.ORGANISATION and (organisation is None or organisation.pk not in roles.member_of):
        raise ValidationError(NOT_A_MEMBER)
    if kind == ComplainantKind.EMAIL and not email:
        raise ValidationError(EMAIL_NEEDED)


def open_stage(complaint: Complaint, *, level: int, opened_on: date, request: str = "") -> Stage:
    return Stage.objects.create(
        complaint=complaint,
        level=level,
        opened_on=opened_on,
        request=request,
        acknowledge_by=deadlines.acknowledge_by(level=level, opened_on=opened_on),
    )


@transaction.atomic
def complaint_raise(
    *,
    respondent: Organisation | None,
    undertakings: list,
    undertakings_not_sure: bool,
    what_happened: str,
    happened_on: date | None,
    outcome_sought: str,
    complainant_kind: str,
    confidential: bool,
    user=None,
    organisation: Organisation | None = None,
    name: str = "",
    email: str = "",
    draft_key: str = "",
    today: date | None = None,
) -> Complaint:
    """Record a complaint and start stage 1, or (for an email address not yet confirmed) hold it
    until the address is confirmed. Anonymous complaints are always confidential."""
    today = today or timezone.localdate()
    if not (respondent and what_happened.strip() and outcome_sought.strip() and happened_on and complainant_kind):
        raise ValidationError(MISSING_ANSWERS)
    if respondent.sector != Sector.PUBLIC:
        raise ValidationError(NOT_A_SIGNATORY)
    if not undertakings and not undertakings_not_sure:
        raise ValidationError(NO_UNDERTAKING)
    if any(u.party not in PARTIES_FOR_SECTOR[Sector.PUBLIC] for u in undertakings):
        raise ValidationError(UNDERTAKING_NOT_FOR_BODY)
    if happened_on > today:
        raise ValidationError(HAPPENED_IN_FUTURE)
    email = email.strip().lower()
    _check_complainant(kind=complainant_kind, user=user, organisation=organisation, email=email)
    compact = _compact_for(respondent, undertakings)

    signed_in = user if complainant_kind in (ComplainantKind.ORGANISATION, ComplainantKind.INDIVIDUAL) else None
    waiting_for_email = complainant_kind == ComplainantKind.EMAIL
    complaint = Complaint.objects.create(
        reference=next_reference(year=today.year),
        compact=compact,
        respondent=respondent,
        status=ComplaintStatus.UNCONFIRMED if waiting_for_email else ComplaintStatus.STAGE_1,
        confidential=confidential or complainant_kind == ComplainantKind.ANONYMOUS,
        complainant_kind=complainant_kind,
        complainant_user=signed_in,
        complainant_organisation=organisation if complainant_kind == ComplainantKind.ORGANISATION else None,
        complainant_name=name.strip() if waiting_for_email else "",
        complainant_email=email if waiting_for_email else "",
        undertakings_not_sure=undertakings_not_sure,
        what_happened=what_happened.strip(),
        happened_on=happened_on,
        outcome_sought=outcome_sought.strip(),
        received_on=None if waiting_for_email else today,
    )
    complaint.undertakings.set(undertakings)
    if draft_key:
        ComplaintFile.objects.filter(draft_key=draft_key, complaint__isnull=True).update(
            complaint=complaint, draft_key=""
        )
    if waiting_for_email:
        transaction.on_commit(lambda: send_confirmation_email.delay(complaint.pk))
        record(complaint, kind=EventKind.RAISED, party=Party.COMPLAINANT, notify=False)
        return complaint
    open_stage(complaint, level=StageLevel.STAGE_1, opened_on=today)
    refresh_next_deadline(complaint)
    record(complaint, kind=EventKind.RAISED, party=Party.COMPLAINANT, actor=signed_in)
    return complaint


@transaction.atomic
def complaint_confirm_email(*, complaint: Complaint, today: date | None = None) -> Complaint:
    """Start stage 1 of a complaint whose email address has just been confirmed. Opening the link
    twice changes nothing."""
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if complaint.status != ComplaintStatus.UNCONFIRMED:
        return complaint
    today = today or timezone.localdate()
    complaint.status = ComplaintStatus.STAGE_1
    complaint.email_confirmed_at = timezone.now()
    complaint.received_on = today
    complaint.save(update_fields=["status", "email_confirmed_at", "received_on"])
    open_stage(complaint, level=StageLevel.STAGE_1, opened_on=today)
    refresh_next_deadline(complaint)
    record(complaint, kind=EventKind.EMAIL_CONFIRMED, party=Party.COMPLAINANT)
    return complaint
