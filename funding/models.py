"""Funding programmes, applications and awards, and what follows a withdrawn award.

An application and an award each keep the organisation's BME-led outcome as it was on the day
(submission date, award date): boards change, and monitoring must not rewrite history when they do.
Awards are shaped like 360Giving grants so they can be published and imported without translation.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from organisations.bme_led import Outcome
from organisations.models import Organisation, ServiceArea

# Three years of planned activity, in whole months (§6.4 asks about multi-year funding).
MULTI_YEAR_MONTHS = 36


class ProgrammeKind(models.TextChoices):
    GRANT = "grant", "Grant"
    CONTRACT = "contract", "Contract"
    COMMISSION = "commission", "Commission"


class FundingPurpose(models.TextChoices):
    STRATEGIC = "strategic", "Strategic (core) funding"
    PROJECT = "project", "Project funding"


class FundingProgrammeQuerySet(models.QuerySet):
    def open_on(self, day):
        return self.filter(opens_on__lte=day, closes_on__gte=day)


class FundingProgramme(models.Model):
    funder = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="funding_programmes")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    service_area = models.ForeignKey(
        ServiceArea, null=True, blank=True, on_delete=models.PROTECT, related_name="funding_programmes"
    )
    kind = models.CharField(max_length=20, choices=ProgrammeKind.choices, default=ProgrammeKind.GRANT)
    purpose = models.CharField(
        "strategic or project funding", max_length=20, choices=FundingPurpose.choices, default=FundingPurpose.PROJECT
    )
    ring_fenced = models.BooleanField("ring-fenced for BME-led organisations", default=False)
    budget = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    opens_on = models.DateField("opening date")
    closes_on = models.DateField("closing date")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FundingProgrammeQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opens_on", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")), name="programme_closes_after_opening"),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0), name="programme_budget_not_negative"
            ),
            models.UniqueConstraint(fields=["funder", "title"], name="unique_programme_title_per_funder"),
        ]

    def __str__(self):
        return self.title


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", "Awaiting decision"
    AWARDED = "awarded", "Awarded"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn by applicant"


APPLICATION_TAG_COLOURS: dict[str, str] = {
    ApplicationStatus.SUBMITTED: "blue",
    ApplicationStatus.AWARDED: "green",
    ApplicationStatus.DECLINED: "red",
    ApplicationStatus.WITHDRAWN: "grey",
}


class Application(models.Model):
    programme = models.ForeignKey(FundingProgramme, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="funding_applications")
    project_title = models.CharField(max_length=200)
    summary = models.TextField("what the funding is for", blank=True)
    amount_requested = models.DecimalField(max_digits=14, decimal_places=2)
    submitted_on = models.DateField("submission date")
    # The applicant's BME-led outcome on the submission date, recorded then and never recomputed.
    bme_led_outcome = models.CharField("BME-led status on submission", max_length=30, choices=Outcome.choices)
    bme_led_explanation = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED)
    decided_on = models.DateField("decision date", null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_requested__gt=0), name="application_amount_positive"),
            models.CheckConstraint(
                condition=Q(status=ApplicationStatus.SUBMITTED) | Q(decided_on__isnull=False),
                name="decision_has_a_date",
            ),
        ]

    def __str__(self):
        return f"{self.project_title} ({self.applicant})"

    @property
    def tag_colour(self) -> str:
        return APPLICATION_TAG_COLOURS[self.status]


class AwardStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    COMPLETED = "completed", "Completed"
    WITHDRAWN = "withdrawn", "Withdrawn"
    # An imported grant with no planned end date: whether it is still running is not known.
    NOT_RECORDED = "not_recorded", "Not recorded"


AWARD_TAG_COLOURS: dict[str, str] = {
    AwardStatus.ACTIVE: "green",
    AwardStatus.COMPLETED: "blue",
    AwardStatus.WITHDRAWN: "red",
    AwardStatus.NOT_RECORDED: "grey",
}


class AwardSource(models.TextChoices):
    RECORDED = "recorded", "Recorded in the portal"
    IMPORTED = "imported", "Imported from 360Giving data"


class AwardQuerySet(models.QuerySet):
    def with_parties(self):
        return self.select_related("recipient", "funder", "programme")

    def not_withdrawn(self):
        return self.exclude(status=AwardStatus.WITHDRAWN)


class Award(models.Model):
    """A grant, contract or commission awarded, in the shape of a 360Giving grant."""

    identifier = models.CharField(max_length=200, unique=True, help_text="360Giving grant identifier")
    title = models.CharField(max_length=300)
    description = models.TextField()
    amount = models.DecimalField("amount awarded", max_digits=14, decimal_places=2)
    # Any currency the standard allows; figures in pounds count GBP awards only and say so.
    currency = models.CharField(max_length=3, default="GBP")
    award_date = models.DateField()
    planned_start = models.DateField("planned start date", null=True, blank=True)
    planned_end = models.DateField("planned end date", null=True, blank=True)
    # Whole months from planned start to the day after the planned end, kept with the dates so that
    # "awards of three years or more" is a plain comparison in every database.
    planned_months = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    recipient = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="awards_received")
    funder = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="awards_made")
    programme = models.ForeignKey(
        FundingProgramme, null=True, blank=True, on_delete=models.PROTECT, related_name="awards"
    )
    # Imported grants may name a programme the portal does not hold.
    programme_title = models.CharField("grant programme", max_length=300, blank=True)
    application = models.OneToOneField(
        Application, null=True, blank=True, on_delete=models.PROTECT, related_name="award"
    )
    status = models.CharField(max_length=20, choices=AwardStatus.choices, default=AwardStatus.ACTIVE)
    # The recipient's BME-led outcome on the award date, recorded then and never recomputed.
    recipient_bme_led_outcome = models.CharField(
        "recipient BME-led status on award date", max_length=30, choices=Outcome.choices
    )
    # Which Compact's rule (name and version) judged that status, so a later change of definition
    # never rewrites an award's history. Blank on awards made before definitions were recorded.
    recipient_bme_rule = models.CharField("BME-led rule applied", max_length=200, blank=True)
    withdrawn_on = models.DateField("withdrawal date", null=True, blank=True)
    withdrawal_reason = models.TextField(blank=True)
    source = models.CharField(max_length=20, choices=AwardSource.choices, default=AwardSource.RECORDED)
    # An imported grant as its funder published it: the recipient's name and identifier, dates,
    # duration and every other column, given back as published by the export. `recipient` is the
    # directory organisation it is matched to, which an officer may change; these never change.
    recipient_name = models.CharField("recipient name as published", max_length=300, blank=True)
    recipient_org_id = models.CharField("recipient identifier as published", max_length=200, blank=True, db_index=True)
    published = models.JSONField("grant as published", null=True, blank=True, editable=False)
    import_warnings = models.JSONField("data-quality warnings", default=list, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AwardQuerySet.as_manager()
    history = HistoricalRecords()
    # Set before save(): django-simple-history records who made the change and why.
    _change_reason: str

    class Meta:
        ordering = ["-award_date", "-pk"]
        indexes = [models.Index(fields=["funder", "award_date"]), models.Index(fields=["award_date"])]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="award_amount_positive"),
            models.CheckConstraint(
                condition=Q(planned_start__isnull=True)
                | Q(planned_end__isnull=True)
                | Q(planned_end__gte=F("planned_start")),
                name="award_planned_end_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(status=AwardStatus.WITHDRAWN) | Q(withdrawn_on__isnull=False),
                name="withdrawal_has_a_date",
            ),
        ]

    def __str__(self):
        return f"{self.identifier}: {self.title}"

    @property
    def tag_colour(self) -> str:
        return AWARD_TAG_COLOURS[self.status]

    @property
    def programme_name(self) -> str:
        return self.programme.title if self.programme is not None else self.programme_title

    @property
    def is_multi_year(self) -> bool:
        return (self.planned_months or 0) >= MULTI_YEAR_MONTHS


class JointReview(models.Model):
    """§6.7: after a withdrawal both sides look at the causes, the lessons and the support needed."""

    award = models.OneToOneField(Award, on_delete=models.CASCADE, related_name="joint_review")
    held_on = models.DateField("date the review was held", null=True, blank=True)
    causes = models.TextField("causes of the withdrawal", blank=True)
    lessons = models.TextField("lessons learned", blank=True)
    support_needs = models.TextField("support the organisation needs", blank=True)
    agreed_by_both = models.BooleanField("agreed by the funder and the organisation", default=False)
    completed_on = models.DateField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["opened_at"]

    def __str__(self):
        return f"Joint review of {self.award.identifier}"

    @property
    def is_complete(self) -> bool:
        return self.completed_on is not None


class Redistribution(models.Model):
    """§6.5: where funding is withdrawn, was an alternative BME-led organisation considered?"""

    award = models.OneToOneField(Award, on_delete=models.CASCADE, related_name="redistribution")
    alternative_considered = models.BooleanField("an alternative BME-led organisation was considered", null=True)
    alternative = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="redistributions_received",
        verbose_name="organisation the funding went to",
    )
    # The alternative's BME-led outcome on the completion date, recorded then.
    alternative_bme_led_outcome = models.CharField(max_length=30, choices=Outcome.choices, blank=True)
    amount = models.DecimalField("amount redistributed (GBP)", max_digits=14, decimal_places=2, null=True, blank=True)
    outcome = models.TextField("what happened", blank=True)
    completed_on = models.DateField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["opened_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gt=0), name="redistribution_amount_positive"
            ),
        ]

    def __str__(self):
        return f"Redistribution after {self.award.identifier}"

    @property
    def is_complete(self) -> bool:
        return self.completed_on is not None


from .import_models import ImportRun, RecipientMatch  # noqa: E402, F401  (one models module for Django)
