"""Joining organisations and deciding who joins; the "your organisations" page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from .. import selectors, services
from ..forms import MembershipDecisionForm, MembershipRequestForm
from ..models import Membership, MembershipStatus
from ..permissions import (
    can_request_membership,
    can_review_public_bodies,
    get_membership_request_for_user,
    get_organisation_for_user,
)
from ..roles import roles_for


@login_required
def mine(request):
    roles = roles_for(request.user)
    memberships = list(selectors.memberships_for_user(user=request.user))
    return render(
        request,
        "organisations/mine.html",
        {
            "approved": [m for m in memberships if m.status == MembershipStatus.APPROVED],
            "pending": [m for m in memberships if m.status == MembershipStatus.REQUESTED],
            "declined": [m for m in memberships if m.status == MembershipStatus.DECLINED],
            "to_decide": list(
                selectors.membership_requests_to_decide(user=request.user, is_site_admin=roles.is_site_admin)
            ),
            "to_verify": list(selectors.organisations_awaiting_verification()) if roles.is_site_admin else [],
            "can_review_public_bodies": can_review_public_bodies(request.user),
            "breadcrumbs": [("Home", reverse("home")), ("Your organisations", None)],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def join(request, slug):
    organisation = get_organisation_for_user(request.user, slug)
    membership = Membership.objects.filter(user=request.user, organisation=organisation).first()
    if not can_request_membership(request.user, organisation, membership):
        if membership.status == MembershipStatus.APPROVED:
            messages.info(request, services.ALREADY_MEMBER.format(name=organisation.name))
        else:
            messages.info(request, services.ALREADY_REQUESTED.format(name=organisation.name))
        return redirect("organisations:profile", organisation.slug)
    form = MembershipRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_request(user=request.user, organisation=organisation, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                f"Your request to join {organisation.name} has been sent. We will email you when its admin decides.",
            )
            return redirect("organisations:mine")
    crumbs = [
        ("Home", reverse("home")),
        ("Organisations", reverse("organisations:directory")),
        (organisation.name, reverse("organisations:profile", args=[organisation.slug])),
        ("Ask to join", None),
    ]
    return render(
        request, "organisations/join.html", {"form": form, "organisation": organisation, "breadcrumbs": crumbs}
    )


@login_required
@require_http_methods(["GET", "POST"])
def membership_decide(request, pk):
    membership = get_membership_request_for_user(request.user, pk)
    person = membership.user.full_name or membership.user.email
    if membership.status != MembershipStatus.REQUESTED:
        messages.info(request, services.ALREADY_DECIDED.format(status=membership.get_status_display().lower()))
        return redirect("organisations:mine")
    form = MembershipDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_decide(
                membership=membership, decided_by=request.user, approve=form.approve, role=form.cleaned_data["role"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            verb = "approved" if form.approve else "declined"
            messages.success(request, f"You {verb} {person}'s request to join {membership.organisation.name}.")
            return redirect("organisations:mine")
    crumbs = [
        ("Home", reverse("home")),
        ("Your organisations", reverse("organisations:mine")),
        ("Request to join", None),
    ]
    return render(
        request,
        "organisations/membership_decide.html",
        {"form": form, "membership": membership, "person": person, "breadcrumbs": crumbs},
    )
