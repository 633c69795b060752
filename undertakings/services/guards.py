"""Checks every write to a return goes through: is the body still allowed to change it?"""

from django.core.exceptions import ValidationError

from ..models import EDITABLE_STATUSES, ComplianceReturn, ReturnStatus

RETURN_SUBMITTED_READ_ONLY = (
    "This return has been submitted and is with the steering group. It can be changed again only if they return it."
)
RETURN_LOCKED = "This return has been reviewed and is locked."


def locked_return(compliance_return: ComplianceReturn) -> ComplianceReturn:
    """Re-read under a row lock (inside a transaction), so a save and a submit, or two reviewers,
    cannot interleave."""
    return (
        ComplianceReturn.objects.select_for_update()
        .select_related("period", "organisation", "code")
        .get(pk=compliance_return.pk)
    )


def check_editable(compliance_return: ComplianceReturn) -> None:
    if compliance_return.status == ReturnStatus.REVIEWED:
        raise ValidationError(RETURN_LOCKED)
    if compliance_return.status not in EDITABLE_STATUSES:
        raise ValidationError(RETURN_SUBMITTED_READ_ONLY)


def check_body_may_change(compliance_return: ComplianceReturn) -> ComplianceReturn:
    locked = locked_return(compliance_return)
    check_editable(locked)
    return locked
