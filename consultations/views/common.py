"""What every consultation view needs: the consultation in the URL, if this person may see it."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from ..permissions import get_consultation_for_user
from ..selectors import consultation_by_slug


def with_consultation(view):
    """Give `view` (request, consultation). A draft the person may not see is a 404."""

    @wraps(view)
    def wrapped(request, slug, *args, **kwargs):
        consultation = get_consultation_for_user(request.user, consultation_by_slug(slug))
        return view(request, consultation, *args, **kwargs)

    return wrapped


def requiring(check):
    """Like with_consultation, for pages behind `check(user, consultation)`: anonymous people are
    sent to sign in, others without permission get 403 (404 for drafts they cannot see)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, slug, *args, **kwargs):
            consultation = consultation_by_slug(slug)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            consultation = get_consultation_for_user(request.user, consultation)
            if not check(request.user, consultation):
                raise PermissionDenied
            return view(request, consultation, *args, **kwargs)

        return wrapped

    return decorator


def crumbs(consultation=None, *extra):
    trail = [("Consultations", reverse("consultations:list"))]
    if consultation is not None:
        trail.append((consultation.title, reverse("consultations:detail", args=[consultation.slug])))
    return trail + list(extra)
