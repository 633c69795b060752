"""Public-body standing: the steering group's (and site admins') list of claims and bodies, and
granting or withdrawing standing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from common.forms import add_errors

from .. import selectors, standing
from ..forms import GrantStandingForm, WithdrawStandingForm
from ..models import Compact
from ..permissions import (
    can_grant_public_body_standing,
    can_review_public_bodies,
    can_withdraw_public_body_standing,
    get_organisation_for_user,
    standing_compacts_for,
)
from ..roles import roles_for


def _crumbs(*rest):
    return [
        ("Home", reverse("home")),
        ("Public bodies", reverse("organisations:public-bodies")),
        *rest,
    ]


@login_required
def public_bodies(request):
    if not can_review_public_bodies(request.user):
        raise PermissionDenied
    roles = roles_for(request.user)
    compact_ids = None if roles.is_site_admin else roles.steering_compacts
    return render(
        request,
        "organisations/public_bodies.html",
        {
            "claims": selectors.public_body_claims(compact_ids=compact_ids),
            "bodies": selectors.public_bodies_with_standing(compact_ids=compact_ids),
            "compacts": Compact.objects.filter(pk__in=roles.steering_compacts).order_by("name")
            if compact_ids is not None
            else Compact.objects.order_by("name"),
            "breadcrumbs": [("Home", reverse("home")), ("Public bodies", None)],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def standing_grant(request, slug):
    organisation = get_organisation_for_user(request.user, slug)
    if not can_grant_public_body_standing(request.user, organisation):
        raise PermissionDenied
    form = GrantStandingForm(
        request.POST or None,
        compacts=standing_compacts_for(request.user, organisation),
        site_admin=roles_for(request.user).is_site_admin,
    )
    if request.method == "POST" and form.is_valid():
        try:
            standing.public_body_standing_grant(
                organisation=organisation, granted_by=request.user, compact=form.cleaned_data["compact"]
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"{organisation.name} now has public-body standing: its members act as officers.")
            return redirect("organisations:public-bodies")
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": "Grant public-body standing",
            "caption": organisation.name,
            "intro": (
                f"Check that {organisation.name} is the public body it says it is (its website, a contact you know "
                "there). With standing, its members can publish consultations and funding, record awards, answer "
                "complaints and fill in compliance returns, and it appears in the directory and the open data."
            ),
            "cancel_url": reverse("organisations:public-bodies"),
            "breadcrumbs": _crumbs((organisation.name, None)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def standing_withdraw(request, slug):
    organisation = get_organisation_for_user(request.user, slug)
    if not can_withdraw_public_body_standing(request.user, organisation):
        raise PermissionDenied
    form = WithdrawStandingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            standing.public_body_standing_withdraw(
                organisation=organisation, withdrawn_by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"{organisation.name} no longer has public-body standing.")
            return redirect("organisations:public-bodies")
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": "Withdraw public-body standing",
            "caption": organisation.name,
            "intro": (
                "Its members stop acting as officers at once, and what it has published leaves the public pages and "
                "the open data until standing is granted again."
            ),
            "cancel_url": reverse("organisations:public-bodies"),
            "breadcrumbs": _crumbs((organisation.name, None)),
        },
    )
