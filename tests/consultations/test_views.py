"""Consultation pages: what each person sees and what their input does."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from consultations import services
from consultations.models import AuthorKind, Comment, Consultation, Disposition, Publication, Response, Status

from .factories import comment_from_group, make_consultation

pytestmark = pytest.mark.django_db
QUERIES_PER_RESPONSE_PAGE = 18


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def _close(consultation):
    Consultation.objects.filter(pk=consultation.pk).update(status=Status.CLOSED)
    consultation.refresh_from_db()
    return consultation


# --- List -------------------------------------------------------------------------------------


def test_public_list_shows_every_status_but_drafts_and_the_shorter_reason(world, client_for):
    make_consultation(world, status=Status.DRAFT, title="Secret draft")
    make_consultation(world, title="Open one", weeks=8, shorter_reason="Budget must be set by March.")
    make_consultation(world, status=Status.PUBLISHED, title="Finished one")
    page = client_for(None).get(reverse("consultations:list")).content.decode()
    assert "Open one" in page and "Finished one" in page and "Secret draft" not in page
    assert "Shorter than 12 weeks: Budget must be set by March." in page
    only_open = client_for(None).get(reverse("consultations:list") + "?status=published").content.decode()
    assert "Finished one" in only_open and "Open one" not in only_open


def test_officers_find_their_drafts_under_drafts(world, client_for):
    make_consultation(world, status=Status.DRAFT, title="Secret draft")
    url = reverse("consultations:list") + "?status=draft"
    assert "Secret draft" in client_for(world.users["officer"]).get(url).content.decode()
    assert "Secret draft" not in client_for(world.users["other_officer"]).get(url).content.decode()
    assert "Secret draft" not in client_for(None).get(url).content.decode()


@pytest.mark.parametrize("count", [2, 25])
def test_the_list_costs_the_same_queries_whatever_its_length(world, client_for, django_assert_num_queries, count):
    for n in range(count):
        Consultation.objects.create(
            owner=world.council,
            slug=f"c-{n}",
            title=f"C {n}",
            summary="s",
            stage="evaluation",
            opens=timezone.localdate(),
            closes=timezone.localdate() + timedelta(weeks=12),
            status=Status.OPEN,
        )
    client = client_for(None)
    # count, one page of consultations with their owners joined, the Compacts for the filter.
    with django_assert_num_queries(3):
        response = client.get(reverse("consultations:list"))
    assert response.status_code == 200


def test_the_csv_lists_the_filtered_consultations(world, client_for):
    make_consultation(world, title="=Open one", weeks=8, shorter_reason="Deadline.")
    make_consultation(world, status=Status.DRAFT, title="Secret draft")
    body = client_for(None).get(reverse("consultations:list-csv")).getvalue().decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][0] == "Title" and len(rows) == 2
    assert rows[1][0] == "'=Open one" and rows[1][6] == "8" and rows[1][7] == "Deadline."


# --- Detail and comments ----------------------------------------------------------------------


def test_the_detail_page_names_organisations_but_never_individuals(world, client_for):
    consultation = make_consultation(world)
    comment_from_group(world, consultation, text="Group view")
    services.comment_add_individual(consultation=consultation, user=world.users["outsider"], text="Personal view")
    services.comment_add_anonymous(consultation=consultation, text="Anonymous view")
    hidden = services.comment_add_anonymous(consultation=consultation, text="Offensive words")
    services.comment_hide(comment=hidden, user=world.users["officer"], reason="Offensive")
    page = client_for(None).get(reverse("consultations:detail", args=[consultation.slug])).content.decode()
    assert "African Caribbean Forum" in page and "An individual" in page and "Anonymous view" in page
    assert "Oscar Outsider" not in page and "someone@example.org" not in page
    assert "Offensive words" not in page


def test_a_group_member_comments_for_their_organisation_on_two_sections(world, client_for):
    consultation = make_consultation(world)
    s1, s2 = consultation.sections.all()
    response = client_for(world.users["group_member"]).post(
        reverse("consultations:comment", args=[consultation.slug]),
        {
            "on_behalf_of": str(world.group.pk),
            "sections": [s1.pk, s2.pk],
            "text": "Both parts need work.",
            "publication": "named",
        },
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.author_kind == AuthorKind.ORGANISATION and comment.organisation == world.group
    assert set(comment.sections.all()) == {s1, s2} and comment.publication == Publication.NAMED


def test_an_empty_comment_shows_the_error_summary_and_keeps_the_choices(world, client_for):
    consultation = make_consultation(world)
    s1 = consultation.sections.first()
    response = client_for(None).post(
        reverse("consultations:comment", args=[consultation.slug]), {"sections": [s1.pk], "text": ""}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page and "Enter your comment" in page
    assert f'value="{s1.pk}"' in page and "checked" in page
    assert not Comment.objects.exists()


def test_the_honeypot_stores_nothing_but_looks_like_success(world, client_for):
    consultation = make_consultation(world)
    response = client_for(None).post(
        reverse("consultations:comment", args=[consultation.slug]),
        {"text": "Buy cheap things", "website": "http://spam.example", "publication": "without_name"},
    )
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_anonymous_comments_are_limited_per_address_per_hour(world, client_for, settings):
    settings.CONSULTATION_ANONYMOUS_COMMENTS_PER_HOUR = 2
    consultation = make_consultation(world)
    client = client_for(None)
    url = reverse("consultations:comment", args=[consultation.slug])
    posts = [client.post(url, {"text": f"Point {n}", "publication": "without_name"}) for n in range(3)]
    assert [p.status_code for p in posts] == [302, 302, 200]
    assert Comment.objects.count() == 2
    third = client.post(url, {"text": "Point 4", "publication": "without_name"}).content.decode()
    assert "lot of comments in the last hour" in third and "Point 4" in third
    other_address = client.post(url, {"text": "From elsewhere", "publication": "without_name"}, REMOTE_ADDR="10.0.0.9")
    assert other_address.status_code == 302


# --- Officer pages ----------------------------------------------------------------------------


def test_an_officer_starts_a_consultation_and_a_short_one_needs_a_reason(world, client_for):
    client = client_for(world.users["officer"])
    today = timezone.localdate()
    closes = today + timedelta(weeks=6)
    data = {
        "owner": world.council.pk,
        "title": "Library opening hours",
        "summary": "Changes to hours.",
        "stage": "pre_consultation",
        "opens_0": today.day,
        "opens_1": today.month,
        "opens_2": today.year,
        "closes_0": closes.day,
        "closes_1": closes.month,
        "closes_2": closes.year,
        "equality_assessment": "planned",
    }
    page = client.post(reverse("consultations:create"), data).content.decode()
    assert "There is a problem" in page and "shorter than 12 weeks" in page and "Library opening hours" in page
    response = client.post(reverse("consultations:create"), {**data, "shorter_reason": "Council meeting date."})
    consultation = Consultation.objects.get()
    assert response.status_code == 302 and consultation.status == Status.DRAFT and consultation.weeks == 6
    assert consultation.owner == world.council


def test_responding_to_several_comments_at_once(world, client_for):
    consultation = make_consultation(world)
    a = comment_from_group(world, consultation, text="First point")
    b = services.comment_add_anonymous(consultation=consultation, text="Second point")
    _close(consultation)
    client = client_for(world.users["officer"])
    response = client.post(
        reverse("consultations:respond", args=[consultation.slug]),
        {"comments": [a.pk, b.pk], "disposition": Disposition.ACCEPTED_IN_PART, "text": "We changed part 1."},
    )
    assert response.status_code == 302
    reply = Response.objects.get()
    assert set(reply.comments.all()) == {a, b} and reply.responded_by == world.users["officer"]
    page = client.get(reverse("consultations:respond", args=[consultation.slug])).content.decode()
    assert "Every comment has a response." in page


def test_publishing_a_final_response_with_pending_comments_says_how_many_have_none(world, client_for):
    consultation = make_consultation(world)
    comment_from_group(world, consultation)
    _close(consultation)
    client = client_for(world.users["officer"])
    url = reverse("consultations:publish", args=[consultation.slug])
    assert "1 comment still has no response" in client.get(url).content.decode()
    data = {"kind": "final", "unanswered_reason": "It arrived after the working group last met."}
    page = client.post(url, data, follow=True).content.decode()
    assert "The response is published" in page
    consultation.refresh_from_db()
    assert consultation.status == Status.PUBLISHED
    public = client_for(None).get(reverse("consultations:response", args=[consultation.slug])).content.decode()
    assert "<strong>1 has no response given</strong>" in public and "No response given" in public
    assert "It arrived after the working group last met." in public


def test_a_steering_member_hides_a_comment_and_the_reason_is_shown_to_officers(world, client_for):
    consultation = make_consultation(world)
    comment = services.comment_add_anonymous(consultation=consultation, text="Nasty")
    client = client_for(world.users["steering_member"])
    client.post(reverse("consultations:comment-hide", args=[consultation.slug, comment.pk]), {"reason": "Abuse"})
    comment.refresh_from_db()
    assert comment.hidden and comment.hidden_by == world.users["steering_member"]
    page = client_for(world.users["officer"]).get(reverse("consultations:comments", args=[consultation.slug]))
    assert "Abuse" in page.content.decode() and "Sam Steering" in page.content.decode()


# --- "You said, we did" -----------------------------------------------------------------------


def _answered(world, n_comments=3):
    consultation = make_consultation(world)
    sections = list(consultation.sections.all())
    comments = [
        comment_from_group(world, consultation, text=f"Comment number {n}", sections=sections[n % 2 :])
        for n in range(n_comments)
    ]
    comments.append(services.comment_add_anonymous(consultation=consultation, text="About everything"))
    _close(consultation)
    services.response_create(
        consultation=consultation,
        user=None,
        comments=comments[:2],
        disposition=Disposition.ACCEPTED_CHANGED,
        text="We rewrote part 1.",
    )
    return consultation, comments


def test_the_response_page_marks_responses_so_far_as_not_final(world, client_for):
    consultation, _ = _answered(world)
    page = client_for(None).get(reverse("consultations:response", args=[consultation.slug])).content.decode()
    assert "No response has been published yet" in page
    assert "Comment number 0" in page
    assert "We rewrote part 1." in page
    assert "(the same response answers comment 2)" in page and "(the same response answers comment 1)" in page
    assert "General comments on the whole document" in page and "Waiting for a response" in page


@pytest.mark.parametrize("n_comments", [20, 60])
def test_the_response_page_costs_the_same_queries_whatever_its_length(
    world, client_for, django_assert_num_queries, n_comments
):
    consultation, comments = _answered(world, n_comments)
    # Answers on the last page too, so that both pages read responses and the comments they answer.
    services.response_create(
        consultation=consultation, user=None, comments=comments[-3:], disposition=Disposition.NOTED, text="Noted."
    )
    client = client_for(None)
    url = reverse("consultations:response", args=[consultation.slug])
    # The consultation (owner, code); versions, the live figures (decisions, comments, responses)
    # and agreed changes; the lists: sections, counts (comments, hidden ones, by section, general),
    # the page's entries, its comments, their section links, responses, the responses' comments and
    # the comments' themes; the themes of the filter.
    with django_assert_num_queries(QUERIES_PER_RESPONSE_PAGE):
        response = client.get(url)
    assert response.status_code == 200 and "Showing 1 to 25 of" in response.content.decode()
    # The last page reaches the general comments after the sections' last: one more query reads them.
    last = response.context["entries"].page_obj.paginator.num_pages
    with django_assert_num_queries(QUERIES_PER_RESPONSE_PAGE + 1):
        response = client.get(url, {"page": last})
    assert "General comments on the whole document" in response.content.decode()


def test_the_published_response_pdf_is_tagged_with_language_and_title(
    world, client_for, django_capture_on_commit_callbacks
):
    import pikepdf

    consultation, comments = _answered(world, 2)
    services.response_create(
        consultation=consultation,
        user=None,
        comments=comments[2:],
        disposition=Disposition.OUTSIDE_REMIT,
        text="A matter for the NHS.",
        for_whom="NHS",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_publish_response(consultation=consultation, user=None)
    response = client_for(None).get(reverse("consultations:response-pdf", args=[consultation.slug]))
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    pdf = pikepdf.open(io.BytesIO(content))
    assert "/StructTreeRoot" in pdf.Root and pdf.Root.MarkInfo.Marked
    assert str(pdf.Root.Lang) == "en-GB"
    assert str(pdf.docinfo.Title) == f"You said, we did: {consultation.title}"
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "Comment number 0" in text and "We rewrote part 1." in text and "A matter for the NHS." in text


def test_a_document_without_sections_takes_whole_document_comments(world, client_for):
    consultation = make_consultation(world, status=Status.DRAFT, sections=0)
    Consultation.objects.filter(pk=consultation.pk).update(status=Status.OPEN)
    client = client_for(None)
    url = reverse("consultations:comment", args=[consultation.slug])
    assert "Which sections" not in client.get(url).content.decode()
    assert client.post(url, {"text": "On the whole plan", "publication": "without_name"}).status_code == 302
    assert Comment.objects.get().sections.count() == 0


# --- Access offers say how to ask for them (issue 18) ---------------------------------------------


def _detail(client, consultation) -> str:
    return client.get(reverse("consultations:detail", args=[consultation.slug])).content.decode()


def test_access_offers_give_the_consultations_own_contact_with_a_mailto_link(world, client_for):
    consultation = make_consultation(
        world,
        languages="Polish, Romanian",
        easy_read=True,
        access_email="access@example.gov.uk",
        access_phone="01604 837 837",
    )
    page = _detail(client_for(None), consultation)
    assert "Languages: Polish, Romanian" in page and "To ask for any of these" in page
    assert (
        'href="mailto:access@example.gov.uk?subject=Access%20request%3A%20Review%20of%20the%20grants%20scheme"' in page
    )
    assert 'href="tel:01604837837"' in page


def test_without_its_own_contact_the_owning_bodys_email_is_given(world, client_for):
    world.council.email = "consult@council.example.gov.uk"
    world.council.save()
    page = _detail(client_for(None), make_consultation(world, easy_read=True))
    assert 'href="mailto:consult@council.example.gov.uk?' in page


def test_with_no_contact_recorded_the_page_says_so_rather_than_inventing_one(world, client_for):
    world.council.email = ""
    world.council.save()
    page = _detail(client_for(None), make_consultation(world, easy_read=True))
    assert "mailto:" not in page.split('id="access-contact"')[1].split("</p>")[0]
    assert "have not given us an email address or phone number" in page


def test_an_officer_records_the_access_contact(world, client_for):
    consultation = make_consultation(world)
    client = client_for(world.users["officer"])
    form = client.get(reverse("consultations:edit", args=[consultation.slug])).content.decode()
    assert 'name="access_email"' in form and 'name="access_phone"' in form
    today = timezone.localdate()
    closes = consultation.closes
    data = {
        "title": consultation.title,
        "summary": consultation.summary,
        "stage": consultation.stage,
        "opens_0": today.day,
        "opens_1": today.month,
        "opens_2": today.year,
        "closes_0": closes.day,
        "closes_1": closes.month,
        "closes_2": closes.year,
        "equality_assessment": "planned",
        "access_email": "not an email",
    }
    page = client.post(reverse("consultations:edit", args=[consultation.slug]), data).content.decode()
    assert "Enter an email address like name@example.gov.uk" in page
    client.post(reverse("consultations:edit", args=[consultation.slug]), {**data, "access_email": "a@example.gov.uk"})
    consultation.refresh_from_db()
    assert consultation.access_email == "a@example.gov.uk"
