"""Public pages: the Codes and each Code's undertakings, grouped by section and party."""

from django.shortcuts import render
from django.urls import reverse

from common.csv_export import csv_response

from .. import selectors
from ..models import Code
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
