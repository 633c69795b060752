"""Raise a complaint: one question a page, answers kept in the session until the last page sends
them. Every page can be opened in any order; "Check your answers" says what is still missing."""

from datetime import date

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from common.forms import add_errors
from common.ratelimit import client_address
from organisations.models import Organisation
from organisations.roles import roles_for

from .. import services
from ..forms.raising import (
    ANONYMOUS,
    EMAIL,
    FILES_CLEANED,
    BodyForm,
    ConfidentialForm,
    ContactForm,
    DetailsForm,
    EmailForm,
    FileForm,
    UndertakingsForm,
)
from ..models import ComplaintFile
from ..selectors import undertakings_to_cite
from ..services.communication import new_draft_key

DRAFT = "complaint_draft"
LAST_RAISED = "complaint_last_raised"


def _draft(request) -> dict:
    return request.session.get(DRAFT, {})


def _save(request, **answers) -> None:
    request.session[DRAFT] = {**_draft(request), **answers}


def _next(request, default: str):
    # Pages opened from "Check your answers" go back there.
    return redirect("complaints:raise-check" if request.GET.get("change") else default)


def _bodies():
    return (
        Organisation.objects.with_standing()  # a claim without standing has no officers to answer
        .filter(signatory_records__withdrawn_on__isnull=True)
        .distinct()
        .order_by("name")
    )


def _respondent(draft):
    return _bodies().filter(pk=draft.get("respondent")).first() if draft.get("respondent") else None


def _question(request, form, title: str, back: str, **extra):
    return render(request, "complaints/raise/question.html", {"form": form, "title": title, "back": back, **extra})


def start(request):
    return render(request, "complaints/raise/start.html")


@require_http_methods(["GET", "POST"])
def body(request):
    draft = _draft(request)
    form = BodyForm(request.POST or None, bodies=_bodies(), initial={"respondent": draft.get("respondent")})
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["respondent"].pk != draft.get("respondent"):
            _save(request, respondent=form.cleaned_data["respondent"].pk, undertakings=[])
        return _next(request, "complaints:raise-undertakings")
    return _question(request, form, "Which body is your complaint about?", reverse("complaints:create"))


@require_http_methods(["GET", "POST"])
def undertakings(request):
    draft = _draft(request)
    respondent = _respondent(draft)
    search = request.GET.get("q", "").strip()[:100]
    chosen = set(draft.get("undertakings", []))
    # Chosen undertakings stay on the page (ticked) whatever the search finds.
    matching = undertakings_to_cite(respondent=respondent, search=search)
    choices = undertakings_to_cite(respondent=respondent).filter(
        pk__in=set(matching.values_list("pk", flat=True)) | chosen
    )
    form = UndertakingsForm(
        request.POST or None,
        choices=choices,
        initial={"undertakings": list(chosen), "not_sure": draft.get("not_sure", False)},
    )
    if request.method == "POST" and form.is_valid():
        _save(
            request,
            undertakings=[u.pk for u in form.cleaned_data["undertakings"]],
            not_sure=form.cleaned_data["not_sure"],
        )
        return _next(request, "complaints:raise-details")
    return render(
        request,
        "complaints/raise/undertakings.html",
        {
            "form": form,
            "title": "Which undertakings were not kept?",
            "back": reverse("complaints:raise-body"),
            "respondent": respondent,
            "search": search,
            "found": matching.count(),
        },
    )


@require_http_methods(["GET", "POST"])
def details(request):
    draft = _draft(request)
    initial = {k: draft.get(k) for k in ("what_happened", "outcome_sought")}
    if draft.get("happened_on"):
        initial["happened_on"] = date.fromisoformat(draft["happened_on"])
    form = DetailsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        _save(
            request,
            what_happened=data["what_happened"],
            happened_on=data["happened_on"].isoformat(),
            outcome_sought=data["outcome_sought"],
        )
        return _next(request, "complaints:raise-files")
    return _question(
        request, form, "Tell us about your complaint", reverse("complaints:raise-undertakings"), show_heading=True
    )


def _draft_key(request) -> str:
    draft = _draft(request)
    if not draft.get("draft_key"):
        _save(request, draft_key=new_draft_key())
    return _draft(request)["draft_key"]


@require_http_methods(["GET", "POST"])
def files(request):
    key = _draft_key(request)
    uploaded = ComplaintFile.objects.filter(draft_key=key, complaint__isnull=True)
    next_url = reverse("complaints:raise-check" if request.GET.get("change") else "complaints:raise-contact")
    # Plain "Continue" whether or not files were added: it also uploads a file chosen but not yet uploaded.
    form = FileForm(request.POST or None, request.FILES or None, continue_button="Continue")
    # "Continue" with a file chosen uploads it too: a chosen file is never silently dropped.
    continuing = "continue" in request.POST
    if request.method == "POST":
        if continuing and not request.FILES.get("file"):
            return redirect(next_url)
        if form.is_valid():
            try:
                services.draft_file_add(
                    draft_key=key, upload=form.cleaned_data["file"], user=request.user, address=client_address(request)
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                return redirect(next_url if continuing else request.get_full_path())
    return render(
        request,
        "complaints/raise/files.html",
        {
            "form": form,
            "title": "Supporting files",
            "back": reverse("complaints:raise-details"),
            "uploaded": uploaded,
            # Only once they have chosen confidentiality (coming back from "Check your answers").
            "files_cleaned": FILES_CLEANED if _chose_confidentiality(_draft(request)) else "",
        },
    )


def _chose_confidentiality(draft) -> bool:
    return draft.get("confidential") is True or draft.get("who") == ANONYMOUS


@require_POST
def file_remove(request, file_id: int):
    services.draft_file_remove(draft_key=_draft_key(request), file_id=file_id)
    return redirect("complaints:raise-files")


def _organisations(user):
    roles = roles_for(user)
    return Organisation.objects.filter(pk__in=roles.member_of).order_by("name")


@require_http_methods(["GET", "POST"])
def contact(request):
    draft = _draft(request)
    form = ContactForm(
        request.POST or None,
        user=request.user,
        organisations=_organisations(request.user),
        initial={"who": draft.get("who")},
    )
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:
            _save(request, robot=True)
        who = form.cleaned_data["who"]
        _save(request, who=who)
        if who == EMAIL:
            return redirect(reverse("complaints:raise-email") + ("?change=1" if request.GET.get("change") else ""))
        if who == ANONYMOUS:
            return redirect("complaints:raise-check")
        return _next(request, "complaints:raise-confidential")
    return render(
        request,
        "complaints/raise/contact.html",
        {
            "form": form,
            "title": "Who is making this complaint?",
            "back": reverse("complaints:raise-files"),
        },
    )


@require_http_methods(["GET", "POST"])
def email(request):
    draft = _draft(request)
    form = EmailForm(request.POST or None, initial={"name": draft.get("name"), "email": draft.get("email")})
    if request.method == "POST" and form.is_valid():
        _save(request, name=form.cleaned_data["name"], email=form.cleaned_data["email"])
        return _next(request, "complaints:raise-confidential")
    return _question(request, form, "Your email address", reverse("complaints:raise-contact"), show_heading=True)


@require_http_methods(["GET", "POST"])
def confidential(request):
    draft = _draft(request)
    respondent = _respondent(draft)
    initial = {"confidential": {True: "yes", False: "no"}.get(draft.get("confidential"))}
    form = ConfidentialForm(
        request.POST or None, initial=initial, respondent_name=respondent.name if respondent else "the body"
    )
    if request.method == "POST" and form.is_valid():
        _save(request, confidential=form.cleaned_data["confidential"])
        return redirect("complaints:raise-check")
    return render(
        request,
        "complaints/raise/confidential.html",
        {
            "form": form,
            "title": "Keep your complaint confidential?",
            "back": reverse("complaints:raise-contact"),
        },
    )
