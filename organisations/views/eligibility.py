"""The eligibility checker: three GOV.UK question pages, then the answer.

Nothing is stored. Each page's form is sent with GET to the page itself, carrying the earlier
answers in hidden fields; a valid answer moves on to the next page with every answer in its query
string. No session, no database, no cookie beyond those the site sets anyway.
"""

from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.urls import reverse

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


def _answers(request) -> dict[str, str]:
    # The chosen Compact travels with the answers, so every page asks under the same rule.
    return {name: request.GET[name] for name in (*STEPS, "compact") if request.GET.get(name)}


def _rule(request):
    """(compact, definition, error) for the `compact=` parameter: whose rule answers."""
    compact, error = resolve_compact(request.GET.get("compact", ""))
    return compact, current_definition(compact) if compact else None, error


def _url(name: str, answers: dict) -> str:
    query = urlencode(answers)
    return reverse(name) + (f"?{query}" if query else "")


def _first_invalid(request, names) -> str | None:
    form = EligibilityForm(request.GET, asked=tuple(names))
    if form.is_valid():
        return None
    return next(name for name in names if name in form.errors or name not in form.cleaned_data)


def start(request):
    compact, definition, error = _rule(request)
    rule = definition.rule if definition else default_rule()
    result = assess_board(members=1, bme_members=1, undisclosed_members=0, definition=rule)
    return render(
        request,
        "organisations/eligibility/start.html",
        {
            "first_url": _url(URL_NAMES["members"], {"compact": compact.slug} if compact else {}),
            "threshold": result.threshold_text,
            "compact": compact,
            "definition": definition,
            "rule": rule,
            "compacts": Compact.objects.order_by("name"),
            "compact_error": error,
        },
        status=400 if error else 200,
    )


def _question(request, index: int):
    name = STEPS[index]
    answers = _answers(request)
    earlier = STEPS[:index]
    if earlier:
        invalid = _first_invalid(request, earlier)
        if invalid:
            return redirect(_url(URL_NAMES[invalid], answers))
    asked = STEPS[: index + 1]
    if request.GET.get(ANSWERED) == name:
        form = EligibilityForm(request.GET, asked=asked, question=name)
        if form.is_valid():
            following = URL_NAMES[STEPS[index + 1]] if index + 1 < len(STEPS) else "organisations:eligibility-result"
            return redirect(_url(following, answers))
    else:
        form = EligibilityForm(initial=answers, asked=asked, question=name)
    later = {key: value for key, value in answers.items() if key not in asked}
    back = _url(URL_NAMES[STEPS[index - 1]], answers) if index else reverse("organisations:eligibility")
    return render(
        request,
        "organisations/eligibility/question.html",
        {
            "form": form,
            "question": name,
            "step": index + 1,
            "steps": len(STEPS),
            "later": later,
            "answered": ANSWERED,
            "back_url": back,
            "title": ELIGIBILITY_QUESTIONS[name].label,
        },
    )


def members(request):
    return _question(request, 0)


def bme_members(request):
    return _question(request, 1)


def undisclosed_members(request):
    return _question(request, 2)


def result(request):
    invalid = _first_invalid(request, STEPS)
    answers = _answers(request)
    if invalid:
        return redirect(_url(URL_NAMES[invalid], answers))
    compact, definition, error = _rule(request)
    if error:
        return redirect(_url("organisations:eligibility", answers))
    form = EligibilityForm(request.GET)
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
                (ELIGIBILITY_QUESTIONS[name].label, form.cleaned_data[name], _url(URL_NAMES[name], answers))
                for name in STEPS
            ],
        },
    )
