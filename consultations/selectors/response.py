"""Reads for "you said, we did": the top of the page (the publication, its versions, the figures,
the decisions and the agreed changes). The comments by section, paged, are in .entries."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from ..models import AgreedChange, Consultation, Disposition, Response, ResponseVersion
from .entries import decision_counts, decision_label


@dataclass
class ResponseSummary:
    version: ResponseVersion | None  # the latest publication; None before any
    versions: list[ResponseVersion]
    figures: dict
    decisions: list[tuple[str, str, int]]
    changes: list[AgreedChange]
    live: bool = False  # the figures were counted now (no publication has stored its own)

    @property
    def final(self) -> bool:
        return bool(self.version and self.version.is_final)

    @property
    def interim(self) -> bool:
        return bool(self.version and not self.version.is_final)

    @property
    def earlier(self) -> list[ResponseVersion]:
        return self.versions[1:]


def live_figures(consultation: Consultation) -> dict:
    """Comments, with and without a response, responses, and comments by decision, as they stand:
    counted in the database (grouped by decision; responses by EXISTS, not a DISTINCT over a join)."""
    by_decision = decision_counts(consultation)
    comments = sum(by_decision.values())
    unanswered = by_decision.get(Disposition.PENDING, 0)
    answers_visible = Response.comments.through.objects.filter(response_id=OuterRef("pk"), comment__hidden=False)
    responses = Response.objects.filter(consultation=consultation).filter(Exists(answers_visible)).count()
    return {
        "comments": comments,
        "answered": comments - unanswered,
        "unanswered": unanswered,
        "responses": responses,
        "by_decision": by_decision,
    }


def response_summary(consultation: Consultation, *, version: ResponseVersion | None = None) -> ResponseSummary:
    """The top of the response page: the publication (the latest unless `version`), every version,
    the figures (as that version published them; live before any), the decisions and the changes."""
    versions = list(consultation.response_versions.select_related("published_by").order_by("-number"))
    version = version or (versions[0] if versions else None)
    figures = version.figures if version and version.figures else live_figures(consultation)
    final = bool(version and version.is_final)
    decisions = [
        (value, decision_label(value, final=final), figures["by_decision"][value])
        for value in Disposition.values
        if figures["by_decision"].get(value)
    ]
    changes = list(consultation.agreed_changes.select_related("section").order_by("position", "pk"))
    return ResponseSummary(
        version=version,
        versions=versions,
        figures=figures,
        decisions=decisions,
        changes=changes,
        live=not (version and version.figures),
    )
