"""Reads for consultation pages: lists, the comments on a consultation, invitations. The response page
and the comments by section are in .response."""

from typing import TypeVar

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from organisations.bme_definitions import compact_between
from organisations.models import Compact, Organisation, Signatory
from organisations.roles import roles_for

from ..models import (
    Comment,
    CommentSection,
    Consultation,
    ConsultationSection,
    Response,
    Status,
)

LIST_STATUSES = [("all", "All"), ("open", "Open"), ("closed", "Closed"), ("published", "Response published")]
DRAFTS = ("draft", "Drafts")


def manageable_owner_filter(user) -> Q | None:
    """Q on Consultation for the drafts this person may see; None when they may see none."""
    roles = roles_for(user)
    if roles.is_site_admin:
        return Q()
    q = Q(owner_id__in=roles.officer_of) if roles.officer_of else None
    if roles.steering_compacts:
        today = timezone.localdate()  # the same test as permissions.can_manage
        signed = Signatory.objects.filter(compact_id__in=roles.steering_compacts, signed_on__lte=today).filter(
            Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=today)
        )
        steered = Q(owner__in=signed.values("organisation_id"))
        q = steered if q is None else q | steered
    return q


def statuses_for(user) -> list[tuple[str, str]]:
    return LIST_STATUSES + ([DRAFTS] if manageable_owner_filter(user) is not None else [])


# Keeps the queryset's own class (the list page goes on to call ConsultationQuerySet methods).
_QS = TypeVar("_QS", bound=QuerySet)


def in_compact(qs: _QS, compact: Compact) -> _QS:
    """Consultations of `compact`: on one of its own Codes, or run by a body that signed it and works
    in its areas (as the annual review counts them: a body that signed two Compacts is counted in
    each only for the areas it works in)."""
    signed = Signatory.objects.filter(compact=compact).values("organisation_id")
    local = Organisation.objects.in_compact(compact).values("pk")
    return qs.filter(Q(code__compact=compact) | (Q(owner__in=signed) & Q(owner__in=local)))


def consultation_list(*, user, status: str = "all", compact=None) -> QuerySet[Consultation]:
    """Consultations for the list page: not drafts, or only drafts the person may manage; with
    `compact`, only that Compact's (`in_compact`)."""
    qs = Consultation.objects.select_related("owner").order_by("-opens", "title", "pk")
    if compact is not None:
        qs = in_compact(qs, compact)
    if status == Status.DRAFT:
        owners = manageable_owner_filter(user)
        return qs.filter(owners, status=Status.DRAFT) if owners is not None else qs.none()
    qs = qs.not_draft().filter(owner__verified=True)  # only bodies with public-body standing publish
    return qs.filter(status=status) if status in (Status.OPEN, Status.CLOSED, Status.PUBLISHED) else qs


def consultation_by_slug(slug: str) -> Consultation | None:
    return Consultation.objects.select_related("owner", "code").filter(slug=slug).first()


def _comments_answered():
    """How many comments a response answers, as a subquery: a Count() would count only the comment
    the prefetch joined on."""
    links = (
        Response.comments.through.objects.filter(response_id=OuterRef("pk"))
        .order_by()
        .values("response_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Subquery(links, output_field=IntegerField())


def _with_sections_and_responses(qs):
    return (
        qs.select_related("organisation")
        .prefetch_related(
            Prefetch(
                "section_links", queryset=CommentSection.objects.select_related("section").order_by("order", "pk")
            ),
            Prefetch(
                "responses", queryset=Response.objects.annotate(comment_total=_comments_answered()).order_by("pk")
            ),
        )
        .with_answered()
    )


def visible_comments(consultation: Consultation) -> list[Comment]:
    return list(_with_sections_and_responses(consultation.comments.visible()).order_by("position", "pk"))


def comments_for_moderation(consultation: Consultation) -> QuerySet[Comment]:
    """Every comment, hidden ones included, unevaluated so the moderation page can read a page of
    them (with their themes: the page lists them)."""
    return all_comments(consultation).prefetch_related("themes")


def all_comments(consultation: Consultation) -> QuerySet[Comment]:
    """Every comment, hidden ones included, for moderation; unevaluated, so the download can stream
    it in chunks."""
    return (
        _with_sections_and_responses(consultation.comments.all())
        .select_related("hidden_by", "recorded_by")
        .order_by("position", "pk")
    )


def moderation_page_of(comment: Comment, per_page: int) -> int:
    """The page of the moderation list (every comment, by position) that shows this comment."""
    before = comment.consultation.comments.filter(
        Q(position__lt=comment.position) | Q(position=comment.position, pk__lt=comment.pk)
    ).count()
    return before // per_page + 1


def sections_of(consultation: Consultation) -> list[ConsultationSection]:
    return list(consultation.sections.order_by("position", "pk"))


def sections_with_citations(consultation: Consultation) -> list[ConsultationSection]:
    """Sections in order, each with `cited`: how many comments cite it (hidden ones too)."""
    return list(consultation.sections.annotate(cited=Count("comment_links")).order_by("position", "pk"))


def consultation_compact(consultation: Consultation):
    """The Compact a consultation belongs to (`in_compact`): its Code's, else the first by name that
    its body signed and works in; None when neither."""
    if consultation.code is not None:
        return consultation.code.compact
    # A body's own Compact: one it signed whose areas it works in (as a funder and a recipient share one).
    return compact_between(funder=consultation.owner_id, organisation=consultation.owner_id)


from .entries import (  # noqa: E402 (the response page reads the helpers above)
    CommentEntries,
    comment_disposition,
    comment_entries,
    comment_shown,
    response_document,
)
from .invitations import (  # noqa: E402 (reads consultation_compact above)
    INVITED,
    NOT_INVITED,
    InvitationFigures,
    InvitationLists,
    InviteFilter,
    invitation_figures,
    organisations_for_invitation,
    organisations_to_invite,
)
from .response import ResponseSummary, live_figures, response_summary  # noqa: E402

__all__ = [
    "INVITED",
    "NOT_INVITED",
    "InvitationFigures",
    "InvitationLists",
    "InviteFilter",
    "invitation_figures",
    "organisations_for_invitation",
    "organisations_to_invite",
    "CommentEntries",
    "ResponseSummary",
    "comment_disposition",
    "comment_entries",
    "comment_shown",
    "live_figures",
    "response_document",
    "response_summary",
]
