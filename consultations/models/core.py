"""Consultations: a public body asks the sector about a document, section by section, and answers
every comment ("you said, we did"). The 12-week rules live in services; the dates they need are here."""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from simple_history.models import HistoricalRecords

from organisations.models import Organisation

from .choices import Assessment, AuthorKind, Channel, Disposition, Publication, Stage, Status

# Code of Practice on consultation: 12 weeks to comment, and the response within 12 weeks of closing.
STANDARD_LENGTH = timedelta(weeks=12)
RESPONSE_WITHIN = timedelta(weeks=12)
# What a page says for anything the source of a loaded consultation does not say.
NOT_RECORDED = "Not recorded"


class ConsultationQuerySet(models.QuerySet):
    def not_draft(self):
        return self.exclude(status=Status.DRAFT)


class Consultation(models.Model):
    owner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="consultations")
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=300)
    summary = models.TextField()
    document = models.FileField(upload_to="consultations/", blank=True)
    # Blank or empty: not recorded (a consultation loaded from a source that does not say).
    stage = models.CharField(max_length=30, choices=Stage.choices, blank=True)
    opens = models.DateField(null=True, blank=True)
    closes = models.DateField(null=True, blank=True)
    shorter_reason = models.TextField("why the consultation is shorter than 12 weeks", blank=True)
    # Access offered (Code §5.2): languages, formats, interpreters and expenses for attending.
    languages = models.CharField("languages other than English", max_length=300, blank=True)
    easy_read = models.BooleanField(default=False)
    large_print = models.BooleanField(default=False)
    audio = models.BooleanField(default=False)
    interpreters = models.BooleanField(default=False)
    expenses = models.BooleanField("expenses paid for attending", default=False)
    expenses_details = models.CharField(max_length=300, blank=True)
    # Whom to ask for the access offered; blank: the owning body's contact email is shown instead.
    access_email = models.EmailField("email for access requests", blank=True)
    access_phone = models.CharField("phone for access requests", max_length=40, blank=True)
    equality_assessment = models.CharField(
        "equality impact assessment",
        max_length=20,
        choices=Assessment.choices,
        default=Assessment.PLANNED,
        blank=True,  # blank: not recorded
    )
    equality_assessment_reason = models.TextField(blank=True)
    code = models.ForeignKey(
        "undertakings.Code", null=True, blank=True, on_delete=models.SET_NULL, related_name="consultations"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    response_published_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Reminders to the owner's officers, one per state, claimed by a conditional update.
    due_soon_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    overdue_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ConsultationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["due_soon_reminder_sent_at", "overdue_reminder_sent_at"])

    class Meta:
        ordering = ["-opens", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens__isnull=True) | Q(closes__isnull=True) | Q(closes__gt=models.F("opens")),
                name="consultation_closes_after_opens",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def dates_recorded(self) -> bool:
        return self.opens is not None and self.closes is not None

    @property
    def length(self) -> timedelta | None:
        return self.closes - self.opens if self.opens is not None and self.closes is not None else None

    @property
    def weeks(self) -> int | None:
        length = self.length
        return length.days // 7 if length is not None else None

    @property
    def is_shorter(self) -> bool:
        length = self.length
        return length is not None and length < STANDARD_LENGTH

    @property
    def response_due(self) -> date | None:
        return self.closes + RESPONSE_WITHIN if self.closes else None

    def response_overdue(self, today: date) -> bool:
        """Closed (or open past its date) with no published response after the due date."""
        due = self.response_due
        return self.status in (Status.OPEN, Status.CLOSED) and due is not None and today > due

    @property
    def stage_display(self) -> str:
        return self.get_stage_display() if self.stage else NOT_RECORDED

    @property
    def equality_assessment_display(self) -> str:
        return self.get_equality_assessment_display() if self.equality_assessment else NOT_RECORDED


class ConsultationSection(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="sections")
    ref = models.CharField("reference", max_length=20, help_text="For example 2.3")
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)
    # A document may print one number twice (Plymouth's draft has two paragraphs 4.7): the second then
    # gets its own `ref` (4.7a), used only inside the portal, and every page shows `number`, as printed.
    number = models.CharField(
        "number as printed", max_length=20, blank=True, help_text="Only when it differs from the reference."
    )
    number_note = models.CharField(max_length=300, blank=True, help_text="Why two sections print one number.")

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["consultation", "ref"], name="unique_consultation_section_ref")]

    def __str__(self):
        return self.printed if not self.has_title else f"{self.printed} {self.title}"

    @property
    def printed(self) -> str:
        """The number as the document prints it."""
        return self.number or self.ref

    @property
    def has_title(self) -> bool:
        return self.title not in (self.ref, self.printed)

    @property
    def label(self) -> str:
        return str(self)

    @property
    def heading(self) -> str:
        """How lists and links name the section: its title, else "Paragraph 4.7". Where the document
        prints one number twice, which of the two it is, so that two links never read the same."""
        text = self.label if self.has_title else f"Paragraph {self.printed}"
        if self.number_note:
            text += " (second)" if self.number and self.number != self.ref else " (first)"
        return text


class ConsultationEvent(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="events")
    date = models.DateField()
    place = models.CharField(max_length=300)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.date:%d %B %Y}, {self.place}"


class Invitation(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="invitations")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="consultation_invitations")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "organisation"], name="one_consultation_invitation"),
        ]

    def __str__(self):
        return f"{self.organisation} invited to {self.consultation}"


class CommentQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(hidden=False)

    def with_answered(self):
        """`answered`: the comment has a response other than a pending one."""
        answered = Response.objects.filter(comments=OuterRef("pk")).exclude(disposition=Disposition.PENDING)
        return self.annotate(answered=Exists(answered))

    def pending(self):
        return self.with_answered().filter(answered=False)


class Comment(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="comments")
    # Empty: a comment on the whole document. The first section (lowest `order`) is where the comment
    # sits on the response page; the others are paragraphs it also cites.
    sections = models.ManyToManyField(
        ConsultationSection, blank=True, related_name="comments", through="CommentSection"
    )
    # Plain text; underlining kept from a source as <u>…</u> (see consultations.markup).
    text = models.TextField()
    received_on = models.DateField(null=True, blank=True)  # None: not recorded
    author_kind = models.CharField(max_length=20, choices=AuthorKind.choices)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="consultation_comments"
    )
    # An organisation the source names that the portal does not hold ("We (REC) ...").
    organisation_name = models.CharField(max_length=200, blank=True)
    publication = models.CharField(
        "may be published", max_length=20, choices=Publication.choices, default=Publication.NOT_RECORDED
    )
    # True: the source lists the comment with the general comments on the whole document, even when
    # it cites a paragraph; it is shown there and under each paragraph it cites.
    with_general_comments = models.BooleanField(default=False)
    # What the loader knows about this row of the source that the text alone does not say.
    source_note = models.TextField(blank=True)
    themes = models.ManyToManyField("consultations.Theme", blank=True, related_name="comments")
    # Set once the commenter has been emailed that a response is published (claimed by an update).
    response_notice_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Kept for moderation and for the author; never published (see presenters of the public pages).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="consultation_comments"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.PORTAL)
    # The officer who typed in a comment received another way; None for comments made on the portal.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.PositiveIntegerField(default=0)
    source_ref = models.CharField(max_length=20, blank=True, help_text="Identifier in a loaded data file")
    hidden = models.BooleanField(default=False)
    hidden_reason = models.TextField(blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CommentQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["response_notice_sent_at"])
    # Set by CommentQuerySet.with_answered().
    answered: bool
    # Set by consultations.selectors.response: the sections the comment cites, in order.
    cited: list["ConsultationSection"]

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(author_kind="organisation") | Q(organisation__isnull=False) | ~Q(organisation_name=""),
                name="organisation_comment_has_org",
            ),
        ]

    def __str__(self):
        return f"Comment {self.pk} on {self.consultation}"

    @property
    def is_published(self) -> bool:
        return self.publication != Publication.NOT_PUBLISHED

    @property
    def published_author(self) -> str:
        """Who the public sees. A name only with the commenter's consent: the organisation's name
        for an organisation, the person's own name for an individual who chose "with my name"."""
        if self.publication == Publication.NOT_PUBLISHED:
            return "Not published at the commenter's request"
        if self.author_kind == AuthorKind.ORGANISATION:
            if self.publication == Publication.WITHOUT_NAME:
                return "An organisation (name not published)"
            name = self.organisation.name if self.organisation is not None else self.organisation_name
            return f"{name} (an organisation)" if self.organisation_name and not self.organisation_id else name
        if self.author_kind == AuthorKind.NOT_RECORDED:
            return "Author not recorded"
        if self.author_kind == AuthorKind.INDIVIDUAL:
            if self.publication == Publication.NAMED and self.author is not None and self.author.full_name:
                return self.author.full_name
            return "An individual"
        return "Anonymous"

    @property
    def received_display(self) -> str:
        return f"{self.received_on:%-d %B %Y}" if self.received_on else "date not recorded"

    @property
    def channel_note(self) -> str:
        """ " · by post" and the like, for comments that did not come through the portal."""
        return "" if self.channel == Channel.PORTAL else f" · {self.get_channel_display().lower()}"


class CommentSection(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="section_links")
    section = models.ForeignKey(ConsultationSection, on_delete=models.CASCADE, related_name="comment_links")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["comment", "section"], name="comment_cites_section_once")]

    def __str__(self):
        return f"{self.comment} cites {self.section}"


def set_comment_sections(comment: "Comment", sections) -> None:
    """Replace the comment's sections, keeping their order (the first is where it sits)."""
    CommentSection.objects.filter(comment=comment).delete()
    CommentSection.objects.bulk_create(
        [CommentSection(comment=comment, section=section, order=i) for i, section in enumerate(sections)]
    )


class Response(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="responses")
    comments = models.ManyToManyField(Comment, related_name="responses")
    disposition = models.CharField(max_length=30, choices=Disposition.choices)
    text = models.TextField()
    where = models.CharField("where it is covered", max_length=300, blank=True)
    for_whom = models.CharField("who it is for", max_length=300, blank=True)
    source_ref = models.CharField(max_length=20, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    # Set by consultations.selectors.response: the other comments' numbers it also answers.
    others: list[int]

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.get_disposition_display()}: {self.text[:40]}"
