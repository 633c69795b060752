from django.contrib.auth.tokens import PasswordResetTokenGenerator


class SignUpTokenGenerator(PasswordResetTokenGenerator):
    """Links that confirm a new account's email address. Their own salt, so a confirmation link can
    never be used as a password reset link or the other way round; like reset links they stop
    working once the password changes or the person signs in."""

    key_salt = "accounts.tokens.SignUpTokenGenerator"


sign_up_tokens = SignUpTokenGenerator()
