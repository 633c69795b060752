"""Officer pages for comments: recording one received another way, moderation (hide with a reason,
show again) and responding."""

from types import SimpleNamespace

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from common.csv_export import CHUNK, csv_response
from common.forms import add_errors

from .. import permissions, selectors, services
from ..forms import HideForm, RecordCommentForm, RespondForm
from ..markup import to_plain
from ..models import NOT_RECORDED, Comment, Disposition
from .common import crumbs, requiring


def _as_listed(comments):
    """Give each comment what the shared comment and response templates read (`shown`)."""
    for comment in comments:
        comment.cited = [link.section for link in comment.section_links.all()]
        decision = selectors.comment_disposition(comment)
        comment.shown = SimpleNamespace(
            comment=comment, elsewhere=False, here=None, decision_label=Disposition(decision).label
        )
    return comments


# A consultation can have thousands of comments: officers moderate them a page at a time.
MODERATION_PER_PAGE = 25


def moderation_url(consultation, comment: Comment) -> str:
    """Back to the page of the moderation list that shows the comment, at the comment."""
    page = selectors.moderation_page_of(comment, MODERATION_PER_PAGE)
    return reverse("consultations:comments", args=[consultation.slug]) + f"?page={page}#comment-{comment.pk}"


@requiring(permissions.can_manage)
def comments(request, consultation):
    page = Paginator(selectors.comments_for_moderation(consultation), MODERATION_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "consultations/moderation.html",
        {
            "consultation": consultation,
            "comments": _as_listed(list(page.object_list)),
            "page_obj": page,
            "actions": permissions.allowed_actions(request.user, consultation),
            "breadcrumbs": crumbs(consultation, ("Comments", None)),
        },
    )


@requiring(permissions.can_record_comment)
def record(request, consultation):
    form = RecordCommentForm(request.POST or None, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_record(consultation=consultation, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(
                request, "The comment is recorded. It is published with the others and waits for a response."
            )
            return redirect("consultations:comments", slug=consultation.slug)
    return render(
        request,
        "form_page.html",
        {
            "caption": consultation.title,
            "form": form,
            "title": "Record a comment received another way",
            "breadcrumbs": crumbs(
                consultation,
                ("Comments", reverse("consultations:comments", args=[consultation.slug])),
                ("Record a comment", None),
            ),
        },
    )


NOT_PUBLISHED_TEXT = "Not published at the commenter's request: read it on the comments page."
COMMENTS_CSV_HEADER = [
    "Comment",
    "Sections",
    "Received",
    "How it arrived",
    "From",
    "Comment text",
    "May be published",
    "Hidden",
    "Why hidden",
    "Decision",
    "Response",
    "Where covered",
    "For whom",
]


@requiring(permissions.can_manage)
def comments_csv(request, consultation):
    """Every comment, hidden ones too, with its responses: the officers' working copy of "you said,
    we did". Authors appear as the public page names them (with the commenter's consent), and a
    comment its author asked not to be published is left out of the file, which is easily passed on."""

    def row(comment):
        responses = list(comment.responses.all())
        return [
            comment.position,
            ", ".join(link.section.printed for link in comment.section_links.all()) or "Whole document",
            comment.received_on or NOT_RECORDED,
            comment.get_channel_display(),
            comment.published_author,
            to_plain(comment.text) if comment.is_published else NOT_PUBLISHED_TEXT,
            comment.get_publication_display(),
            "Yes" if comment.hidden else "No",
            comment.hidden_reason,
            Disposition(selectors.comment_disposition(comment)).label,
            "\n\n".join(r.text for r in responses),
            "; ".join(r.where for r in responses if r.where),
            "; ".join(r.for_whom for r in responses if r.for_whom),
        ]

    return csv_response(
        f"{consultation.slug}-comments.csv",
        COMMENTS_CSV_HEADER,
        (row(c) for c in selectors.all_comments(consultation).iterator(chunk_size=CHUNK)),
    )


def _comment(consultation, pk) -> Comment:
    comment = consultation.comments.filter(pk=pk).prefetch_related("section_links__section").first()
    if comment is None:
        raise Http404("No such comment")
    return _as_listed([comment])[0]


@requiring(permissions.can_manage)
def hide(request, consultation, pk):
    comment = _comment(consultation, pk)
    form = HideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_hide(comment=comment, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "The comment is hidden. It is kept and can be shown again.")
            return redirect(moderation_url(consultation, comment))
    return render(
        request,
        "consultations/hide.html",
        {
            "consultation": consultation,
            "comment": comment,
            "form": form,
            "breadcrumbs": crumbs(
                consultation,
                ("Comments", reverse("consultations:comments", args=[consultation.slug])),
                ("Hide a comment", None),
            ),
        },
    )


@requiring(permissions.can_manage)
def unhide(request, consultation, pk):
    comment = _comment(consultation, pk)
    if request.method == "POST":
        try:
            services.comment_unhide(comment=comment, user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, "The comment is shown again.")
        return redirect(moderation_url(consultation, comment))
    return render(
        request,
        "confirm.html",
        {
            "consultation": consultation,
            "question": "Show this comment again?",
            "explanation": comment.text,
            "button_label": "Show the comment",
            "cancel_url": moderation_url(consultation, comment),
            "breadcrumbs": crumbs(consultation, ("Show a comment", None)),
        },
    )


@requiring(permissions.can_respond)
def respond(request, consultation):
    """Choose one or more comments still waiting (listed a page at a time) and give them one response."""
    waiting = (
        consultation.comments.visible().pending().order_by("position", "pk").prefetch_related("section_links__section")
    )
    page = Paginator(waiting, MODERATION_PER_PAGE).get_page(request.GET.get("page"))
    form = RespondForm(request.POST or None, comments=waiting, shown=page.object_list)
    if request.method == "POST" and form.is_valid():
        try:
            services.response_create(consultation=consultation, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            count = len(form.cleaned_data["comments"])
            messages.success(request, f"Response saved for {count} comment{'s' if count != 1 else ''}.")
            return redirect(request.get_full_path())
    return render(
        request,
        "consultations/respond.html",
        {
            "consultation": consultation,
            "form": form,
            "page_obj": page,
            "waiting": page.paginator.count > 0,
            "actions": permissions.allowed_actions(request.user, consultation),
            "breadcrumbs": crumbs(consultation, ("Respond to comments", None)),
        },
    )
