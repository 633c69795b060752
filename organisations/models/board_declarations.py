"""Board declarations: the counts of an organisation's board on a date, from which the BME-led test
(organisations.bme_led) is answered."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords


class BoardType(models.TextChoices):
    MANAGEMENT_COMMITTEE = "management_committee", "Management committee"
    BOARD_OF_DIRECTORS = "board_of_directors", "Board of directors"
    BOARD_OF_TRUSTEES = "board_of_trustees", "Board of trustees"


class BoardDeclaration(models.Model):
    """Counts of an organisation's board on a date. Counts only: no individual's ethnicity is stored
    (ethnicity is special category data under UK GDPR, and the BME-led test needs only counts)."""

    # Named, not imported: OrganisationQuerySet counts declarations, so organisation.py imports this module.
    organisation = models.ForeignKey("Organisation", on_delete=models.CASCADE, related_name="board_declarations")
    board_type = models.CharField(max_length=30, choices=BoardType.choices)
    effective_date = models.DateField(help_text="The date these counts describe the board.")
    members = models.PositiveIntegerField()
    bme_members = models.PositiveIntegerField("members of BME origin")
    undisclosed_members = models.PositiveIntegerField("members who did not say")
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="board_declarations"
    )
    declared_at = models.DateTimeField(auto_now_add=True)
    # Set when the "your declaration is about to go stale" email is claimed for sending, so the
    # daily reminder never emails twice about the same declaration.
    stale_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["stale_reminder_sent_at"])
    # Set before save(): django-simple-history records who made the change.
    _history_user: AbstractBaseUser | None

    class Meta:
        ordering = ["-effective_date", "-declared_at"]
        get_latest_by = ["effective_date", "declared_at"]
        indexes = [models.Index(fields=["organisation", "-effective_date"], name="declaration_org_date")]
        constraints = [
            models.CheckConstraint(condition=Q(members__gt=0), name="board_has_members"),
            models.CheckConstraint(
                condition=Q(bme_members__lte=F("members") - F("undisclosed_members")),
                name="board_counts_add_up",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} board on {self.effective_date:%d %B %Y}"
