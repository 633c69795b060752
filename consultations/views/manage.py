"""Officer pages: create and edit, sections, and moving a consultation on."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from common.forms import add_errors

from .. import permissions, selectors, services
from ..forms import CloseForm, ConsultationForm, EventForm, SectionForm
from ..publishing_forms import PublishForm
from .common import crumbs, requiring

FIELDS = [
    "title",
    "summary",
    "document",
    "stage",
    "opens",
    "closes",
    "shorter_reason",
    "languages",
    "easy_read",
    "large_print",
    "audio",
    "interpreters",
    "expenses",
    "expenses_details",
    "access_email",
    "access_phone",
    "equality_assessment",
    "equality_assessment_reason",
    "code",
]


def _form_page(request, form, title, consultation=None):
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": title,
            "caption": consultation.title if consultation else "",
            "multipart": True,
            "breadcrumbs": crumbs(consultation, (title, None)),
        },
    )


@login_required
def create(request):
    if not permissions.can_create(request.user):
        raise PermissionDenied
    owners = permissions.owners_for(request.user)
    form = ConsultationForm(request.POST or None, request.FILES or None, owners=owners)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {name: data[name] for name in FIELDS if name not in ("title", "summary", "stage", "opens", "closes")}
        if not fields["document"]:
            del fields["document"]
        try:
            consultation = services.consultation_create(
                owner=data["owner"],
                user=request.user,
                title=data["title"],
                summary=data["summary"],
                stage=data["stage"],
                opens=data["opens"],
                closes=data["closes"],
                **fields,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Draft consultation saved. Add its sections, then open it for comments.")
            return redirect("consultations:sections", slug=consultation.slug)
    return _form_page(request, form, "Start a consultation")


@requiring(permissions.can_edit)
def edit(request, consultation):
    initial = {name: getattr(consultation, name) for name in FIELDS}
    form = ConsultationForm(request.POST or None, request.FILES or None, initial=initial, owners=None)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in FIELDS}
        if not fields["document"]:
            del fields["document"]
        try:
            services.consultation_update(consultation=consultation, user=request.user, **fields)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Consultation saved.")
            return redirect("consultations:detail", slug=consultation.slug)
    return _form_page(request, form, "Change the consultation", consultation)


@requiring(permissions.can_edit)
def sections(request, consultation):
    form = SectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.section_add(consultation=consultation, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Section {form.cleaned_data['ref']} added.")
            return redirect("consultations:sections", slug=consultation.slug)
    return render(
        request,
        "consultations/sections.html",
        {
            "consultation": consultation,
            "form": form,
            "sections": selectors.sections_with_citations(consultation),
            "actions": permissions.allowed_actions(request.user, consultation),
            "breadcrumbs": crumbs(consultation, ("Sections", None)),
        },
    )


@requiring(permissions.can_change_events)
def events(request, consultation):
    """Listed (to change or remove) until the response is published; new ones only while draft or open."""
    can_add = permissions.can_edit(request.user, consultation)
    if request.method == "POST" and not can_add:
        raise PermissionDenied
    form = EventForm(request.POST or None) if can_add else None
    if request.method == "POST" and form.is_valid():
        try:
            services.event_add(consultation=consultation, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Event added.")
            return redirect("consultations:events", slug=consultation.slug)
    return render(
        request,
        "consultations/events.html",
        {
            "consultation": consultation,
            "form": form,
            "events": list(consultation.events.all()),
            "breadcrumbs": crumbs(consultation, ("Events", None)),
        },
    )


def _confirm(request, consultation, *, question, explanation, button, action, success, form=None):
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            action(**(form.cleaned_data if form is not None else {}))
        except ValidationError as exc:
            if form is None:
                messages.error(request, " ".join(exc.messages))
                return redirect("consultations:detail", slug=consultation.slug)
            add_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect("consultations:detail", slug=consultation.slug)
    return render(
        request,
        "confirm.html",
        {
            "consultation": consultation,
            "question": question,
            "explanation": explanation,
            "button_label": button,
            "cancel_url": reverse("consultations:detail", args=[consultation.slug]),
            "form": form,
            "breadcrumbs": crumbs(consultation, (button, None)),
        },
    )


@requiring(permissions.can_open)
def open_(request, consultation):
    return _confirm(
        request,
        consultation,
        question="Are you sure you want to open this consultation?",
        explanation=f"It opens today and anyone can read it and comment until {consultation.closes:%-d %B %Y}. "
        "Invited organisations are emailed.",
        button="Open for comments",
        success="The consultation is open for comments.",
        action=lambda: services.consultation_open(consultation=consultation, user=request.user),
    )


@requiring(permissions.can_close)
def close(request, consultation):
    form = CloseForm(request.POST or None)
    return _confirm(
        request,
        consultation,
        question="Are you sure you want to close this consultation?",
        explanation="No more comments can be sent. The response is due 12 weeks after it closes.",
        button="Close the consultation",
        success="The consultation is closed. Now respond to each comment.",
        form=form,
        action=lambda shorter_reason: services.consultation_close(
            consultation=consultation, user=request.user, shorter_reason=shorter_reason
        ),
    )


@requiring(permissions.can_publish)
def publish(request, consultation):
    pending = services.pending_count(consultation)
    explanation = (
        "Everyone will see each comment beside its response, and everyone who commented with an email address is told."
        if not pending
        else f"{pending} comment{'s' if pending != 1 else ''} still {'have' if pending != 1 else 'has'} no "
        "response. A final response lists them as “no response given”; an interim one says responses are "
        "still to come."
    )
    form = PublishForm(request.POST or None, pending=pending)
    return _confirm(
        request,
        consultation,
        question="Publish the response",
        explanation=explanation,
        button="Publish the response",
        success="The response is published. Its PDF is being prepared and the people who commented are being told.",
        form=form,
        action=lambda **data: services.response_publish(consultation=consultation, user=request.user, **data),
    )
