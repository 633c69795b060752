from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from .complaint import Complaint


class StageLevel(models.IntegerChoices):
    STAGE_1 = 1, "Stage 1"
    STAGE_2 = 2, "Stage 2"
    STEERING = 3, "Steering group referral"


class Stage(models.Model):
    """One stage of a complaint with its deadlines, all in working days (complaints.deadlines)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="stages")
    level = models.PositiveSmallIntegerField(choices=StageLevel.choices)
    opened_on = models.DateField()
    request = models.TextField(blank=True, help_text="Why the complainant asked for this stage.")
    acknowledge_by = models.DateField()
    acknowledged_on = models.DateField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Set when the stage is acknowledged; moved (never beyond the limit) by an extension.
    original_reply_by = models.DateField(null=True, blank=True)
    reply_by = models.DateField(null=True, blank=True)
    extension_reason = models.TextField(blank=True)
    replied_on = models.DateField(null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reply = models.TextField(blank=True)
    escalate_by = models.DateField(null=True, blank=True, help_text="Last day the complainant may take it further.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["complaint", "level"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "level"], name="one_stage_of_each_level"),
            models.CheckConstraint(
                condition=Q(reply_by__isnull=True) | Q(reply_by__gte=F("original_reply_by")),
                name="extensions_only_move_the_reply_date_later",
            ),
        ]

    def __str__(self):
        return f"{self.complaint} {self.get_level_display()}"

    @property
    def is_extended(self) -> bool:
        return bool(self.reply_by and self.original_reply_by and self.reply_by > self.original_reply_by)

    @property
    def acknowledged_on_time(self) -> bool | None:
        return None if self.acknowledged_on is None else self.acknowledged_on <= self.acknowledge_by

    @property
    def replied_on_time(self) -> bool | None:
        return None if self.replied_on is None else self.replied_on <= self.reply_by
