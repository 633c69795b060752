"""Organisations, public bodies included, and the questions the directory asks of them in SQL:
which Compact they count in, and whether each is BME-led on a date."""

from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.db.models import BigIntegerField, Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce
from django.db.models.lookups import GreaterThan, GreaterThanOrEqual
from simple_history.models import HistoricalRecords

from ..bme_led import BmeRule, Outcome, Undisclosed, default_rule, earliest_within, oldest_current_effective_date
from .board_declarations import BoardDeclaration
from .reference_data import AREA_NOT_RECORDED, EthnicGroup, LocalAuthorityArea, ServiceArea

if TYPE_CHECKING:
    from .compact import Compact


class Sector(models.TextChoices):
    PUBLIC = "public", "Public body"
    VOLUNTARY = "voluntary", "Voluntary and community sector"
    PRIVATE = "private", "Private sector"


class LegalForm(models.TextChoices):
    UNINCORPORATED = "unincorporated", "Unincorporated association or group"
    CIO = "cio", "Charitable incorporated organisation (CIO)"
    CHARITABLE_COMPANY = "charitable_company", "Charitable company limited by guarantee"
    COMPANY_GUARANTEE = "company_guarantee", "Company limited by guarantee"
    CIC = "cic", "Community interest company"
    SOCIETY = "society", "Co-operative or community benefit society"
    TRUST = "trust", "Charitable trust"
    STATUTORY = "statutory", "Statutory body"
    OTHER = "other", "Other"


class PublicBodyType(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    NHS = "nhs", "NHS organisation"
    POLICE = "police", "Police"
    FIRE = "fire", "Fire and rescue"
    EDUCATION = "education", "School, college or university"
    CENTRAL_GOVERNMENT = "central_government", "Central government body"
    OTHER = "other", "Other public body"


class OrganisationQuerySet(models.QuerySet):
    def in_compact(self, compact: "Compact"):
        """Organisations (public bodies included) that work in at least one of the Compact's areas.

        Decided: an organisation counts in a Compact only through the local areas it records. One
        that records only "national" (works across England) counts in no Compact, and one with no
        area recorded counts in none either, so no figure counts a record in two Compacts by
        default. A national organisation that also works locally records those areas too.
        Written as EXISTS rather than a join so that callers need no distinct() and annotations
        and counts stay one row per organisation.
        """
        through = Organisation.areas.through
        return self.filter(
            Exists(through.objects.filter(organisation_id=OuterRef("pk"), localauthorityarea__compacts=compact))
        )

    def serving_bme_communities(self):
        """Voluntary organisations that mainly serve BME communities without necessarily being
        BME-led: recorded as refugee-focused or faith-based and serving at least one minority ethnic
        community. A Compact whose definition says so (Northamptonshire §6.10.5) counts them as BME
        sector in funding figures."""
        minority = EthnicGroup.objects.minority().filter(organisations=OuterRef("pk"))
        return (
            self.filter(sector=Sector.VOLUNTARY)
            .filter(Q(refugee_focus=True) | Q(faith_based=True))
            .filter(Exists(minority))
        )

    def without_area(self):
        """Organisations that record neither a local area nor national working: "area not recorded"."""
        return self.filter(areas__isnull=True, works_nationally=False)

    def public_bodies(self):
        return self.filter(sector=Sector.PUBLIC)

    def with_standing(self):
        """Public bodies whose standing a site admin or a steering group has granted (verified):
        only these act, publish and appear in open data as public bodies."""
        return self.filter(sector=Sector.PUBLIC, verified=True)

    def voluntary(self):
        return self.filter(sector=Sector.VOLUNTARY)

    def listed(self):
        # The directory lists verified organisations and public bodies; unverified groups are
        # visible to their own members and site admins until a site admin verifies them.
        return self.filter(verified=True)

    def with_bme_led_status(self, on_date: date, definition: "BmeRule | None" = None):
        """Annotate `bme_led_outcome` (an Outcome value) and `bme_led_effective_date` as of `on_date`,
        under `definition` (a Compact's BmeRule; the portal default when None).

        The same rule as organisations.bme_led, in SQL so that the directory can filter and count
        on it: the latest declaration effective on or before `on_date` and at most 12 months old
        (ties broken by the later declaration), then integer comparisons `bme × d ≥ n × members`
        against the threshold n/d, so no floating point is involved. Counts are widened to 64 bits
        first because PostgreSQL integers overflow at 2^31.
        """
        rule = definition or default_rule()
        n, d = rule.threshold.numerator, rule.threshold.denominator
        meets = GreaterThan if rule.strictly_more else GreaterThanOrEqual
        current = BoardDeclaration.objects.filter(
            organisation=OuterRef("pk"),
            effective_date__lte=on_date,
            effective_date__gte=oldest_current_effective_date(on_date),
            board_type__in=rule.boards,
        ).order_by("-effective_date", "-declared_at", "-pk")

        def wide(expression):
            return Cast(expression, BigIntegerField())

        members = wide(F("members")) * n
        cases = [When(meets(wide(F("bme_members")) * d, members), then=Value(Outcome.BME_LED.value))]
        if rule.undisclosed == Undisclosed.UNDETERMINED:
            cases.append(
                When(
                    meets((wide(F("bme_members")) + wide(F("undisclosed_members"))) * d, members),
                    then=Value(Outcome.UNDETERMINED.value),
                )
            )
        outcome = current.annotate(
            _outcome=Case(
                *cases,
                default=Value(Outcome.NOT_BME_LED.value),
                output_field=models.CharField(),
            )
        ).values("_outcome")[:1]
        status: Coalesce | Case = Coalesce(
            Subquery(outcome), Value(Outcome.NO_CURRENT_DECLARATION.value), output_field=models.CharField()
        )
        if rule.transition_months:
            held = self._held_in_transition(on_date, rule, meets(wide(F("bme_members")) * d, members))
            status = Case(
                When(held, then=Value(Outcome.BME_LED.value)), default=status, output_field=models.CharField()
            )
        return self.annotate(
            bme_led_outcome=status,
            bme_led_effective_date=Subquery(current.values("effective_date")[:1]),
        )

    @staticmethod
    def _held_in_transition(on_date: date, rule: BmeRule, is_bme_led) -> Exists:
        """The SQL of organisations.selectors.status_among's transition period: a BME-led declaration
        (the last of its day) that still counted on the earliest day whose transition period reaches
        `on_date`, because it was not stale by then and no later declaration had taken over by then.
        An organisation with one is BME-led on `on_date`, from that declaration or in transition."""
        since = earliest_within(on_date, rule.transition_months)
        counted = BoardDeclaration.objects.filter(organisation=OuterRef("organisation"), board_type__in=rule.boards)
        took_over = counted.filter(
            Q(effective_date__gt=OuterRef("effective_date"), effective_date__lte=since)
            | Q(effective_date=OuterRef("effective_date"), declared_at__gt=OuterRef("declared_at"))
            | Q(effective_date=OuterRef("effective_date"), declared_at=OuterRef("declared_at"), pk__gt=OuterRef("pk"))
        )
        return Exists(
            BoardDeclaration.objects.filter(
                is_bme_led,
                organisation=OuterRef("pk"),
                board_type__in=rule.boards,
                effective_date__lte=on_date,
                effective_date__gte=oldest_current_effective_date(since),
            ).exclude(Exists(took_over))
        )


class Organisation(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)
    sector = models.CharField(max_length=20, choices=Sector.choices)
    legal_form = models.CharField(max_length=30, choices=LegalForm.choices, blank=True)
    public_body_type = models.CharField(max_length=30, choices=PublicBodyType.choices, blank=True)
    charity_number = models.CharField(max_length=20, blank=True)
    company_number = models.CharField(max_length=20, blank=True)
    # GSS or Local Authority (England) code for councils, giving GB-LAE-… identifiers.
    local_authority_code = models.CharField(max_length=20, blank=True)
    # The org-id identifier (GB-CHC-1234567, GB-COH-01234567, GB-LAE-NTH, or one the portal issues),
    # derived from the numbers above by organisations.identifiers.derive_org_id and kept in step by services.
    org_id = models.CharField("organisation identifier", max_length=80, unique=True)
    postcode = models.CharField(max_length=10, blank=True)
    website = models.URLField(blank=True)
    email = models.EmailField("contact email", blank=True)
    description = models.TextField(blank=True)
    faith_based = models.BooleanField(default=False)
    refugee_focus = models.BooleanField("refugee and asylum seeker focus", default=False)
    communities_served = models.ManyToManyField(EthnicGroup, blank=True, related_name="organisations")
    service_areas = models.ManyToManyField(ServiceArea, blank=True, related_name="organisations")
    # Where it works (a public body: the area(s) it serves). Empty and not national: "area not
    # recorded", and then it is counted in no Compact (OrganisationQuerySet.in_compact).
    areas = models.ManyToManyField(
        LocalAuthorityArea, blank=True, related_name="organisations", verbose_name="local authority areas"
    )
    works_nationally = models.BooleanField("works nationally", default=False)
    verified = models.BooleanField(default=False)
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A verified public body has public-body standing: its approved members act as officers. The
    # Compact whose steering group granted it is kept (empty when a site admin did) so that steering
    # group, and no other, may withdraw it; who and when are in verified_by/verified_at and the history.
    standing_compact = models.ForeignKey(
        "Compact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="public_bodies_granted",
        verbose_name="public-body standing granted by the steering group of",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])
    # Set before save(): django-simple-history records who made the change and why.
    _history_user: AbstractBaseUser | None
    _change_reason: str
    # organisations.compacts.compact_ids_of caches its answer here.
    _compact_ids: frozenset[int]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["charity_number"], condition=~Q(charity_number=""), name="unique_charity_number"
            ),
            models.UniqueConstraint(
                fields=["company_number"], condition=~Q(company_number=""), name="unique_company_number"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_public_body(self) -> bool:
        return self.sector == Sector.PUBLIC

    @property
    def has_public_body_standing(self) -> bool:
        return self.sector == Sector.PUBLIC and self.verified

    @property
    def areas_display(self) -> str:
        """Where it works, for pages and CSV: area names, "National", or "Area not recorded"."""
        names = [area.name for area in self.areas.all()]
        if self.works_nationally:
            names.append("National")
        return ", ".join(names) or AREA_NOT_RECORDED
