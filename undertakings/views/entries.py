"""Filling in a return undertaking by undertaking: the answer, evidence files and actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from common.uploads import safe_download_name

from .. import selectors, services
from ..forms import ActionForm, EntryForm, EvidenceFileForm
from ..permissions import get_action_for_user, get_entry_for_user, get_evidence_for_user, is_returns_body
from .returns import _not_editable_message, return_breadcrumbs


def _entry_for_body(request, pk):
    """The entry, if the person belongs to its body; None (after a message) if the return is not
    open for changes. Steering group members and site admins read returns on the return's page."""
    entry = get_entry_for_user(request.user, pk)
    if not is_returns_body(request.user, entry.compliance_return):
        raise PermissionDenied
    if not entry.compliance_return.is_editable:
        messages.info(request, _not_editable_message(entry.compliance_return))
        return entry, False
    return entry, True


def _back_to_return(entry):
    return redirect(reverse("undertakings:return-detail", args=[entry.compliance_return_id]) + f"#entry-{entry.pk}")


def _entry_url(entry):
    return reverse("undertakings:entry-edit", args=[entry.pk])


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request, pk):
    entry, editable = _entry_for_body(request, pk)
    if not editable:
        return _back_to_return(entry)
    compliance_return = entry.compliance_return
    initial = {
        "rating": entry.rating,
        "explanation": entry.explanation,
        "evidence": entry.evidence,
        "links": "\n".join(entry.links),
    }
    form = EntryForm(
        request.POST or None,
        initial=initial,
        legend=f"How well did {compliance_return.organisation.name} keep undertaking {entry.undertaking.ref}?",
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.compliance_entry_update(
                entry=entry,
                user=request.user,
                rating=form.cleaned_data["rating"],
                explanation=form.cleaned_data["explanation"],
                evidence=form.cleaned_data["evidence"],
                links=form.link_list(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _after_save(request, entry)
    return render(
        request,
        "undertakings/entry_edit.html",
        {
            "form": form,
            "entry": entry,
            "compliance_return": compliance_return,
            "files": entry.files.all(),
            "actions": entry.actions.all(),
            "confirmed": compliance_return.confirmed_count,
            "total": compliance_return.total_count,
            "breadcrumbs": return_breadcrumbs(
                request, compliance_return, (f"Undertaking {entry.undertaking.ref}", None)
            ),
        },
    )


def _after_save(request, entry):
    following, next_needing = selectors.neighbour_entries(entry)
    messages.success(request, f"Your answer for undertaking {entry.undertaking.ref} has been saved.")
    if request.GET.get("from") == "confirm" and entry.compliance_return.unconfirmed:
        # Changed from the list of unchanged answers: back to that list, to confirm the rest.
        return redirect("undertakings:return-confirm", entry.compliance_return_id)
    if "then" in request.POST or next_needing is None:
        return _back_to_return(entry)
    return redirect("undertakings:entry-edit", next_needing)


@login_required
@require_http_methods(["GET", "POST"])
def evidence_add(request, pk):
    entry, editable = _entry_for_body(request, pk)
    if not editable:
        return _back_to_return(entry)
    form = EvidenceFileForm(
        request.POST or None, request.FILES or None, limit_text=filesizeformat(services.evidence_max_bytes())
    )
    if request.method == "POST" and form.is_valid():
        try:
            evidence = services.evidence_file_add(entry=entry, user=request.user, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"{evidence.original_name} has been added.")
            return redirect(_entry_url(entry) + "#evidence-files")
    return render(
        request,
        "undertakings/evidence_add.html",
        {
            "form": form,
            "entry": entry,
            "breadcrumbs": _entry_crumbs(request, entry, "Add a file"),
        },
    )


@login_required
def evidence_download(request, pk):
    evidence = get_evidence_for_user(request.user, pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404("The stored file is missing") from None
    # Files kept before names were checked may be called anything ("annual-report.pdf" holding a
    # web page): the download's name always ends in what the file is.
    name = safe_download_name(evidence.original_name, evidence.content_type)
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=evidence.content_type)
    # An uploaded file is never run as a page of this site, even if a browser were to show it.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def evidence_remove(request, pk):
    evidence = get_evidence_for_user(request.user, pk)
    return _removal(
        request,
        evidence.entry_id,
        remove=lambda: services.evidence_file_remove(evidence=evidence, user=request.user),
        question=f"Are you sure you want to remove {evidence.original_name}?",
        explanation="The file will be deleted from this return.",
        button_label="Remove file",
        done=f"{evidence.original_name} has been removed.",
        anchor="#evidence-files",
    )


def _removal(request, entry_pk, *, remove, question, explanation, button_label, done, anchor):
    """ "Are you sure?" on GET; on POST remove the thing and go back to its entry."""
    entry, editable = _entry_for_body(request, entry_pk)
    if not editable:
        return _back_to_return(entry)
    if request.method == "POST":
        remove()
        messages.success(request, done)
        return redirect(_entry_url(entry) + anchor)
    return render(
        request,
        "confirm.html",
        {
            "question": question,
            "explanation": explanation,
            "button_label": button_label,
            "cancel_url": _entry_url(entry),
            "breadcrumbs": _entry_crumbs(request, entry, button_label),
        },
    )


def _entry_crumbs(request, entry, title):
    return return_breadcrumbs(
        request, entry.compliance_return, (f"Undertaking {entry.undertaking.ref}", _entry_url(entry)), (title, None)
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_add(request, pk):
    def save(data):
        services.action_add(entry=entry, user=request.user, what=data["what"], who=data["who"], due_on=data["due_on"])

    entry, editable = _entry_for_body(request, pk)
    if not editable:
        return _back_to_return(entry)
    return _action_form(
        request, entry, ActionForm(request.POST or None), save, "Add an action", "The action has been added."
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request, pk):
    def save(data):
        services.action_update(
            action=action, user=request.user, done=data["done"], **{k: data[k] for k in ("what", "who", "due_on")}
        )

    action = get_action_for_user(request.user, pk)
    entry, editable = _entry_for_body(request, action.entry_id)
    if not editable:
        return _back_to_return(entry)
    initial = {"what": action.what, "who": action.who, "due_on": action.due_on, "done": action.done}
    form = ActionForm(request.POST or None, initial=initial, editing=True)
    return _action_form(request, entry, form, save, "Change an action", "The action has been saved.")


def _action_form(request, entry, form, save, title, done):
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, done)
            return redirect(_entry_url(entry) + "#actions")
    return render(
        request,
        "undertakings/action_form.html",
        {"form": form, "entry": entry, "title": title, "breadcrumbs": _entry_crumbs(request, entry, title)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_remove(request, pk):
    action = get_action_for_user(request.user, pk)
    return _removal(
        request,
        action.entry_id,
        remove=lambda: services.action_remove(action=action, user=request.user),
        question="Are you sure you want to remove this action?",
        explanation=action.what,
        button_label="Remove action",
        done="The action has been removed.",
        anchor="#actions",
    )
