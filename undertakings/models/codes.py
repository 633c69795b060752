"""Codes of Good Practice, their sections and undertakings (loaded from YAML by
`undertakings.services.code_load`), and the reporting periods compliance is logged for."""

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
PARTIES_FOR_SECTOR = {
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

    objects = UndertakingQuerySet.as_manager()

    class Meta:
        ordering = ["code", "position"]
        constraints = [models.UniqueConstraint(fields=["code", "ref"], name="unique_undertaking_ref")]

    def __str__(self):
        return f"{self.ref}: {self.text[:80]}"


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

    class Meta:
        ordering = ["compact", "-start_date"]
        constraints = [
            models.UniqueConstraint(fields=["compact", "label"], name="unique_period_label"),
            models.CheckConstraint(condition=Q(end_date__gt=F("start_date")), name="period_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.compact} {self.label}"
