"""Codes of Good Practice, their sections and undertakings (loaded from YAML by
`undertakings.services.code_load`), and the reporting periods compliance is logged for."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from organisations.models import Compact, Sector


class CodeStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    CONSULTATION = "consultation", "Under consultation"
    ADOPTED = "adopted", "Adopted"
    RETIRED = "retired", "Retired"


class Party(models.TextChoices):
    JOINT = "joint", "Joint (both sectors)"
    PUBLIC = "public", "Public bodies"
    VOLUNTARY = "voluntary", "Voluntary and community sector"


# Which undertakings apply to an organisation of each sector: joint ones apply to everyone; the
# Plymouth draft names the private sector among joint partners only.
PARTIES_FOR_SECTOR: dict[str, list[Party]] = {
    Sector.PUBLIC: [Party.JOINT, Party.PUBLIC],
    Sector.VOLUNTARY: [Party.JOINT, Party.VOLUNTARY],
    Sector.PRIVATE: [Party.JOINT],
}


class CodeQuerySet(models.QuerySet):
    def adopted(self):
        return self.filter(status=CodeStatus.ADOPTED)


class Code(models.Model):
    compact = models.ForeignKey(Compact, on_delete=models.PROTECT, related_name="codes")
    slug = models.SlugField(max_length=80)
    version = models.CharField(max_length=30)
    title = models.CharField(max_length=300)
    short_title = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=CodeStatus.choices, default=CodeStatus.DRAFT)
    adopted_on = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    source = models.TextField(blank=True)
    # The version this one was made from (a draft's next version after consultation), if any.
    based_on = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="next_versions")
    loaded_at = models.DateTimeField(auto_now=True)

    objects = CodeQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["compact__name", "short_title", "-version"]
        constraints = [models.UniqueConstraint(fields=["slug", "version"], name="unique_code_version")]

    def __str__(self):
        return f"{self.short_title} (version {self.version})"

    @property
    def is_frozen(self) -> bool:
        # An adopted version is never edited in place: a change is a new version (issue 4).
        return self.status in (CodeStatus.ADOPTED, CodeStatus.RETIRED)


class Section(models.Model):
    class Kind(models.TextChoices):
        UNDERTAKINGS = "undertakings", "Undertakings"
        IN_PRACTICE = "in_practice", "In practice"

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="sections")
    ref = models.CharField(max_length=20)
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.UNDERTAKINGS)
    intro = models.TextField(blank=True)
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["code", "position"]
        constraints = [models.UniqueConstraint(fields=["code", "ref"], name="unique_section_ref")]

    def __str__(self):
        return f"{self.ref} {self.title}"


class UndertakingQuerySet(models.QuerySet):
    def assessable(self):
        return self.filter(assessable=True)

    def for_sector(self, sector: str):
        return self.filter(party__in=PARTIES_FOR_SECTOR[sector])


class Undertaking(models.Model):
    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="undertakings")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="undertakings")
    ref = models.CharField(max_length=20)
    party = models.CharField(max_length=20, choices=Party.choices)
    text = models.TextField()
    assessable = models.BooleanField(default=True)
    guidance = models.TextField(blank=True)
    position = models.PositiveIntegerField()
    # The number the Code itself prints for this paragraph, if any. Blank means the Code does not
    # number it (a bullet of a list) and `ref` is the portal's own reference, shown as such.
    number = models.CharField(max_length=20, blank=True)
    # The portal's note about the numbering, e.g. where the source gives two paragraphs one number.
    number_note = models.CharField(max_length=300, blank=True)

    objects = UndertakingQuerySet.as_manager()

    class Meta:
        ordering = ["code", "position"]
        constraints = [models.UniqueConstraint(fields=["code", "ref"], name="unique_undertaking_ref")]

    def __str__(self):
        return f"{self.ref}: {self.text[:80]}"

    @property
    def label(self) -> str:
        """How the portal names it: the Code's own number, or the portal's reference said as such."""
        return self.number or f"portal reference {self.ref}"


class CodeBlock(models.Model):
    """One heading, paragraph, list item, footnote or contents row of a Code's whole text, in the
    source's order, so the Code can be read as the document it is. A block that is an undertaking
    points at it (its text is the undertaking's)."""

    class Kind(models.TextChoices):
        HEADING = "heading", "Heading"
        PARAGRAPH = "paragraph", "Paragraph"
        ITEM = "item", "List item"
        FOOTNOTE = "footnote", "Footnote"
        CONTENTS = "contents", "Contents row"

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="blocks")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    level = models.PositiveSmallIntegerField(default=1)
    number = models.CharField(max_length=20, blank=True)  # as the source prints it
    page = models.CharField(max_length=10, blank=True)  # contents rows: the printed page
    text = models.TextField()
    undertaking = models.ForeignKey(
        Undertaking, null=True, blank=True, on_delete=models.SET_NULL, related_name="blocks"
    )
    note = models.TextField(blank=True)  # the portal's note, never part of the Code's text

    class Meta:
        ordering = ["code", "position"]
        constraints = [models.UniqueConstraint(fields=["code", "position"], name="unique_block_position")]

    def __str__(self):
        return f"{self.number} {self.text[:60]}".strip()


class CodeChange(models.Model):
    """A change to a Code's text agreed between one version and the next, with where the source
    records the agreement. Where the source says what to change but not the new words, the change
    is recorded as described and the text is left as it was ("wording not given in the source")."""

    class Action(models.TextChoices):
        DELETED = "deleted", "Deleted"
        REWORDED = "reworded", "Reworded"
        ADDED = "added", "Added"

    class Wording(models.TextChoices):
        GIVEN = "given", "New wording given in the source"
        PARTLY = "partly", "Wording given in the source for part of the change only"
        NOT_GIVEN = "not_given", "Agreed change, wording not given in the source"

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="changes")
    position = models.PositiveIntegerField()
    refs = models.CharField(max_length=100, help_text="The paragraphs changed, as the Code numbers them.")
    action = models.CharField(max_length=20, choices=Action.choices)
    description = models.TextField()
    wording = models.CharField(max_length=20, choices=Wording.choices)
    comment = models.TextField(blank=True)  # the consultation comment it answers, quoted
    response = models.TextField()  # the working group's response, quoted
    source_lines = models.CharField(max_length=100)

    class Meta:
        ordering = ["code", "position"]

    def __str__(self):
        return f"{self.refs}: {self.get_action_display()}"

    @property
    def source_lines_label(self) -> str:
        lines = self.source_lines.split(", ")
        return f"line {lines[0]}" if len(lines) == 1 else f"lines {', '.join(lines[:-1])} and {lines[-1]}"


class ReportingPeriodQuerySet(models.QuerySet):
    def open(self):
        return self.filter(is_open=True)


class ReportingPeriod(models.Model):
    """A year of compliance: the UK financial year (1 April – 31 March) unless set otherwise."""

    compact = models.ForeignKey(Compact, on_delete=models.CASCADE, related_name="periods")
    label = models.CharField(max_length=40, help_text="For example 2025-26.")
    start_date = models.DateField()
    end_date = models.DateField()
    returns_due = models.DateField(help_text="Date by which compliance returns must be submitted.")
    is_open = models.BooleanField(default=True, help_text="Open periods accept returns.")

    objects = ReportingPeriodQuerySet.as_manager()
    history = HistoricalRecords()
    # Set before save(): django-simple-history records who made the change.
    _history_user: AbstractBaseUser | None

    class Meta:
        ordering = ["compact", "-start_date"]
        constraints = [
            models.UniqueConstraint(fields=["compact", "label"], name="unique_period_label"),
            models.CheckConstraint(condition=Q(end_date__gt=F("start_date")), name="period_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.compact} {self.label}"
