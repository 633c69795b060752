"""Complaints made by phone, letter, email or in person, typed in by an officer or the steering
group; the steering group's list of holds and long extensions; and its yearly self-assessment."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from common.forms import add_errors
from organisations.roles import roles_for
from undertakings.models import ReportingPeriod

from .. import services
from ..code_requirements import REQUIREMENTS
from ..forms.recording import RecordForm, SelfAssessmentForm
from ..models import Assessment, Complaint
from ..permissions import can_assess, can_record_complaint, can_view_extensions, perspective
from ..selectors import assessment_periods, extensions_beyond_limit, holds, self_assessment_for
from .common import viewer_for
from .raising import _bodies

LAST_RECORDED = "complaint_last_recorded"


def _crumbs(*trail):
    return [("Complaints", reverse("complaints:list")), *trail]


@login_required
@require_http_methods(["GET", "POST"])
def record(request):
    if not can_record_complaint(request.user):
        raise PermissionDenied
    form = RecordForm(request.POST or None, bodies=_bodies())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            complaint = services.complaint_record(
                user=request.user,
                respondent=data["respondent"],
                channel=data["channel"],
                received_on=data["received_on"],
                what_happened=data["what_happened"],
                happened_on=data["happened_on"],
                outcome_sought=data["outcome_sought"],
                complainant_kind=data["who"],
                confidential=data["confidential"],
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                address=data["address"],
                send_link=data["send_link"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            request.session[LAST_RECORDED] = complaint.pk
            return redirect("complaints:record-done")
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": "Record a complaint made another way",
            "intro": "For a complaint made by phone, by letter, by email or in person. The Complaint Handling Code "
            "accepts a complaint however it is made, and its clock starts on the day it was received.",
            "breadcrumbs": _crumbs(("Record a complaint", None)),
        },
    )


@login_required
def record_done(request):
    complaint = (
        Complaint.objects.select_related("respondent", "compact")
        .prefetch_related("stages")
        .filter(pk=request.session.get(LAST_RECORDED), recorded_by=request.user)
        .first()
    )
    if complaint is None:
        raise Http404("You have not recorded a complaint in this browser session")
    # The recorder may have no side on it (an officer of another body): then no link to it.
    can_open = perspective(viewer_for(request), complaint) is not None
    return render(
        request,
        "complaints/record_done.html",
        {"complaint": complaint, "stage": complaint.stage(1), "can_open": can_open},
    )


@login_required
def holds_and_extensions(request):
    if not can_view_extensions(request.user):
        raise PermissionDenied
    compacts = roles_for(request.user).steering_compacts
    return render(
        request,
        "complaints/holds_and_extensions.html",
        {
            "extensions": list(extensions_beyond_limit(compact_ids=compacts)[:200]),
            "holds": list(holds(compact_ids=compacts)[:200]),
            "breadcrumbs": _crumbs(("Holds and long extensions", None)),
        },
    )


@login_required
def self_assessments(request):
    if not roles_for(request.user).is_steering:
        raise PermissionDenied
    return render(
        request,
        "complaints/self_assessments.html",
        {
            "periods": assessment_periods(compact_ids=roles_for(request.user).steering_compacts),
            "breadcrumbs": _crumbs(("Self-assessment", None)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def self_assessment(request, period_id: int):
    period = get_object_or_404(ReportingPeriod.objects.select_related("compact"), pk=period_id)
    if not can_assess(request.user, period):
        raise Http404("No such self-assessment")
    assessment = self_assessment_for(period)
    crumbs = _crumbs(("Self-assessment", reverse("complaints:self-assessments")), (period.label, None))
    title = f"Complaint handling self-assessment {period.label}"
    if assessment and assessment.is_complete:
        labels = dict(Assessment.choices)
        rows = [
            (
                r,
                labels.get((assessment.answers.get(r.key) or {}).get("assessment", ""), "Not recorded"),
                (assessment.answers.get(r.key) or {}).get("evidence", ""),
            )
            for r in REQUIREMENTS
        ]
        return render(
            request,
            "complaints/self_assessment.html",
            {"assessment": assessment, "period": period, "rows": rows, "title": title, "breadcrumbs": crumbs},
        )
    form = SelfAssessmentForm(request.POST or None, initial=SelfAssessmentForm.initial_from(assessment))
    if request.method == "POST" and form.is_valid():
        try:
            services.self_assessment_save(
                period=period,
                user=request.user,
                answers=form.answers(),
                statement=form.cleaned_data["statement"],
                complete=form.cleaned_data["complete"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return redirect("complaints:self-assessment", period_id=period.pk)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": title,
            "caption": period.compact.name,
            "intro": "For each requirement of the Complaint Handling Code, say whether the Compact meets it and "
            "give the evidence; then the steering group’s statement. Save as often as you like; once it is "
            "complete the annual review prints it.",
            "breadcrumbs": crumbs,
        },
    )
