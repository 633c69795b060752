"""Looking after an organisation: register it, edit its profile, declare its board, verify it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from .. import selectors, services
from ..bme_definitions import current_definition
from ..bme_led import default_rule, format_percent
from ..forms import BoardDeclarationForm, OrganisationForm
from ..permissions import can_declare_board, can_edit_organisation, can_verify_organisation, get_organisation_for_user


def _crumbs(organisation, here):
    return [
        ("Home", reverse("home")),
        ("Organisations", reverse("organisations:directory")),
        (organisation.name, reverse("organisations:profile", args=[organisation.slug])),
        (here, None),
    ]


@login_required
@require_http_methods(["GET", "POST"])
def register(request):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_register(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                f"{organisation.name} has been registered and you are its admin. A site admin will check it "
                "before it appears in the directory.",
            )
            return redirect("organisations:profile", organisation.slug)
    crumbs = [("Home", reverse("home")), ("Your organisations", reverse("organisations:mine")), ("Register", None)]
    return render(request, "organisations/register.html", {"form": form, "breadcrumbs": crumbs})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, slug):
    organisation = get_organisation_for_user(request.user, slug)
    if not can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    form = OrganisationForm(
        request.POST or None, initial=OrganisationForm.initial_for(organisation), fixed_sector=organisation.sector
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(organisation=organisation, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "The organisation's details have been saved.")
            return redirect("organisations:profile", organisation.slug)
    return render(
        request,
        "organisations/edit.html",
        {"form": form, "organisation": organisation, "breadcrumbs": _crumbs(organisation, "Edit details")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def declare_board(request, slug):
    organisation = get_organisation_for_user(request.user, slug)
    if not can_declare_board(request.user, organisation):
        raise PermissionDenied
    today = timezone.localdate()
    # The rule of the Compact the organisation works in (as its profile page uses), not the default.
    definition = current_definition(selectors.organisation_compact(organisation))
    rule = definition.rule if definition else None
    form = BoardDeclarationForm(request.POST or None, initial={"effective_date": today})
    if request.method == "POST" and form.is_valid():
        try:
            services.board_declaration_create(organisation=organisation, declared_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            status = selectors.bme_led_status(organisation=organisation, on_date=today, definition=rule)
            messages.success(request, f"Board declared. Status today: {status.label}. {status.explanation}")
            return redirect("organisations:profile", organisation.slug)
    shown = rule or default_rule()
    return render(
        request,
        "organisations/declare_board.html",
        {
            "form": form,
            "organisation": organisation,
            "status": selectors.bme_led_status(organisation=organisation, on_date=today, definition=rule),
            "rule": shown,
            "definition": definition,
            "threshold": f"{'more than' if shown.strictly_more else 'at least'} {format_percent(shown.threshold)}",
            "breadcrumbs": _crumbs(organisation, "Declare board"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def verify(request, slug):
    organisation = get_organisation_for_user(request.user, slug)
    if not can_verify_organisation(request.user, organisation):
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.organisation_verify(organisation=organisation, verified_by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"{organisation.name} is verified and now appears in the directory.")
        return redirect("organisations:profile", organisation.slug)
    return render(
        request,
        "organisations/verify.html",
        {"organisation": organisation, "breadcrumbs": _crumbs(organisation, "Verify")},
    )
