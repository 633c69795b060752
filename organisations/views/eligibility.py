"""The eligibility checker: three GOV.UK question pages, then the answer.

Nothing is stored on the server, and no count reaches an address. Each question is POSTed to its
own page; a valid answer is kept in a short-lived cookie scoped to the checker and the person is
redirected (POST, redirect, GET) to the next page, whose address carries nothing. Board counts of a
small group can identify people, and an address ends up in access logs, proxies, browser history and
Referer headers, so the earlier design (answers in the query string) leaked them there. The cookie
is deleted when the checker is started again; it never holds more than the three counts.
"""

import json

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from ..bme_definitions import current_definition
from ..bme_led import assess_board, default_rule
from ..forms.public import ELIGIBILITY_QUESTIONS, EligibilityForm, resolve_compact
from ..models import Compact

STEPS = tuple(ELIGIBILITY_QUESTIONS)  # members, bme_members, undisclosed_members
URL_NAMES = {
    "members": "organisations:eligibility-members",
    "bme_members": "organisations:eligibility-bme-members",
    "undisclosed_members": "organisations:eligibility-undisclosed-members",
}
# The submit marker: which question the person has just answered.
ANSWERED = "answered"
COOKIE = "eligibility_answers"
COOKIE_SALT = "organisations.eligibility"
COOKIE_MAX_AGE = 2 * 3600


def _answers(request) -> dict[str, str]:
    try:
        stored = json.loads(request.get_signed_cookie(COOKIE, default="{}", salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE))
    except ValueError:
        return {}
    if not isinstance(stored, dict):
        return {}
    # The chosen Compact travels with the answers, so every page asks under the same rule.
    return {name: str(stored[name])[:60] for name in (*STEPS, "compact") if stored.get(name)}


def _rule(answers):
    """(compact, definition, error) for the chosen Compact: whose rule answers."""
    compact, error = resolve_compact(answers.get("compact", ""))
    return compact, current_definition(compact) if compact else None, error


def _keep(response, answers: dict[str, str]):
    response.set_signed_cookie(
        COOKIE,
        json.dumps(answers),
        salt=COOKIE_SALT,
        max_age=COOKIE_MAX_AGE,
        path=reverse("organisations:eligibility"),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def _first_invalid(answers, names) -> str | None:
    form = EligibilityForm(answers, asked=tuple(names))
    if form.is_valid():
        return None
    return next(name for name in names if name in form.errors or name not in form.cleaned_data)


@require_GET
def start(request):
    # Starting again forgets earlier answers; the Compact chosen here (?compact=, which says nothing
    # about anyone) is kept with the answers that follow.
    chosen = {"compact": request.GET.get("compact", "")[:60]}
    compact, definition, error = _rule(chosen)
    rule = definition.rule if definition else default_rule()
    result = assess_board(members=1, bme_members=1, undisclosed_members=0, definition=rule)
    response = render(
        request,
        "organisations/eligibility/start.html",
        {
            "first_url": reverse(URL_NAMES["members"]),
            "threshold": result.threshold_text,
            "compact": compact,
            "definition": definition,
            "rule": rule,
            "compacts": Compact.objects.order_by("name"),
            "compact_error": error,
        },
        status=400 if error else 200,
    )
    if compact:
        return _keep(response, {"compact": compact.slug})
    response.delete_cookie(COOKIE, path=reverse("organisations:eligibility"))
    return response


def _question(request, index: int):
    name = STEPS[index]
    answers = _answers(request)
    earlier = STEPS[:index]
    if earlier:
        invalid = _first_invalid(answers, earlier)
        if invalid:
            return redirect(URL_NAMES[invalid])
    asked = STEPS[: index + 1]
    if request.method == "POST" and request.POST.get(ANSWERED) == name:
        form = EligibilityForm({**answers, name: request.POST.get(name, "")}, asked=asked, question=name)
        if form.is_valid():
            following = URL_NAMES[STEPS[index + 1]] if index + 1 < len(STEPS) else "organisations:eligibility-result"
            return _keep(redirect(following), {**answers, name: request.POST.get(name, "").strip()})
    else:
        form = EligibilityForm(initial=answers, asked=asked, question=name)
    back = reverse(URL_NAMES[STEPS[index - 1]]) if index else reverse("organisations:eligibility")
    return render(
        request,
        "organisations/eligibility/question.html",
        {
            "form": form,
            "question": name,
            "step": index + 1,
            "steps": len(STEPS),
            "answered": ANSWERED,
            "back_url": back,
            "title": ELIGIBILITY_QUESTIONS[name].label,
        },
    )


@require_http_methods(["GET", "POST"])
def members(request):
    return _question(request, 0)


@require_http_methods(["GET", "POST"])
def bme_members(request):
    return _question(request, 1)


@require_http_methods(["GET", "POST"])
def undisclosed_members(request):
    return _question(request, 2)


@require_GET
def result(request):
    answers = _answers(request)
    invalid = _first_invalid(answers, STEPS)
    if invalid:
        return redirect(URL_NAMES[invalid])
    compact, definition, error = _rule(answers)
    if error:
        return redirect("organisations:eligibility")
    form = EligibilityForm({name: answers[name] for name in STEPS})
    form.is_valid()
    outcome = assess_board(**form.cleaned_data, definition=definition.rule if definition else None)
    return render(
        request,
        "organisations/eligibility/result.html",
        {
            "result": outcome,
            "compact": compact,
            "definition": definition,
            "rows": [
                (ELIGIBILITY_QUESTIONS[name].label, form.cleaned_data[name], reverse(URL_NAMES[name])) for name in STEPS
            ],
        },
    )
