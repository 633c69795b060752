"""Writes for accounts. Services never see the request and raise ValidationError with a clear message."""

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import User

EMAIL_TAKEN = "An account with this email address already exists. Sign in, or reset your password."


@transaction.atomic
def user_register(*, email: str, full_name: str, password: str) -> User:
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": EMAIL_TAKEN})
    return User.objects.create_user(email=email, password=password, full_name=full_name.strip())


@transaction.atomic
def user_update_profile(*, user: User, full_name: str) -> User:
    user.full_name = full_name.strip()
    user.full_clean()
    user.save(update_fields=["full_name"])
    return user
