"""Writes for accounts. Services never see the request and raise ValidationError with a clear message."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from .lockout import normalise_email
from .models import User

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
