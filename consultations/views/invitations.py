"""The invitations page: find organisations by filter, a page at a time, and invite those ticked, every
one on the page, or (after a confirmation stating how many) every one matching the filter."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from common.forms import add_errors
from organisations.bme_led import Outcome

from .. import permissions, selectors, services
from ..forms import InviteFilterForm, InviteForm, InviteMatchingForm
from .common import crumbs, requiring

# A metro Compact lists thousands of organisations: 50 a page keeps the page light and a screen
# reader's list short.
INVITATIONS_PER_PAGE = 50


def _invited_message(consultation, count: int) -> str:
    when = "now" if consultation.status == "open" else "when the consultation opens"
    return f"{count:,} organisation{'s' if count != 1 else ''} invited. The emails are sent {when}."


def _described(chosen: selectors.InviteFilter) -> str:
    """The filter in words, for the confirmation: "named “forum”, BME-led, serving …"."""
    parts = []
    if chosen.name:
        parts.append(f"with “{chosen.name}” in the name")
    if chosen.bme_led:
        parts.append(f"BME-led status “{Outcome(chosen.bme_led).label}”")
    if chosen.community is not None:
        parts.append(f"serving {chosen.community}")
    if chosen.service_area is not None:
        parts.append(f"working in {chosen.service_area}")
    return "; ".join(parts)


@requiring(permissions.can_edit)
def invitations(request, consultation):
    filters = InviteFilterForm(request.GET or None)
    chosen = filters.chosen()
    today = timezone.localdate()
    lists = selectors.organisations_for_invitation(consultation=consultation, on_date=today, chosen=chosen)
    form = InviteForm(request.POST or None, organisations=lists.to_invite)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.invitations_send(
                consultation=consultation, user=request.user, organisations=list(form.cleaned_data["organisations"])
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _invited_message(consultation, len(created)))
            return redirect(request.get_full_path())  # the same filter and page
    page = Paginator(lists.listed, INVITATIONS_PER_PAGE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    ticked = {str(pk) for pk in form["organisations"].value() or []}
    return render(
        request,
        "consultations/invitations.html",
        {
            "consultation": consultation,
            "filters": filters,
            "form": form,
            "page_obj": page,
            "rows": rows,
            "ticked": ticked,
            "on_page": [o.pk for o in rows if not o.invited],
            "figures": selectors.invitation_figures(consultation),
            "matching_url": reverse("consultations:invite-matching", args=[consultation.slug])
            + (f"?{request.GET.urlencode()}" if request.GET else ""),
            "breadcrumbs": crumbs(consultation, ("Invitations", None)),
        },
    )


@requiring(permissions.can_edit)
def invite_matching(request, consultation):
    """Every organisation matching the filter in the address and not yet invited, after a page saying
    how many that is: nothing is sent until the officer confirms, and only if the number is still the
    one they were shown (an organisation verified meanwhile is not invited unseen)."""
    filters = InviteFilterForm(request.GET or None)
    page = reverse("consultations:invitations", args=[consultation.slug])
    if filters.is_bound and not filters.is_valid():
        # chosen() would read an invalid filter as none: a bulk action is never widened silently.
        messages.error(request, "That filter cannot be used (a choice in it no longer exists): filter again.")
        return redirect(page)
    query = request.GET.copy()
    query.pop("page", None)
    back = f"{page}?{query.urlencode()}" if query else page
    chosen = filters.chosen()
    matching = selectors.organisations_to_invite(consultation=consultation, on_date=timezone.localdate(), chosen=chosen)
    count = matching.count()
    shown = InviteMatchingForm(request.POST or None)
    if request.method == "POST" and shown.is_valid() and shown.cleaned_data["count"] == count:
        try:
            created = services.invitations_send(consultation=consultation, user=request.user, organisations=matching)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _invited_message(consultation, len(created)))
        return redirect(back)
    if not count:
        messages.info(request, "Every organisation matching this filter has been invited already.")
        return redirect(back)
    described = _described(chosen)
    noun = f"organisation{'s' if count != 1 else ''}"
    when = "now" if consultation.status == "open" else "when the consultation opens"
    changed = "The number has changed since the last page: check it again. " if request.method == "POST" else ""
    return render(
        request,
        "confirm.html",
        {
            "question": f"Invite {count:,} {noun}?",
            "explanation": (
                f"{changed}Every listed voluntary and community organisation "
                f"{'(' + described + ') ' if described else ''}not yet invited: {count:,} {noun}. "
                f"Each is emailed {when}; an invitation cannot be taken back."
            ),
            "button_label": f"Invite {count:,} {noun}",
            "form": InviteMatchingForm(initial={"count": count}),
            "cancel_url": back,
            "breadcrumbs": crumbs(consultation, ("Invitations", back), ("Invite every match", None)),
        },
    )
