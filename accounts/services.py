"""Writes for accounts. Services never see the request and raise ValidationError with a clear message."""

import secrets
from dataclasses import dataclass

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.exceptions import ValidationError
from django.db import transaction

from common.apps_modules import app_modules

from .lockout import normalise_email
from .models import User

FORMER_USER = "Former user"
# A domain that can never receive mail (RFC 2606), so a closed account's placeholder reaches nobody.
CLOSED_EMAIL_DOMAIN = "former-user.invalid"
WRONG_PASSWORD = "Enter your current password to close your account"

CONFIRMATION_INVALID = "This link has expired or has already been used. Create your account again to get a new one."


@dataclass(frozen=True)
class SignUp:
    user: User
    # False when the address already had an account: the person is told nothing different (that
    # would reveal who has an account); the address's owner is emailed instead.
    is_new: bool


def is_pending(user: User) -> bool:
    """An account created at sign-up whose email address has not been confirmed yet."""
    return not user.is_active and user.last_login is None


@transaction.atomic
def user_sign_up(*, email: str, full_name: str, password: str) -> SignUp:
    """Start an account that works once its owner opens the link sent to the address.

    An address that already has a working account is left untouched. An account still waiting for
    confirmation takes the newest name and password: only whoever can read the mailbox can confirm
    it, so an earlier sign-up by someone else cannot keep a password they chose."""
    email = normalise_email(email)
    existing = User.objects.select_for_update().filter(email__iexact=email).first()
    if existing is not None and not is_pending(existing):
        return SignUp(user=existing, is_new=False)
    if existing is None:
        user = User.objects.create_user(email=email, password=password, full_name=full_name.strip(), is_active=False)
    else:
        user = existing
        user.full_name = full_name.strip()
        user.set_password(password)  # also ends any earlier confirmation link
        user.save(update_fields=["full_name", "password"])
    return SignUp(user=user, is_new=True)


@transaction.atomic
def user_confirm_email(*, user: User) -> User:
    if not is_pending(user):
        raise ValidationError(CONFIRMATION_INVALID)
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


@transaction.atomic
def user_update_profile(*, user: User, full_name: str) -> User:
    user.full_name = full_name.strip()
    user.full_clean()
    user.save(update_fields=["full_name"])
    return user


@transaction.atomic
def user_close(*, user: User) -> User:
    """Close an account at its owner's request: erase the person, keep what they did.

    The name becomes "Former user" everywhere it was shown (history, comments, decisions); the email
    is replaced by a unique placeholder that no mail reaches and no one can sign up with; the password
    stops working (so every other session of theirs ends too); staff powers go. Each app that ties
    people to other records ends those ties in its `account_closure.py` (organisations: memberships
    and steering seats). The lock-out's records of the old address are deleted."""
    old_email = user.email
    user.full_name = FORMER_USER
    user.email = f"closed-{user.pk}-{secrets.token_hex(4)}@{CLOSED_EMAIL_DOMAIN}"
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    for _, module in app_modules("account_closure"):
        module.end_ties(user=user)
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username__iexact=old_email).delete()
    return user
