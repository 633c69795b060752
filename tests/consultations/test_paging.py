"""A consultation's comments a page at a time (issue 17): what a reader sees on each page, a section's
comments on their own, and the same queries whatever the number of comments."""

import re

import pytest
from django.urls import reverse

from consultations import services

from .factories import comment_from_group, make_consultation

pytestmark = pytest.mark.django_db

# Session-less visitor: the consultation; its sections and events; the lists: sections, counts
# (comments, hidden ones, by section, general), the page's entries, its comments, their section
# links, responses and themes.
QUERIES_PER_CONSULTATION_PAGE = 13


def _crowded(world, on_first: int, on_second: int, general: int):
    consultation = make_consultation(world)
    first, second = consultation.sections.all()
    for n in range(on_first):
        comment_from_group(world, consultation, text=f"First section, comment {n}", sections=[first])
    for n in range(on_second):
        comment_from_group(world, consultation, text=f"Second section, comment {n}", sections=[second])
    for n in range(general):
        services.comment_add_anonymous(consultation=consultation, text=f"On the whole document, comment {n}")
    return consultation


def _shown(page: str) -> list[str]:
    return re.findall(r"(?:First section|Second section|On the whole document), comment \d+", page)


def test_the_comments_come_a_page_at_a_time_in_document_order_with_links_between_pages(world, client_for):
    consultation = _crowded(world, on_first=20, on_second=10, general=5)
    client = client_for(None)
    url = reverse("consultations:detail", args=[consultation.slug])

    first = client.get(url).content.decode()
    assert "Comments (35)" in first
    assert "Showing 1 to 25 of 35." in first
    assert _shown(first) == [f"First section, comment {n}" for n in range(20)] + [
        f"Second section, comment {n}" for n in range(5)
    ]
    assert 'rel="next"' in first and 'href="?page=2"' in first and 'rel="prev"' not in first

    second = client.get(url, {"page": 2}).content.decode()
    assert "Showing 26 to 35 of 35." in second
    assert _shown(second) == [f"Second section, comment {n}" for n in range(5, 10)] + [
        f"On the whole document, comment {n}" for n in range(5)
    ]
    # Each heading says how many comments it has on every page, not just this one.
    assert "(10 comments)" in second and "(5 comments)" in second
    assert 'rel="prev"' in second and 'href="?page=1"' in second and 'rel="next"' not in second


def test_a_section_s_comments_are_shown_on_their_own_and_counted_in_the_contents(world, client_for):
    consultation = _crowded(world, on_first=3, on_second=2, general=1)
    hidden = comment_from_group(world, consultation, text="Second section, comment 9", sections=[])
    services.comment_hide(comment=hidden, user=world.users["officer"], reason="Offensive")
    client = client_for(None)
    url = reverse("consultations:detail", args=[consultation.slug])

    page = client.get(url, {"section": "2"}).content.decode()
    assert _shown(page) == ["Second section, comment 0", "Second section, comment 1"]
    assert "Showing 1 to 2 of 2." in page
    contents = page.split('aria-label="Comments by section"')[1].split("</nav>")[0]
    assert '?section=2#comments" aria-current="true">' in contents
    assert "(3)" in contents and "(2)" in contents and "(1)" in contents  # first, second, general

    general = client.get(url, {"section": "general"}).content.decode()
    assert _shown(general) == ["On the whole document, comment 0"]  # the hidden one is not listed


@pytest.mark.parametrize("per_heading", [20, 60])
def test_the_consultation_page_costs_the_same_queries_whatever_the_number_of_comments(
    world, client_for, django_assert_num_queries, per_heading
):
    consultation = _crowded(world, on_first=per_heading, on_second=per_heading, general=per_heading)
    client = client_for(None)
    url = reverse("consultations:detail", args=[consultation.slug])
    with django_assert_num_queries(QUERIES_PER_CONSULTATION_PAGE):
        assert client.get(url).status_code == 200
    # A page that reaches from the sections into the general comments reads those with one query more.
    boundary = 2 * per_heading // 25 + 1  # the page where the second section ends
    with django_assert_num_queries(QUERIES_PER_CONSULTATION_PAGE + 1):
        assert "On the whole document" in client.get(url, {"page": boundary}).content.decode()
    with django_assert_num_queries(QUERIES_PER_CONSULTATION_PAGE):
        assert client.get(url, {"section": "2", "page": 1}).status_code == 200


def test_officers_moderate_the_comments_a_page_at_a_time_numbered_across_pages(world, client_for):
    from consultations.views.moderation import MODERATION_PER_PAGE

    consultation = _crowded(world, on_first=MODERATION_PER_PAGE + 3, on_second=0, general=0)
    client = client_for(world.users["officer"])
    url = reverse("consultations:comments", args=[consultation.slug])
    first = client.get(url).content.decode()
    total = MODERATION_PER_PAGE + 3
    assert f"Showing 1 to {MODERATION_PER_PAGE} of {total} comments" in first
    assert f">Comment {MODERATION_PER_PAGE}</h2>" in first and f">Comment {MODERATION_PER_PAGE + 1}<" not in first
    assert 'rel="next"' in first and 'href="?page=2"' in first
    second = client.get(url, {"page": 2}).content.decode()
    assert f"Showing {MODERATION_PER_PAGE + 1} to {total} of {total} comments" in second
    assert f">Comment {total}</h2>" in second and "First section, comment 27" in second
    assert 'rel="prev"' in second

    # Hiding a comment on the second page comes back to that page, at the comment.
    last = consultation.comments.order_by("-position").first()
    response = client.post(
        reverse("consultations:comment-hide", args=[consultation.slug, last.pk]), {"reason": "Offensive"}
    )
    assert response.url == f"{url}?page=2#comment-{last.pk}"
    assert f">Comment {total} (hidden)</h2>" in client.get(response.url).content.decode()


@pytest.mark.parametrize("comments", [30, 90])
def test_the_moderation_page_costs_the_same_queries_whatever_the_number_of_comments(
    world, client_for, django_assert_num_queries, comments
):
    consultation = _crowded(world, on_first=comments // 3, on_second=comments // 3, general=comments // 3)
    client = client_for(world.users["officer"])
    url = reverse("consultations:comments", args=[consultation.slug])
    client.get(url)
    # session, user, the consultation, roles (2); count, the page's comments (organisation, who hid
    # or recorded them), their section links, responses and themes
    with django_assert_num_queries(10):
        assert client.get(url, {"page": 2}).status_code == 200


def test_the_comments_waiting_for_a_response_are_listed_a_page_at_a_time(world, client_for):
    from consultations.models import Consultation, Disposition, Response, Status
    from consultations.views.moderation import MODERATION_PER_PAGE

    consultation = _crowded(world, on_first=MODERATION_PER_PAGE + 2, on_second=0, general=0)
    Consultation.objects.filter(pk=consultation.pk).update(status=Status.CLOSED)
    client = client_for(world.users["officer"])
    url = reverse("consultations:respond", args=[consultation.slug])
    total = MODERATION_PER_PAGE + 2
    first = client.get(url).content.decode()
    assert f"{total} comments are waiting: showing 1 to {MODERATION_PER_PAGE}." in first
    assert first.count('name="comments"') == MODERATION_PER_PAGE and 'rel="next"' in first
    second = client.get(url, {"page": 2}).content.decode()
    assert second.count('name="comments"') == 2 and f"First section, comment {total - 1}" in second

    # A comment listed on the second page is answered from there, and the officer stays on that page.
    last = consultation.comments.order_by("-position").first()
    response = client.post(
        f"{url}?page=2", {"comments": [last.pk], "disposition": Disposition.NOTED, "text": "Thank you, noted."}
    )
    assert response.url == f"{url}?page=2"
    assert list(Response.objects.get().comments.all()) == [last]
    assert client.get(response.url).content.decode().count('name="comments"') == 1
