"""Signed-in sessions end after SESSION_IDLE_TIMEOUT seconds without a request and, however busy,
SESSION_ABSOLUTE_TIMEOUT seconds after signing in (a shared or stolen session does not live for
ever). The session cookie itself lasts SESSION_ABSOLUTE_TIMEOUT at most (SESSION_COOKIE_AGE)."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout

SIGNED_IN_AT = "_signed_in_at"
LAST_SEEN_AT = "_last_seen_at"
# Writing the session on every request would cost a database write per page; a minute is close
# enough for a timeout counted in tens of minutes.
TOUCH_EVERY = 60

SIGNED_OUT_IDLE = "You have been signed out because you were inactive for {minutes} minutes. Sign in again."
SIGNED_OUT_ABSOLUTE = "You have been signed out because you signed in more than {hours} hours ago. Sign in again."


def now() -> float:
    return time.time()


def stamp_sign_in(sender, request, user, **kwargs):
    """user_logged_in receiver: start both clocks with the session that signing in creates, so the
    first page after signing in needs no extra session write."""
    if request is not None and hasattr(request, "session"):
        moment = now()
        request.session[SIGNED_IN_AT] = moment
        request.session[LAST_SEEN_AT] = moment


class SessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self._end_if_expired(request)
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            self._stamp(request)
        return response

    def _end_if_expired(self, request):
        session, moment = request.session, now()
        signed_in_at = session.get(SIGNED_IN_AT)
        last_seen_at = session.get(LAST_SEEN_AT)
        if signed_in_at is None or last_seen_at is None:
            return  # a session from before this middleware, or one just made: stamped below
        if moment - signed_in_at > settings.SESSION_ABSOLUTE_TIMEOUT:
            message = SIGNED_OUT_ABSOLUTE.format(hours=round(settings.SESSION_ABSOLUTE_TIMEOUT / 3600))
        elif moment - last_seen_at > settings.SESSION_IDLE_TIMEOUT:
            message = SIGNED_OUT_IDLE.format(minutes=round(settings.SESSION_IDLE_TIMEOUT / 60))
        else:
            return
        logout(request)  # flushes the session; request.user becomes anonymous for this request
        messages.info(request, message)

    def _stamp(self, request):
        session, moment = request.session, now()
        session.setdefault(SIGNED_IN_AT, moment)
        if moment - session.get(LAST_SEEN_AT, 0) >= TOUCH_EVERY:
            session[LAST_SEEN_AT] = moment
