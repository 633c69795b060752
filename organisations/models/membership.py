"""Who belongs to an organisation: requests to join, approved members and organisation admins."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from simple_history.models import HistoricalRecords

from .organisation import Organisation


class MembershipRole(models.TextChoices):
    ADMIN = "admin", "Organisation admin"
    MEMBER = "member", "Member"


class MembershipStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"


class Membership(models.Model):
    """A person's place in an organisation. For a public body, an approved member is an officer."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    status = models.CharField(max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.REQUESTED)
    job_title = models.CharField(max_length=200, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()
    # Set before save(): django-simple-history records who made the change.
    _history_user: AbstractBaseUser | None

    class Meta:
        ordering = ["organisation__name", "user__email"]
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_person")]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_status_display()})"
