"""Loading a consultation with its comments and responses from a YAML data file (for example the
Plymouth draft Code consultation in consultations/data/). Idempotent: everything is matched on its
natural key (consultation slug, section ref, comment and response ids in the file), so loading the
same file twice changes nothing."""

from datetime import date, datetime, time
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from organisations.models import Organisation
from undertakings.models import Code

from ..models import (
    STANDARD_LENGTH,
    AgreedChange,
    AuthorKind,
    Comment,
    Consultation,
    ConsultationSection,
    Disposition,
    Invitation,
    Publication,
    Response,
    ResponseKind,
    Status,
    set_comment_sections,
)
from .publishing import response_publish

TEXT_FIELDS = ("stage", "shorter_reason", "equality_assessment", "equality_assessment_reason")
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

    1. The consultation by slug. Only what the file says is recorded: a field the file gives as
       null (dates, stage, equality impact assessment) is "not recorded", never guessed. Dates not in
       the file come from `opens`/`closes` (a demo placing a made-up consultation in a period) when
       it is created; with neither they stay unrecorded. It is left closed unless the file says
       otherwise.
    2. Sections in file order, by ref.
    3. Invitations (optional, organisation slugs), recorded as sent on the opening date: a file
       holds a past consultation, so no email goes out.
    4. Comments by id, in file order, with their sections; a comment naming an `organisation` (slug)
       is loaded as from that organisation, one naming an `organisation_name` as from an organisation
       the portal does not hold, any other with its author not recorded. Dates received are not
       recorded unless the file gives them, and no consent to publish is recorded (see Publication).
    5. Responses by id with the comments they answer. A comment with no response stays pending.
    6. Agreed changes to the document, by id.
    7. The published response (`published_response`), if the file has one and none is published yet.
    """
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    meta = data["consultation"]
    owner = _organisation(meta["owner"])
    code = Code.objects.filter(slug=meta["code"]).order_by("-version").first() if meta.get("code") else None
    values = {"owner": owner, "code": code, "title": meta["title"], "summary": meta.get("summary", "")}
    # Only what the file says overwrites a loaded consultation (null: "not recorded").
    values |= {field: meta[field] or "" for field in TEXT_FIELDS if field in meta}
    values |= {field: _as_date(meta[field]) for field in ("opens", "closes") if field in meta}
    on_create = {"status": meta.get("status", Status.CLOSED), "stage": "", "equality_assessment": ""}
    if "closes" not in meta and "opens" not in meta and closes:
        on_create |= {"closes": closes, "opens": opens or closes - STANDARD_LENGTH}
    consultation = _upsert(Consultation, {"slug": meta["slug"]}, values, on_create=on_create)

    sections = {}
    for position, row in enumerate(data.get("sections", []), start=1):
        sections[str(row["ref"])] = _upsert(
            ConsultationSection,
            {"consultation": consultation, "ref": str(row["ref"])},
            {
                "title": row.get("title") or str(row["ref"]),
                "text": row.get("text") or "",
                "position": position,
                # As the document prints it, where that differs from the portal's own reference.
                "number": str(row.get("number") or ""),
                "number_note": row.get("number_note") or "",
            },
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
        organisation_name = "" if organisation else row.get("organisation_name", "")
        comment = _upsert(
            Comment,
            {"consultation": consultation, "source_ref": row["id"]},
            {
                "text": row["text"],
                "position": position,
                "organisation": organisation,
                "organisation_name": organisation_name,
                "author_kind": _author_kind(row, organisation or organisation_name),
                "received_on": _as_date(row.get("received_on")),
                "with_general_comments": bool(row.get("general")),
                "source_note": row.get("note", ""),
            },
            on_create={"publication": Publication.NOT_RECORDED},
        )
        set_comment_sections(comment, [sections[ref] for ref in refs])
        comments[row["id"]] = comment

    responses = {}
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
        responses[row["id"]] = response

    for position, row in enumerate(data.get("changes", []), start=1):
        _upsert(
            AgreedChange,
            {"consultation": consultation, "source_ref": row["id"]},
            {
                "text": row["text"],
                "position": position,
                "section": sections[str(row["section"])] if row.get("section") else None,
                "response": responses.get(row.get("response")),
            },
        )

    published = data.get("published_response")
    if published and not consultation.response_versions.exists():
        consultation = response_publish(
            consultation=consultation,
            user=None,
            kind=published.get("kind", ResponseKind.FINAL),
            published_on=_as_date(published.get("published_on")),
            unanswered_reason=published.get("unanswered_reason") or "",
            next_steps=published.get("next_steps") or "",
            next_date=_as_date(published.get("next_date")),
        )
    return consultation


def _author_kind(row: dict, organisation) -> str:
    if organisation:
        return AuthorKind.ORGANISATION
    return row.get("author_kind", AuthorKind.NOT_RECORDED)
