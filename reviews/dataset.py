"""TEMPORARY stand-in for the report engineer's dataset module (same signature and top-level keys).
The lead replaces this file with the real one at merge."""

import datetime
from collections.abc import Callable

DATASET_VERSION = "1.0"

SECTIONS = [
    ("year_in_numbers", "The year in numbers"),
    ("signatories", "Signatories"),
    ("compliance", "Compliance with the Compact"),
    ("funding", "Funding"),
    ("consultations", "Consultations"),
    ("complaints", "Complaints"),
    ("bme_led", "BME-led organisations and representation"),
    ("actions", "Actions for next year"),
]


def build_dataset(*, compact, period, actions: list[dict], built_at: datetime.datetime,
                  progress: Callable[[int, str], None] | None = None) -> dict:
    signatories = list(compact.signatory_records.filter(withdrawn_on__isnull=True)
                       .values_list("organisation__name", flat=True))
    data = {
        "version": DATASET_VERSION,
        "compact": {"slug": compact.slug, "name": compact.name, "area": compact.area},
        "period": {"label": period.label, "start_date": period.start_date.isoformat(),
                   "end_date": period.end_date.isoformat()},
        "built_at": built_at.isoformat(),
        "sections": [{"id": i, "title": t} for i, t in SECTIONS],
        "year_in_numbers": {"figures": [
            {"label": "Signatories", "value": len(signatories), "display": f"{len(signatories):,}"},
            {"label": "Actions for next year", "value": len(actions), "display": f"{len(actions):,}"},
        ]},
        "signatories": {"organisations": signatories},
        "compliance": {}, "funding": {}, "consultations": {}, "complaints": {}, "bme_led": {},
        "representation": {},
        "actions": list(actions),
    }
    for n, (_, title) in enumerate(SECTIONS, start=1):
        if progress:
            progress(round(100 * n / len(SECTIONS)), f"Gathered {title.lower()}")
    return data
