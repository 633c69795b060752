"""What each side of a complaint is shown: the ONE place that decides whether a reader may learn
who complained.

Every page, CSV download and email that shows a complaint builds it from `present()` (or the
smaller helpers below) for the reader's side. For a confidential complaint the body complained
about gets "Withheld" in place of the complainant's name, organisation and email, "The
complainant" in place of their name in the timeline, and "File 2 (PDF, 120 KB)" in place of the
names of the files they uploaded; events meant for the steering group alone are dropped.
Templates and emails never reach past these objects to the complaint itself.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from . import deadlines
from .models import (
    Audience,
    ComplainantKind,
    Complaint,
    ComplaintFile,
    EventKind,
    Party,
)
from .stage_views import PauseView, StageView, stage_view  # noqa: F401 (part of this module's interface)

WITHHELD = "Withheld (confidential complaint)"
THE_COMPLAINANT = "The complainant"

_AUDIENCES_FOR: dict[str, set[Audience]] = {
    Party.COMPLAINANT: {Audience.EVERYONE},
    Party.RESPONDENT: {Audience.EVERYONE, Audience.INTERNAL},
    Party.STEERING: {Audience.EVERYONE, Audience.INTERNAL, Audience.STEERING},
}


def hides_complainant(complaint: Complaint, side: str) -> bool:
    return side == Party.RESPONDENT and complaint.confidential


def complainant_label(complaint: Complaint, side: str) -> str:
    """One line naming the complainant, for tables, CSV files and email subjects."""
    if hides_complainant(complaint, side):
        return WITHHELD
    kind = complaint.complainant_kind
    if kind == ComplainantKind.ANONYMOUS:
        return "Anonymous"
    if kind == ComplainantKind.ORGANISATION and complaint.complainant_organisation:
        return complaint.complainant_organisation.name
    if kind == ComplainantKind.INDIVIDUAL and complaint.complainant_user:
        return complaint.complainant_user.full_name or complaint.complainant_user.email
    return complaint.complainant_name or "A member of the public"


def complainant_rows(complaint: Complaint, side: str) -> list[tuple[str, str]]:
    """Summary-list rows about the complainant."""
    if hides_complainant(complaint, side):
        return [
            ("Complainant", WITHHELD),
            (
                "Contact",
                "Through this portal only: messages you send here reach the complainant."
                if complaint.reply_email
                else "Nobody can be written to: the complainant did not leave an email address. "
                "They can read messages on their follow-up page.",
            ),
        ]
    rows = [
        ("Complainant", complainant_label(complaint, side)),
        ("Raised as", complaint.get_complainant_kind_display()),
    ]
    if complaint.complainant_phone:
        rows.append(("Phone", complaint.complainant_phone))
    if complaint.complainant_address:
        rows.append(("Address", complaint.complainant_address))
    if complaint.complainant_kind == ComplainantKind.ORGANISATION and complaint.complainant_user:
        rows.append(("Raised by", complaint.complainant_user.full_name))
    email = complaint.reply_email or complaint.complainant_email
    if email:
        rows.append(("Email", email))
    if complaint.complainant_kind == ComplainantKind.RECORDED:
        rows.append(
            (
                "Follow-up link",
                "Sent by email: they can follow the complaint and are emailed each step"
                if complaint.reply_email
                else "Not sent: write to them or phone them with each step",
            )
        )
    if complaint.is_anonymous:
        rows.append(("Contact", "None: the complainant chose to stay anonymous, so nobody can reply to them."))
    rows.append(
        ("Confidential", "Yes: the body complained about cannot see who complained" if complaint.confidential else "No")
    )
    return rows


def actor_label(*, complaint: Complaint, party: str, actor, side: str) -> str:
    """Who did something, as `side` may be told."""
    if party == Party.SYSTEM:
        return "The portal"
    if party == Party.RECORDER:
        return recorder_label(complaint, side)
    if party == Party.COMPLAINANT:
        if hides_complainant(complaint, side) or complaint.is_anonymous:
            return THE_COMPLAINANT
        if actor is not None and complaint.complainant_organisation:
            return f"{actor.full_name or actor.email} for {complaint.complainant_organisation.name}"
        return complainant_label(complaint, side)
    name = (actor.full_name or actor.email) if actor is not None else ""
    where = complaint.respondent.name if party == Party.RESPONDENT else "steering group"
    return f"{name} ({where})" if name else where.capitalize()


def recorder_label(complaint: Complaint, side: str) -> str:
    """Who typed in a complaint made another way. The body complained about is not told which
    other body's officer recorded a confidential complaint: that could point to the complainant."""
    recorder = complaint.recorded_by
    where = complaint.recorded_by_organisation.name if complaint.recorded_by_organisation else "steering group"
    if hides_complainant(complaint, side):
        return "An officer of a public body" if complaint.recorded_by_organisation else "The steering group"
    name = (recorder.full_name or recorder.email) if recorder is not None else ""
    return f"{name} ({where})" if name else where.capitalize()


@dataclass(frozen=True)
class FileView:
    id: int
    label: str
    download_name: str
    uploaded_by: str
    uploaded_at: datetime
    size: str


def file_view(file: ComplaintFile, number: int, complaint: Complaint, side: str) -> FileView:
    extension = file.extension
    hidden = hides_complainant(complaint, side) and file.uploaded_by_party == Party.COMPLAINANT
    neutral = f"{complaint.reference}-file-{number}" + (f".{extension}" if extension else "")
    return FileView(
        id=file.pk,
        label=f"File {number} ({extension.upper() or 'file'}, {filesizeformat(file.size)})"
        if hidden
        else file.original_name,
        download_name=neutral if hidden else file.original_name,
        uploaded_by=actor_label(complaint=complaint, party=file.uploaded_by_party, actor=file.uploaded_by, side=side),
        uploaded_at=file.uploaded_at,
        size=filesizeformat(file.size),
    )


@dataclass(frozen=True)
class EntryView:
    at: datetime
    who: str
    what: str
    text: str
    kind: str
    audience: str
    file_label: str = ""


_WHAT = {
    EventKind.RAISED: "raised the complaint",
    EventKind.RECORDED: "recorded the complaint for the complainant",
    EventKind.PAUSED: "put the complaint on hold",
    EventKind.RESUMED: "resumed the complaint",
    EventKind.LEARNING: "recorded what was learned",
    EventKind.EMAIL_CONFIRMED: "confirmed their email address",
    EventKind.ACKNOWLEDGED: "acknowledged the complaint",
    EventKind.EXTENDED: "extended the reply date",
    EventKind.REPLIED: "replied",
    EventKind.ESCALATED: "asked for stage 2",
    EventKind.REFERRED: "referred the complaint to the steering group",
    EventKind.CLOSED: "closed the complaint",
    EventKind.WITHDRAWN: "withdrew the complaint",
    EventKind.MESSAGE: "sent a message",
    EventKind.NOTE: "added an internal note",
    EventKind.FILE_ADDED: "added a file",
}


def timeline(complaint: Complaint, events, files: dict[int, FileView], side: str) -> list[EntryView]:
    visible = _AUDIENCES_FOR[side]
    entries = []
    for event in events:
        if event.audience not in visible:
            continue
        what = _WHAT[event.kind]
        if event.stage_id and event.kind in (
            EventKind.ACKNOWLEDGED,
            EventKind.REPLIED,
            EventKind.EXTENDED,
            EventKind.PAUSED,
            EventKind.RESUMED,
        ):
            what = f"{what} ({event.stage.get_level_display().lower()})"
        entries.append(
            EntryView(
                at=event.at,
                who=actor_label(complaint=complaint, party=event.party, actor=event.actor, side=side),
                what=what,
                text=event.text,
                kind=event.kind,
                audience=event.get_audience_display(),
                file_label=files[event.file_id].label if event.file_id in files else "",
            )
        )
    return entries


@dataclass(frozen=True)
class ComplaintView:
    side: str
    reference: str
    respondent: str
    compact: str
    status: str
    status_code: str
    is_open: bool
    confidential: bool
    complainant: str
    complainant_rows: list
    undertakings: list[str]
    undertakings_not_sure: bool
    what_happened: str
    happened_on: date
    outcome_sought: str
    received_on: date | None
    next_deadline: date | None
    next_action: str
    overdue: bool
    stages: list[StageView]
    files: list[FileView]
    timeline: list[EntryView]
    notes: list[EntryView]
    outcome: str = ""
    remedy: str = ""
    learning: str = ""
    changes_made: str = ""
    how_made: str = ""
    recorded_by: str = ""
    on_hold_since: date | None = None
    undertakings_broken: list[str] = field(default_factory=list)
    closed_on: date | None = None
    closed_by: str = ""


def undertaking_label(undertaking) -> str:
    return f"{undertaking.code.short_title} {undertaking.ref}: {undertaking.text}"


def present(complaint: Complaint, side: str) -> ComplaintView:
    """Everything about `complaint` that `side` may see. Expects the prefetches made by
    selectors.complaint_for_page."""
    files = {f.pk: file_view(f, n, complaint, side) for n, f in enumerate(complaint.files.all(), start=1)}
    entries = timeline(complaint, complaint.events.all(), files, side)
    closed_by = ""
    if complaint.closed_by_party:
        closed_by = actor_label(
            complaint=complaint, party=complaint.closed_by_party, actor=complaint.closed_by, side=side
        )
    return ComplaintView(
        side=side,
        reference=complaint.reference,
        respondent=complaint.respondent.name,
        compact=complaint.compact.name,
        status=complaint.get_status_display(),
        status_code=complaint.status,
        is_open=complaint.is_open,
        confidential=complaint.confidential,
        complainant=complainant_label(complaint, side),
        complainant_rows=complainant_rows(complaint, side),
        undertakings=[undertaking_label(u) for u in complaint.undertakings.all()],
        undertakings_not_sure=complaint.undertakings_not_sure,
        what_happened=complaint.what_happened,
        happened_on=complaint.happened_on,
        outcome_sought=complaint.outcome_sought,
        received_on=complaint.received_on,
        next_deadline=complaint.next_deadline,
        next_action=complaint.next_deadline_action,
        overdue=bool(complaint.next_deadline and complaint.next_deadline < timezone.localdate()),
        stages=[stage_view(s) for s in complaint.stages.all()],
        files=list(files.values()),
        # Internal notes are kept apart from the record of what happened and what was said.
        timeline=[e for e in entries if e.kind != EventKind.NOTE],
        notes=[e for e in entries if e.kind == EventKind.NOTE],
        outcome=complaint.get_outcome_display() if complaint.outcome else "",
        remedy=complaint.remedy,
        learning=complaint.learning,
        changes_made=complaint.changes_made,
        how_made=complaint.get_channel_display(),
        recorded_by=recorder_label(complaint, side) if complaint.was_recorded else "",
        on_hold_since=next((s.paused_on for s in complaint.stages.all() if s.paused_on), None),
        undertakings_broken=[undertaking_label(u) for u in complaint.undertakings_broken.all()],
        closed_on=complaint.closed_on,
        closed_by=closed_by,
    )


@dataclass(frozen=True)
class QueueRow:
    reference: str
    respondent: str
    complainant: str
    status: str
    received_on: date | None
    next_deadline: date | None
    next_action: str
    overdue: bool
    undertakings: list[str]
    confidential: bool
    on_hold: bool = False


def queue_row(complaint: Complaint, side: str, today: date) -> QueueRow:
    return QueueRow(
        reference=complaint.reference,
        respondent=complaint.respondent.name,
        complainant=complainant_label(complaint, side),
        status=complaint.get_status_display(),
        received_on=complaint.received_on,
        next_deadline=complaint.next_deadline,
        next_action=complaint.next_deadline_action,
        overdue=bool(complaint.next_deadline and complaint.next_deadline < today),
        undertakings=[f"{u.code.short_title} {u.ref}" for u in complaint.undertakings.all()],
        confidential=complaint.confidential,
        on_hold=complaint.next_deadline_action == deadlines.ON_HOLD,
    )
