"""The lists of the annual review that grow with the Compact (bodies × undertakings, signatories,
BME-led organisations, lessons): each is published as an open-data file (CSV, and the JSON of the
whole dataset) beside the review, and printed in the PDF's annex only while it is short enough to
read. The body of the report summarises and prints the exceptions (reviews/templates' sections).

Every table here is drawn from the stored dataset, so the files always match the published PDF."""

from django.conf import settings
from django.urls import reverse

from .compliance_summary import bodies_in_body, exceptions, exceptions_in_body, not_met_in_annex

# A list longer than this is not printed in the PDF: the annex names its open-data file instead.
ANNEX_ROWS = 60


def _statements(d):
    return d["compliance"]["statements"]


def _exceptions(d):
    # The Compact's name on every row: the file is passed around on its own, away from the report.
    return [{**s, "compact": d["compact"]["name"]} for s in exceptions(d)]


def _applicable(d):
    return [s for s in d["compliance"]["statements"] if s["rating"] == "not_applicable"]


# name, title, rows of the dataset, [(column heading, key)]
TABLES = [
    (
        "statements",
        "Every comply-or-explain statement",
        _statements,
        [
            ("Organisation", "organisation"),
            ("Code", "code"),
            ("Undertaking", "undertaking_ref"),
            ("Rating", "rating_label"),
            ("Explanation", "explanation"),
        ],
    ),
    (
        "exceptions",
        "Every undertaking rated not met or partly met, with its explanation",
        _exceptions,
        [
            ("Compact", "compact"),
            ("Organisation", "organisation"),
            ("Code", "code"),
            ("Undertaking", "undertaking_ref"),
            ("Rating", "rating_label"),
            ("Explanation", "explanation"),
        ],
    ),
    (
        "not-applicable",
        "Undertakings bodies said do not apply to them, with their reasons",
        _applicable,
        [("Organisation", "organisation"), ("Undertaking", "undertaking_ref"), ("Reason", "explanation")],
    ),
    (
        "compliance-by-body",
        "Each signatory's return, with its status and score",
        lambda d: d["compliance"]["bodies"],
        [
            ("Organisation", "organisation"),
            ("Code", "code"),
            ("Status", "status_label"),
            ("Score", "score_display"),
            ("Given in", "submitted_on"),
        ],
    ),
    (
        "signatories",
        "Every signatory, with the dates they signed and withdrew",
        lambda d: d["signatories"]["organisations"],
        [
            ("Organisation", "name"),
            ("Identifier", "org_id"),
            ("Sector", "sector_label"),
            ("Signed", "signed_on"),
            ("Withdrew", "withdrawn_on"),
        ],
    ),
    (
        "bme-led-organisations",
        "BME-led organisations and the communities they serve",
        lambda d: [
            {**o, "communities": ", ".join(o.get("communities_served") or []) or "Not recorded"}
            for o in d["bme_led"].get("bme_led_organisations", [])
        ],
        [("Organisation", "name"), ("Identifier", "org_id"), ("Communities served", "communities")],
    ),
    (
        "return-actions",
        "Actions promised in this year's returns and not yet done",
        lambda d: d["compliance"]["return_actions"],
        [
            ("Organisation", "organisation"),
            ("Undertaking", "undertaking_ref"),
            ("Action", "what"),
            ("Who", "who"),
            ("Due", "due"),
            ("Overdue", "overdue"),
        ],
    ),
    (
        "last-year-return-actions",
        "Actions promised in last year's returns and what became of them",
        lambda d: d.get("progress", {}).get("return_actions", {}).get("items", []),
        [
            ("Organisation", "organisation"),
            ("Undertaking", "undertaking_ref"),
            ("Action", "what"),
            ("Due", "due"),
            ("What became of it", "progress_label"),
            ("How", "sentence"),
        ],
    ),
    (
        "complaint-lessons",
        "What was learned from each complaint closed",
        lambda d: [{**c, "broken": ", ".join(c["undertakings_broken"])} for c in d["complaints"]["learning"]],
        [
            ("Complaint", "reference"),
            ("Body", "body"),
            ("Outcome", "outcome"),
            ("Closed", "closed_on"),
            ("Undertakings broken", "broken"),
            ("Remedy", "remedy"),
            ("Learning", "learning"),
            ("What changed", "changes_made"),
        ],
    ),
]
NAMES = [name for name, *_ in TABLES]


def _in_body(dataset: dict, name: str) -> bool:
    """Printed in the body of the report already: the exceptions and every body's return, while short
    enough (reviews.compliance_summary); past that the body summarises them."""
    if name in ("statements", "exceptions"):
        return exceptions_in_body(dataset)
    if name == "compliance-by-body":
        return bodies_in_body(dataset)
    return False


# When the body summarises the exceptions, the annex prints every "not met" (while short enough).
NOT_MET_COLUMNS = [("Organisation", "organisation"), ("Undertaking", "undertaking_ref"), ("Explanation", "explanation")]


def _not_met(dataset: dict) -> tuple[list[str], list[list]]:
    rows = [s for s in exceptions(dataset) if s["rating"] == "not_met"]
    multiple_codes = len(dataset["compliance"]["codes"]) > 1
    return [h for h, _ in NOT_MET_COLUMNS], [
        [
            s["organisation"],
            f"{s['code']} {s['undertaking_ref']}" if multiple_codes else s["undertaking_ref"],
            s["explanation"] or "No explanation given",
        ]
        for s in rows
    ]


def table(dataset: dict, name: str) -> tuple[list[str], list[list]]:
    """Header and rows of one open-data table of a stored dataset."""
    for table_name, _, rows, columns in TABLES:
        if table_name == name:
            return [h for h, _ in columns], [[_cell(row.get(key)) for _, key in columns] for row in rows(dataset)]
    raise KeyError(name)


def _cell(value) -> str:
    if value is None:
        return ""
    if value is True or value is False:
        return "Yes" if value else "No"
    return str(value)


def open_data_url(dataset: dict) -> str:
    """Where the whole dataset is published as JSON once the review is published."""
    path = reverse("reviews:published-data", args=[dataset["compact"]["slug"], dataset["period"]["label"]])
    return f"{settings.SITE_URL}{path}"


def open_data(dataset: dict) -> list[dict]:
    """The open-data files of a review, for its annex: each with its size, its address once the
    review is published, and (while short) its rows for the PDF."""
    compact, period = dataset["compact"]["slug"], dataset["period"]["label"]
    files = []
    for name, title, rows, _ in TABLES:
        count = len(rows(dataset))
        if not count:
            continue
        path = reverse("reviews:published-table", args=[compact, period, name])
        in_body = _in_body(dataset, name)
        in_annex = count <= ANNEX_ROWS and not in_body and name != "exceptions"
        header, cells = table(dataset, name) if in_annex else ([], [])
        printed = ""
        if name == "exceptions" and not_met_in_annex(dataset):
            in_annex, printed = True, "not_met"
            header, cells = _not_met(dataset)
        files.append(
            {
                "name": name,
                "title": title,
                "rows": count,
                "in_pdf": in_annex,
                # "not_met": only the rows rated not met are printed (the file holds partly met too).
                "printed": printed,
                "in_body": in_body,
                "url": f"{settings.SITE_URL}{path}",
                "header": header,
                "cells": cells,
            }
        )
    return files
