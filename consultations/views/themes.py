"""Officer pages for themes: name the themes of a consultation and tag each comment with them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from common.forms import add_errors

from .. import permissions, services
from ..publishing_forms import CommentThemesForm, ThemeForm
from .common import crumbs, requiring
from .moderation import moderation_url


@requiring(permissions.can_manage)
def themes(request, consultation):
    form = ThemeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.theme_add(consultation=consultation, user=request.user, name=form.cleaned_data["name"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "The theme is added. Tag comments with it from the comments page.")
            return redirect("consultations:themes", slug=consultation.slug)
    return render(
        request,
        "consultations/themes.html",
        {
            "consultation": consultation,
            "form": form,
            "themes": list(consultation.themes.order_by("position", "name")),
            "breadcrumbs": crumbs(consultation, ("Themes", None)),
        },
    )


@requiring(permissions.can_manage)
def comment_themes(request, consultation, pk):
    comment = consultation.comments.filter(pk=pk).first()
    if comment is None:
        raise Http404("No such comment")
    form = CommentThemesForm(
        request.POST or None,
        themes=consultation.themes.order_by("position", "name"),
        initial={"themes": comment.themes.all()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_themes_set(comment=comment, user=request.user, themes=form.cleaned_data["themes"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"The themes of comment {comment.position} are saved.")
            return redirect(moderation_url(consultation, comment))
    return render(
        request,
        "consultations/comment_themes.html",
        {
            "consultation": consultation,
            "comment": comment,
            "form": form,
            "breadcrumbs": crumbs(
                consultation,
                ("Comments", reverse("consultations:comments", args=[consultation.slug])),
                (f"Themes of comment {comment.position}", None),
            ),
        },
    )
