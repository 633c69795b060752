"""Officer pages to correct a section or an event, or remove one added by mistake."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from common.forms import add_errors

from .. import permissions, services
from ..forms import EventForm, SectionForm
from ..services.corrections import SECTION_CITED, SECTION_REF_CITED, section_is_cited
from .common import crumbs, requiring


def _section(consultation, pk):
    return get_object_or_404(consultation.sections, pk=pk)


def _event(consultation, pk):
    return get_object_or_404(consultation.events, pk=pk)


def _back(consultation, name, label):
    return (label, reverse(f"consultations:{name}", args=[consultation.slug]))


def _remove(request, consultation, *, back, question, explanation, success, action):
    """Confirm, then remove; a refusal goes back to the list page with the reason."""
    back_url = reverse(f"consultations:{back}", args=[consultation.slug])
    if request.method == "POST":
        try:
            action()
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, success)
        return redirect(back_url)
    return render(
        request,
        "confirm.html",
        {
            "consultation": consultation,
            "question": question,
            "explanation": explanation,
            "button_label": "Remove",
            "cancel_url": back_url,
            "breadcrumbs": crumbs(consultation, _back(consultation, back, back.capitalize()), ("Remove", None)),
        },
    )


@requiring(permissions.can_edit)
def section_change(request, consultation, pk):
    section = _section(consultation, pk)
    locked = SECTION_REF_CITED.format(ref=section.ref) if section_is_cited(section) else ""
    initial = {"ref": section.ref, "title": "" if section.title == section.ref else section.title, "text": section.text}
    form = SectionForm(request.POST or None, initial=initial, button="Save section", ref_locked=locked)
    if request.method == "POST" and form.is_valid():
        try:
            services.section_update(section=section, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Section {section.ref} saved.")
            return redirect("consultations:sections", slug=consultation.slug)
    title = f"Change section {section.ref}"
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": title,
            "caption": consultation.title,
            "breadcrumbs": crumbs(consultation, _back(consultation, "sections", "Sections"), (title, None)),
        },
    )


@require_POST
@requiring(permissions.can_edit)
def section_move(request, consultation, pk):
    section = _section(consultation, pk)
    up = request.POST.get("direction") == "up"
    try:
        moved = services.section_move(section=section, user=request.user, up=up)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if moved:
            messages.success(request, f"Section {section.ref} moved {'up' if up else 'down'}.")
    return redirect("consultations:sections", slug=consultation.slug)


@requiring(permissions.can_edit)
def section_remove(request, consultation, pk):
    section = _section(consultation, pk)
    if section_is_cited(section):
        return render(
            request,
            "consultations/cannot_remove.html",
            {
                "consultation": consultation,
                "title": f"Section {section.ref} cannot be removed",
                "reason": SECTION_CITED.format(ref=section.ref),
                "advice": "You can still correct its heading and text.",
                "change_url": reverse("consultations:section-change", args=[consultation.slug, section.pk]),
                "back_url": reverse("consultations:sections", args=[consultation.slug]),
                "breadcrumbs": crumbs(consultation, _back(consultation, "sections", "Sections"), ("Remove", None)),
            },
        )
    return _remove(
        request,
        consultation,
        back="sections",
        question=f"Are you sure you want to remove section {section.label}?",
        explanation="Its heading and text are deleted. This cannot be undone.",
        success=f"Section {section.ref} removed.",
        action=lambda: services.section_remove(section=section, user=request.user),
    )


@requiring(permissions.can_change_events)
def event_change(request, consultation, pk):
    event = _event(consultation, pk)
    initial = {"date": event.date, "place": event.place, "description": event.description}
    form = EventForm(request.POST or None, initial=initial, button="Save event")
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(event=event, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Event saved.")
            return redirect("consultations:events", slug=consultation.slug)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": "Change the event",
            "caption": consultation.title,
            "breadcrumbs": crumbs(consultation, _back(consultation, "events", "Events"), ("Change the event", None)),
        },
    )


@requiring(permissions.can_change_events)
def event_remove(request, consultation, pk):
    event = _event(consultation, pk)
    return _remove(
        request,
        consultation,
        back="events",
        question=f"Are you sure you want to remove the event on {event}?",
        explanation="It will no longer be listed on the consultation. This cannot be undone.",
        success="Event removed.",
        action=lambda: services.event_remove(event=event, user=request.user),
    )
