"""The annual review: one row per build of a Compact's review for a reporting period (a *version*),
and the steering group's actions for next year that go into it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.timezone import localtime
from simple_history.models import HistoricalRecords

from organisations.models import Compact
from undertakings.models import ReportingPeriod


class ReviewStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Being built"
    SUCCEEDED = "succeeded", "Ready"
    FAILED = "failed", "Failed"


ACTIVE_STATUSES = (ReviewStatus.QUEUED, ReviewStatus.RUNNING)


class AnnualReviewQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_period(self, compact, period):
        return self.filter(compact=compact, period=period)

    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)


class AnnualReview(models.Model):
    """One version of a Compact's annual review for a period. Each rebuild is a new version; older
    versions keep their dataset and PDF so they stay downloadable. At most one version per Compact
    and period is *the* published one (`is_published`); a version that was published and later
    replaced keeps its `published_at` for the history."""

    compact = models.ForeignKey(Compact, on_delete=models.PROTECT, related_name="annual_reviews")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="annual_reviews")
    version = models.PositiveIntegerField()
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    status = models.CharField(max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    progress_message = models.CharField(max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0, help_text="How many times a worker has started it.")
    started_at = models.DateTimeField(null=True, blank=True)
    # While running: the last progress saved. While queued: when it was (re)queued. The sweep reads both.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    failure_reason = models.TextField(blank=True)
    dataset = models.JSONField(null=True, blank=True)
    pdf = models.FileField(upload_to="reviews/", blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Why the steering group published a review marked interim (the period not ended, or returns
    # outstanding): printed with it. Empty for a final review.
    interim_reason = models.TextField(blank=True)
    # Set when the steering group took the published version off the public pages, and why.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawal_reason = models.TextField(blank=True)

    objects = AnnualReviewQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["dataset", "progress", "progress_message", "heartbeat_at"])

    class Meta:
        ordering = ["compact", "period", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["compact", "period", "version"], name="unique_review_version"),
            models.UniqueConstraint(
                fields=["compact", "period"], condition=Q(is_published=True), name="one_published_review_per_period"
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="review_progress_at_most_100"),
            models.CheckConstraint(
                condition=Q(is_published=False) | Q(status="succeeded"), name="only_succeeded_reviews_published"
            ),
        ]

    def __str__(self):
        return f"{self.compact} {self.period.label} annual review, version {self.version}"

    @property
    def is_finished(self) -> bool:
        return self.status in (ReviewStatus.SUCCEEDED, ReviewStatus.FAILED)

    @property
    def is_interim(self) -> bool:
        return bool(self.dataset and self.dataset.get("interim"))

    @property
    def title(self) -> str:
        return f"{self.compact.name} annual review {self.period.label}"

    @property
    def withdrawal_summary(self) -> str:
        if not self.withdrawn_at:
            return ""
        who = self.withdrawn_by.full_name if self.withdrawn_by is not None else "the steering group"
        return f"{localtime(self.withdrawn_at):%-d %B %Y, %H:%M} by {who}: {self.withdrawal_reason}"

    def pdf_filename(self) -> str:
        # The label is typed by people (it might hold "/"): slugify keeps the name a plain file name.
        return f"{self.compact.slug}-annual-review-{slugify(self.period.label)}-v{self.version}.pdf"


class ActionProgress(models.TextChoices):
    DONE = "done", "Done"
    IN_PROGRESS = "in_progress", "In progress"
    DROPPED = "dropped", "Dropped"


class ReviewAction(models.Model):
    """An action for next year, agreed by the steering group before the review is built. The next
    year's review reports what became of it (`progress`, with a sentence)."""

    compact = models.ForeignKey(Compact, on_delete=models.CASCADE, related_name="review_actions")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="review_actions")
    action = models.TextField()
    owner = models.CharField(max_length=200, help_text="Who will make sure it happens.")
    due = models.DateField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    progress = models.CharField(max_length=20, choices=ActionProgress.choices, blank=True)
    progress_note = models.TextField(blank=True, help_text="What happened, in a sentence.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["compact", "period", "position", "pk"]

    def __str__(self):
        return self.action[:60]

    def as_dataset_item(self) -> dict:
        return {"action": self.action, "owner": self.owner, "due": self.due.isoformat() if self.due else None}


class ReviewNarrative(models.Model):
    """What the steering group writes for a period's review (§10.3): the record of the annual meeting,
    the chair's foreword, the sector's own statement and a commentary on each section. Every part is
    optional and can be changed until a version of the period's review is published; each build
    copies it into the version's dataset, so a published review keeps the words it was built with."""

    compact = models.ForeignKey(Compact, on_delete=models.CASCADE, related_name="review_narratives")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="review_narratives")
    meeting_date = models.DateField(null=True, blank=True)
    meeting_place = models.CharField(max_length=300, blank=True)
    meeting_attending = models.ManyToManyField(
        "organisations.Organisation", blank=True, related_name="+", help_text="Organisations at the annual meeting."
    )
    meeting_decisions = models.TextField(blank=True)
    foreword = models.TextField(blank=True)
    foreword_by = models.CharField(max_length=200, blank=True, help_text="Who signs the foreword.")
    sector_statement = models.TextField(blank=True)
    # The sector's representatives on the steering group who wrote the statement.
    sector_statement_authors = models.ManyToManyField("organisations.SteeringGroupMember", blank=True, related_name="+")
    # {section id: the steering group's commentary on it}; section ids are reviews.dataset.SECTIONS'.
    commentary = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["compact", "period"], name="one_narrative_per_review_period")]

    def __str__(self):
        return f"{self.compact} {self.period.label} review narrative"
