"""Reads for "you said, we did" and for the comments on a consultation's page.

Comments are listed where the source (or the commenter) put them: under every section they cite, in
document order, and the general comments on the whole document last, with any general comment that
cites paragraphs shown there as well. The lists are paged: the whole list is first read as light
(comment, section) pairs with each comment's decision and themes, then only the page's comments are
read in full, so a page costs the same handful of queries whatever the number of comments.
"""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch

from ..models import (
    AgreedChange,
    Comment,
    CommentSection,
    Consultation,
    ConsultationSection,
    Disposition,
    Publication,
    Response,
    ResponseVersion,
    Theme,
)

GENERAL = "general"  # the filter value for the general comments on the whole document
PER_PAGE = 25
NO_RESPONSE_GIVEN = "No response given"
WAITING = "Waiting for a response"


def comment_disposition(comment: Comment) -> str:
    """The latest non-pending response's disposition, else pending."""
    answered = [r for r in comment.responses.all() if r.disposition != Disposition.PENDING]
    return answered[-1].disposition if answered else Disposition.PENDING


def decision_label(value: str, *, final: bool) -> str:
    if value == Disposition.PENDING:
        return NO_RESPONSE_GIVEN if final else WAITING
    return Disposition(value).label


@dataclass
class Group:
    section: ConsultationSection | None  # None: general comments on the whole document
    comments: list = field(default_factory=list)
    total: int = 0  # comments under this heading across every page (with the filter)


@dataclass
class CommentEntries:
    page_obj: Page
    groups: list[Group]
    shown: int  # entries matching the filter
    comments: int  # visible comments
    contents: list[tuple[str, str, int]]  # (filter value, heading, comments) for every heading
    themes: list[tuple[Theme, int]]
    decisions: list[tuple[str, str, int]]  # (value, label, comments)
    chosen: dict
    consent_not_recorded: int = 0  # comments loaded from a source that recorded no consent


@dataclass
class ResponseSummary:
    version: ResponseVersion | None  # the latest publication; None before any
    versions: list[ResponseVersion]
    figures: dict
    decisions: list[tuple[str, str, int]]
    changes: list[AgreedChange]

    @property
    def final(self) -> bool:
        return bool(self.version and self.version.is_final)

    @property
    def interim(self) -> bool:
        return bool(self.version and not self.version.is_final)

    @property
    def earlier(self) -> list[ResponseVersion]:
        return self.versions[1:]


def heading(section: ConsultationSection | None) -> str:
    if section is None:
        return "General comments on the whole document"
    return section.heading


def _skeleton(consultation: Consultation):
    """Everything the lists need except the comments' text: 4 queries, light rows."""
    comments = list(
        consultation.comments.visible()
        .order_by("position", "pk")
        .values_list("pk", "with_general_comments", "publication")
    )
    links: dict[int, list[int]] = {}
    for comment_id, section_id in (
        CommentSection.objects.filter(comment__consultation=consultation, comment__hidden=False)
        .order_by("order", "pk")
        .values_list("comment_id", "section_id")
    ):
        links.setdefault(comment_id, []).append(section_id)
    decisions: dict[int, str] = {}
    for comment_id, disposition in (
        Response.comments.through.objects.filter(comment__consultation=consultation)
        .exclude(response__disposition=Disposition.PENDING)
        .order_by("response_id")
        .values_list("comment_id", "response__disposition")
    ):
        decisions[comment_id] = disposition
    themes: dict[int, set[int]] = {}
    for comment_id, theme_id in Comment.themes.through.objects.filter(comment__consultation=consultation).values_list(
        "comment_id", "theme_id"
    ):
        themes.setdefault(comment_id, set()).add(theme_id)
    return comments, links, decisions, themes


def comment_entries(
    consultation: Consultation,
    *,
    section: str = "",
    theme: str = "",
    decision: str = "",
    page: int | str | None = 1,
    per_page: int | None = PER_PAGE,
    final: bool = False,
) -> CommentEntries:
    """The comments by section (filtered by section ref or "general", theme id and decision), one page."""
    sections = list(consultation.sections.order_by("position", "pk"))
    comments, links, decisions, themes = _skeleton(consultation)
    under: dict[int | None, list[int]] = {s.pk: [] for s in sections}
    under[None] = []
    for pk, general, _ in comments:
        cited = links.get(pk, [])
        for section_id in cited:
            under[section_id].append(pk)
        if general or not cited:
            under[None].append(pk)
    by_pk = {s.pk: s for s in sections}
    keys = [s.pk for s in sections] + [None]
    contents = [
        (GENERAL if k is None else by_pk[k].ref, heading(None if k is None else by_pk[k]), len(under[k]))
        for k in keys
        if under[k]
    ]

    decision_counts: dict[str, int] = {}
    for pk, _, _ in comments:
        value = decisions.get(pk, Disposition.PENDING)
        decision_counts[value] = decision_counts.get(value, 0) + 1
    decision_rows = [
        (value, decision_label(value, final=final), decision_counts[value])
        for value in Disposition.values
        if decision_counts.get(value)
    ]
    theme_rows = [
        (t, sum(1 for ids in themes.values() if t.pk in ids)) for t in consultation.themes.order_by("position", "name")
    ]

    chosen_key = _chosen_section(section, sections)
    theme_id = int(theme) if str(theme).isdigit() else None
    entries = [
        (k, pk)
        for k in keys
        if chosen_key is False or k == chosen_key
        for pk in under[k]
        if (theme_id is None or theme_id in themes.get(pk, ()))
        and (not decision or decisions.get(pk, Disposition.PENDING) == decision)
    ]
    totals: dict[int | None, int] = {}
    for k, _ in entries:
        totals[k] = totals.get(k, 0) + 1
    page_obj = Paginator(entries, per_page or max(1, len(entries))).get_page(page)
    full = _comments_in_full([pk for _, pk in page_obj.object_list], by_pk)
    groups: list[Group] = []
    for k, pk in page_obj.object_list:
        section_here = None if k is None else by_pk[k]
        if not groups or groups[-1].section != section_here:
            groups.append(Group(section=section_here, total=totals[k]))
        comment = full[pk]
        groups[-1].comments.append(_shown_under(comment, k, decisions, final))
    return CommentEntries(
        page_obj=page_obj,
        groups=groups,
        shown=len(entries),
        comments=len(comments),
        contents=contents,
        themes=theme_rows,
        decisions=decision_rows,
        chosen={"section": section if chosen_key is not False else "", "theme": theme_id, "decision": decision},
        consent_not_recorded=sum(1 for _, _, publication in comments if publication == Publication.NOT_RECORDED),
    )


def _chosen_section(ref: str, sections) -> int | None | bool:
    """The section key a filter names: a section's pk, None for the general comments, False for all."""
    if ref == GENERAL:
        return None
    return next((s.pk for s in sections if s.ref == ref), False) if ref else False


def _comments_in_full(ids: list[int], sections: dict[int, ConsultationSection]) -> dict[int, Comment]:
    responses = Response.objects.order_by("pk").prefetch_related(
        Prefetch("comments", queryset=Comment.objects.only("pk", "position").order_by("position"))
    )
    qs = (
        Comment.objects.filter(pk__in=set(ids))
        .select_related("organisation", "author")
        .prefetch_related(
            Prefetch("section_links", queryset=CommentSection.objects.order_by("order", "pk")),
            Prefetch("responses", queryset=responses),
            "themes",
        )
    )
    found = {}
    for comment in qs:
        comment.cited = [sections[link.section_id] for link in comment.section_links.all()]
        found[comment.pk] = comment
    return found


class Shown:
    """A comment as listed under one heading: the comment, where it sits, and its decision."""

    def __init__(self, comment: Comment, key, decision: str, final: bool):
        self.comment = comment
        self.decision = decision
        self.decision_label = decision_label(decision, final=final)
        self.placed = None if comment.with_general_comments or not comment.cited else comment.cited[0]
        self.here = key
        self.elsewhere = key != (self.placed.pk if self.placed else None)
        # Other comments a shared response also answers, by their number in the source.
        for response in comment.responses.all():
            response.others = [c.position for c in response.comments.all() if c.pk != comment.pk]


def _shown_under(comment: Comment, key, decisions: dict[int, str], final: bool) -> Shown:
    return Shown(comment, key, decisions.get(comment.pk, Disposition.PENDING), final)


def comment_shown(consultation: Consultation, comment: Comment, *, final: bool) -> Shown:
    """One comment with its answer, as listed where it sits."""
    sections = {s.pk: s for s in consultation.sections.all()}
    full = _comments_in_full([comment.pk], sections)[comment.pk]
    decision = comment_disposition(full)
    key = None if full.with_general_comments or not full.cited else full.cited[0].pk
    return Shown(full, key, decision, final)


def response_document(consultation: Consultation, *, final: bool = True) -> CommentEntries:
    """Every comment under every heading, unpaged: the PDF."""
    return comment_entries(consultation, per_page=None, final=final)


def live_figures(consultation: Consultation) -> dict:
    """Comments, with and without a response, responses, and comments by decision, as they stand."""
    comments, _, decisions, _ = _skeleton(consultation)
    by_decision: dict[str, int] = {}
    for pk, _, _ in comments:
        value = decisions.get(pk, Disposition.PENDING)
        by_decision[value] = by_decision.get(value, 0) + 1
    unanswered = by_decision.get(Disposition.PENDING, 0)
    responses = Response.objects.filter(comments__consultation=consultation, comments__hidden=False).distinct().count()
    return {
        "comments": len(comments),
        "answered": len(comments) - unanswered,
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
    return ResponseSummary(version=version, versions=versions, figures=figures, decisions=decisions, changes=changes)
