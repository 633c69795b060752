"""Putting a complaint on hold and resuming it, and recording what was learned once it is closed."""

from django.views.decorators.http import require_http_methods

from common.permissions import deny_unless

from .. import permissions, services
from ..forms.recording import LearningForm, PauseForm, ResumeForm
from .actions import _page, _run
from .common import with_complaint


@with_complaint
@require_http_methods(["GET", "POST"])
def pause(request, complaint, side, viewer):
    deny_unless(permissions.can_pause(viewer, complaint, side))
    form = PauseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = _run(
            request,
            complaint,
            form,
            lambda **data: services.stage_pause(complaint=complaint, user=request.user, **data),
            "The complaint is on hold. Its deadlines will move later by the working days it stays on hold.",
        )
        if done:
            return done
    return _page(
        request,
        complaint,
        form,
        "Put the complaint on hold",
        "Only with a good reason, agreed with the complainant: for example, while you wait for information "
        "they have agreed to send. Nothing is due while it is on hold; when you resume it, its deadline moves "
        "later by the working days it was on hold.",
    )


@with_complaint
@require_http_methods(["GET", "POST"])
def resume(request, complaint, side, viewer):
    deny_unless(permissions.can_resume(viewer, complaint, side))
    # The form has no fields: an empty POST is still a press of the button.
    form = ResumeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        done = _run(
            request,
            complaint,
            form,
            lambda: services.stage_resume(complaint=complaint, user=request.user),
            "The complaint has resumed and its deadline has moved.",
        )
        if done:
            return done
    stage = complaint.current_stage
    return _page(
        request,
        complaint,
        form,
        "Resume the complaint",
        f"It has been on hold since {stage.paused_on:%-d %B %Y}. Its deadline will move later by the working "
        "days since then, and the complainant will be told the new date.",
    )


@with_complaint
@require_http_methods(["GET", "POST"])
def learning(request, complaint, side, viewer):
    deny_unless(permissions.can_record_learning(viewer, complaint, side))
    form = LearningForm(
        request.POST or None, initial={"learning": complaint.learning, "changes_made": complaint.changes_made}
    )
    if request.method == "POST" and form.is_valid():
        done = _run(
            request,
            complaint,
            form,
            lambda **data: services.complaint_learning_record(
                complaint=complaint, user=request.user, party=side, **data
            ),
            "What was learned has been saved.",
        )
        if done:
            return done
    return _page(
        request,
        complaint,
        form,
        "What was learned from this complaint",
        "The Complaint Handling Code asks that each complaint is learned from. Both answers are printed in the "
        "annual review, without saying who complained.",
    )
