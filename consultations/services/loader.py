"""Loading a consultation with its comments and responses from a YAML data file (for example the
Plymouth draft Code consultation in consultations/data/). Idempotent: everything is matched on its
natural key (consultation slug, section ref, comment and response ids in the file), so loading the
same file twice changes nothing."""

from datetime import date, datetime, time, timedelta
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from organisations.models import Organisation
from undertakings.models import Code

from ..models import (
    STANDARD_LENGTH,
    AuthorKind,
    Comment,
    Consultation,
    ConsultationSection,
    Disposition,
    Invitation,
    Response,
    Status,
    set_comment_sections,
)

UNKNOWN_OWNER = "No organisation has the slug {slug}."
UNKNOWN_SECTION = "Comment {comment} names section {ref}, which the file does not list."
UNKNOWN_COMMENT = "Response {response} answers comment {comment}, which the file does not list."
UNKNOWN_DISPOSITION = "Response {response} has an unknown disposition {disposition}."
UNKNOWN_ORGANISATION = "{where} names the organisation {slug}, which the portal does not have."


def _upsert(model, lookup: dict, values: dict, *, on_create: dict | None = None):
    """update_or_create that saves only when something differs, so that loading the same file again
    writes nothing (every save would add a change-history row). `on_create` gives a new row what
    `values` does not say."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**{**(on_create or {}), **lookup, **values})
    changed = {field: value for field, value in values.items() if getattr(obj, field) != value}
    if changed:
        for field, value in changed.items():
            setattr(obj, field, value)
        obj.save(update_fields=list(changed))
    return obj


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _organisation(slug: str, where: str = "") -> Organisation:
    """The organisation the file names by slug; refused, saying where it was named, if there is none."""
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        message = UNKNOWN_ORGANISATION.format(where=where, slug=slug) if where else UNKNOWN_OWNER.format(slug=slug)
        raise ValidationError(message)
    return organisation


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9)))


@transaction.atomic
def load_consultation_file(path, *, opens: date | None = None, closes: date | None = None) -> Consultation:
    """Create or update the consultation in the file at `path`.

    1. The consultation by slug. Dates come from the file, else from `opens`/`closes`, else the
       12 weeks ending today; an existing consultation keeps its dates. It is left closed unless
       the file says otherwise: publishing is a decision for the owner (and refused while comments
       are pending).
    2. Sections in file order, by ref.
    3. Invitations (optional, organisation slugs), recorded as sent on the opening date: a file
       holds a past consultation, so no email goes out.
    4. Comments by id, in file order, with their sections; a comment naming an `organisation` (slug)
       is loaded as from that organisation, any other as from an individual (the public page says
       "An individual").
    5. Responses by id with the comments they answer. A comment with no response stays pending.
    """
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    meta = data["consultation"]
    owner = _organisation(meta["owner"])
    code = Code.objects.filter(slug=meta["code"]).order_by("-version").first() if meta.get("code") else None
    closes = _as_date(meta.get("closes")) or closes or date.today()
    opens = _as_date(meta.get("opens")) or opens or closes - STANDARD_LENGTH
    values = {"owner": owner, "code": code, "title": meta["title"], "summary": meta.get("summary", "")}
    # Only what the file says overwrites a loaded consultation; its dates and status stay as they are.
    values |= {field: meta[field] for field in ("stage", "shorter_reason") if field in meta}
    consultation = _upsert(
        Consultation,
        {"slug": meta["slug"]},
        values,
        on_create={
            "opens": opens,
            "closes": closes,
            "status": meta.get("status", Status.CLOSED),
            "stage": "policy_development",
        },
    )

    sections = {}
    for position, row in enumerate(data.get("sections", []), start=1):
        sections[str(row["ref"])] = _upsert(
            ConsultationSection,
            {"consultation": consultation, "ref": str(row["ref"])},
            {"title": row.get("title") or str(row["ref"]), "text": row.get("text") or "", "position": position},
        )

    for slug in data.get("invitations", []):
        Invitation.objects.get_or_create(
            consultation=consultation,
            organisation=_organisation(slug, "An invitation"),
            defaults={"sent_at": _start_of(consultation.opens)},
        )

    comments = {}
    for position, row in enumerate(data.get("comments", []), start=1):
        refs = [str(ref) for ref in row.get("sections", [])]
        missing = [ref for ref in refs if ref not in sections]
        if missing:
            raise ValidationError(UNKNOWN_SECTION.format(comment=row["id"], ref=missing[0]))
        organisation = _organisation(row["organisation"], f"Comment {row['id']}") if row.get("organisation") else None
        comment = _upsert(
            Comment,
            {"consultation": consultation, "source_ref": row["id"]},
            {
                "text": row["text"],
                "position": position,
                "organisation": organisation,
                "author_kind": AuthorKind.ORGANISATION if organisation else AuthorKind.INDIVIDUAL,
                "received_on": _as_date(row.get("received_on")) or consultation.closes,
            },
        )
        set_comment_sections(comment, [sections[ref] for ref in refs])
        comments[row["id"]] = comment

    for row in data.get("responses", []):
        if row["disposition"] not in Disposition.values:
            raise ValidationError(UNKNOWN_DISPOSITION.format(response=row["id"], disposition=row["disposition"]))
        missing = [c for c in row["comments"] if c not in comments]
        if missing:
            raise ValidationError(UNKNOWN_COMMENT.format(response=row["id"], comment=missing[0]))
        response = _upsert(
            Response,
            {"consultation": consultation, "source_ref": row["id"]},
            {
                "disposition": row["disposition"],
                "text": row["text"],
                "where": row.get("reference", ""),
                "for_whom": row.get("for_whom", ""),
            },
        )
        response.comments.set([comments[c] for c in row["comments"]])
    return consultation


def recent_dates(*, closed_weeks_ago: int = 4) -> tuple[date, date]:
    """Dates for a demo: a 12-week consultation that closed a few weeks ago."""
    closes = date.today() - timedelta(weeks=closed_weeks_ago)
    return closes - STANDARD_LENGTH, closes
