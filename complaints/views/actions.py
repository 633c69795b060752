"""Actions on a complaint, each a question page that posts to itself. Each asks the same
permission function the complaint page used to show its button."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from common.forms import add_errors
from common.permissions import deny_unless

from .. import deadlines, permissions, services
from ..forms.handling import CloseForm, EscalateForm, ExtendForm, MessageForm, NoteForm, ReplyForm, WithdrawForm
from ..forms.raising import FILES_CLEANED, FileForm
from ..models import Party, StageLevel
from ..selectors import undertakings_to_cite
from .common import with_complaint


def _page(request, complaint, form, title: str, intro: str = "", **extra):
    return render(
        request,
        "complaints/action.html",
        {
            "form": form,
            "title": title,
            "intro": intro,
            "reference": complaint.reference,
            "back": reverse("complaints:detail", args=[complaint.reference]),
            **extra,
        },
    )


def _run(request, complaint, form, action, success: str):
    """Call `action(**cleaned_data)`; on success go back to the complaint with a banner."""
    try:
        action(**form.cleaned_data)
    except ValidationError as exc:
        add_errors(form, exc)
        return None
    messages.success(request, success)
    return redirect("complaints:detail", reference=complaint.reference)


def _user(request):
    return request.user if request.user.is_authenticated else None


@with_complaint
@require_http_methods(["GET", "POST"])
def acknowledge(request, complaint, side, viewer):
    deny_unless(permissions.can_acknowledge(viewer, complaint, side))
    stage = complaint.current_stage
    reply_days = deadlines.REPLY_WITHIN[stage.level]
    if request.method == "POST":
        try:
            services.stage_acknowledge(complaint=complaint, user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"Complaint acknowledged. A reply is due within {reply_days} working days.")
        return redirect("complaints:detail", reference=complaint.reference)
    return render(
        request,
        "complaints/acknowledge.html",
        {
            "reference": complaint.reference,
            "stage": stage,
            "reply_days": reply_days,
            "back": reverse("complaints:detail", args=[complaint.reference]),
        },
    )


@with_complaint
@require_http_methods(["GET", "POST"])
def reply(request, complaint, side, viewer):
    deny_unless(permissions.can_reply(viewer, complaint, side))
    stage = complaint.current_stage
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = _run(
            request,
            complaint,
            form,
            lambda reply: services.stage_reply(complaint=complaint, user=request.user, reply=reply),
            "Your reply has been sent to the complainant.",
        )
        if done:
            return done
    return _page(
        request, complaint, form, f"Reply at {stage.get_level_display().lower()}", f"Due by {stage.reply_by:%-d %B %Y}."
    )


@with_complaint
@require_http_methods(["GET", "POST"])
def extend(request, complaint, side, viewer):
    deny_unless(permissions.can_extend(viewer, complaint, side))
    stage = complaint.current_stage
    latest = deadlines.latest_extension(stage)
    form = ExtendForm(request.POST or None, latest=latest)
    if request.method == "POST" and form.is_valid():
        done = _run(
            request,
            complaint,
            form,
            lambda **data: services.stage_extend(complaint=complaint, user=request.user, **data),
            "The reply date has been extended and the complainant has been told why.",
        )
        if done:
            return done
    return _page(
        request,
        complaint,
        form,
        "Extend the reply date",
        f"The reply is due by {stage.reply_by:%-d %B %Y}. At {stage.get_level_display().lower()} the Complaint "
        f"Handling Code allows up to {deadlines.EXTEND_BY_AT_MOST[stage.level]} working days more than the "
        "original date; going past that needs a reason, which the steering group sees.",
    )


@with_complaint
@require_http_methods(["GET", "POST"])
def escalate(request, complaint, side, viewer):
    deny_unless(permissions.can_escalate(viewer, complaint, side))
    stage = complaint.current_stage
    to_steering = stage.level == StageLevel.STAGE_2
    form = EscalateForm(
        request.POST or None, button="Refer to the steering group" if to_steering else "Ask for stage 2"
    )
    if request.method == "POST" and form.is_valid():
        done = _run(
            request,
            complaint,
            form,
            lambda reason: services.complaint_escalate(complaint=complaint, reason=reason, user=_user(request)),
            "Your complaint has been referred to the steering group."
            if to_steering
            else "Your complaint has moved to stage 2.",
        )
        if done:
            return done
    if to_steering:
        title, intro = (
            "Refer your complaint to the steering group",
            (f"The Compact steering group will look at how {complaint.respondent.name} handled your complaint."),
        )
    else:
        title, intro = (
            "Take your complaint to stage 2",
            (f"A different officer at {complaint.respondent.name} will look at your complaint again."),
        )
    return _page(request, complaint, form, title, f"{intro} You can do this until {stage.escalate_by:%-d %B %Y}.")


@with_complaint
@require_http_methods(["GET", "POST"])
def close(request, complaint, side, viewer):
    deny_unless(permissions.can_close(viewer, complaint, side))
    cited = undertakings_to_cite(respondent=complaint.respondent)
    form = CloseForm(
        request.POST or None,
        undertakings=cited,
        initial={"undertakings_broken": [u.pk for u in complaint.undertakings.all()]},
    )
    if request.method == "POST" and form.is_valid():
        done = _run(
            request,
            complaint,
            form,
            lambda **data: services.complaint_close(complaint=complaint, user=request.user, party=side, **data),
            "The complaint has been closed.",
        )
        if done:
            return done
    intro = ""
    if side == Party.RESPONDENT:
        stage = complaint.current_stage
        intro = (
            f"The complainant can still take the complaint further until {stage.escalate_by:%-d %B %Y}; "
            "if they do, it will open again."
        )
    return _page(request, complaint, form, "Close the complaint", intro)


@with_complaint
@require_http_methods(["GET", "POST"])
def withdraw(request, complaint, side, viewer):
    deny_unless(permissions.can_withdraw(viewer, complaint, side))
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = _run(
            request,
            complaint,
            form,
            lambda reason: services.complaint_withdraw(complaint=complaint, user=_user(request), reason=reason),
            "Your complaint has been withdrawn.",
        )
        if done:
            return done
    return _page(
        request,
        complaint,
        form,
        "Are you sure you want to withdraw your complaint?",
        "The complaint will be closed and cannot be opened again.",
        warning=True,
    )


@with_complaint
@require_http_methods(["GET", "POST"])
def message(request, complaint, side, viewer):
    deny_unless(permissions.can_send_message(viewer, complaint, side))
    hint = ""
    if side == Party.COMPLAINANT:
        hint = "Everyone handling the complaint can read this." + (
            " To stay confidential, do not give your name." if complaint.confidential else ""
        )
    elif not complaint.reply_email:
        hint = "The complainant cannot be emailed: they will see this on their follow-up page."
    form = MessageForm(request.POST or None, hint=hint)
    if request.method == "POST" and form.is_valid():
        done = _run(
            request,
            complaint,
            form,
            lambda text: services.complaint_message(complaint=complaint, text=text, party=side, user=request.user),
            "Your message has been sent.",
        )
        if done:
            return done
    return _page(request, complaint, form, "Send a message")


@with_complaint
@require_http_methods(["GET", "POST"])
def note(request, complaint, side, viewer):
    deny_unless(permissions.can_add_note(viewer, complaint, side))
    form = NoteForm(request.POST or None, steering=side == Party.STEERING)
    if request.method == "POST" and form.is_valid():
        done = _run(
            request,
            complaint,
            form,
            lambda text, audience=None: services.complaint_note(
                complaint=complaint,
                text=text,
                party=side,
                user=request.user,
                **({"audience": audience} if audience else {}),
            ),
            "Note saved.",
        )
        if done:
            return done
    return _page(request, complaint, form, "Add an internal note")


@with_complaint
@require_http_methods(["GET", "POST"])
def file_add(request, complaint, side, viewer):
    deny_unless(permissions.can_add_file(viewer, complaint, side))
    form = FileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        done = _run(
            request,
            complaint,
            form,
            lambda file: services.complaint_file_add(complaint=complaint, upload=file, party=side, user=request.user),
            "File added.",
        )
        if done:
            return done
    intro, inset = "", ""
    if side == Party.COMPLAINANT and complaint.confidential:
        intro = (
            "The body will not see the file’s name, but it will see what is in it. Remove your name from what "
            "the document says and shows if you want to stay confidential."
        )
        inset = FILES_CLEANED
    return _page(request, complaint, form, "Add a file", intro, multipart=True, inset=inset)
