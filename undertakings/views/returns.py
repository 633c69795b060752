"""A body's compliance returns: the list, starting one, its page, submitting it, and the steering
group's review."""

from collections.abc import Iterator

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from common.csv_export import CHUNK, csv_response
from organisations.models import Compact, Organisation
from organisations.roles import roles_for

from .. import selectors, services
from ..forms import ReviewForm, StartReturnForm
from ..models import Code, ComplianceReturn, Rating, ReportingPeriod, ReturnStatus
from ..permissions import (
    can_edit_return,
    can_review_return,
    can_start_return,
    can_view_period,
    get_return_for_user,
    is_returns_body,
)

RETURNS_PER_PAGE = 25


def return_breadcrumbs(request, compliance_return: ComplianceReturn, *tail) -> list:
    crumbs = [("Home", reverse("home")), ("Compliance returns", reverse("undertakings:return-list"))]
    if can_view_period(request.user, compliance_return.period) and not is_returns_body(request.user, compliance_return):
        crumbs.append(
            (
                f"{compliance_return.period.compact.name} {compliance_return.period.label}",
                reverse("undertakings:period-overview", args=[compliance_return.period_id]),
            )
        )
    title = f"{compliance_return.organisation.name} {compliance_return.period.label}"
    if tail:
        return crumbs + [(title, reverse("undertakings:return-detail", args=[compliance_return.pk])), *tail]
    return crumbs + [(title, None)]


@login_required
def return_list(request):
    roles = roles_for(request.user)
    returns = selectors.returns_for_organisations(roles.organisation_ids)
    page = Paginator(returns, RETURNS_PER_PAGE).get_page(request.GET.get("page"))
    periods = ReportingPeriod.objects.select_related("compact").order_by("compact__name", "-start_date")
    compacts = Compact.objects.order_by("name")
    if not roles.is_site_admin:
        periods = periods.filter(compact_id__in=roles.steering_compacts)
        compacts = compacts.filter(pk__in=roles.steering_compacts)
    manages = roles.is_steering or roles.is_site_admin
    return render(
        request,
        "undertakings/return_list.html",
        {
            "page_obj": page,
            "to_start": selectors.returns_to_start(organisation_ids=roles.organisation_ids),
            "overdue_actions": list(selectors.overdue_actions(organisation_ids=roles.organisation_ids)),
            "periods": list(periods) if manages else [],
            "managed_compacts": list(compacts) if manages else [],
            "breadcrumbs": [("Home", reverse("home")), ("Compliance returns", None)],
        },
    )


@login_required
def return_list_csv(request):
    returns = selectors.returns_for_organisations(roles_for(request.user).organisation_ids)
    return csv_response("compliance-returns.csv", *return_table(returns))


def return_table(returns) -> tuple[list[str], Iterator[list]]:
    header = [
        "Organisation",
        "Code",
        "Period",
        "Status",
        "Assessed",
        "Undertakings",
        "Score numerator",
        "Score denominator",
        "Score",
    ]
    return header, (_return_row(r) for r in returns.iterator(chunk_size=CHUNK))


def _return_row(r) -> list:
    score = r.score
    return [
        r.organisation.name,
        r.code.short_title,
        r.period.label,
        r.get_status_display(),
        r.assessed_count,
        r.total_count,
        score.numerator_text,
        score.denominator,
        score.percent_text,
    ]


@login_required
@require_http_methods(["GET", "POST"])
def return_start(request, organisation_slug, period_pk, code_pk):
    organisation = get_object_or_404(Organisation, slug=organisation_slug)
    if not can_start_return(request.user, organisation):
        raise Http404("No such organisation")
    period = get_object_or_404(ReportingPeriod.objects.select_related("compact"), pk=period_pk)
    code = get_object_or_404(Code, pk=code_pk, compact_id=period.compact_id)
    existing = ComplianceReturn.objects.filter(organisation=organisation, period=period, code=code).first()
    if existing:
        return redirect("undertakings:return-detail", existing.pk)
    previous = selectors.previous_return(organisation=organisation, period=period, code=code)
    form = StartReturnForm(request.POST or None, previous=previous)
    if request.method == "POST" and form.is_valid():
        try:
            compliance_return = services.compliance_return_start(
                organisation=organisation,
                period=period,
                code=code,
                user=request.user,
                carry_forward=form.cleaned_data["start"] == StartReturnForm.CARRY_FORWARD,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, "The return has been started. Assess each undertaking; your answers are saved as you go."
            )
            return redirect("undertakings:return-detail", compliance_return.pk)
    return render(
        request,
        "undertakings/return_start.html",
        {
            "form": form,
            "organisation": organisation,
            "period": period,
            "code": code,
            "previous": previous,
            "breadcrumbs": [
                ("Home", reverse("home")),
                ("Compliance returns", reverse("undertakings:return-list")),
                ("Start a return", None),
            ],
        },
    )


@login_required
def return_detail(request, pk):
    get_return_for_user(request.user, pk)
    compliance_return = selectors.return_with_entries(pk=pk)
    entries = list(compliance_return.entries.all())
    next_entry = next((e for e in entries if e.rating == Rating.NOT_ASSESSED or e.carried_forward), None)
    return render(
        request,
        "undertakings/return_detail.html",
        {
            "compliance_return": compliance_return,
            "sections": selectors.entries_by_section(compliance_return),
            "actions": [a for e in entries for a in e.actions.all()],
            "today": timezone.localdate(),
            "confirmed": sum(e.rating != Rating.NOT_ASSESSED and not e.carried_forward for e in entries),
            "total": len(entries),
            "unconfirmed": sum(e.carried_forward for e in entries),
            "next_entry": next_entry,
            "can_edit": can_edit_return(request.user, compliance_return),
            "can_review": can_review_return(request.user, compliance_return),
            "is_body": is_returns_body(request.user, compliance_return),
            "breadcrumbs": return_breadcrumbs(request, compliance_return),
        },
    )


@login_required
def return_csv(request, pk):
    get_return_for_user(request.user, pk)
    compliance_return = selectors.return_with_entries(pk=pk)
    rows = (
        [
            e.undertaking.ref,
            e.undertaking.section.title,
            e.undertaking.get_party_display(),
            e.undertaking.text,
            e.get_rating_display(),
            e.carried_forward,
            e.explanation,
            e.evidence,
            " ".join(e.links),
            "; ".join(f.original_name for f in e.files.all()),
            "; ".join(
                f"{a.what} ({a.who}, by {a.due_on:%d/%m/%Y}{', done' if a.done else ''})" for a in e.actions.all()
            ),
        ]
        for e in compliance_return.entries.all()
    )
    header = [
        "Ref",
        "Section",
        "Party",
        "Undertaking",
        "Rating",
        "Carried forward, not confirmed",
        "Explanation",
        "Evidence",
        "Links",
        "Files",
        "Actions",
    ]
    name = f"{compliance_return.organisation.slug}-{compliance_return.code.slug}-{compliance_return.period.label}.csv"
    return csv_response(name, header, rows)


@login_required
@require_http_methods(["GET", "POST"])
def return_submit(request, pk):
    compliance_return = get_return_for_user(request.user, pk)
    if not is_returns_body(request.user, compliance_return):
        raise PermissionDenied
    if not compliance_return.is_editable:
        messages.info(request, _not_editable_message(compliance_return))
        return redirect("undertakings:return-detail", pk)
    # No fields: the form only carries the service's refusal to the error summary.
    form = django_forms.Form(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.compliance_return_submit(compliance_return=compliance_return, user=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Your return has been submitted to the steering group.")
            return redirect("undertakings:return-detail", pk)
    return render(
        request,
        "undertakings/return_submit.html",
        {
            "form": form,
            "compliance_return": compliance_return,
            "missing": selectors.return_missing_items(compliance_return=compliance_return),
            "breadcrumbs": return_breadcrumbs(request, compliance_return, ("Submit", None)),
        },
    )


def _not_editable_message(compliance_return) -> str:
    if compliance_return.status == ReturnStatus.REVIEWED:
        return services.RETURN_LOCKED
    return services.RETURN_SUBMITTED_READ_ONLY


@login_required
@require_http_methods(["GET", "POST"])
def return_review(request, pk):
    compliance_return = get_return_for_user(request.user, pk)
    if not roles_for(request.user).steers(compliance_return.period.compact_id):
        raise PermissionDenied
    if compliance_return.status != ReturnStatus.SUBMITTED:
        messages.info(
            request, f"This return is {compliance_return.get_status_display().lower()}: there is nothing to review."
        )
        return redirect("undertakings:return-detail", pk)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decision, comments = form.cleaned_data["decision"], form.cleaned_data["comments"]
        try:
            if decision == ReviewForm.ACCEPT:
                services.compliance_return_accept(
                    compliance_return=compliance_return, user=request.user, comments=comments
                )
            else:
                services.compliance_return_send_back(
                    compliance_return=compliance_return, user=request.user, comments=comments
                )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            done = "accepted and locked" if decision == ReviewForm.ACCEPT else "returned to the body with your comments"
            messages.success(request, f"The return has been {done}.")
            return redirect("undertakings:period-overview", compliance_return.period_id)
    return render(
        request,
        "undertakings/return_review.html",
        {
            "form": form,
            "compliance_return": compliance_return,
            "breadcrumbs": return_breadcrumbs(request, compliance_return, ("Review", None)),
        },
    )
