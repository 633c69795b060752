"""Signed links for people without an account: confirming an email address, and following a
complaint later. Both are django.core.signing values, so they cannot be forged or edited."""

from django.conf import settings
from django.core import signing

from .models import Complaint

_CONFIRM_SALT = "complaints.confirm-email"
_FOLLOW_UP_SALT = "complaints.follow-up"


def confirmation_max_age() -> int:
    """Seconds a confirmation link stays valid (3 days unless set)."""
    return getattr(settings, "COMPLAINT_CONFIRMATION_MAX_AGE", 3 * 24 * 3600)


def confirmation_token(complaint: Complaint) -> str:
    return signing.dumps({"c": complaint.pk, "e": complaint.complainant_email}, salt=_CONFIRM_SALT)


def complaint_id_from_confirmation(token: str) -> int | None:
    """The complaint a confirmation link is for, or None if it is forged, edited or too old."""
    try:
        data = signing.loads(token, salt=_CONFIRM_SALT, max_age=confirmation_max_age())
    except signing.BadSignature:  # includes SignatureExpired
        return None
    complaint = Complaint.objects.filter(pk=data.get("c"), complainant_email=data.get("e")).only("pk").first()
    return complaint.pk if complaint else None


def follow_up_token(complaint: Complaint) -> str:
    return signing.dumps({"c": complaint.pk, "n": complaint.follow_up_nonce}, salt=_FOLLOW_UP_SALT)


def follow_up_token_matches(complaint: Complaint, token: str) -> bool:
    """A follow-up link opens only the complaint it was issued for, and only until its nonce changes."""
    try:
        data = signing.loads(token, salt=_FOLLOW_UP_SALT)
    except signing.BadSignature:
        return False
    return data.get("c") == complaint.pk and data.get("n") == complaint.follow_up_nonce
