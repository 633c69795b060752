"""Each Compact's own BME-led definition and clause references, as versioned data beside its Code.

The files are `undertakings/codes/<code slug>-definition.yaml` (for example `plymouth-bme-definition.yaml`
beside `plymouth-bme-draft.yaml`). They are loaded here, into `organisations`, because the BME-led test
is asked by every app and `organisations` sits below `undertakings` in the layering: the definition
refers to its Code by slug and version, never by a foreign key pointing upwards.
"""

from collections import defaultdict
from datetime import date
from fractions import Fraction
from pathlib import Path

import yaml
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction

from .bme_led import BmeRule, Undisclosed

# The roles a page, email or report may cite a clause for. A Code without such a clause has None,
# and the text then leaves the reference out.
CLAUSE_ROLES = {
    "bme_led_definition": "what a BME-led organisation is",
    "bme_sector": "which organisations make up the BME sector",
    "comply_or_explain": "reasons must be given where good practice is not followed",
    "annual_review": "the annual review of the Compact, published",
    "funding_monitoring": "monitoring and publishing the share of funding to the BME sector",
    "funding_access": "access to funding compared with other organisations",
    "redistribution": "an alternative BME organisation considered when funding is withdrawn",
    "joint_review": "a joint review after funding is withdrawn",
    "representation_pool": "representatives drawn from a large pool, avoiding overload",
    "complaints": "complaints procedures made known and used",
}
BOARD_TYPES = ("management_committee", "board_of_directors", "board_of_trustees")
READINGS = {"code": "the Code's own words", "portal": "the portal's reading of the Code"}

FILE_PATTERN = "*-definition.yaml"
UNKNOWN_COMPACT = "{file}: there is no Compact with the slug {slug}. Load its Code first."
BAD_FIELD = "{file}: {field} {problem}"


def definitions_folder() -> Path:
    return Path(settings.BASE_DIR) / "undertakings" / "codes"


class BmeDefinition(models.Model):
    """One version of a Compact's BME-led definition. The newest loaded version answers."""

    compact = models.ForeignKey("organisations.Compact", on_delete=models.CASCADE, related_name="bme_definitions")
    code_slug = models.SlugField(max_length=60, help_text="The Code this definition belongs to.")
    code_version = models.CharField(max_length=40)
    version = models.CharField(max_length=40)
    name = models.CharField(max_length=200, help_text="For example: Plymouth Compact BME-led definition.")
    reading = models.CharField(max_length=10, choices=list(READINGS.items()))
    basis = models.TextField(help_text="The clauses the definition rests on, in plain words.")
    threshold_numerator = models.PositiveIntegerField()
    threshold_denominator = models.PositiveIntegerField()
    strictly_more = models.BooleanField(default=False)
    boards = models.JSONField(help_text="Board types whose declarations count.")
    undisclosed = models.CharField(max_length=20, choices=Undisclosed.choices)
    transition_months = models.PositiveSmallIntegerField(default=0)
    serving_organisations_count = models.BooleanField(
        "organisations mainly serving BME communities count as BME sector in funding figures", default=False
    )
    clauses = models.JSONField(help_text="Clause reference per role (CLAUSE_ROLES), null when the Code has none.")
    effective_from = models.DateField()
    source_file = models.CharField(max_length=200)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["compact__name", "-effective_from", "-pk"]
        constraints = [models.UniqueConstraint(fields=["compact", "version"], name="one_definition_per_version")]

    def __str__(self):
        return self.rule.label

    @property
    def rule(self) -> BmeRule:
        return BmeRule(
            threshold=Fraction(self.threshold_numerator, self.threshold_denominator),
            strictly_more=self.strictly_more,
            boards=tuple(self.boards),
            undisclosed=self.undisclosed,
            transition_months=self.transition_months,
            serving_organisations_count=self.serving_organisations_count,
            name=self.name,
            version=self.version,
        )

    @property
    def is_portal_reading(self) -> bool:
        return self.reading == "portal"

    def clause(self, role: str) -> str | None:
        return (self.clauses or {}).get(role)


def current_definition(compact, on_date: date | None = None) -> BmeDefinition | None:
    """The Compact's definition in force on `on_date` (today when None); None if none is loaded."""
    if compact is None:
        return None
    definitions = BmeDefinition.objects.filter(compact=compact)
    if on_date is not None:
        definitions = definitions.filter(effective_from__lte=on_date)
    return definitions.order_by("-effective_from", "-pk").first()


def rule_for(compact, on_date: date | None = None) -> BmeRule | None:
    """The Compact's rule, or None for the portal default."""
    definition = current_definition(compact, on_date)
    return definition.rule if definition else None


def compact_between(*, funder, organisation):
    """The Compact the funder signed whose areas the organisation works in (the first by name if
    there are several), or None when they share none."""
    from .models import Compact

    return (
        Compact.objects.filter(signatory_records__organisation=funder, areas__organisations=organisation)
        .order_by("name", "pk")
        .first()
    )


def rule_between(*, funder, organisation, on_date: date | None = None) -> BmeRule | None:
    """The rule a funder judges an organisation by: its shared Compact's (`compact_between`), or
    None (the portal default) when they share no Compact."""
    return rule_for(compact_between(funder=funder, organisation=organisation), on_date)


class RulesBetween:
    """`rule_between` for many funder and organisation pairs (an import, an export), from four queries
    whatever their number: the same Compact (first by name of those the funder signed and the
    organisation works in) and the same definition in force on the day."""

    def __init__(self, *, funder_ids, organisation_ids) -> None:
        from .models import Compact, Organisation, Signatory

        self._signed: dict[int, set[int]] = defaultdict(set)
        for funder_id, compact_id in Signatory.objects.filter(organisation_id__in=set(funder_ids)).values_list(
            "organisation_id", "compact_id"
        ):
            self._signed[funder_id].add(compact_id)
        self._local: dict[int, set[int]] = defaultdict(set)
        through = Organisation.areas.through
        for organisation_id, compact_id in through.objects.filter(
            organisation_id__in=set(organisation_ids), localauthorityarea__compacts__isnull=False
        ).values_list("organisation_id", "localauthorityarea__compacts"):
            self._local[organisation_id].add(compact_id)
        compact_ids = set().union(*self._signed.values()) if self._signed else set()
        self._order = {
            pk: i
            for i, pk in enumerate(
                Compact.objects.filter(pk__in=compact_ids).order_by("name", "pk").values_list("pk", flat=True)
            )
        }
        self._definitions: dict[int, list[BmeDefinition]] = defaultdict(list)
        for definition in BmeDefinition.objects.filter(compact_id__in=compact_ids).order_by("-effective_from", "-pk"):
            self._definitions[definition.compact_id].append(definition)

    def compact_id(self, funder_id: int, organisation_id: int) -> int | None:
        shared = self._signed.get(funder_id, set()) & self._local.get(organisation_id, set())
        return min(shared, key=self._order.__getitem__) if shared else None

    def rule(self, funder_id: int, organisation_id: int, on_date: date) -> BmeRule | None:
        compact_id = self.compact_id(funder_id, organisation_id)
        if compact_id is None:
            return None
        definition = next((d for d in self._definitions[compact_id] if d.effective_from <= on_date), None)
        return definition.rule if definition else None


def clause_for(compact, role: str) -> str | None:
    """The Compact's own clause for a role (CLAUSE_ROLES), or None: no Compact, no definition loaded,
    or a Code without such a clause. Callers leave the reference out on None."""
    if role not in CLAUSE_ROLES:
        raise ValueError(f"Unknown clause role {role!r}")
    if isinstance(compact, str):
        from .models import Compact

        compact = Compact.objects.filter(slug=compact).first()
    definition = current_definition(compact)
    return definition.clause(role) if definition else None


def _check(data: dict, file: str) -> dict:
    def bad(field, problem):
        return ValidationError(BAD_FIELD.format(file=file, field=field, problem=problem))

    threshold = str(data.get("threshold", ""))
    try:
        fraction = Fraction(threshold)
    except (ValueError, ZeroDivisionError):
        raise bad("threshold", "must be a fraction such as 3/4 or 0.75") from None
    if not 0 < fraction <= 1:
        raise bad("threshold", "must be more than 0 and at most 1")
    boards = data.get("boards") or []
    if not boards or any(b not in BOARD_TYPES for b in boards):
        raise bad("boards", f"must list one or more of {', '.join(BOARD_TYPES)}")
    if data.get("undisclosed") not in Undisclosed.values:
        raise bad("undisclosed", f"must be one of {', '.join(Undisclosed.values)}")
    if data.get("vacancies", "not_counted") != "not_counted":
        raise bad("vacancies", "must be not_counted: a declaration records the seats filled")
    transition = data.get("transition_months") or 0
    if not isinstance(transition, int) or isinstance(transition, bool) or not 0 <= transition <= 120:
        raise bad("transition_months", "must be a whole number of months from 0 to 120 (0: no transition period)")
    if data.get("reading") not in READINGS:
        raise bad("reading", f"must be one of {', '.join(READINGS)}")
    clauses = data.get("clauses") or {}
    unknown = sorted(set(clauses) - set(CLAUSE_ROLES))
    if unknown:
        raise bad("clauses", f"has roles the portal does not know: {', '.join(unknown)}")
    return {
        "threshold_numerator": fraction.numerator,
        "threshold_denominator": fraction.denominator,
        "strictly_more": bool(data.get("strictly_more", False)),
        "boards": list(boards),
        "undisclosed": data["undisclosed"],
        "transition_months": transition,
        "serving_organisations_count": bool(data.get("serving_organisations_count", False)),
        "clauses": {role: (str(clauses[role]) if clauses.get(role) is not None else None) for role in CLAUSE_ROLES},
        "reading": data["reading"],
    }


@transaction.atomic
def bme_definitions_load(*, folder: Path | None = None, compacts=None) -> list[BmeDefinition]:
    """Load every definition file in `folder` (idempotent: update_or_create on Compact and version).
    `compacts` (slugs) limits loading to those Compacts; a file for a Compact not in the database
    raises ValidationError unless it is left out that way."""
    from .models import Compact

    loaded = []
    for path in sorted((folder or definitions_folder()).glob(FILE_PATTERN)):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        slug = data.get("compact")
        if compacts is not None and slug not in compacts:
            continue
        compact = Compact.objects.filter(slug=slug).first()
        if compact is None:
            raise ValidationError(UNKNOWN_COMPACT.format(file=path.name, slug=slug))
        fields = _check(data, path.name)
        definition, _ = BmeDefinition.objects.update_or_create(
            compact=compact,
            version=str(data["version"]),
            defaults={
                **fields,
                "code_slug": data["code"],
                "code_version": str(data.get("code_version", "")),
                "name": data["name"],
                "basis": data.get("basis", "").strip(),
                "effective_from": data.get("effective_from") or date(2000, 1, 1),
                "source_file": path.name,
            },
        )
        loaded.append(definition)
    return loaded
