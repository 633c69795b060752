"""Publishing the response: final with unanswered comments, interim then final (versions), the PDF
rendered once by a task and served as stored, commenters told once, consent to publish honoured."""

from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from consultations import jobs, services
from consultations.models import Disposition, PdfStatus, Publication, ResponseKind, Status
from consultations.services import publishing
from consultations.views import response as response_views

from .factories import comment_from_group, make_consultation

pytestmark = pytest.mark.django_db


def _closed(world, anonymous: bool = False):
    consultation = make_consultation(world)
    answered = comment_from_group(world, consultation, text="Answer this one.")
    unanswered = services.comment_add_individual(
        consultation=consultation, user=world.users["outsider"], text="And this one."
    )
    if anonymous:
        services.comment_add_anonymous(consultation=consultation, text="No address, so nobody to tell.")
    consultation.status = Status.CLOSED
    consultation.save()
    services.response_create(
        consultation=consultation,
        user=None,
        comments=[answered],
        disposition=Disposition.ACCEPTED_CHANGED,
        text="Changed part 1.",
    )
    return consultation, answered, unanswered


def test_an_interim_response_has_a_banner_and_a_final_one_replaces_it_keeping_it_readable(world, client_for):
    consultation, _, unanswered = _closed(world)
    services.response_publish(consultation=consultation, user=None, kind=ResponseKind.INTERIM)
    consultation.refresh_from_db()
    assert consultation.status == Status.CLOSED  # responses can still be added
    client = client_for(None)
    url = reverse("consultations:response", args=[consultation.slug])
    page = client.get(url).content.decode()
    assert "Interim response" in page and "A final response will replace it" in page
    assert "still waiting for a response" in page
    services.response_create(
        consultation=consultation, user=None, comments=[unanswered], disposition="noted", text="Noted, thanks."
    )
    services.response_publish(consultation=consultation, user=None, kind=ResponseKind.FINAL, next_steps="Board.")
    consultation.refresh_from_db()
    assert consultation.status == Status.PUBLISHED and consultation.response_versions.count() == 2
    page = client.get(url).content.decode()
    assert "Final response, version 2" in page and "Interim response, version 1" in page and "(replaced)" in page
    first = client.get(reverse("consultations:response-version", args=[consultation.slug, 1])).content.decode()
    assert "A later version replaces this one" in first and "1 is still waiting for a response" in first


def test_the_reason_for_unanswered_comments_is_one_sentence_and_only_when_some_are(world):
    consultation, _, _ = _closed(world)
    with pytest.raises(ValidationError) as exc:
        services.response_publish(consultation=consultation, user=None, unanswered_reason="x" * 301)
    assert exc.value.message_dict == {"unanswered_reason": [publishing.REASON_TOO_LONG]}
    other = make_consultation(world, title="Nothing said")
    other.status = Status.CLOSED
    other.save()
    with pytest.raises(ValidationError) as exc:
        services.response_publish(consultation=other, user=None, unanswered_reason="Because.")
    assert exc.value.message_dict == {"unanswered_reason": [publishing.REASON_WITHOUT_GAPS]}


def test_the_pdf_is_rendered_once_on_publishing_and_served_as_stored(
    world, client_for, django_capture_on_commit_callbacks
):
    consultation, _, _ = _closed(world)
    with mock.patch("consultations.pdf.render_response_pdf", return_value=b"%PDF-1.4 stored\n%%EOF") as render:
        with django_capture_on_commit_callbacks(execute=True):
            services.response_publish(consultation=consultation, user=None)
        assert render.call_count == 1
        version = consultation.response_versions.get()
        assert version.pdf_status == PdfStatus.READY and version.pdf.name.endswith(".pdf")
        client = client_for(None)
        for _ in range(3):
            reply = client.get(reverse("consultations:response-pdf", args=[consultation.slug]))
            assert reply.status_code == 200 and b"".join(reply.streaming_content) == b"%PDF-1.4 stored\n%%EOF"
        assert render.call_count == 1  # never rendered inside a request
    page = client.get(reverse("consultations:response", args=[consultation.slug])).content.decode()
    assert "Download the full response as a PDF" in page


def test_while_the_pdf_is_being_prepared_the_link_and_the_download_say_so(world, client_for):
    consultation, _, _ = _closed(world)
    with mock.patch("consultations.pdf.render_response_pdf") as render:
        services.response_publish(consultation=consultation, user=None)  # its task waits for the commit
        client = client_for(None)
        page = client.get(reverse("consultations:response", args=[consultation.slug])).content.decode()
        assert "The PDF of this response is being prepared" in page
        reply = client.get(reverse("consultations:response-pdf", args=[consultation.slug]))
        assert reply.status_code == 503 and reply["Retry-After"] == "60"
        assert "being prepared" in reply.content.decode()
        assert render.call_count == 0


def test_a_failed_build_is_marked_and_pdf_requests_are_rate_limited(world, client_for, monkeypatch):
    consultation, _, _ = _closed(world)
    services.response_publish(consultation=consultation, user=None)
    version = consultation.response_versions.get()
    with mock.patch("consultations.pdf.render_response_pdf", side_effect=RuntimeError("boom")):
        with pytest.raises(RuntimeError):
            jobs.response_pdf_build(version_id=version.pk)
    version.refresh_from_db()
    assert version.pdf_status == PdfStatus.FAILED
    monkeypatch.setattr(response_views, "PDF_REQUESTS_PER_HOUR", 2)
    client = client_for(None)
    url = reverse("consultations:response-pdf", args=[consultation.slug])
    assert [client.get(url, REMOTE_ADDR="10.9.9.9").status_code for _ in range(3)] == [200, 200, 429]


def test_commenters_with_an_email_address_are_told_once_with_a_link_to_their_answer(
    world, client_for, django_capture_on_commit_callbacks
):
    consultation, answered, unanswered = _closed(world, anonymous=True)
    with mock.patch("consultations.pdf.render_response_pdf", return_value=b"%PDF-1.4\n"):
        with django_capture_on_commit_callbacks(execute=True):
            services.response_publish(consultation=consultation, user=None)
    assert sorted(m.to[0] for m in mail.outbox) == ["member@forum.example", "someone@example.org"]
    link = reverse("consultations:response-comment", args=[consultation.slug, answered.position])
    (to_member,) = [m for m in mail.outbox if m.to == ["member@forum.example"]]
    assert link in to_member.body
    assert jobs.response_notices_send(consultation_id=consultation.pk) == 0  # idempotent
    page = client_for(None).get(link).content.decode()
    assert "Answer this one." in page and "Changed part 1." in page


def test_a_commenter_chooses_how_their_comment_is_published_and_the_page_csv_and_pdf_honour_it(
    world, client_for, django_capture_on_commit_callbacks
):
    consultation = make_consultation(world)
    client = client_for(world.users["outsider"])
    url = reverse("consultations:comment", args=[consultation.slug])
    form = client.get(url).getvalue().decode()
    assert "How may we publish your comment?" in form and "Do not publish my comment" in form
    client.post(
        url, {"on_behalf_of": "individual", "text": "Keep this private please.", "publication": "not_published"}
    )
    client_for(world.users["group_member"]).post(
        url, {"on_behalf_of": "individual", "text": "Name me.", "publication": "named"}
    )
    comments = list(consultation.comments.order_by("position"))
    assert [c.publication for c in comments] == [Publication.NOT_PUBLISHED, Publication.NAMED]
    anonymous_form = client_for(None).get(url).getvalue().decode()
    assert "In full, with my name" not in anonymous_form  # no name is recorded to publish
    consultation.status = Status.CLOSED
    consultation.save()
    with mock.patch("consultations.pdf.HTML") as html:
        html.return_value.write_pdf.return_value = b"%PDF-1.4\n"
        with django_capture_on_commit_callbacks(execute=True):
            services.response_publish(consultation=consultation, user=None)
        pdf_html = html.call_args.kwargs["string"]
    page = client_for(None).get(reverse("consultations:response", args=[consultation.slug])).getvalue().decode()
    csv = client_for(world.users["officer"]).get(reverse("consultations:comments-csv", args=[consultation.slug]))
    for text in (page, pdf_html, csv.getvalue().decode()):
        assert "Keep this private please." not in text and "Oscar Outsider" not in text
        assert "Grace Member" in text and "Name me." in text
    assert "The commenter asked for this comment not to be published." in page


def test_comment_text_is_escaped_except_underlining(world, client_for):
    consultation = make_consultation(world)
    comment_from_group(world, consultation, text='<script>alert(1)</script> <u>must</u> <a href="x">link</a>')
    page = client_for(None).get(reverse("consultations:detail", args=[consultation.slug])).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<u>must</u>" in page and '<a href="x">' not in page


def test_officers_tag_comments_by_theme_and_the_page_groups_and_filters_by_it(world, client_for):
    consultation, answered, unanswered = _closed(world)
    officer = client_for(world.users["officer"])
    officer.post(reverse("consultations:themes", args=[consultation.slug]), {"name": "Funding"})
    theme = consultation.themes.get()
    officer.post(reverse("consultations:comment-themes", args=[consultation.slug, answered.pk]), {"themes": [theme.pk]})
    assert list(answered.themes.all()) == [theme]
    url = reverse("consultations:response", args=[consultation.slug])
    page = client_for(None).get(url).content.decode()
    assert "Funding</a> (1)" in page
    filtered = client_for(None).get(url + f"?theme={theme.pk}").content.decode()
    assert "Answer this one." in filtered and "And this one." not in filtered


def test_the_consultation_page_pages_its_comments(world, client_for):
    consultation = make_consultation(world)
    for n in range(30):
        services.comment_add_anonymous(consultation=consultation, text=f"Point number {n:02d}.")
    client = client_for(None)
    url = reverse("consultations:detail", args=[consultation.slug])
    page = client.get(url).content.decode()
    assert "Point number 24." in page and "Point number 25." not in page and "Showing 1 to 25 of 30" in page
    assert "Point number 29." in client.get(url + "?page=2").content.decode()
