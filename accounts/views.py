from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import urlsafe_base64_decode
from django.views.decorators.http import require_http_methods

from . import notifications, services
from .forms import CloseAccountForm, GdsPasswordResetForm, GdsSetPasswordForm, ProfileForm, SignInForm, SignUpForm
from .models import User
from .tokens import sign_up_tokens


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    pass


@require_http_methods(["GET", "POST"])
def sign_up(request):
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = services.user_sign_up(**form.cleaned_data)
        # The same page whether or not the address had an account; its owner learns which by email.
        notifications.send_sign_up_email(request, user=result.user, is_new=result.is_new)
        return redirect("accounts:signup_sent")
    return render(request, "accounts/sign_up.html", {"form": form})


def sign_up_sent(request):
    return render(request, "accounts/sign_up_sent.html")


@require_http_methods(["GET"])
def sign_up_confirm(request, uidb64, token):
    user = _user_from_uid(uidb64)
    if user is None or not sign_up_tokens.check_token(user, token):
        return render(request, "accounts/sign_up_invalid.html", {"message": services.CONFIRMATION_INVALID})
    try:
        services.user_confirm_email(user=user)
    except ValidationError:
        return render(request, "accounts/sign_up_invalid.html", {"message": services.CONFIRMATION_INVALID})
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, "Your account has been created. You can now join or register an organisation.")
    return redirect("accounts:profile")


def _user_from_uid(uidb64):
    try:
        pk = urlsafe_base64_decode(uidb64).decode()
        return User.objects.filter(pk=int(pk)).first()
    except (TypeError, ValueError, UnicodeDecodeError):
        return None


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_update_profile(user=request.user, full_name=form.cleaned_data["full_name"])
        messages.success(request, "Your details have been saved.")
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def close_account(request):
    form = CloseAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_close(user=request.user)
        logout(request)
        messages.success(request, "Your account has been closed and your personal details erased.")
        return redirect("home")
    return render(request, "accounts/close_account.html", {"form": form})


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = GdsPasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        # Past the limit nothing is sent, and the next page says the same as always.
        if not notifications.may_send(self.request, kind="password-reset", to=form.cleaned_data["email"]):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = GdsSetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
