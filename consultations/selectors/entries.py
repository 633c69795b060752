"""The comments on a consultation listed by section, one page at a time: the consultation's page and
"you said, we did" read them here.

Comments are listed where the source (or the commenter) put them: under every section they cite, in
document order, and the general comments on the whole document last, with any general comment that
cites paragraphs shown there as well. A consultation may have thousands of comments, so the database
does the work: the headings' counts, the decisions and themes are counted by grouped queries, the
list of (heading, comment) entries is sorted and cut to one page in SQL, and only that page's
comments are read in full. A page costs the same queries whatever the number of comments.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Page, Paginator
from django.db.models import (
    CharField,
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from ..models import (
    Comment,
    CommentSection,
    Consultation,
    ConsultationSection,
    Disposition,
    Publication,
    Response,
    Theme,
)

GENERAL = "general"  # the filter value for the general comments on the whole document
PER_PAGE = 25
NO_RESPONSE_GIVEN = "No response given"
WAITING = "Waiting for a response"


def comment_disposition(comment: Comment) -> str:
    """The latest non-pending response's disposition, else pending (responses read in pk order)."""
    answered = [r for r in comment.responses.all() if r.disposition != Disposition.PENDING]
    return answered[-1].disposition if answered else Disposition.PENDING


def decision_label(value: str, *, final: bool) -> str:
    if value == Disposition.PENDING:
        return NO_RESPONSE_GIVEN if final else WAITING
    return Disposition(value).label


def decision_of_comment() -> Coalesce:
    """A comment's decision in SQL, as comment_disposition reads it from the prefetched responses."""
    latest = (
        Response.comments.through.objects.filter(comment_id=OuterRef("pk"))
        .exclude(response__disposition=Disposition.PENDING)
        .order_by("-response_id")
        .values("response__disposition")[:1]
    )
    return Coalesce(Subquery(latest), Value(Disposition.PENDING.value), output_field=CharField())


def decision_counts(consultation: Consultation) -> dict[str, int]:
    """Visible comments by decision: each answered comment's latest non-pending response, read as
    light (comment, decision) rows in response order; the rest are pending. One pass, no per-comment
    subquery (a grouped count over that subquery took several times as long on 6,000 comments)."""
    latest: dict[int, str] = dict(
        Response.comments.through.objects.filter(comment__consultation=consultation, comment__hidden=False)
        .exclude(response__disposition=Disposition.PENDING)
        .order_by("response_id")
        .values_list("comment_id", "response__disposition")
    )
    counts: dict[str, int] = {}
    for value in latest.values():
        counts[value] = counts.get(value, 0) + 1
    unanswered = consultation.comments.visible().count() - len(latest)
    if unanswered:
        counts[Disposition.PENDING] = unanswered
    return counts


@dataclass
class Group:
    section: ConsultationSection | None  # None: general comments on the whole document
    comments: list = field(default_factory=list)
    total: int = 0  # comments under this heading across every page (with the filter)


@dataclass
class CommentEntries:
    consultation: Consultation
    page_obj: Page
    groups: list[Group]
    comments: int  # visible comments
    contents: list[tuple[str, str, int]]  # (filter value, heading, comments) for every heading
    chosen: dict
    final: bool = False
    consent_not_recorded: int = 0  # comments loaded from a source that recorded no consent
    decision_totals: dict[str, int] | None = None  # visible comments by decision, if already counted

    @property
    def shown(self) -> int:
        """Entries matching the filter (a comment under two headings counts twice)."""
        return self.page_obj.paginator.count

    # Read by the response page's filters only: the consultation's page does not pay for them.
    @cached_property
    def themes(self) -> list[tuple[Theme, int]]:
        themes = self.consultation.themes.annotate(n=Count("comments", filter=Q(comments__hidden=False)))
        return [(t, t.n) for t in themes.order_by("position", "name")]

    @cached_property
    def decisions(self) -> list[tuple[str, str, int]]:  # (value, label, comments)
        counts = self.decision_totals if self.decision_totals is not None else decision_counts(self.consultation)
        return [(v, decision_label(v, final=self.final), counts[v]) for v in Disposition.values if counts.get(v)]


def heading(section: ConsultationSection | None) -> str:
    if section is None:
        return "General comments on the whole document"
    return section.heading


def _matching(consultation: Consultation, theme_id: int | None, decision: str) -> QuerySet[Comment] | None:
    """The visible comments the theme and decision filters keep; None when there is no such filter."""
    if theme_id is None and not decision:
        return None
    comments = consultation.comments.visible()
    if theme_id is not None:
        tagged = Comment.themes.through.objects.filter(comment_id=OuterRef("pk"), theme_id=theme_id)
        comments = comments.filter(Exists(tagged))
    if decision:
        comments = comments.alias(decision=decision_of_comment()).filter(decision=decision)
    return comments


class _Listing:
    """Where the comments are listed, in SQL: links to the consultation's own sections (so the
    indexes on section_id serve) and its general comments, narrowed by the theme and decision filters."""

    def __init__(self, consultation: Consultation, sections: list[ConsultationSection], matching):
        self.section_ids = [s.pk for s in sections]
        # Hidden comments are few: leaving them out by id spares joining every link to its comment.
        hidden = list(consultation.comments.filter(hidden=True).values_list("pk", flat=True))
        links = CommentSection.objects.filter(section_id__in=self.section_ids).exclude(comment_id__in=hidden).order_by()
        comments = consultation.comments.visible()
        self.links = links if matching is None else links.filter(comment__in=matching.values("pk"))
        self.comments = comments if matching is None else matching

    def general(self) -> QuerySet[Comment]:
        cited = CommentSection.objects.filter(section_id__in=self.section_ids).values("comment_id")
        return self.comments.filter(Q(with_general_comments=True) | ~Q(pk__in=cited)).order_by()

    def counts(self) -> dict[int | None, int]:
        """How many comments each section lists (by pk) and the general comments (None)."""
        counts: dict[int | None, int] = dict(
            self.links.values("section_id").annotate(n=Count("pk")).values_list("section_id", "n")
        )
        counts[None] = self.general().count()
        return counts


class _Entries:
    """The (section pk or None, comment pk) entries under the chosen headings, as a sequence the
    Paginator cuts: the page's slice is found from the headings' counts, so the database sorts only
    the headings the page reaches, never the whole list."""

    def __init__(self, listing: _Listing, keys: list[int | None], counts: dict[int | None, int]):
        self.listing = listing
        self.keys = [k for k in keys if counts.get(k)]
        self.counts = counts

    def count(self) -> int:
        return sum(self.counts[k] for k in self.keys)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, cut: slice) -> list[tuple[int | None, int]]:
        start, stop = cut.start or 0, cut.stop if cut.stop is not None else self.count()
        reached: list[int | None] = []
        first, skip = 0, 0  # skip: entries of the first heading reached that come before the page
        for key in self.keys:
            if first + self.counts[key] > start and first < stop:
                if not reached:
                    skip = start - first
                reached.append(key)
            first += self.counts[key]
        sections = [k for k in reached if k is not None]
        wanted = stop - start
        rows: list[tuple[int | None, int]] = []
        if sections:
            rows = list(
                self.listing.links.filter(section_id__in=sections)
                .order_by("section__position", "section_id", "comment__position", "comment_id")
                .values_list("section_id", "comment_id")[skip : skip + wanted]
            )
        if None in reached and len(rows) < wanted:
            offset = skip if not sections else 0
            general = self.listing.general().order_by("position", "pk").values_list("pk", flat=True)
            rows += [(None, pk) for pk in general[offset : offset + wanted - len(rows)]]
        return rows


def comment_entries(
    consultation: Consultation,
    *,
    section: str = "",
    theme: str = "",
    decision: str = "",
    page: int | str | None = 1,
    per_page: int | None = PER_PAGE,
    final: bool = False,
    decision_totals: dict[str, int] | None = None,
) -> CommentEntries:
    """The comments by section (filtered by section ref or "general", theme id and decision), one page.
    `decision_totals`: the live count of comments by decision when the caller has it (the response
    page counts them for its figures), so the filter's counts do not count them again."""
    sections = list(consultation.sections.order_by("position", "pk"))
    by_pk = {s.pk: s for s in sections}
    figures = consultation.comments.visible().aggregate(
        comments=Count("pk"), not_recorded=Count("pk", filter=Q(publication=Publication.NOT_RECORDED))
    )
    everything = _Listing(consultation, sections, None)
    under = everything.counts()
    keys = [s.pk for s in sections] + [None]
    contents = [
        (GENERAL if k is None else by_pk[k].ref, heading(None if k is None else by_pk[k]), under[k])
        for k in keys
        if under.get(k)
    ]

    chosen_key = _chosen_section(section, sections)
    theme_id = int(theme) if str(theme).isdigit() else None
    decision = decision if decision in Disposition.values else ""
    matching = _matching(consultation, theme_id, decision)
    listing = everything if matching is None else _Listing(consultation, sections, matching)
    totals = under if matching is None else listing.counts()
    entries = _Entries(listing, keys if chosen_key is False else [chosen_key], totals)
    page_obj: Page = Paginator(entries, per_page or max(1, entries.count())).get_page(page)  # type: ignore[arg-type]
    full = _comments_in_full([pk for _, pk in page_obj.object_list], by_pk)
    groups: list[Group] = []
    for key, pk in page_obj.object_list:
        if not groups or groups[-1].section != by_pk.get(key):
            groups.append(Group(section=by_pk.get(key), total=totals.get(key, 0)))
        comment = full[pk]
        groups[-1].comments.append(Shown(comment, key, comment_disposition(comment), final))
    return CommentEntries(
        consultation=consultation,
        page_obj=page_obj,
        groups=groups,
        comments=figures["comments"],
        contents=contents,
        chosen={"section": section if chosen_key is not False else "", "theme": theme_id, "decision": decision},
        final=final,
        consent_not_recorded=figures["not_recorded"],
        decision_totals=decision_totals,
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


def comment_shown(consultation: Consultation, comment: Comment, *, final: bool) -> Shown:
    """One comment with its answer, as listed where it sits."""
    sections = {s.pk: s for s in consultation.sections.all()}
    full = _comments_in_full([comment.pk], sections)[comment.pk]
    key = None if full.with_general_comments or not full.cited else full.cited[0].pk
    return Shown(full, key, comment_disposition(full), final)


def response_document(consultation: Consultation, *, final: bool = True) -> CommentEntries:
    """Every comment under every heading, unpaged: the PDF."""
    return comment_entries(consultation, per_page=None, final=final)
