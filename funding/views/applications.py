from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from common.forms import add_errors
from common.permissions import deny_unless
from funding import permissions
from funding.forms import ApplicationForm, DecisionForm
from funding.models import ApplicationStatus, FundingProgramme
from funding.selectors import applications_for_user
from funding.services.applications import application_decide, application_submit, ring_fence_refusal

from .common import page_of


# Where an organisation declares its board: the organisations app's page, if it has one by these names.
def declare_board_url(organisation) -> str:
    return reverse("organisations:declare-board", kwargs={"slug": organisation.slug})


def ring_fence_refusals(programme, applicants) -> list:
    """Today's refusals for the organisations a group member could apply for (none when the
    programme is open to all)."""
    if not programme.ring_fenced:
        return []
    today = timezone.localdate()
    refusals = (ring_fence_refusal(programme=programme, applicant=org, on_date=today) for org in applicants)
    return [refusal for refusal in refusals if refusal]


def _crumbs(*tail):
    return [("Home", reverse("home")), ("Funding programmes", reverse("funding:programme-list")), *tail]


@login_required
@require_http_methods(["GET", "POST"])
def application_create(request, pk):
    programme = get_object_or_404(FundingProgramme.objects.select_related("funder"), pk=pk)
    deny_unless(permissions.can_apply(request.user, programme))
    applicants = permissions.applicant_choices(request.user, programme)
    recording = permissions.can_manage_programme(request.user, programme)
    crumbs = _crumbs((programme.title, reverse("funding:programme-detail", args=[programme.pk])), ("Apply", None))
    # A group is told before it starts, not after filling in the form. Officers recording a paper
    # application choose from every organisation and a past date: the service checks theirs on submit.
    refusals = [] if recording else ring_fence_refusals(programme, applicants)
    if refusals:
        applicants = applicants.exclude(pk__in=[refusal.applicant.pk for refusal in refusals])
        if not applicants.exists():
            return render(
                request,
                "funding/application_refused.html",
                {"programme": programme, "refusals": refusals, "breadcrumbs": crumbs},
            )
    form = ApplicationForm(request.POST or None, applicants=applicants, record_date=recording)
    refusal_for = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = application_submit(
                programme=programme,
                applicant=data["applicant"],
                project_title=data["project_title"],
                summary=data["summary"],
                amount_requested=data["amount_requested"],
                submitted_on=data.get("submitted_on") or timezone.localdate(),
                user=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
            if getattr(error, "code", None) == "ring_fenced":
                refusal_for = data["applicant"]
        else:
            messages.success(request, f"Application for “{application.project_title}” submitted.")
            return redirect("funding:application-detail", pk=application.pk)
    return render(
        request,
        "funding/application_form.html",
        {
            "form": form,
            "programme": programme,
            "refusal_for": refusal_for,
            "declare_url": declare_board_url(refusal_for) if refusal_for else None,
            "refusals": refusals,
            "breadcrumbs": crumbs,
        },
    )


@login_required
def application_list(request):
    applications = applications_for_user(request.user)
    status = request.GET.get("status", "")
    if status in ApplicationStatus.values:
        applications = applications.filter(status=status)
    return render(
        request,
        "funding/application_list.html",
        {
            "page_obj": page_of(request, applications),
            "status": status,
            "statuses": ApplicationStatus.choices,
            "breadcrumbs": _crumbs(("Applications", None)),
        },
    )


@login_required
def application_detail(request, pk):
    application = permissions.get_application_for_user(request.user, pk)
    award = getattr(application, "award", None) if application.status == ApplicationStatus.AWARDED else None
    return render(
        request,
        "funding/application_detail.html",
        {
            "application": application,
            "award": award,
            "can_decide": permissions.can_decide(request.user, application),
            "breadcrumbs": _crumbs(
                ("Applications", reverse("funding:application-list")), (application.project_title, None)
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_decide_view(request, pk):
    application = permissions.get_application_for_user(request.user, pk)
    deny_unless(permissions.can_decide(request.user, application))
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application_decide(
                application=application,
                decision=data["decision"],
                decided_on=data["decided_on"],
                reason=data["reason"],
                user=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Decision recorded.")
            if data["decision"] == ApplicationStatus.AWARDED:
                return redirect("funding:award-create", pk=application.pk)
            return redirect("funding:application-detail", pk=application.pk)
    return render(
        request,
        "funding/decision_form.html",
        {
            "form": form,
            "application": application,
            "breadcrumbs": _crumbs(
                ("Applications", reverse("funding:application-list")),
                (application.project_title, reverse("funding:application-detail", args=[application.pk])),
                ("Decision", None),
            ),
        },
    )
