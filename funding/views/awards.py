from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from common.csv_export import csv_response
from common.forms import add_errors
from common.permissions import deny_unless
from funding import permissions
from funding.forms import AwardFilterForm, AwardForm, JointReviewForm, RedistributionForm, WithdrawalForm
from funding.models import Award, JointReview, Redistribution
from funding.selectors import award_funders, award_list, todo_for_user
from funding.services.awards import award_create, award_withdraw, joint_review_record, redistribution_record
from funding.threesixty import export

from .common import page_of


def _crumbs(*tail):
    return [("Home", reverse("home")), ("Funding programmes", reverse("funding:programme-list")), *tail]


def _award_crumbs(award, *tail):
    return _crumbs(
        ("Awards", reverse("funding:award-list")),
        (award.identifier, reverse("funding:award-detail", args=[award.pk])),
        *tail,
    )


def _filtered_awards(request):
    form = AwardFilterForm(request.GET)
    funder, (start, end) = form.chosen_funder(), form.dates()
    return award_list(funder=funder, start=start, end=end), funder, start, end, form


def _refused_filter(form) -> HttpResponse | None:
    """A download for a funder the rule refuses would be every funder's awards under that funder's
    name: refuse it, with the page's messages (the page itself shows them and lists every award)."""
    if "funder" not in form.errors:
        return None
    return HttpResponseBadRequest("\n".join(form.errors["funder"]), content_type="text/plain")


def award_list_view(request):
    awards, funder, start, end, form = _filtered_awards(request)
    return render(
        request,
        "funding/award_list.html",
        {
            "form": form,
            "page_obj": page_of(request, awards),
            "funder": funder,
            "start": start,
            "end": end,
            "funders": award_funders(),
            "breadcrumbs": _crumbs(("Awards", None)),
        },
    )


def award_csv(request):
    """The selected awards as a 360Giving spreadsheet (the standard's column titles)."""
    awards, *_, form = _filtered_awards(request)
    if refused := _refused_filter(form):
        return refused
    # Ordered by what the grants say, not by when they were entered, so the same grants always
    # give the same file.
    header, rows = export.table(export.grants(awards.order_by("-award_date", "identifier")))
    return csv_response("awards-360giving.csv", header, rows)


def award_xlsx(request):
    """The selected awards in the standard's spreadsheet template (one "grants" sheet)."""
    awards, *_, form = _filtered_awards(request)
    if refused := _refused_filter(form):
        return refused
    content = export.xlsx_bytes(export.grants(awards.order_by("-award_date", "identifier")))
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="awards-360giving.xlsx"'
    return response


def award_detail(request, pk):
    award = get_object_or_404(
        Award.objects.with_parties().select_related("joint_review", "redistribution__alternative", "application"), pk=pk
    )
    if not permissions.can_view_published(request.user, award.funder):
        raise Http404("No such award")
    return render(
        request,
        "funding/award_detail.html",
        {
            "award": award,
            "joint_review": getattr(award, "joint_review", None),
            "redistribution": getattr(award, "redistribution", None),
            "can_manage": permissions.can_manage_award(request.user, award),
            "can_view_withdrawal": permissions.can_view_withdrawal(request.user, award),
            "breadcrumbs": _crumbs(("Awards", reverse("funding:award-list")), (award.identifier, None)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def award_create_view(request, pk):
    application = permissions.get_application_for_user(request.user, pk)
    deny_unless(permissions.can_decide(request.user, application))
    initial = {
        "title": application.project_title,
        "description": application.summary or application.project_title,
        "amount": application.amount_requested,
        "award_date": application.decided_on,
    }
    form = AwardForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            award = award_create(application=application, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Award {award.identifier} recorded.")
            return redirect("funding:award-detail", pk=award.pk)
    return render(
        request,
        "funding/award_form.html",
        {
            "form": form,
            "application": application,
            "breadcrumbs": _crumbs(
                ("Applications", reverse("funding:application-list")),
                (application.project_title, reverse("funding:application-detail", args=[application.pk])),
                ("Award", None),
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def award_withdraw_view(request, pk):
    award = get_object_or_404(Award.objects.with_parties(), pk=pk)
    deny_unless(permissions.can_manage_award(request.user, award))
    form = WithdrawalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            award_withdraw(
                award=award,
                withdrawn_on=form.cleaned_data["withdrawn_on"],
                reason=form.cleaned_data["reason"],
                user=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Award withdrawn. A joint review and a redistribution record have been opened.")
            return redirect("funding:award-detail", pk=award.pk)
    return render(
        request,
        "funding/award_withdraw.html",
        {
            "form": form,
            "award": award,
            "question": f"Are you sure you want to withdraw {award.identifier}?",
            "explanation": "Withdrawing opens a joint review with the organisation and a redistribution record, "
            "which stay on your to-do list until they are completed.",
            "button_label": "Withdraw award",
            "cancel_url": reverse("funding:award-detail", args=[award.pk]),
            "breadcrumbs": _award_crumbs(award, ("Withdraw", None)),
        },
    )


def _follow_up(request, pk, model, form_class, service, template, fields):
    record = get_object_or_404(model.objects.select_related("award__recipient", "award__funder"), award_id=pk)
    award = record.award
    deny_unless(permissions.can_manage_award(request.user, award))
    initial = {name: getattr(record, name) for name in fields}
    if "alternative_considered" in initial and initial["alternative_considered"] is not None:
        initial["alternative_considered"] = "yes" if initial["alternative_considered"] else "no"
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and not record.is_complete and form.is_valid():
        complete = "complete" in request.POST
        try:
            service(record, complete=complete, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, f"{model._meta.verbose_name.capitalize()} {'completed' if complete else 'saved'}."
            )
            return redirect(
                "funding:todo" if complete else "funding:award-detail", **({} if complete else {"pk": award.pk})
            )
    return render(
        request,
        template,
        {
            "form": form,
            "record": record,
            "award": award,
            "breadcrumbs": _award_crumbs(award, (model._meta.verbose_name.capitalize(), None)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def joint_review_edit(request, pk):
    return _follow_up(
        request,
        pk,
        JointReview,
        JointReviewForm,
        lambda record, **data: joint_review_record(review=record, **data),
        "funding/joint_review_form.html",
        ["held_on", "causes", "lessons", "support_needs", "agreed_by_both"],
    )


@login_required
@require_http_methods(["GET", "POST"])
def redistribution_edit(request, pk):
    return _follow_up(
        request,
        pk,
        Redistribution,
        RedistributionForm,
        lambda record, **data: redistribution_record(redistribution=record, **data),
        "funding/redistribution_form.html",
        ["alternative_considered", "alternative", "amount", "outcome"],
    )


@login_required
def todo(request):
    deny_unless(permissions.can_see_todo(request.user))
    reviews, redistributions = todo_for_user(request.user)
    return render(
        request,
        "funding/todo.html",
        {
            "reviews": reviews,
            "redistributions": redistributions,
            "breadcrumbs": _crumbs(("To do after withdrawals", None)),
        },
    )
