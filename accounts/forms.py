from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm

from common.forms import form_helper

from .lockout import normalise_email
from .models import User
from .services import WRONG_PASSWORD


class SignInForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email address",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )
    error_messages = {
        "invalid_login": (
            "Enter a correct email address and password. Both are case-sensitive except the email. "
            "If you have just created an account, open the link we emailed you first."
        ),
        "inactive": "This account has been deactivated. Contact the Compact steering group.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.helper = form_helper(Field.text("username"), Field.text("password"), button="Sign in")

    def clean_username(self):
        # One account whatever the letter case: authentication and the lock-out see the same email.
        return normalise_email(self.cleaned_data["username"])


class SignUpForm(forms.Form):
    full_name = forms.CharField(label="Full name", max_length=200, error_messages={"required": "Enter your full name"})
    email = forms.EmailField(
        label="Email address",
        help_text="We will send password resets and updates here.",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )
    password = forms.CharField(
        error_messages={"required": "Create a password"},
        label="Create a password",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 10 characters. Avoid common words and passwords you use elsewhere.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("full_name"),
            Field.text("email"),
            Field.text("password"),
            button="Create account",
        )

    def clean_password(self):
        password = self.cleaned_data["password"]
        candidate = User(email=self.data.get("email", ""), full_name=self.data.get("full_name", ""))
        password_validation.validate_password(password, candidate)
        return password


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.text("full_name"), button="Save changes")


class GdsPasswordResetForm(PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.helper = form_helper(Field.text("email"), button="Send reset link")


class GdsSetPasswordForm(SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.text("new_password1"), Field.text("new_password2"), button="Set password")


class CloseAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your current password to close your account"},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.helper = FormHelper()
        self.helper.layout = Layout(Field.text("password"), Button.warning("submit", "Close my account"))

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(WRONG_PASSWORD)
        return password
