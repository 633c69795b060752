"""The parts of the annual review that look back: what became of last year's actions, how the
headline figures moved over three years, and how the Compact itself developed in the year (Code
versions adopted, consultations on its Codes, organisations that signed or withdrew)."""

from datetime import datetime
from typing import Any

from common.dates import long_date
from consultations.review import CodeConsultation
from undertakings.models import ReportingPeriod
from undertakings.review import ActionsProgress, CodeAdopted, previous_period

from .models import ActionProgress, AnnualReview, ReviewAction, ReviewStatus

TREND_YEARS = 2  # last year and the year before


def progress_section(*, compact, period: ReportingPeriod, returns: ActionsProgress) -> dict:
    """Last year's actions: the steering group's own (with the progress it recorded) and those
    bodies promised in their returns (`returns`, from undertakings.review)."""
    previous = previous_period(period)
    labels = dict(ActionProgress.choices)
    review_actions = []
    if previous is not None:
        review_actions = [
            {
                "action": a.action,
                "owner": a.owner,
                "due_display": long_date(a.due) or "No date set",
                "progress": a.progress,
                "progress_label": labels.get(a.progress, "Not recorded"),
                "note": a.progress_note,
            }
            for a in ReviewAction.objects.filter(compact=compact, period=previous)
        ]
    return_actions = {
        **returns,
        "items": [{**item, "due_display": long_date(item["due"])} for item in returns["items"]],
    }
    counts = {key: sum(1 for a in review_actions if a["progress"] == key) for key in ActionProgress.values}
    return {
        "empty": not (review_actions or returns["total"]),
        "previous_period": previous.label if previous else None,
        "review_actions": review_actions,
        "review_actions_counts": {**counts, "not_recorded": sum(1 for a in review_actions if not a["progress"])},
        "return_actions": return_actions,
    }


def development_section(
    *,
    period: ReportingPeriod,
    codes: list[CodeAdopted],
    code_consultations: list[CodeConsultation],
    signatories: dict,
) -> dict:
    """How the Compact developed in the period: Code versions adopted and consultations on its
    Codes (from undertakings.review and consultations.review), and who signed or withdrew."""
    start, end = period.start_date, period.end_date
    adopted = [{**c, "adopted_on_display": long_date(c["adopted_on"])} for c in codes]
    consultations = [
        {**c, "opens_display": long_date(c["opens"]), "closes_display": long_date(c["closes"])}
        for c in code_consultations
    ]
    signed = [
        {"name": o["name"], "sector_label": o["sector_label"], "on_display": o["signed_on_display"]}
        for o in signatories["organisations"]
        if o["signed_on"] >= start.isoformat()
    ]
    withdrew = [
        {"name": o["name"], "sector_label": o["sector_label"], "on_display": o["withdrawn_on_display"]}
        for o in signatories["organisations"]
        if o["withdrawn_on"] and o["withdrawn_on"] <= end.isoformat()
    ]
    return {
        "empty": not (adopted or consultations or signed or withdrew),
        "codes_adopted": adopted,
        "code_consultations": consultations,
        "signed": signed,
        "withdrew": withdrew,
    }


def _stored_figures(compact, period) -> tuple[list[dict], str] | None:
    """The headline figures of the period's published review, else of its latest built version."""
    reviews = AnnualReview.objects.for_period(compact, period).filter(status=ReviewStatus.SUCCEEDED)
    review = reviews.filter(is_published=True).first() or reviews.order_by("-version").first()
    if review is None or not review.dataset:
        return None
    where = "published review" if review.is_published else f"review version {review.version}, not published"
    return review.dataset["year_in_numbers"]["figures"], f"{where}, built on {review.dataset['built_on_display']}"


def trend(*, compact, period: ReportingPeriod, figures: list[dict], built_at: datetime) -> dict:
    """Each headline figure beside last year's and the year before's, from those years' stored
    datasets (what was published) or, where none was built, recomputed from the records now."""
    from .dataset import headline_figures

    earlier = list(
        ReportingPeriod.objects.filter(compact=compact, start_date__lt=period.start_date).order_by("-start_date")[
            :TREND_YEARS
        ]
    )
    years: list[dict[str, Any]] = []
    for p in earlier:
        stored = _stored_figures(compact, p)
        if stored is None:
            recomputed = headline_figures(compact=compact, period=p, built_at=built_at)
            stored = recomputed, "recomputed from the records when this review was built"
        years.append({"label": p.label, "figures": {f["label"]: f for f in stored[0]}, "source": stored[1]})
    rows = [
        {
            "label": f["label"],
            "values": [f["display"]] + [y["figures"].get(f["label"], {}).get("display", "Not recorded") for y in years],
        }
        for f in figures
    ]
    return {
        "empty": not years,
        "periods": [period.label] + [y["label"] for y in years],
        "sources": [{"label": y["label"], "source": y["source"]} for y in years],
        "rows": rows,
    }
