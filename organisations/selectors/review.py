"""BME-led organisations in figures, for the annual review."""

from datetime import date
from fractions import Fraction

from django.db.models import Exists, OuterRef, Prefetch, Q

from ..bme_definitions import current_definition
from ..bme_led import Outcome, decimal_share, default_rule
from ..models import Compact, EthnicGroup, Organisation, Signatory


def _counts_by_outcome(outcomes: list[str]) -> dict:
    by_outcome = {outcome.value: 0 for outcome in Outcome}
    for outcome in outcomes:
        by_outcome[outcome] += 1
    total = len(outcomes)
    share = Fraction(by_outcome[Outcome.BME_LED], total) if total else Fraction(0)
    return {"total": total, "by_outcome": by_outcome, "bme_led_share": decimal_share(share)}


def definition_summary(definition) -> dict:
    """Which rule answered, for pages, reports and the API: the Compact's own, or the portal default."""
    rule = definition.rule if definition else default_rule()
    return {
        "name": rule.name,
        "version": rule.version,
        "label": rule.label,
        "threshold": decimal_share(rule.threshold),
        "strictly_more": rule.strictly_more,
        "code": definition.code_slug if definition else None,
        "portal_reading": definition.is_portal_reading if definition else True,
        "basis": definition.basis if definition else "",
        "serving_organisations_count": rule.serving_organisations_count,
        "transition_months": rule.transition_months,
        "clauses": dict(definition.clauses) if definition else {},
    }


def bme_led_summary(*, compact: Compact, on_date: date) -> dict:
    """BME-led organisations in a Compact's areas on a date, for the annual review. JSON-serialisable.

    Shape::

        {
          "compact": {"slug": "northshire", "name": "Northshire Compact"},
          "on_date": "2026-03-31",
          "threshold": "0.75",             # the Compact's own rule (its BmeDefinition) on `on_date`
          "definition": {"name": …, "version": …, "label": …, "threshold": "0.75", "strictly_more": false,
                         "code": "plymouth-bme", "portal_reading": false, "basis": "…",
                         "serving_organisations_count": false, "clauses": {"comply_or_explain": null, …}},
          "signatories": {                 # voluntary and community organisations that had signed
            "total": 3,                    # the Compact and not withdrawn on `on_date`
            "by_outcome": {"bme_led": 2, "not_bme_led": 0, "undetermined": 1, "no_current_declaration": 0},
            "bme_led_share": "0.6666",     # BME-led / total as a decimal string (rounded down), "0" if none
          },
          "voluntary_organisations": {...same keys...},   # every listed voluntary and community organisation
          "bme_led_organisations": [       # by name
            {"name": "African Caribbean Forum", "org_id": "GB-CHC-1123456", "signatory": true,
             "communities_served": ["African", "Caribbean"]},
          ],
          "communities": [                 # all 19 ONS 2021 groups in census order
            {"code": "black-african", "name": "African",
             "high_level_group": "Black, Black British, Black Welsh, Caribbean or African",
             "bme_led_organisations": 1},  # how many BME-led organisations serve it (0: none does)
          ],
        }

    Public bodies and private companies are left out: the test is about community organisations.
    Only organisations working in the Compact's areas count (`Organisation.objects.in_compact`), so
    another Compact's groups never appear; one with no area recorded counts in no Compact.
    """
    definition = current_definition(compact, on_date)
    rule = definition.rule if definition else default_rule()
    signed = Signatory.objects.filter(compact=compact, signed_on__lte=on_date).filter(
        Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=on_date)
    )
    organisations = list(
        Organisation.objects.listed()
        .voluntary()
        .in_compact(compact)
        .with_bme_led_status(on_date, rule)
        .annotate(signatory=Exists(signed.filter(organisation=OuterRef("pk"))))
        .prefetch_related(Prefetch("communities_served", queryset=EthnicGroup.objects.order_by("position")))
        .order_by("name", "pk")
    )
    bme_led = [o for o in organisations if o.bme_led_outcome == Outcome.BME_LED]
    served: dict[int, int] = {}
    for organisation in bme_led:
        for group in organisation.communities_served.all():
            served[group.pk] = served.get(group.pk, 0) + 1
    return {
        "compact": {"slug": compact.slug, "name": compact.name},
        "on_date": on_date.isoformat(),
        "threshold": decimal_share(rule.threshold),
        "definition": definition_summary(definition),
        "signatories": _counts_by_outcome([o.bme_led_outcome for o in organisations if o.signatory]),
        "voluntary_organisations": _counts_by_outcome([o.bme_led_outcome for o in organisations]),
        "bme_led_organisations": [
            {
                "name": o.name,
                "org_id": o.org_id,
                "signatory": o.signatory,
                "communities_served": [g.name for g in o.communities_served.all()],
            }
            for o in bme_led
        ],
        "communities": [
            {
                "code": group.code,
                "name": group.name,
                "high_level_group": group.high_level_group,
                "bme_led_organisations": served.get(group.pk, 0),
            }
            for group in EthnicGroup.objects.order_by("position")
        ],
    }
