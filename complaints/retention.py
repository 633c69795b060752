"""Contact details of closed complaints are kept for COMPLAINT_CONTACT_RETENTION_MONTHS after
closing (default 12), then removed; the complaint itself stays, for the steering group's figures
and the annual review (UK GDPR storage limitation: a closed complaint needs no way to reach the
person who raised it).

Kept in its own module, beside the complaint services rather than in them, and scheduled daily
from complaints/schedule.py. Removing is idempotent: a second run finds nothing left to remove.
"""

from datetime import date

from celery import shared_task
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import Complaint, ComplaintFile, ComplaintStatus, Event, Party
from .models.complaint import new_follow_up_nonce


def retention_months() -> int:
    return getattr(settings, "COMPLAINT_CONTACT_RETENTION_MONTHS", 12)


def closed_before(today: date) -> date:
    return today - relativedelta(months=retention_months())


@transaction.atomic
def contact_details_remove(*, today: date | None = None) -> int:
    """Remove the complainant's name, email and account link (and which of their account's files
    and timeline entries were theirs) from complaints closed before the retention period; return
    how many complaints were changed. The complaining organisation, if any, is kept: it is not a
    person. The follow-up link stops working (new nonce)."""
    cutoff = closed_before(today or timezone.localdate())
    due = Complaint.objects.filter(status=ComplaintStatus.CLOSED, closed_on__lt=cutoff).filter(
        ~Q(complainant_name="") | ~Q(complainant_email="") | Q(complainant_user__isnull=False)
    )
    ids = list(due.values_list("pk", flat=True))
    for pk in ids:
        # One nonce each: a shared value would let one complaint's old link be replayed on another.
        Complaint.objects.filter(pk=pk).update(
            complainant_name="", complainant_email="", complainant_user=None, follow_up_nonce=new_follow_up_nonce()
        )
    ComplaintFile.objects.filter(complaint_id__in=ids, uploaded_by_party=Party.COMPLAINANT).update(uploaded_by=None)
    Event.objects.filter(complaint_id__in=ids, party=Party.COMPLAINANT).update(actor=None)
    return len(ids)


@shared_task
def remove_old_contact_details() -> int:
    return contact_details_remove()
