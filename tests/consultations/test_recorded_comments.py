"""Comments that reach the body by post, by email, at an event or by phone, typed in by an officer:
they count like any other comment, and a bad date or a missing answer loses nothing already stored."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from consultations import services
from consultations.models import Comment, Consultation, Status

from .factories import make_consultation

pytestmark = pytest.mark.django_db


def _closed_last_month(world) -> Consultation:
    """Ran for 12 weeks and closed ten days ago."""
    consultation = make_consultation(world)
    today = timezone.localdate()
    Consultation.objects.filter(pk=consultation.pk).update(
        opens=today - timedelta(weeks=12, days=10), closes=today - timedelta(days=10), status=Status.CLOSED
    )
    consultation.refresh_from_db()
    return consultation


def _form(day, **fields):
    return {
        "channel": "post",
        "received_on_0": day.day,
        "received_on_1": day.month,
        "received_on_2": day.year,
        "author_kind": "organisation",
        "text": "Please hold a meeting in Corby as well.",
        **fields,
    }


def test_a_letter_that_arrived_before_the_closing_date_is_recorded_after_it(world, client_for):
    consultation = _closed_last_month(world)
    client = client_for(world.users["officer"])
    url = reverse("consultations:comment-record", args=[consultation.slug])
    section = consultation.sections.first()
    response = client.post(url, _form(consultation.closes, organisation=world.group.pk, sections=[section.pk]))
    assert response.status_code == 302
    comment = Comment.objects.get(consultation=consultation)
    assert (comment.channel, comment.received_on, comment.organisation) == ("post", consultation.closes, world.group)
    assert comment.recorded_by == world.users["officer"] and comment.author is None
    moderation = client.get(reverse("consultations:comments", args=[consultation.slug])).content.decode()
    assert "Recorded by" in moderation and "by post" in moderation
    public = client_for(None).get(reverse("consultations:response", args=[consultation.slug])).content.decode()
    assert world.group.name in public and "by post" in public and "Please hold a meeting in Corby" in public
    # It waits for a response like any other comment.
    assert services.pending_count(consultation) == 1


@pytest.mark.parametrize(
    "days_after_closing, message",
    [
        (1, "The date received must be on or before the closing date"),
        (-(12 * 7) - 1, "The date received must be on or after the opening date"),
    ],
)
def test_a_date_outside_the_consultation_is_refused_and_nothing_is_stored(
    world, client_for, days_after_closing, message
):
    consultation = _closed_last_month(world)
    client = client_for(world.users["officer"])
    url = reverse("consultations:comment-record", args=[consultation.slug])
    day = consultation.closes + timedelta(days=days_after_closing)
    page = client.post(url, _form(day, organisation=world.group.pk)).content.decode()
    assert "There is a problem" in page and message in page
    assert "Please hold a meeting in Corby" in page  # what was typed is kept in the form
    assert not Comment.objects.filter(consultation=consultation).exists()


def test_missing_answers_are_named_one_by_one(world, client_for):
    consultation = make_consultation(world)
    client = client_for(world.users["officer"])
    page = client.post(reverse("consultations:comment-record", args=[consultation.slug]), {"text": ""}).content.decode()
    for message in ("Choose how the comment was received", "Say who the comment is from", "Enter the comment"):
        assert message in page
    today = timezone.localdate()
    page = client.post(reverse("consultations:comment-record", args=[consultation.slug]), _form(today)).content.decode()
    assert "Choose the organisation the comment is from." in page
    assert not Comment.objects.filter(consultation=consultation).exists()


def test_an_individual_is_never_named_even_if_an_organisation_was_chosen(world, client_for):
    consultation = make_consultation(world)
    client = client_for(world.users["officer"])
    today = timezone.localdate()
    response = client.post(
        reverse("consultations:comment-record", args=[consultation.slug]),
        _form(today, channel="event", author_kind="individual", organisation=world.group.pk),
    )
    assert response.status_code == 302
    comment = Comment.objects.get(consultation=consultation)
    assert comment.organisation is None and comment.published_author == "An individual"
    assert comment.channel_note == " · at an event"


def test_the_service_refuses_a_future_date_the_portal_channel_and_a_published_consultation(world):
    officer, today = world.users["officer"], timezone.localdate()
    consultation = make_consultation(world)
    fields = {"user": officer, "author_kind": "anonymous", "text": "Thank you."}
    with pytest.raises(ValidationError, match="today or in the past"):
        services.comment_record(
            consultation=consultation, channel="email", received_on=today + timedelta(days=1), **fields
        )
    with pytest.raises(ValidationError, match="how the comment was received"):
        services.comment_record(consultation=consultation, channel="portal", received_on=today, **fields)
    published = make_consultation(world, status=Status.PUBLISHED, title="Done")
    with pytest.raises(ValidationError, match="before its response is published"):
        services.comment_record(consultation=published, channel="email", received_on=today, **fields)
    assert not Comment.objects.exists()


def test_only_the_bodys_officers_and_its_steering_group_see_the_link(world, client_for):
    consultation = make_consultation(world)
    link = reverse("consultations:comment-record", args=[consultation.slug])
    moderation = reverse("consultations:comments", args=[consultation.slug])
    assert link in client_for(world.users["officer"]).get(moderation).content.decode()
    assert client_for(world.users["other_officer"]).get(link).status_code == 403
    assert client_for(world.users["group_member"]).get(link).status_code == 403


def test_officers_download_every_comment_with_its_response_hidden_ones_too(world, client_for):
    import csv
    import io

    from .factories import comment_from_group

    consultation = make_consultation(world)
    officer = world.users["officer"]
    answered = comment_from_group(world, consultation, text="=SUM(A1) more time please")
    services.response_create(
        consultation=consultation,
        user=officer,
        comments=[answered],
        disposition="accepted_changed",
        text="The deadline is now eight weeks.",
    )
    hidden = services.comment_add_anonymous(consultation=consultation, text="Spam spam", sections=[])
    services.comment_hide(comment=hidden, user=officer, reason="Advertising")
    response = client_for(officer).get(reverse("consultations:comments-csv", args=[consultation.slug]))
    assert response["Content-Disposition"] == f'attachment; filename="{consultation.slug}-comments.csv"'
    rows = list(csv.reader(io.StringIO(response.getvalue().decode())))
    assert rows[0][:5] == ["Comment", "Sections", "Received", "How it arrived", "From"]
    first, second = rows[1], rows[2]
    assert (first[1], first[3], first[4]) == ("1", "On the portal", world.group.name)
    assert first[5] == "'=SUM(A1) more time please"  # a formula is never run by a spreadsheet
    assert first[6] == "Not recorded (published in the source without names)"  # no choice was made
    assert (first[9], first[10]) == ("Accepted – changed", "The deadline is now eight weeks.")
    assert (second[4], second[7], second[8], second[9]) == ("Anonymous", "Yes", "Advertising", "Pending")
    assert "Grace Member" not in response.getvalue().decode()  # individuals are never named


def test_the_comments_download_costs_the_same_queries_for_2_and_20_comments(world, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    consultation = make_consultation(world)
    client = client_for(world.users["officer"])
    url = reverse("consultations:comments-csv", args=[consultation.slug])

    def queries(total):
        while consultation.comments.count() < total:
            services.comment_add_anonymous(consultation=consultation, text="More", sections=[])
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).getvalue()  # the rows are read while the download is sent
        return len(ctx.captured_queries)

    # session, user, memberships, steering seats, consultation, comments, their sections, their responses
    assert queries(2) == queries(20) == 8
