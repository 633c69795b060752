"""Yearly compliance returns: one per signatory × reporting period × Code, with one entry per
applicable undertaking ("comply or explain", Northamptonshire Code §10.2), evidence and actions."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from organisations.models import Organisation

from ..scoring import Score, compliance_score
from .codes import Code, ReportingPeriod, Undertaking


class Rating(models.TextChoices):
    MET = "met", "Met"
    PARTLY_MET = "partly_met", "Partly met"
    NOT_MET = "not_met", "Not met"
    NOT_APPLICABLE = "not_applicable", "Not applicable"
    NOT_ASSESSED = "not_assessed", "Not yet assessed"


# Comply or explain (§10.2): anything short of "met" needs reasons, and so does claiming that an
# undertaking does not apply.
RATINGS_NEEDING_EXPLANATION = (Rating.PARTLY_MET, Rating.NOT_MET, Rating.NOT_APPLICABLE)


class ReturnStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    RETURNED = "returned", "Returned for changes"
    REVIEWED = "reviewed", "Reviewed"


# The body may change its return only in these states: a submitted return waits for the steering
# group, and a reviewed one is locked for good.
EDITABLE_STATUSES = (ReturnStatus.DRAFT, ReturnStatus.RETURNED)


class ComplianceReturnQuerySet(models.QuerySet):
    def with_counts(self):
        """Counts by rating (and of unconfirmed carried-forward entries) for scores in lists."""

        def count(**condition):
            return Count("entries", filter=Q(**{f"entries__{k}": v for k, v in condition.items()}))

        return self.annotate(
            entry_count=Count("entries"),
            met_count=count(rating=Rating.MET),
            partly_met_count=count(rating=Rating.PARTLY_MET),
            not_met_count=count(rating=Rating.NOT_MET),
            not_applicable_count=count(rating=Rating.NOT_APPLICABLE),
            not_assessed_count=count(rating=Rating.NOT_ASSESSED),
            unconfirmed_count=count(carried_forward=True),
        )


class ComplianceReturn(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="compliance_returns")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="returns")
    code = models.ForeignKey(Code, on_delete=models.PROTECT, related_name="returns")
    status = models.CharField(max_length=20, choices=ReturnStatus.choices, default=ReturnStatus.DRAFT)
    carried_forward_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="carried_into"
    )
    steering_comments = models.TextField(
        blank=True, help_text="The steering group's comments when it last returned or accepted the return."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)

    objects = ComplianceReturnQuerySet.as_manager()
    history = HistoricalRecords()
    # Set before save(): django-simple-history records who made the change.
    _history_user: AbstractBaseUser | None
    # Set by ComplianceReturnQuerySet.with_counts() (rating_counts() falls back to a query).
    met_count: int
    partly_met_count: int
    not_met_count: int
    not_applicable_count: int
    not_assessed_count: int

    class Meta:
        ordering = ["-period__start_date", "organisation__name", "code__short_title"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "period", "code"], name="one_return_per_body_period_code")
        ]

    def __str__(self):
        return f"{self.organisation} – {self.code.short_title} {self.period.label}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def score(self) -> Score:
        counts = self.rating_counts()
        return compliance_score(
            met=counts[Rating.MET],
            partly_met=counts[Rating.PARTLY_MET],
            applicable=sum(counts.values()) - counts[Rating.NOT_APPLICABLE],
        )

    @property
    def assessed_count(self) -> int:
        counts = self.rating_counts()
        return sum(counts.values()) - counts[Rating.NOT_ASSESSED]

    @property
    def unconfirmed(self) -> int:
        """Answers copied from last year that nobody has confirmed or changed yet."""
        if hasattr(self, "unconfirmed_count"):
            return self.unconfirmed_count
        if not hasattr(self, "_unconfirmed"):
            self._unconfirmed = self.entries.filter(carried_forward=True).count()
        return self._unconfirmed

    @property
    def confirmed_count(self) -> int:
        """Progress counts what a person has answered this year: a copied answer is not yet one."""
        return self.assessed_count - self.unconfirmed

    @property
    def total_count(self) -> int:
        return sum(self.rating_counts().values())

    def rating_counts(self) -> dict[str, int]:
        # From ComplianceReturnQuerySet.with_counts() when the list asked for it; otherwise one query.
        if hasattr(self, "met_count"):
            return {
                Rating.MET: self.met_count,
                Rating.PARTLY_MET: self.partly_met_count,
                Rating.NOT_MET: self.not_met_count,
                Rating.NOT_APPLICABLE: self.not_applicable_count,
                Rating.NOT_ASSESSED: self.not_assessed_count,
            }
        if not hasattr(self, "_rating_counts"):
            found = dict(self.entries.values_list("rating").annotate(n=Count("id")).order_by())
            self._rating_counts = {rating: found.get(rating, 0) for rating in Rating.values}
        return self._rating_counts


class ReturnEvent(models.Model):
    """Who moved a return on, when, and what the steering group said: the return's audit trail."""

    class Kind(models.TextChoices):
        STARTED = "started", "Started"
        SUBMITTED = "submitted", "Submitted"
        RETURNED = "returned", "Returned for changes"
        RESUBMITTED = "resubmitted", "Submitted again"
        ACCEPTED = "accepted", "Accepted"

    compliance_return = models.ForeignKey(ComplianceReturn, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    comments = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.at:%d %B %Y}"


class ComplianceEntry(models.Model):
    compliance_return = models.ForeignKey(ComplianceReturn, on_delete=models.CASCADE, related_name="entries")
    undertaking = models.ForeignKey(Undertaking, on_delete=models.PROTECT, related_name="compliance_entries")
    rating = models.CharField(max_length=20, choices=Rating.choices, default=Rating.NOT_ASSESSED)
    explanation = models.TextField(blank=True)
    evidence = models.TextField("evidence", blank=True)
    links = models.JSONField(default=list, blank=True, help_text="Addresses of evidence published elsewhere.")
    # Copied from last year's return and not yet confirmed or changed by an officer.
    carried_forward = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])
    # Set before save(): django-simple-history records who made the change.
    _history_user: AbstractBaseUser | None

    class Meta:
        ordering = ["compliance_return", "undertaking__position"]
        verbose_name_plural = "compliance entries"
        constraints = [
            models.UniqueConstraint(fields=["compliance_return", "undertaking"], name="one_entry_per_undertaking"),
            models.CheckConstraint(
                condition=Q(rating__in=[Rating.MET, Rating.NOT_ASSESSED]) | ~Q(explanation=""),
                name="comply_or_explain",
            ),
        ]

    def __str__(self):
        return f"{self.undertaking.ref}: {self.get_rating_display()}"


def evidence_upload_to(instance, filename: str) -> str:
    # Never the uploader's file name on disk: a random name under the return, with the extension
    # of the type detected from the content.
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"evidence/{instance.entry.compliance_return_id}/{uuid.uuid4().hex}{suffix}"


class EvidenceFile(models.Model):
    entry = models.ForeignKey(ComplianceEntry, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=evidence_upload_to, max_length=300)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField(help_text="Bytes.")
    sha256 = models.CharField("SHA-256", max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()
    # Set before save(): django-simple-history records who made the change.
    _history_user: AbstractBaseUser | None

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


class Action(models.Model):
    """What a body will do about an undertaking it has not (fully) met, by whom and by when."""

    entry = models.ForeignKey(ComplianceEntry, on_delete=models.CASCADE, related_name="actions")
    what = models.TextField()
    who = models.CharField(max_length=200, help_text="The person or team responsible.")
    due_on = models.DateField()
    done = models.BooleanField(default=False)
    done_on = models.DateField(null=True, blank=True)
    carried_forward_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="carried_into"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    # Set before save(): django-simple-history records who made the change.
    _history_user: AbstractBaseUser | None

    class Meta:
        ordering = ["done", "due_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(done=False) | Q(done_on__isnull=False), name="done_action_has_date")
        ]

    def __str__(self):
        return self.what[:80]


class ReminderSent(models.Model):
    """One reminder email of one kind about one return (started or not): makes reminders idempotent."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="reminders")
    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30)  # "due-30", "due-7", "due-1", "overdue-1", "overdue-2", …
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.TextField(blank=True)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "period", "code", "kind"], name="one_reminder_of_each_kind")
        ]

    def __str__(self):
        return f"{self.kind} reminder to {self.organisation}"
