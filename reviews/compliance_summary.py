"""How section 6, "Compliance with the Codes", prints a Compact's returns: in full while a person can
read them, summarised per body when the Compact is large.

A metro Compact's counted returns rate well over a thousand undertakings below "met"; printed one to
a row, with explanations, they were 80 pages of a 135-page review that no steering group reads, and
most of its build time. So past a threshold the body prints, for each body whose return rated
something below "met", its counts and the undertakings it did not meet, plus the undertakings most
often not met; every exception is published in full, with its explanation, as the "exceptions"
open-data file beside the review (reviews.annexes), and every "not met" is printed in the annex
while that stays readable. Small Compacts (the demo) print every exception in the body as before.

Drawn from the stored dataset alone, so an old review renders as it did and every figure here can be
checked against its open data."""

from collections import defaultdict
from dataclasses import dataclass, field

# About 16 exceptions fit a page with their explanations, so 300 are some 20 pages: as long as the
# rest of a review put together, and the most a steering group will read in one section. Beyond it
# the body summarises.
BODY_EXCEPTIONS = 300
# The same page budget for the annex's list of every "not met" when the body only summarises.
ANNEX_NOT_MET = 300
# One line each: 200 bodies are some 5 pages of the "Compliance by body" table.
BODY_RETURNS = 200
# Rows of the per-body summary: the bodies with most undertakings not met. Every body is in the
# compliance-by-body and exceptions open data.
SUMMARY_BODIES = 100
# Undertakings named as most often not met.
WORST_UNDERTAKINGS = 5

BELOW_MET = ("not_met", "partly_met")


@dataclass
class _BodyCounts:
    not_met: int = 0
    partly_met: int = 0
    not_met_refs: list[str] = field(default_factory=list)


def exceptions(dataset: dict) -> list[dict]:
    """Every undertaking a counted return rated not met or partly met, with its explanation."""
    return [s for s in dataset["compliance"]["statements"] if s["rating"] in BELOW_MET]


def exceptions_in_body(dataset: dict) -> bool:
    return len(exceptions(dataset)) <= BODY_EXCEPTIONS


def bodies_in_body(dataset: dict) -> bool:
    return len(dataset["compliance"]["bodies"]) <= BODY_RETURNS


def not_met_in_annex(dataset: dict) -> bool:
    """Every "not met" printed in the annex: only when the body summarises and the list stays short."""
    not_met = sum(1 for s in exceptions(dataset) if s["rating"] == "not_met")
    return not exceptions_in_body(dataset) and 0 < not_met <= ANNEX_NOT_MET


def compliance_summary(dataset: dict) -> dict:
    """What the template needs to choose between the full lists and the summary, and the summary."""
    c = dataset["compliance"]
    rows = exceptions(dataset)
    not_met = sum(1 for s in rows if s["rating"] == "not_met")
    summary: dict = {
        "exceptions": len(rows),
        "not_met": not_met,
        "partly_met": len(rows) - not_met,
        "exceptions_in_body": len(rows) <= BODY_EXCEPTIONS,
        "bodies_in_body": bodies_in_body(dataset),
        "not_met_in_annex": not_met_in_annex(dataset),
        "threshold": BODY_EXCEPTIONS,
        "exceptions_url": _file_url(dataset, "exceptions") or _file_url(dataset, "statements"),
        "bodies_url": _file_url(dataset, "compliance-by-body"),
    }
    if summary["exceptions_in_body"] and summary["bodies_in_body"]:
        return summary
    per_body: dict[tuple[str, str], _BodyCounts] = defaultdict(_BodyCounts)
    for s in rows:
        counts = per_body[(s["organisation"], s["code"])]
        if s["rating"] == "not_met":
            counts.not_met += 1
            counts.not_met_refs.append(s["undertaking_ref"])
        else:
            counts.partly_met += 1
    bodies = {(b["organisation"], b["code"]): b for b in c["bodies"]}
    ranked = sorted(per_body.items(), key=lambda item: (-item[1].not_met, -item[1].partly_met, item[0]))
    summary["bodies_with_exceptions"] = len(ranked)
    summary["bodies"] = [
        {
            "organisation": organisation,
            "code": code,
            "sector": bodies.get((organisation, code), {}).get("sector", ""),
            "score_display": bodies.get((organisation, code), {}).get("score_display", ""),
            "not_met": counts.not_met,
            "partly_met": counts.partly_met,
            "not_met_refs": ", ".join(counts.not_met_refs) or "None",
        }
        for (organisation, code), counts in ranked[:SUMMARY_BODIES]
    ]
    summary["bodies_shown"] = len(summary["bodies"])
    summary["by_sector"] = _by_sector(c["bodies"], per_body)
    worst = sorted(c["undertakings"], key=lambda u: (-u["counts"]["not_met"], u["code"], u["ref"]))
    summary["worst_undertakings"] = [u for u in worst[:WORST_UNDERTAKINGS] if u["counts"]["not_met"]]
    return summary


def _file_url(dataset: dict, name: str) -> str:
    """The address of one of the review's open-data files, as stored with it (reviews.annexes)."""
    return next((f["url"] for f in dataset.get("open_data", []) if f["name"] == name), "")


SECTORS = [("public", "Public bodies"), ("voluntary", "Voluntary and community organisations")]


def _by_sector(bodies: list[dict], per_body: dict[tuple[str, str], _BodyCounts]) -> list[dict]:
    """Returns expected and counted, and undertakings below "met", for each sector."""
    rows = []
    known = {value for value, _ in SECTORS}
    for value, label in [*SECTORS, ("other", "Other signatories")]:
        members = [b for b in bodies if (b["sector"] == value if value != "other" else b["sector"] not in known)]
        if not members:
            continue
        counts = [per_body.get((b["organisation"], b["code"])) for b in members]
        rows.append(
            {
                "label": label,
                "expected": len(members),
                "counted": sum(1 for b in members if b["counted"]),
                "with_not_met": sum(1 for x in counts if x and x.not_met),
                "not_met": sum(x.not_met for x in counts if x),
                "partly_met": sum(x.partly_met for x in counts if x),
            }
        )
    return rows
