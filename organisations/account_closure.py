"""What closing an account ends in this app (accounts.services.user_close finds this module at run
time): the person's memberships of organisations and their current steering group seats. The
records stay in the change history; what the person did for an organisation stays, shown under
"Former user"."""

from django.db import transaction
from django.utils import timezone

from .models import Membership, SteeringGroupMember
from .roles import forget_roles


@transaction.atomic
def end_ties(*, user) -> None:
    for membership in Membership.objects.filter(user=user):
        membership.delete()  # one by one, so each leaves a history record
    today = timezone.localdate()
    for seat in SteeringGroupMember.objects.filter(user=user).exclude(end_date__lt=today):
        seat.end_date = today
        seat.save(update_fields=["end_date"])
    forget_roles(user)
