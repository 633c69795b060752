import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from organisations.models import Compact, Organisation
from undertakings.models import Undertaking


class ComplaintStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", "Waiting for the email address to be confirmed"
    STAGE_1 = "stage_1", "Stage 1"
    STAGE_2 = "stage_2", "Stage 2"
    REFERRED = "referred", "Referred to the steering group"
    CLOSED = "closed", "Closed"


OPEN_STATUSES = [ComplaintStatus.STAGE_1, ComplaintStatus.STAGE_2, ComplaintStatus.REFERRED]


class ComplainantKind(models.TextChoices):
    ORGANISATION = "organisation", "A community group, by one of its members"
    INDIVIDUAL = "individual", "A person signed in to the portal"
    EMAIL = "email", "A person without an account, with an email address"
    ANONYMOUS = "anonymous", "Anonymous"
    # Someone who complained by phone, letter, email or in person; an officer or the steering
    # group typed it in with whatever contact details they gave.
    RECORDED = "recorded", "A person whose complaint was recorded for them"


class Channel(models.TextChoices):
    """How the complaint reached the portal. The Complaint Handling Code accepts a complaint
    however it is made."""

    ONLINE = "online", "Online, through this portal"
    PHONE = "phone", "By phone"
    LETTER = "letter", "By letter"
    EMAIL = "email", "By email"
    IN_PERSON = "in_person", "In person"


class Outcome(models.TextChoices):
    UPHELD = "upheld", "Upheld"
    PARTLY_UPHELD = "partly_upheld", "Partly upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"
    RESOLVED = "resolved", "Resolved"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Party(models.TextChoices):
    """Which side of a complaint someone acted for: decides how their name is shown."""

    COMPLAINANT = "complainant", "Complainant"
    RESPONDENT = "respondent", "Body complained about"
    STEERING = "steering", "Steering group"
    SYSTEM = "system", "The portal"
    # An officer (of any public body) or a steering member who typed in a complaint made another way.
    RECORDER = "recorder", "Recorded for the complainant"


class ReferenceCounter(models.Model):
    """The last complaint number issued in a year. Locked with SELECT … FOR UPDATE while a
    reference is issued, so two complaints raised at once never share a number."""

    year = models.PositiveIntegerField(unique=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"


def new_follow_up_nonce() -> str:
    return secrets.token_urlsafe(12)


class ComplaintQuerySet(models.QuerySet):
    def received(self):
        return self.exclude(status=ComplaintStatus.UNCONFIRMED)

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def against(self, organisation_ids):
        return self.received().filter(respondent_id__in=organisation_ids)

    def in_compacts(self, compact_ids):
        return self.received().filter(compact_id__in=compact_ids)


# Who complained. Never shown to the body complained about when the complaint is confidential
# (complaints.presenters decides), and kept out of the change history that site admins can read.
COMPLAINANT_FIELDS = [
    "complainant_kind",
    "complainant_user",
    "complainant_organisation",
    "complainant_name",
    "complainant_email",
    "complainant_phone",
    "complainant_address",
    "email_confirmed_at",
    "follow_up_nonce",
]


class Complaint(models.Model):
    reference = models.CharField(max_length=20, unique=True)
    compact = models.ForeignKey(Compact, on_delete=models.PROTECT, related_name="complaints")
    respondent = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="complaints_against", verbose_name="body complained about"
    )
    status = models.CharField(max_length=20, choices=ComplaintStatus.choices, default=ComplaintStatus.STAGE_1)
    confidential = models.BooleanField(
        default=False, help_text="The body complained about never sees who complained; the steering group does."
    )

    complainant_kind = models.CharField(max_length=20, choices=ComplainantKind.choices)
    complainant_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="complaints_raised"
    )
    complainant_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="complaints_raised"
    )
    complainant_name = models.CharField(max_length=200, blank=True)
    complainant_email = models.EmailField(blank=True)
    complainant_phone = models.CharField(max_length=40, blank=True)
    complainant_address = models.TextField(blank=True)
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    # Part of the signed follow-up link; changing it makes every earlier link stop working.
    follow_up_nonce = models.CharField(max_length=32, default=new_follow_up_nonce)

    undertakings = models.ManyToManyField(Undertaking, blank=True, related_name="complaints")
    undertakings_not_sure = models.BooleanField("not sure which undertaking", default=False)
    what_happened = models.TextField()
    happened_on = models.DateField("when it happened")
    outcome_sought = models.TextField("outcome wanted")

    submitted_at = models.DateTimeField(auto_now_add=True)
    channel = models.CharField("how it was made", max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    # Who typed in a complaint made by phone, letter, email or in person, and for which body they
    # work (empty when a steering member recorded it).
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_by_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_on = models.DateField(null=True, blank=True, help_text="The day stage 1 started.")
    # The earliest date something is due from whoever holds the complaint now, kept in step by
    # the services so the queue can sort and page in the database.
    next_deadline = models.DateField(null=True, blank=True)
    next_deadline_action = models.CharField(max_length=40, blank=True)

    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    remedy = models.TextField(blank=True)
    learning = models.TextField(blank=True)
    changes_made = models.TextField("what changed", blank=True)
    undertakings_broken = models.ManyToManyField(Undertaking, blank=True, related_name="complaints_upheld")
    closed_on = models.DateField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_by_party = models.CharField(max_length=20, choices=Party.choices, blank=True)

    objects = ComplaintQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=COMPLAINANT_FIELDS)

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(complainant_kind="organisation") | Q(complainant_organisation__isnull=False),
                name="organisation_complaint_names_the_group",
            ),
            models.CheckConstraint(
                condition=Q(status="closed") | Q(outcome=""), name="only_closed_complaints_have_an_outcome"
            ),
        ]

    def __str__(self):
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def current_stage(self):
        """The latest stage (reads prefetched stages when the selector fetched them)."""
        stages = list(self.stages.all())
        return max(stages, key=lambda s: s.level) if stages else None

    @property
    def current_stage_level(self) -> int:
        levels: dict[str, int] = {ComplaintStatus.STAGE_2: 2, ComplaintStatus.REFERRED: 3}
        return levels.get(self.status, 1)

    def stage(self, level: int):
        return next((s for s in self.stages.all() if s.level == level), None)

    @property
    def was_recorded(self) -> bool:
        return self.channel != Channel.ONLINE

    @property
    def follows_by_link(self) -> bool:
        """People without an account follow their complaint through a signed link."""
        return self.complainant_kind in (ComplainantKind.EMAIL, ComplainantKind.ANONYMOUS, ComplainantKind.RECORDED)

    @property
    def is_anonymous(self) -> bool:
        return self.complainant_kind == ComplainantKind.ANONYMOUS

    @property
    def reply_email(self) -> str:
        """Where messages to the complainant go, or "" when nobody can be written to."""
        if self.complainant_kind in (ComplainantKind.ORGANISATION, ComplainantKind.INDIVIDUAL):
            return self.complainant_user.email if self.complainant_user else ""
        # A recorded complaint's address counts as confirmed when the complainant asked for the link.
        if self.complainant_kind in (ComplainantKind.EMAIL, ComplainantKind.RECORDED) and self.email_confirmed_at:
            return self.complainant_email
        return ""
