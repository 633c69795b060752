import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from .complaint import Complaint, Party
from .stage import Stage


class Audience(models.TextChoices):
    EVERYONE = "everyone", "The complainant, the body and the steering group"
    INTERNAL = "internal", "The body and the steering group"
    STEERING = "steering", "The steering group only"


class EventKind(models.TextChoices):
    RAISED = "raised", "Complaint raised"
    RECORDED = "recorded", "Complaint recorded for the complainant"
    EMAIL_CONFIRMED = "email_confirmed", "Email address confirmed"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    EXTENDED = "extended", "Reply date extended"
    PAUSED = "paused", "Put on hold"
    RESUMED = "resumed", "Resumed"
    REPLIED = "replied", "Replied"
    ESCALATED = "escalated", "Escalated to stage 2"
    REFERRED = "referred", "Referred to the steering group"
    CLOSED = "closed", "Closed"
    WITHDRAWN = "withdrawn", "Withdrawn"
    MESSAGE = "message", "Message"
    NOTE = "note", "Internal note"
    FILE_ADDED = "file_added", "File added"
    LEARNING = "learning", "Learning recorded"


def _stored_name(instance, filename):
    # Files are stored under a random name: the name the person gave may identify them.
    return f"complaints/{uuid.uuid4().hex}"


class ComplaintFile(models.Model):
    # Null while the file belongs to a complaint still being written (draft_key ties it to that
    # browser session); services attach it when the complaint is raised.
    complaint = models.ForeignKey(Complaint, null=True, blank=True, on_delete=models.CASCADE, related_name="files")
    draft_key = models.CharField(max_length=64, blank=True, db_index=True)
    file = models.FileField(upload_to=_stored_name)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_by_party = models.CharField(max_length=20, choices=Party.choices)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return f"File {self.pk}"

    @property
    def extension(self) -> str:
        return self.original_name.rsplit(".", 1)[-1].lower() if "." in self.original_name else ""


class Event(models.Model):
    """One line of a complaint's timeline: who, when, what. `text` holds what the person wrote (a
    reply, a message, a reason); names are never written into it, so that the presenter can decide
    per reader whether to show who acted."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    party = models.CharField(max_length=20, choices=Party.choices)
    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.EVERYONE)
    stage = models.ForeignKey(Stage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(blank=True)
    file = models.ForeignKey(ComplaintFile, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.complaint} {self.get_kind_display()}"


class ReminderSent(models.Model):
    """A deadline reminder already sent: one per stage, action, due date and moment, so the daily
    task can run twice (or after an outage) without sending the same reminder again."""

    class Moment(models.TextChoices):
        DUE_SOON = "due_soon", "Due in 2 working days"
        MISSED = "missed", "Missed"

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="reminders")
    action = models.CharField(max_length=20)  # "acknowledge" or "reply"
    due_on = models.DateField()
    moment = models.CharField(max_length=20, choices=Moment.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["stage", "action", "due_on", "moment"], name="one_reminder_per_deadline")
        ]

    def __str__(self):
        return f"{self.stage} {self.action} {self.moment} {self.due_on}"
