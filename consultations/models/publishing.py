"""Publishing the response: themes officers tag comments with, the versions of the published
response (final or interim, each with its stored PDF) and the agreed changes to the document."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .core import Consultation, ConsultationSection, Response


class Theme(models.Model):
    """A theme an officer tags comments with, so the response page can group them ("funding", "the
    definition of BME-led")."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(max_length=100)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "name", "pk"]
        constraints = [models.UniqueConstraint(fields=["consultation", "name"], name="unique_consultation_theme")]

    def __str__(self):
        return self.name


class ResponseKind(models.TextChoices):
    FINAL = "final", "Final response"
    INTERIM = "interim", "Interim response"


class PdfStatus(models.TextChoices):
    BUILDING = "building", "Being prepared"
    READY = "ready", "Ready"
    FAILED = "failed", "Could not be prepared"


class ResponseVersion(models.Model):
    """One publication of the response. A later version replaces it on the response page; each keeps
    its figures and its PDF (rendered once, by a task, when it is published) so it stays readable."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="response_versions")
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=ResponseKind.choices)
    published_on = models.DateField(null=True, blank=True)  # None: the source does not say
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A final response may leave comments unanswered; the owner may say why in one sentence.
    unanswered_reason = models.CharField("why some comments have no response", max_length=300, blank=True)
    next_steps = models.TextField("what happens next", blank=True)
    next_date = models.DateField("date of the next step", null=True, blank=True)
    # Figures as published: comments, answered, unanswered, responses, and per disposition.
    figures = models.JSONField(default=dict)
    pdf = models.FileField(upload_to="consultations/responses/", blank=True)
    pdf_status = models.CharField(max_length=10, choices=PdfStatus.choices, default=PdfStatus.BUILDING)
    pdf_built_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["pdf", "pdf_status", "pdf_built_at"])

    class Meta:
        ordering = ["consultation", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "number"], name="unique_response_version_number")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number} to {self.consultation}"

    @property
    def is_final(self) -> bool:
        return self.kind == ResponseKind.FINAL


class AgreedChange(models.Model):
    """A change to the text of the consulted document agreed in the response ("we did")."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="agreed_changes")
    section = models.ForeignKey(
        ConsultationSection, null=True, blank=True, on_delete=models.SET_NULL, related_name="agreed_changes"
    )
    text = models.TextField("the change")
    response = models.ForeignKey(
        Response, null=True, blank=True, on_delete=models.SET_NULL, related_name="agreed_changes"
    )
    position = models.PositiveIntegerField(default=0)
    source_ref = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text[:60]
