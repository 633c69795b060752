"""Public pages: the Codes and each Code's undertakings, grouped by section and party."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from common.csv_export import csv_response

from .. import selectors
from ..models import Code
from ..selectors.code_changes import paragraph_changes
from ..selectors.code_document import code_document, unnumbered_undertakings
from ..selectors.codes import undertakings_by_party


def code_list(request):
    return render(
        request,
        "undertakings/code_list.html",
        {
            "codes": selectors.codes_for_list(),
            "breadcrumbs": [("Home", reverse("home")), ("Codes of Good Practice", None)],
        },
    )


def code_list_csv(request):
    rows = (
        [c.title, c.short_title, c.compact.name, c.version, c.get_status_display(), c.adopted_on, c.undertaking_count]
        for c in selectors.codes_for_list()
    )
    return csv_response(
        "codes.csv", ["Title", "Short title", "Compact", "Version", "Status", "Adopted on", "Undertakings"], rows
    )


def code_detail(request, slug, version):
    code = selectors.code_for_page(slug=slug, version=version)
    sections = [(section, undertakings_by_party(section)) for section in code.sections.all()]
    other_versions = Code.objects.filter(slug=code.slug).exclude(pk=code.pk).order_by("-version")
    document = code_document(code)
    return render(
        request,
        "undertakings/code_detail.html",
        {
            "code": code,
            "sections": sections,
            "document": document,
            "portal_references": unnumbered_undertakings(document),
            "change_count": code.changes.count() if code.based_on_id else 0,
            "other_versions": other_versions,
            "breadcrumbs": [
                ("Home", reverse("home")),
                ("Codes of Good Practice", reverse("undertakings:code-list")),
                (code.short_title, None),
            ],
        },
    )


def code_changes(request, slug, version):
    """What changed between two versions: by default the one this version was made from."""
    code = selectors.code_for_page(slug=slug, version=version)
    versions = Code.objects.filter(slug=code.slug).exclude(pk=code.pk).order_by("-version")
    wanted = request.GET.get("from")
    old = get_object_or_404(versions, version=wanted) if wanted else (code.based_on or versions.first())
    if old is None:
        raise Http404("This Code has only one version.")
    changes, same = paragraph_changes(old, code)
    return render(
        request,
        "undertakings/code_changes.html",
        {
            "code": code,
            "old": old,
            "versions": versions,
            "changes": changes,
            "same": same,
            "agreed": code.changes.all() if old == code.based_on else [],
            "breadcrumbs": [
                ("Home", reverse("home")),
                ("Codes of Good Practice", reverse("undertakings:code-list")),
                (code.short_title, reverse("undertakings:code-detail", args=[code.slug, code.version])),
                ("What changed", None),
            ],
        },
    )


def code_csv(request, slug, version):
    code = selectors.code_for_page(slug=slug, version=version)
    rows = (
        [section.ref, section.title, u.ref, u.get_party_display(), u.text, u.assessable, u.guidance, u.number]
        for section in code.sections.all()
        for u in section.undertakings.all()
    )
    return csv_response(
        f"{code.slug}-{code.version}.csv",
        [
            "Section",
            "Section title",
            "Ref",
            "Party",
            "Undertaking",
            "Assessed in returns",
            "Typical evidence",
            # Blank where the Code gives it no number and "Ref" is the portal's own reference.
            "Number in the Code",
        ],
        rows,
    )
