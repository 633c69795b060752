"""The Compact itself: the local areas it covers, its signatories and its steering group."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from .organisation import Organisation
from .reference_data import LocalAuthorityArea


class Compact(models.Model):
    """A local agreement between public bodies and the voluntary and community sector."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    area = models.CharField(max_length=200)
    # The local authority areas the Compact covers; its organisations are those working in them.
    areas = models.ManyToManyField(LocalAuthorityArea, blank=True, related_name="compacts")
    description = models.TextField(blank=True)
    signatories = models.ManyToManyField(Organisation, through="Signatory", related_name="compacts")

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Signatory(models.Model):
    compact = models.ForeignKey(Compact, on_delete=models.CASCADE, related_name="signatory_records")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="signatory_records")
    signed_on = models.DateField()
    withdrawn_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["compact", "organisation", "signed_on"], name="unique_signature"),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=F("signed_on")),
                name="withdrawn_after_signed",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} signed {self.compact}"


class SteeringGroupMember(models.Model):
    compact = models.ForeignKey(Compact, on_delete=models.CASCADE, related_name="steering_group")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="steering_seats")
    role = models.CharField(max_length=100, default="Member")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["compact__name", "user__full_name"]

    def __str__(self):
        return f"{self.user} ({self.role}, {self.compact})"
