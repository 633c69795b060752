"""Themes: an officer names themes and tags comments with them, so the response page can group
comments by theme as well as by section."""

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import Comment, Consultation, Theme

THEME_NAME_REQUIRED = "Enter the name of the theme."
THEME_TAKEN = "This consultation already has a theme called {name}."
WRONG_THEMES = "Choose themes of this consultation only."


@transaction.atomic
def theme_add(*, consultation: Consultation, user, name: str) -> Theme:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": THEME_NAME_REQUIRED})
    if consultation.themes.filter(name__iexact=name).exists():
        raise ValidationError({"name": THEME_TAKEN.format(name=name)})
    last = consultation.themes.order_by("-position").values_list("position", flat=True).first() or 0
    return Theme.objects.create(consultation=consultation, name=name, position=last + 1)


@transaction.atomic
def comment_themes_set(*, comment: Comment, user, themes: list[Theme]) -> Comment:
    themes = list(themes)
    if any(t.consultation_id != comment.consultation_id for t in themes):
        raise ValidationError({"themes": WRONG_THEMES})
    comment.themes.set(themes)
    return comment
