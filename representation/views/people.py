"""The pool of representatives: list, pages, adding, editing and withdrawing consent."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from common.forms import add_errors
from common.permissions import deny_unless
from organisations.bme_definitions import rule_for

from .. import permissions, selectors, services
from ..forms import NewRepresentativeForm, RepresentativeForm
from ..models import Representative
from ..rules import is_bme_representative


def _crumbs(*rest):
    return [
        ("Representation", reverse("representation:overview")),
        ("Representatives", reverse("representation:representative-list")),
        *rest,
    ]


def _representative(request, pk) -> Representative:
    representative = Representative.objects.select_related("organisation", "user").filter(pk=pk).first()
    return permissions.get_representative_for_user(request.user, representative)


def _fields(form) -> dict:
    data = form.cleaned_data
    return {
        "compact": data["compact"],
        "name": data["name"],
        "email": data["email"],
        "user": data["account_email"],
        "organisation": data["organisation"],
        "communities": data["communities"],
        "publish_name": data["publish_name"],
    }


@login_required
def representative_list(request):
    deny_unless(permissions.can_keep_a_pool(request.user))
    people = selectors.representatives_for_list().filter(permissions.pool_filter(request.user))
    page = Paginator(people, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "representation/representative_list.html",
        {
            "page_obj": page,
            "breadcrumbs": _crumbs()[:-1] + [("Representatives", None)],
        },
    )


def representative_detail(request, pk):
    representative = _representative(request, pk)
    today = timezone.localdate()
    appointments = selectors.representative_appointments(representative=representative)
    seats = sum(1 for a in appointments if a.is_current_on(today))
    can_manage = permissions.can_see_personal_details(request.user, representative)
    return render(
        request,
        "representation/representative_detail.html",
        {
            "representative": representative,
            "current": [a for a in appointments if a.is_current_on(today)],
            "past": [a for a in appointments if not a.is_current_on(today)],
            "seats": seats,
            "overloaded": selectors.is_overloaded(seats),
            "max_seats": settings.REPRESENTATION_MAX_SEATS,
            "is_bme": is_bme_representative(
                representative, on_date=today, definition=rule_for(representative.compact_id, today)
            ),
            "can_manage": can_manage,
            "can_edit": permissions.can_edit_representative(request.user, representative),
            "breadcrumbs": _crumbs((representative.name, None))
            if can_manage
            else [("Representation", reverse("representation:overview")), (representative.name, None)],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def representative_create(request):
    deny_unless(permissions.can_keep_a_pool(request.user))
    form = NewRepresentativeForm(request.POST or None, compacts=permissions.pool_compacts(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            representative = services.representative_create(
                **_fields(form),
                recorded_by=request.user,
                consent_given_on=form.cleaned_data["consent_given_on"],
                consent_method=form.cleaned_data["consent_method"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Representative added: {representative.name}.")
            return redirect("representation:representative-detail", pk=representative.pk)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": "Add a representative",
            "intro": "We may hold a person's details only with their consent. Record when and how they gave it.",
            "breadcrumbs": _crumbs(("Add a representative", None)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def representative_edit(request, pk):
    representative = _representative(request, pk)
    deny_unless(permissions.can_edit_representative(request.user, representative))
    form = RepresentativeForm(
        request.POST or None,
        initial=RepresentativeForm.initial_for(representative),
        compacts=permissions.pool_compacts(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.representative_update(representative=representative, **_fields(form))
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Representative's details saved.")
            return redirect("representation:representative-detail", pk=representative.pk)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": "Change the representative's details",
            "caption": representative.name,
            "breadcrumbs": _crumbs(
                (representative.name, reverse("representation:representative-detail", args=[representative.pk])),
                ("Change", None),
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def representative_withdraw(request, pk):
    representative = _representative(request, pk)
    deny_unless(permissions.can_edit_representative(request.user, representative))
    back = reverse("representation:representative-detail", args=[representative.pk])
    if request.method == "POST":
        try:
            services.representative_withdraw_consent(representative=representative)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, "Consent withdrawn. Their details have been removed.")
        return redirect(back)
    return render(
        request,
        "confirm.html",
        {
            "title": "Withdraw consent",
            "question": f"Has {representative.name} withdrawn consent?",
            "explanation": (
                "Their name, email address, portal account link and the communities they represent will be deleted, "
                "and any seat they hold will end today. Their past appointments stay, without their name, so the "
                "board records and figures stay complete. This cannot be undone."
            ),
            "button_label": "Withdraw consent and delete details",
            "cancel_url": back,
            "breadcrumbs": _crumbs((representative.name, back), ("Withdraw consent", None)),
        },
    )
