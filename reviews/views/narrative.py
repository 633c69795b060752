"""The steering group writes the review's words before publishing: the annual meeting, the foreword
and the sector's statement, and a commentary on each section (reviews.narrative)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from common.forms import add_errors
from organisations.models import Organisation, SteeringGroupMember
from undertakings.review import signatory_ids_during

from .. import narrative as narrative_services
from .. import permissions
from ..dataset import COMMENTED_SECTIONS
from ..forms import CommentaryForm, ForewordForm, MeetingForm
from .actions import _back, _form_page

SAVED = "Saved. Build a new version of the review to include it."


def _save(request, form, compact, period, save, title, intro=""):
    """Run `save(cleaned_data)` on a valid POST and go back to the build page; otherwise show the form."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, SAVED)
            return redirect(_back(compact, period))
    return _form_page(request, compact, period, form, title, intro=intro)


def _frozen_intro(compact, period) -> str:
    if narrative_services.is_frozen(compact, period):
        return narrative_services.PUBLISHED
    return ""


@login_required
@require_http_methods(["GET", "POST"])
def meeting(request, compact, period):
    compact, period = permissions.get_period_for_manager(request.user, compact, period)
    current = narrative_services.narrative_for(compact, period)
    signatories = Organisation.objects.filter(pk__in=signatory_ids_during(period=period)).order_by("name")
    initial = {}
    if current:
        initial = {
            "date": current.meeting_date,
            "place": current.meeting_place,
            "attending": list(current.meeting_attending.all()),
            "decisions": current.meeting_decisions,
        }
    form = MeetingForm(request.POST or None, initial=initial, signatories=signatories)

    def save(data):
        narrative_services.review_meeting_save(
            compact=compact,
            period=period,
            user=request.user,
            date=data["date"],
            place=data["place"],
            attending=list(data["attending"]),
            decisions=data["decisions"],
        )

    return _save(request, form, compact, period, save, "The annual meeting", _frozen_intro(compact, period))


@login_required
@require_http_methods(["GET", "POST"])
def foreword(request, compact, period):
    compact, period = permissions.get_period_for_manager(request.user, compact, period)
    current = narrative_services.narrative_for(compact, period)
    members = SteeringGroupMember.objects.filter(compact=compact).select_related("user").order_by("user__full_name")
    initial = {}
    if current:
        initial = {
            "foreword": current.foreword,
            "foreword_by": current.foreword_by,
            "statement": current.sector_statement,
            "authors": list(current.sector_statement_authors.all()),
        }
    form = ForewordForm(request.POST or None, initial=initial, members=members)

    def save(data):
        narrative_services.review_foreword_save(
            compact=compact,
            period=period,
            user=request.user,
            foreword=data["foreword"],
            foreword_by=data["foreword_by"],
            statement=data["statement"],
            authors=list(data["authors"]),
        )

    return _save(
        request, form, compact, period, save, "Foreword and the sector's statement", _frozen_intro(compact, period)
    )


@login_required
@require_http_methods(["GET", "POST"])
def commentary(request, compact, period):
    compact, period = permissions.get_period_for_manager(request.user, compact, period)
    current = narrative_services.narrative_for(compact, period)
    form = CommentaryForm(
        request.POST or None, initial=current.commentary if current else {}, sections=COMMENTED_SECTIONS
    )

    def save(data):
        narrative_services.review_commentary_save(compact=compact, period=period, user=request.user, commentary=data)

    intro = _frozen_intro(compact, period) or (
        "Anything you write here is printed at the top of its section. Leave a box empty for no commentary."
    )
    return _save(request, form, compact, period, save, "Commentary on each section", intro)
