"""Imports of published 360Giving files, and recipients waiting for an officer to confirm a match.

Kept beside `models.py` (which imports them) so that neither module grows past a screenful of fields.
"""

from django.conf import settings
from django.db import models

from organisations.models import Organisation


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Importing"
    DONE = "done", "Imported"
    REFUSED = "refused", "Nothing imported"
    FAILED = "failed", "Failed"


IMPORT_TAG_COLOURS: dict[str, str] = {
    ImportStatus.QUEUED: "grey",
    ImportStatus.RUNNING: "blue",
    ImportStatus.DONE: "green",
    ImportStatus.REFUSED: "red",
    ImportStatus.FAILED: "red",
}


class ImportRun(models.Model):
    """One import of one file: queued from the web page or run by the command, with its report."""

    file_name = models.CharField(max_length=255)
    # The uploaded bytes, kept until the job has read them (uploads are at most 20 MB).
    content = models.BinaryField(null=True, blank=True, editable=False)
    # Empty: each grant is imported under the funder the file names for it.
    funder = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    strict = models.BooleanField("refuse the whole file on any problem", default=False)
    status = models.CharField(max_length=20, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    counts = models.JSONField(default=dict, blank=True)
    totals = models.JSONField("amounts by currency", default=dict, blank=True)
    refused = models.JSONField("grants refused", default=list, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Import of {self.file_name}"

    @property
    def tag_colour(self) -> str:
        return IMPORT_TAG_COLOURS[self.status]

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.REFUSED, ImportStatus.FAILED)


class MatchStatus(models.TextChoices):
    PENDING = "pending", "To confirm"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Not the same organisation"


class RecipientMatch(models.Model):
    """A published recipient that may be an organisation already in the directory: it shares a
    registered number but not the identifier, so only an officer can say they are the same."""

    recipient_org_id = models.CharField("recipient identifier as published", max_length=200)
    recipient_name = models.CharField("recipient name as published", max_length=300)
    candidate = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=300)
    status = models.CharField(max_length=20, choices=MatchStatus.choices, default=MatchStatus.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient_org_id", "candidate"], name="one_match_per_candidate"),
        ]

    def __str__(self):
        return f"{self.recipient_name} ({self.recipient_org_id}) → {self.candidate}"
