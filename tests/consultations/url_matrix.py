"""Every consultations URL and what each persona gets. The standard world gains (prepare): the
council's consultations at each status (draft, open with a comment, closed with a comment,
published). The officer is the council's; the steering member steers a Compact the council signed;
the other officer belongs to another public body and may not manage the council's consultations."""

from django.core.files.base import ContentFile
from django.urls import reverse

from consultations.models import ConsultationEvent, PdfStatus, Status, Theme
from tests.matrix import PUBLIC, Row, expect

from .factories import comment_from_group, make_consultation


def prepare(world):
    world.consultations_draft = make_consultation(world, status=Status.DRAFT, title="Matrix draft")
    world.consultations_open = make_consultation(world, title="Matrix open")
    world.consultations_open.document.save("plan.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    world.consultations_comment = comment_from_group(world, world.consultations_open)
    closed = make_consultation(world, title="Matrix closed")
    comment_from_group(world, closed)
    closed.status = Status.CLOSED
    closed.save()
    world.consultations_closed = closed
    world.consultations_published = make_consultation(world, status=Status.PUBLISHED, title="Matrix published")
    world.consultations_published_comment = world.consultations_published.comments.create(
        text="A loaded comment", author_kind="not_recorded", position=1
    )
    # The PDF a publication's task would have stored (none runs here: on_commit does not fire).
    version = world.consultations_published.response_versions.get()
    version.pdf.save("matrix.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    version.pdf_status = PdfStatus.READY
    version.save()
    world.consultations_theme = Theme.objects.create(consultation=world.consultations_open, name="Funding")
    # Sections: the draft's first is cited by nobody; the open one's first is cited by the comment.
    world.consultations_draft_section = world.consultations_draft.sections.first()
    world.consultations_cited_section = world.consultations_open.sections.first()
    world.consultations_published_section = world.consultations_published.sections.first()
    for name in ("open", "closed", "published"):
        consultation = getattr(world, f"consultations_{name}")
        event = ConsultationEvent.objects.create(consultation=consultation, date=consultation.opens, place="Library")
        setattr(world, f"consultations_{name}_event", event)


def on(name, attr, *extra):
    return lambda w: reverse(name, args=[getattr(w, attr).slug, *[getattr(w, e).pk for e in extra]])


MANAGERS = expect(403, anonymous=302, officer=200, steering_member=200, site_admin=200)
DRAFT_MANAGERS = expect(404, anonymous=302, officer=200, steering_member=200, site_admin=200)
NOBODY = expect(403, anonymous=302)
CREATORS = expect(403, anonymous=302, officer=200, other_officer=200, other_compact_officer=200, site_admin=200)
SEE_DRAFT = expect(404, officer=200, steering_member=200, site_admin=200)

ROWS = [
    Row("consultations:list", lambda w: reverse("consultations:list"), PUBLIC),
    Row("consultations:list", lambda w: reverse("consultations:list") + "?status=draft", PUBLIC, note="drafts"),
    Row("consultations:list-csv", lambda w: reverse("consultations:list-csv"), PUBLIC),
    Row("consultations:create", lambda w: reverse("consultations:create"), CREATORS),
    Row("consultations:detail", on("consultations:detail", "consultations_open"), PUBLIC),
    Row("consultations:detail", on("consultations:detail", "consultations_draft"), SEE_DRAFT, note="draft"),
    Row(
        "consultations:detail",
        lambda w: reverse("consultations:detail", args=["no-such-thing"]),
        expect(404),
        note="no such consultation",
    ),
    Row("consultations:document", on("consultations:document", "consultations_open"), PUBLIC),
    Row(
        "consultations:document",
        on("consultations:document", "consultations_draft"),
        expect(404),
        note="draft without a document",
    ),
    Row("consultations:comment", on("consultations:comment", "consultations_open"), PUBLIC),
    Row("consultations:comment", on("consultations:comment", "consultations_closed"), expect(403), note="closed"),
    Row(
        "consultations:response", on("consultations:response", "consultations_closed"), PUBLIC, note="responses so far"
    ),
    Row("consultations:response", on("consultations:response", "consultations_published"), PUBLIC),
    Row(
        "consultations:response",
        on("consultations:response", "consultations_open"),
        expect(403, officer=200, steering_member=200, site_admin=200),
        note="open: officers only",
    ),
    Row("consultations:response-pdf", on("consultations:response-pdf", "consultations_published"), PUBLIC),
    Row(
        "consultations:response-pdf",
        on("consultations:response-pdf", "consultations_closed"),
        expect(404),
        note="nothing published yet",
    ),
    Row(
        "consultations:response-version",
        lambda w: reverse("consultations:response-version", args=[w.consultations_published.slug, 1]),
        PUBLIC,
    ),
    Row(
        "consultations:response-version",
        lambda w: reverse("consultations:response-version", args=[w.consultations_published.slug, 9]),
        expect(404),
        note="no such version",
    ),
    Row(
        "consultations:response-version-pdf",
        lambda w: reverse("consultations:response-version-pdf", args=[w.consultations_published.slug, 1]),
        PUBLIC,
    ),
    Row(
        "consultations:response-comment",
        lambda w: reverse("consultations:response-comment", args=[w.consultations_published.slug, 1]),
        PUBLIC,
    ),
    Row(
        "consultations:response-comment",
        lambda w: reverse("consultations:response-comment", args=[w.consultations_open.slug, 1]),
        expect(403, officer=200, steering_member=200, site_admin=200),
        note="open: officers only",
    ),
    Row("consultations:themes", on("consultations:themes", "consultations_open"), MANAGERS),
    Row(
        "consultations:themes",
        on("consultations:themes", "consultations_open"),
        MANAGERS,
        method="post",
        data=lambda w: {"name": ""},
        note="no name: the form again",
    ),
    Row(
        "consultations:comment-themes",
        on("consultations:comment-themes", "consultations_open", "consultations_comment"),
        MANAGERS,
    ),
    Row("consultations:edit", on("consultations:edit", "consultations_open"), MANAGERS),
    Row("consultations:edit", on("consultations:edit", "consultations_draft"), DRAFT_MANAGERS, note="draft"),
    Row("consultations:edit", on("consultations:edit", "consultations_published"), NOBODY, note="published"),
    Row("consultations:sections", on("consultations:sections", "consultations_draft"), DRAFT_MANAGERS),
    Row(
        "consultations:section-change",
        on("consultations:section-change", "consultations_draft", "consultations_draft_section"),
        DRAFT_MANAGERS,
    ),
    Row(
        "consultations:section-change",
        on("consultations:section-change", "consultations_open", "consultations_cited_section"),
        MANAGERS,
        note="cited: reference locked",
    ),
    Row(
        "consultations:section-change",
        on("consultations:section-change", "consultations_published", "consultations_published_section"),
        NOBODY,
        note="published",
    ),
    Row(
        "consultations:section-change",
        on("consultations:section-change", "consultations_open", "consultations_draft_section"),
        expect(403, anonymous=302, officer=404, steering_member=404, site_admin=404),
        note="another consultation's section",
    ),
    Row(
        "consultations:section-move",
        on("consultations:section-move", "consultations_draft", "consultations_draft_section"),
        expect(405),
        note="POST only",
    ),
    Row(
        "consultations:section-move",
        on("consultations:section-move", "consultations_draft", "consultations_draft_section"),
        expect(404, anonymous=302, officer=302, steering_member=302, site_admin=302),
        method="post",
    ),
    Row(
        "consultations:section-move",
        on("consultations:section-move", "consultations_published", "consultations_published_section"),
        expect(403, anonymous=302),
        method="post",
        note="published",
    ),
    Row(
        "consultations:section-remove",
        on("consultations:section-remove", "consultations_draft", "consultations_draft_section"),
        DRAFT_MANAGERS,
    ),
    Row(
        "consultations:section-remove",
        on("consultations:section-remove", "consultations_open", "consultations_cited_section"),
        MANAGERS,
        note="cited: says why not",
    ),
    Row(
        "consultations:section-remove",
        on("consultations:section-remove", "consultations_published", "consultations_published_section"),
        NOBODY,
        note="published",
    ),
    Row("consultations:events", on("consultations:events", "consultations_open"), MANAGERS),
    Row("consultations:events", on("consultations:events", "consultations_closed"), MANAGERS, note="closed"),
    Row("consultations:events", on("consultations:events", "consultations_published"), NOBODY, note="published"),
    Row(
        "consultations:event-change",
        on("consultations:event-change", "consultations_open", "consultations_open_event"),
        MANAGERS,
    ),
    Row(
        "consultations:event-change",
        on("consultations:event-change", "consultations_closed", "consultations_closed_event"),
        MANAGERS,
        note="closed",
    ),
    Row(
        "consultations:event-change",
        on("consultations:event-change", "consultations_published", "consultations_published_event"),
        NOBODY,
        note="published",
    ),
    Row(
        "consultations:event-change",
        on("consultations:event-change", "consultations_open", "consultations_closed_event"),
        expect(403, anonymous=302, officer=404, steering_member=404, site_admin=404),
        note="another consultation's event",
    ),
    Row(
        "consultations:event-remove",
        on("consultations:event-remove", "consultations_open", "consultations_open_event"),
        MANAGERS,
    ),
    Row(
        "consultations:event-remove",
        on("consultations:event-remove", "consultations_closed", "consultations_closed_event"),
        MANAGERS,
        note="closed",
    ),
    Row(
        "consultations:event-remove",
        on("consultations:event-remove", "consultations_published", "consultations_published_event"),
        NOBODY,
        note="published",
    ),
    Row("consultations:invitations", on("consultations:invitations", "consultations_open"), MANAGERS),
    Row("consultations:invite-matching", on("consultations:invite-matching", "consultations_open"), MANAGERS),
    Row("consultations:open", on("consultations:open", "consultations_draft"), DRAFT_MANAGERS),
    Row("consultations:open", on("consultations:open", "consultations_open"), NOBODY, note="already open"),
    Row("consultations:close", on("consultations:close", "consultations_open"), MANAGERS),
    Row("consultations:publish", on("consultations:publish", "consultations_closed"), MANAGERS),
    Row("consultations:comments", on("consultations:comments", "consultations_open"), MANAGERS),
    Row("consultations:comments-csv", on("consultations:comments-csv", "consultations_open"), MANAGERS),
    Row(
        "consultations:comments-csv",
        on("consultations:comments-csv", "consultations_published"),
        MANAGERS,
        note="published",
    ),
    Row("consultations:comment-record", on("consultations:comment-record", "consultations_open"), MANAGERS),
    Row(
        "consultations:comment-record",
        on("consultations:comment-record", "consultations_closed"),
        MANAGERS,
        note="closed: post arrives late",
    ),
    Row(
        "consultations:comment-record",
        on("consultations:comment-record", "consultations_published"),
        NOBODY,
        note="published",
    ),
    Row(
        "consultations:comment-hide",
        on("consultations:comment-hide", "consultations_open", "consultations_comment"),
        MANAGERS,
    ),
    Row(
        "consultations:comment-hide",
        on("consultations:comment-hide", "consultations_open", "consultations_comment"),
        MANAGERS,
        method="post",
        data=lambda w: {"reason": ""},
        note="no reason: the form again",
    ),
    Row(
        "consultations:comment-unhide",
        on("consultations:comment-unhide", "consultations_open", "consultations_comment"),
        MANAGERS,
    ),
    Row("consultations:respond", on("consultations:respond", "consultations_closed"), MANAGERS),
    Row("consultations:respond", on("consultations:respond", "consultations_published"), NOBODY, note="published"),
]
