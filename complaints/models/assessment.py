"""The steering group's yearly self-assessment against the Complaint Handling Code: a checklist
(complaints.code_requirements) answered with evidence, and a statement."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from undertakings.models import ReportingPeriod


class Assessment(models.TextChoices):
    MET = "met", "Met"
    PARTLY_MET = "partly_met", "Partly met"
    NOT_MET = "not_met", "Not met"


class SelfAssessment(models.Model):
    period = models.OneToOneField(ReportingPeriod, on_delete=models.CASCADE, related_name="complaints_self_assessment")
    # {requirement key: {"assessment": Assessment value, "evidence": "…"}}; keys come from
    # code_requirements.REQUIREMENTS, so a requirement added later shows as not yet answered.
    answers = models.JSONField(default=dict, blank=True)
    statement = models.TextField(blank=True)
    completed_on = models.DateField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    def __str__(self):
        return f"Complaint handling self-assessment {self.period}"

    @property
    def is_complete(self) -> bool:
        return self.completed_on is not None
