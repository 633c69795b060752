"""The last pages of raising a complaint: check your answers, send, and what happens next."""

from datetime import date

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from organisations.models import Organisation
from undertakings.models import Undertaking

from .. import ratelimit, services
from ..forms.raising import ANONYMOUS, EMAIL, FILES_CLEANED, INDIVIDUAL
from ..models import ComplainantKind, Complaint, ComplaintFile
from ..presenters import undertaking_label
from ..tokens import follow_up_token
from .common import remember_follow_up
from .raising import DRAFT, LAST_RAISED, _draft, _organisations, _respondent


def _who(draft, user) -> tuple[str, Organisation | None]:
    who = draft.get("who", "")
    if who.startswith("org:"):
        organisation = _organisations(user).filter(pk=who[4:]).first() if who[4:].isdigit() else None
        return ComplainantKind.ORGANISATION, organisation
    return {
        INDIVIDUAL: ComplainantKind.INDIVIDUAL,
        EMAIL: ComplainantKind.EMAIL,
        ANONYMOUS: ComplainantKind.ANONYMOUS,
    }.get(who, ""), None


def _answers(request) -> dict:
    """The draft as keyword arguments for services.complaint_raise."""
    draft = _draft(request)
    kind, organisation = _who(draft, request.user)
    return {
        "respondent": _respondent(draft),
        "undertakings": list(
            Undertaking.objects.select_related("code__compact").filter(pk__in=draft.get("undertakings", []))
        ),
        "undertakings_not_sure": bool(draft.get("not_sure")),
        "what_happened": draft.get("what_happened", ""),
        "happened_on": date.fromisoformat(draft["happened_on"]) if draft.get("happened_on") else None,
        "outcome_sought": draft.get("outcome_sought", ""),
        "complainant_kind": kind,
        "organisation": organisation,
        "confidential": bool(draft.get("confidential")) or kind == ComplainantKind.ANONYMOUS,
        "name": draft.get("name", ""),
        "email": draft.get("email", ""),
        "draft_key": draft.get("draft_key", ""),
    }


def _has_draft_files(answers: dict) -> bool:
    key = answers["draft_key"]
    return bool(key) and ComplaintFile.objects.filter(draft_key=key, complaint__isnull=True).exists()


def _rows(answers: dict, draft: dict, user) -> list[tuple[str, list[str], str]]:
    """(question, answer lines, change link) for "Check your answers"; no lines means unanswered."""
    kind = answers["complainant_kind"]
    files = (
        ComplaintFile.objects.filter(draft_key=answers["draft_key"], complaint__isnull=True)
        if answers["draft_key"]
        else []
    )
    who = {
        ComplainantKind.ORGANISATION: f"My organisation, {answers['organisation'].name}"
        if answers["organisation"]
        else "",
        ComplainantKind.INDIVIDUAL: f"Me, as an individual ({user.email})" if user.is_authenticated else "",
        ComplainantKind.EMAIL: "Me, with an email address for replies",
        ComplainantKind.ANONYMOUS: "Anonymous: nobody will be able to reply to me",
    }.get(kind, "")
    undertakings = [undertaking_label(u) for u in answers["undertakings"]]
    if answers["undertakings_not_sure"]:
        undertakings.append("I’m not sure which undertaking")
    rows = [
        (
            "Body complained about",
            [answers["respondent"].name] if answers["respondent"] else [],
            "complaints:raise-body",
        ),
        ("Undertakings not kept", undertakings, "complaints:raise-undertakings"),
        ("What happened", [answers["what_happened"]] if answers["what_happened"] else [], "complaints:raise-details"),
        (
            "When it happened",
            [f"{answers['happened_on']:%-d %B %Y}"] if answers["happened_on"] else [],
            "complaints:raise-details",
        ),
        (
            "What you would like to happen",
            [answers["outcome_sought"]] if answers["outcome_sought"] else [],
            "complaints:raise-details",
        ),
        ("Supporting files", [f.original_name for f in files] or ["None"], "complaints:raise-files"),
        ("Who is complaining", [who] if who else [], "complaints:raise-contact"),
    ]
    if kind == ComplainantKind.EMAIL:
        rows.append(("Email address", [e for e in (answers["name"], answers["email"]) if e], "complaints:raise-email"))
    if kind and kind != ComplainantKind.ANONYMOUS:
        confidential_answers: dict[bool | None, list[str]] = {
            True: ["Yes: only the Compact steering group will know who complained"],
            False: ["No: the body can see who complained"],
        }
        confidential = confidential_answers.get(draft.get("confidential"), [])
        rows.append(("Confidential", confidential, "complaints:raise-confidential"))
    return [(question, lines, reverse(url) + "?change=1") for question, lines, url in rows]


@require_http_methods(["GET", "POST"])
def check(request):
    draft = _draft(request)
    answers = _answers(request)
    errors = []
    if request.method == "POST":
        if not ratelimit.allow(request, "raise"):
            return render(
                request, "complaints/raise/rate_limited.html", {"minutes": ratelimit.window_seconds() // 60}, status=429
            )
        if draft.get("robot"):
            # A robot filled in the hidden field: say thank you and keep nothing.
            request.session.pop(DRAFT, None)
            return render(request, "complaints/raise/done.html", {"complaint": None})
        try:
            complaint = services.complaint_raise(**answers, user=request.user)
        except ValidationError as exc:
            errors = exc.messages
        else:
            request.session.pop(DRAFT, None)
            request.session[LAST_RAISED] = complaint.pk
            if complaint.complainant_kind in (ComplainantKind.EMAIL, ComplainantKind.ANONYMOUS):
                remember_follow_up(request, complaint)
            return redirect("complaints:raise-done")
    rows = _rows(answers, draft, request.user)
    return render(
        request,
        "complaints/raise/check.html",
        {
            "rows": rows,
            "errors": errors,
            "has_errors": bool(errors),
            "missing": [question for question, lines, _ in rows if not lines],
            "anonymous": answers["complainant_kind"] == ComplainantKind.ANONYMOUS,
            # Said once the person has chosen confidentiality, never before: it must not sway the choice.
            "files_cleaned": FILES_CLEANED if answers["confidential"] and _has_draft_files(answers) else "",
        },
    )


def done(request):
    complaint = Complaint.objects.select_related("respondent").filter(pk=request.session.get(LAST_RAISED)).first()
    if complaint is None:
        raise Http404("No complaint was raised in this browser session")
    follow_up = ""
    if complaint.complainant_kind == ComplainantKind.ANONYMOUS:
        follow_up = request.build_absolute_uri(
            reverse("complaints:follow", args=[complaint.reference, follow_up_token(complaint)])
        )
    return render(request, "complaints/raise/done.html", {"complaint": complaint, "follow_up": follow_up})
