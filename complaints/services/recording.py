"""A complaint made by phone, letter, email or in person, typed in for the complainant by an
officer of any public body or by a steering group member. The clock starts on the day it was
received, not the day it was typed in."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from organisations.models import Organisation, Sector
from organisations.roles import roles_for

from ..models import Channel, ComplainantKind, Complaint, ComplaintStatus, EventKind, Party, StageLevel
from ..references import next_reference
from .common import record, refresh_next_deadline
from .raising import HAPPENED_IN_FUTURE, MISSING_ANSWERS, NOT_A_SIGNATORY, _compact_for, open_stage

NOT_ALLOWED_TO_RECORD = "Only an officer of a public body or a steering group member can record a complaint."
CHANNEL_NEEDED = "Choose how the complaint was made."
RECEIVED_NEEDED = "Enter the date the complaint was received."
RECEIVED_IN_FUTURE = "The date the complaint was received must be today or in the past."
RECEIVED_BEFORE_IT_HAPPENED = "The date the complaint was received must be on or after the date it happened."
NAME_NEEDED = "Enter the complainant’s name, or record the complaint as anonymous."
CONTACT_NEEDED = "Enter at least one way to contact the complainant: an email address, phone number or address."
LINK_NEEDS_EMAIL = "Enter the complainant’s email address to send them a link to follow the complaint."
OWN_BODY_CONFIDENTIAL = (
    "You cannot record a confidential complaint about your own organisation: it would then know who "
    "complained. Ask the complainant to contact the Compact steering group, which can record it for them."
)

RECORDED_KINDS = (ComplainantKind.RECORDED, ComplainantKind.ANONYMOUS)


def _day(value: date) -> str:
    return date_format(value, "j F Y")


def recording_body(user, compact_id: int) -> Organisation | None:
    """The public body the recorder acts for, or None when they record as the steering group."""
    roles = roles_for(user)
    if roles.steers(compact_id):
        return None
    return Organisation.objects.filter(pk__in=roles.officer_of).order_by("name").first()


@transaction.atomic
def complaint_record(
    *,
    user,
    respondent: Organisation | None,
    channel: str,
    received_on: date | None,
    what_happened: str,
    happened_on: date | None,
    outcome_sought: str,
    complainant_kind: str,
    confidential: bool,
    name: str = "",
    email: str = "",
    phone: str = "",
    address: str = "",
    send_link: bool = False,
    today: date | None = None,
) -> Complaint:
    """Record a complaint made another way and start stage 1 on the day it was received.

    1. Only officers of public bodies and steering group members may record.
    2. The complainant is named with at least one way to reach them, or anonymous (always
       confidential). A confidential complaint about the recorder's own body is refused unless the
       recorder steers its Compact: the body would otherwise know who complained, and the recorder
       would hold the complainant's follow-up link.
    3. Stage 1 opens on the received date, so its acknowledgement date counts from then.
    4. With an email address and `send_link`, the complainant is emailed the follow-up link (with
       the news that it was recorded, and every later event); the link is never shown to the recorder.
    """
    today = today or timezone.localdate()
    roles = roles_for(user)
    if not (roles.is_officer or roles.is_steering):
        raise ValidationError(NOT_ALLOWED_TO_RECORD)
    if not (respondent and what_happened.strip() and outcome_sought.strip() and happened_on):
        raise ValidationError(MISSING_ANSWERS)
    if respondent.sector != Sector.PUBLIC:
        raise ValidationError(NOT_A_SIGNATORY)
    if channel not in Channel.values or channel == Channel.ONLINE:
        raise ValidationError({"channel": CHANNEL_NEEDED})
    if received_on is None:
        raise ValidationError({"received_on": RECEIVED_NEEDED})
    if received_on > today:
        raise ValidationError({"received_on": RECEIVED_IN_FUTURE})
    if happened_on > today:
        raise ValidationError({"happened_on": HAPPENED_IN_FUTURE})
    if received_on < happened_on:
        raise ValidationError({"received_on": RECEIVED_BEFORE_IT_HAPPENED})
    if complainant_kind not in RECORDED_KINDS:
        raise ValidationError(MISSING_ANSWERS)
    anonymous = complainant_kind == ComplainantKind.ANONYMOUS
    name, email, phone, address = (v.strip() for v in (name, email.lower(), phone, address))
    if anonymous:
        name = email = phone = address = ""
        send_link = False
    else:
        if not name:
            raise ValidationError({"name": NAME_NEEDED})
        if not (email or phone or address):
            raise ValidationError({"email": CONTACT_NEEDED})
        if send_link and not email:
            raise ValidationError({"email": LINK_NEEDS_EMAIL})
    confidential = confidential or anonymous
    compact = _compact_for(respondent, [])
    steers = roles.steers(compact.pk)
    if confidential and not anonymous and respondent.pk in roles.officer_of and not steers:
        raise ValidationError(OWN_BODY_CONFIDENTIAL)

    complaint = Complaint.objects.create(
        reference=next_reference(year=today.year),
        compact=compact,
        respondent=respondent,
        status=ComplaintStatus.STAGE_1,
        confidential=confidential,
        complainant_kind=complainant_kind,
        complainant_name=name,
        complainant_email=email,
        complainant_phone=phone,
        complainant_address=address,
        undertakings_not_sure=True,
        what_happened=what_happened.strip(),
        happened_on=happened_on,
        outcome_sought=outcome_sought.strip(),
        received_on=received_on,
        channel=channel,
        recorded_by=user,
        recorded_by_organisation=None if steers else recording_body(user, compact.pk),
        # The complainant gave this address themselves and asked to hear by email: it needs no
        # confirmation link, and every later event is emailed to it with the follow-up link.
        email_confirmed_at=timezone.now() if send_link else None,
    )
    open_stage(complaint, level=StageLevel.STAGE_1, opened_on=received_on)
    refresh_next_deadline(complaint)
    record(
        complaint,
        kind=EventKind.RECORDED,
        party=Party.RECORDER,
        actor=user,
        text=f"Received {Channel(channel).label.lower()} on {_day(received_on)}.",
    )
    return complaint
