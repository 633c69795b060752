"""Emails the sign-in pages send, and the limit on how many.

Each kind of email counts against the address it is sent to (ACCOUNT_EMAILS_PER_ACCOUNT_PER_HOUR)
and the client address that asked (ACCOUNT_EMAILS_PER_ADDRESS_PER_HOUR). Past either limit nothing
is sent and the page says the same as ever: the person cannot tell whether an account exists, and a
stranger cannot fill someone's inbox.
"""

import hashlib

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from common import ratelimit

from .lockout import normalise_email
from .tokens import sign_up_tokens

HOUR = 3600


def may_send(request, *, kind: str, to: str) -> bool:
    """Count one email of `kind` to `to` asked from this client; False once either limit is passed."""
    account = hashlib.sha256(normalise_email(to).encode()).hexdigest()
    by_address = ratelimit.allow(
        request, f"accounts:{kind}", limit=settings.ACCOUNT_EMAILS_PER_ADDRESS_PER_HOUR, window_seconds=HOUR
    )
    by_account = ratelimit.allow_key(
        f"accounts:{kind}:{account}", limit=settings.ACCOUNT_EMAILS_PER_ACCOUNT_PER_HOUR, window_seconds=HOUR
    )
    return by_address and by_account


def send_sign_up_email(request, *, user, is_new: bool) -> None:
    if not may_send(request, kind="sign-up", to=user.email):
        return
    context = {"user": user, "sign_in_url": request.build_absolute_uri(reverse("accounts:login"))}
    if is_new:
        path = reverse(
            "accounts:signup_confirm",
            args=[urlsafe_base64_encode(force_bytes(user.pk)), sign_up_tokens.make_token(user)],
        )
        context["confirm_url"] = request.build_absolute_uri(path)
        subject, template = "Confirm your email to finish creating your account", "accounts/email/sign_up_confirm.txt"
    else:
        context["reset_url"] = request.build_absolute_uri(reverse("accounts:password_reset"))
        subject, template = (
            "Someone tried to create an account with your email address",
            "accounts/email/sign_up_taken.txt",
        )
    send_mail(f"Compact portal: {subject}", render_to_string(template, context), None, [user.email])
