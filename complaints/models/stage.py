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
    # An extension past the Code's limit (deadlines.EXTEND_BY_AT_MOST) needs its own reason, and is
    # listed for the steering group and counted in the annual review.
    extended_beyond_limit = models.BooleanField(default=False)
    beyond_limit_reason = models.TextField(blank=True)
    # Set while the stage is on hold (a Pause without an end); nothing is due meanwhile.
    paused_on = models.DateField(null=True, blank=True)
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
    def is_paused(self) -> bool:
        return self.paused_on is not None

    @property
    def is_extended(self) -> bool:
        return bool(self.reply_by and self.original_reply_by and self.reply_by > self.original_reply_by)

    @property
    def acknowledged_on_time(self) -> bool | None:
        return None if self.acknowledged_on is None else self.acknowledged_on <= self.acknowledge_by

    @property
    def replied_on_time(self) -> bool | None:
        # A stage is acknowledged, and so given a reply date, before it can be replied to.
        if self.replied_on is None or self.reply_by is None:
            return None
        return self.replied_on <= self.reply_by


class PauseReason(models.TextChoices):
    WAITING_FOR_INFORMATION = "waiting_for_information", "Waiting for information from the complainant"
    COMPLAINANT_ASKED = "complainant_asked", "The complainant asked for time"


class Pause(models.Model):
    """A stage on hold, agreed with the complainant. Its deadlines move later by the working days
    it was on hold (counted when it is resumed)."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="pauses")
    started_on = models.DateField()
    reason = models.CharField(max_length=40, choices=PauseReason.choices)
    explanation = models.TextField(help_text="What is needed and how it was agreed; the complainant sees this.")
    agreed_with_complainant = models.BooleanField(default=False)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ended_on = models.DateField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    working_days = models.PositiveIntegerField(null=True, blank=True, help_text="Set when it is resumed.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["stage", "started_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["stage"], condition=Q(ended_on__isnull=True), name="one_pause_at_a_time_per_stage"
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")), name="pause_ends_after_it_starts"
            ),
        ]

    def __str__(self):
        return f"{self.stage} on hold from {self.started_on}"
