"""Reads for the public Code pages."""

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404

from ..models import Code, Section, Undertaking


def codes_for_list():
    return (
        Code.objects.select_related("compact", "based_on")
        .annotate(undertaking_count=Count("undertakings"))
        .order_by("compact__name", "short_title", "-version")
    )


def code_for_page(*, slug: str, version: str) -> Code:
    """A Code with its sections and their undertakings (three queries)."""
    return get_object_or_404(
        Code.objects.select_related("compact").prefetch_related(
            Prefetch(
                "sections",
                queryset=Section.objects.order_by("position").prefetch_related(
                    Prefetch("undertakings", queryset=Undertaking.objects.order_by("position"))
                ),
            )
        ),
        slug=slug,
        version=version,
    )


def undertakings_by_party(section: Section) -> list[tuple[str, list[Undertaking]]]:
    """A section's undertakings grouped by the party that gives them, in first-appearance order."""
    groups: dict[str, list[Undertaking]] = {}
    for undertaking in section.undertakings.all():
        groups.setdefault(undertaking.get_party_display(), []).append(undertaking)
    return list(groups.items())
