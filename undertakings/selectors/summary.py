"""The compliance part of the annual review (§10.3), as plain data."""

from datetime import date

from django.db.models import Count
from django.utils import timezone

from organisations.models import Compact

from ..models import Action, Code, ComplianceEntry, ComplianceReturn, Rating, ReportingPeriod, Undertaking
from .steering import COUNTED_STATUSES, period_overview

NOT_STARTED = "not_started"


def compliance_summary(*, compact: Compact, period: ReportingPeriod, as_of: date | None = None) -> dict:
    """Compliance of every signatory of `compact` for `period`, JSON-serialisable (dates as ISO
    text, scores as text: exact, never floats). Ratings, statements and actions come from returns
    that are submitted or reviewed (drafts and returns sent back for changes are not counted).

    {
      "compact": {"slug": str, "name": str},
      "period": {"label": str, "start_date": "YYYY-MM-DD", "end_date": …, "returns_due": …, "is_open": bool},
      "codes": [{"slug": str, "version": str, "title": str}],          # adopted Codes of the Compact
      "bodies": [{                                                      # every signatory × Code
          "organisation": str, "organisation_slug": str, "sector": "public" | "voluntary" | "private",
          "code": str,                                                  # Code short title
          "status": "not_started" | "draft" | "submitted" | "returned" | "reviewed",
          "status_label": str,                                          # e.g. "Returned for changes"
          "counted": bool,                                              # its ratings are in the figures below
          "score": {"numerator": "14.5", "denominator": 20, "percent": "72.5%"} | None,
          "submitted_on": "YYYY-MM-DD" | None,                         # last given in (counted returns)
          "on_time": bool | None,                                       # given in by returns_due; None
      }],                                                               # while not due and not given in
      "undertakings": [{
          "code": str, "section": str, "ref": str, "party": "joint" | "public" | "voluntary", "text": str,
          "counts": {"met": int, "partly_met": int, "not_met": int, "not_applicable": int, "not_assessed": int},
      }],
      "statements": [{                                                  # comply or explain, §10.2
          "organisation": str, "code": str, "undertaking_ref": str,
          "rating": "partly_met" | "not_met" | "not_applicable", "rating_label": str, "explanation": str,
      }],
      "actions": [{                                                     # not yet done, soonest first
          "organisation": str, "undertaking_ref": str, "what": str, "who": str, "due": "YYYY-MM-DD",
          "overdue": bool,                                              # due before `as_of`, not done
      }],
    }

    `score` is None for a body that has not started, and its "percent" is None when nothing applied.
    `as_of` (today unless given) is the day lateness is judged on: a return not given in by then and
    past its due date is late (`on_time` False), like an action past its date and not done.
    Queries: a fixed number (about eight) whatever the number of bodies and undertakings.
    """
    if period.compact_id != compact.pk:
        raise ValueError(f"{period} is not a period of {compact}")
    as_of = as_of or timezone.localdate()
    rows = period_overview(period=period)
    counted_ids = [
        r.compliance_return.pk for r in rows if r.compliance_return and r.compliance_return.status in COUNTED_STATUSES
    ]
    codes = list(Code.objects.adopted().filter(compact=compact))
    counts = {
        (undertaking_id, rating): n
        for undertaking_id, rating, n in ComplianceEntry.objects.filter(compliance_return__in=counted_ids)
        .values_list("undertaking_id", "rating")
        .annotate(n=Count("id"))
        .order_by()
    }
    undertakings = Undertaking.objects.filter(code__in=codes).assessable().select_related("code", "section")
    statements = (
        ComplianceEntry.objects.filter(compliance_return__in=counted_ids)
        .exclude(rating__in=[Rating.MET, Rating.NOT_ASSESSED])
        .select_related("compliance_return__organisation", "compliance_return__code", "undertaking")
        .order_by("undertaking__code_id", "undertaking__position", "compliance_return__organisation__name")
    )
    actions = (
        Action.objects.filter(entry__compliance_return__in=counted_ids, done=False)
        .select_related("entry__compliance_return__organisation", "entry__undertaking")
        .order_by("due_on", "entry__compliance_return__organisation__name", "pk")
    )
    return {
        "compact": {"slug": compact.slug, "name": compact.name},
        "period": {
            "label": period.label,
            "start_date": period.start_date.isoformat(),
            "end_date": period.end_date.isoformat(),
            "returns_due": period.returns_due.isoformat(),
            "is_open": period.is_open,
        },
        "codes": [{"slug": c.slug, "version": c.version, "title": c.title} for c in codes],
        "bodies": [_body(row, period, as_of) for row in rows],
        "undertakings": [
            {
                "code": u.code.short_title,
                "section": u.section.ref,
                "ref": u.ref,
                "party": u.party,
                "text": u.text,
                "counts": {rating: counts.get((u.pk, rating), 0) for rating in Rating.values},
            }
            for u in undertakings
        ],
        "statements": [
            {
                "organisation": e.compliance_return.organisation.name,
                "code": e.compliance_return.code.short_title,
                "undertaking_ref": e.undertaking.ref,
                "rating": e.rating,
                "rating_label": e.get_rating_display(),
                "explanation": e.explanation,
            }
            for e in statements
        ],
        "actions": [
            {
                "organisation": a.entry.compliance_return.organisation.name,
                "undertaking_ref": a.entry.undertaking.ref,
                "what": a.what,
                "who": a.who,
                "due": a.due_on.isoformat(),
                "overdue": a.due_on < as_of,
            }
            for a in actions
        ],
    }


def _body(row, period: ReportingPeriod, as_of: date) -> dict:
    r: ComplianceReturn | None = row.compliance_return
    counted = bool(r and r.status in COUNTED_STATUSES)
    submitted_on = timezone.localtime(r.submitted_at).date() if r is not None and counted and r.submitted_at else None
    if counted:
        # A return given in before submission dates were recorded: its timeliness is not known.
        on_time = submitted_on <= period.returns_due if submitted_on else None
    else:
        on_time = False if period.returns_due < as_of else None
    return {
        "organisation": row.organisation.name,
        "organisation_slug": row.organisation.slug,
        "sector": row.organisation.sector,
        "code": row.code.short_title,
        "status": r.status if r else NOT_STARTED,
        "status_label": r.get_status_display() if r else "Not started",
        "counted": counted,
        "score": r.score.as_dict() if r else None,
        "submitted_on": submitted_on.isoformat() if submitted_on else None,
        "on_time": on_time,
    }
