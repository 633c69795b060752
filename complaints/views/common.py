"""What every complaint view needs: who is looking, and the complaint they may see."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404

from ..permissions import Viewer, perspective
from ..selectors import complaint_for_page

FOLLOW_UP_SESSION_KEY = "complaints_follow_up"


def viewer_for(request) -> Viewer:
    return Viewer(user=request.user, follow_up_ids=frozenset(request.session.get(FOLLOW_UP_SESSION_KEY, [])))


def remember_follow_up(request, complaint) -> None:
    """This browser opened the complaint's follow-up link (or raised it without an account): let it
    act as the complainant on that complaint, and that complaint only."""
    ids = set(request.session.get(FOLLOW_UP_SESSION_KEY, []))
    ids.add(complaint.pk)
    request.session[FOLLOW_UP_SESSION_KEY] = sorted(ids)


def with_complaint(view):
    """Give `view` (request, complaint, side, viewer) for the complaint in the URL. People without a
    side get a 404 (they may not learn it exists); anonymous visitors are sent to sign in first."""

    @wraps(view)
    def wrapped(request, reference, *args, **kwargs):
        viewer = viewer_for(request)
        complaint = complaint_for_page(reference)
        side = perspective(viewer, complaint) if complaint is not None else None
        if side is None:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise Http404("No such complaint")
        return view(request, complaint, side, viewer, *args, **kwargs)

    return wrapped
