"""consultations.review.consultations_for_review: the annual review's figures (a contract with the
reviews app: the shape and meaning of every key are pinned here)."""

import json
from datetime import date, timedelta

import pytest

from consultations import services
from consultations.models import AuthorKind, Comment, Consultation, Disposition, Invitation, Status
from consultations.review import ConsultationsReview, consultations_for_review
from tests import factories as f
from tests.typed_shapes import mismatches

pytestmark = pytest.mark.django_db

START, END = date(2025, 4, 1), date(2026, 3, 31)


def _consultation(owner, *, slug, opens, weeks=12, status=Status.CLOSED, **fields):
    return Consultation.objects.create(
        owner=owner,
        slug=slug,
        title=slug.title(),
        summary="s",
        stage="evaluation",
        opens=opens,
        closes=opens + timedelta(weeks=weeks),
        status=status,
        **fields,
    )


def _comment(consultation, text, kind, **fields):
    """A comment received while the (past) consultation was open: the services take comments only
    on today's date, so the past is written directly."""
    return Comment.objects.create(
        consultation=consultation, text=text, author_kind=kind, received_on=consultation.opens, **fields
    )


@pytest.fixture
def figures(world):
    officer = world.users["officer"]
    # In the period, closed, with invitations, comments and responses.
    main = _consultation(world.council, slug="grants", opens=date(2025, 6, 2), weeks=8, shorter_reason="Budget.")
    bme_led, other = world.group, f.OrganisationFactory(name="Other Group")
    f.BoardDeclarationFactory(organisation=other, members=10, bme_members=2, effective_date=date(2025, 5, 1))
    # The world's declaration for the group is dated today: the status that counts is on the closing date.
    f.BoardDeclarationFactory(organisation=bme_led, members=4, bme_members=3, effective_date=date(2025, 5, 1))
    for organisation in (bme_led, other, world.other_group):
        Invitation.objects.create(consultation=main, organisation=organisation)
    Consultation.objects.filter(pk=main.pk).update(status=Status.OPEN)
    main.refresh_from_db()
    a = _comment(main, "A", AuthorKind.ORGANISATION, author=world.users["group_member"], organisation=bme_led)
    b = _comment(main, "B", AuthorKind.ANONYMOUS)
    c = _comment(main, "C", AuthorKind.INDIVIDUAL, author=world.users["outsider"])
    hidden = _comment(main, "Hidden", AuthorKind.ANONYMOUS)
    services.comment_hide(comment=hidden, user=officer, reason="Spam")
    services.response_create(consultation=main, user=officer, comments=[a, b], disposition=Disposition.NOTED, text="N")
    services.response_create(consultation=main, user=officer, comments=[c], disposition=Disposition.PENDING, text="P")
    Consultation.objects.filter(pk=main.pk).update(status=Status.CLOSED)
    # In the period, published on time.
    _consultation(
        world.council,
        slug="published",
        opens=date(2025, 9, 1),
        status=Status.PUBLISHED,
        response_published_on=date(2026, 1, 5),
    )
    # Left out: a draft, one outside the period, one by a body that never signed the Compact.
    _consultation(world.council, slug="draft", opens=date(2025, 6, 2), status=Status.DRAFT)
    _consultation(world.council, slug="old", opens=date(2024, 1, 8))
    stranger = f.PublicBodyFactory(name="Faraway Council")
    _consultation(stranger, slug="faraway", opens=date(2025, 6, 2))
    return consultations_for_review(compact=world.compact, start=START, end=END)


def test_only_signatories_non_draft_consultations_open_in_the_period(figures):
    assert [c["url"] for c in figures["consultations"]] == ["/consultations/grants/", "/consultations/published/"]
    json.dumps(figures)  # JSON-serialisable


def test_each_consultations_figures(figures):
    row = figures["consultations"][0]
    assert row == {
        "title": "Grants",
        "owner": "Northshire Council",
        "stage_label": "Evaluation",
        "status_label": "Closed",
        "opens": "2025-06-02",
        "closes": "2025-07-28",
        "weeks": 8,
        "shorter_reason": "Budget.",
        "invited": 3,
        "invited_bme_led": 1,
        "responding_organisations": 1,
        "responding_bme_led": 1,
        "comments": 3,
        "pending": 1,
        "response_due": "2025-10-20",
        "response_published_on": None,
        "response_on_time": None,
        "response_overdue": True,
        "url": "/consultations/grants/",
    }
    published = figures["consultations"][1]
    assert published["response_published_on"] == "2026-01-05" and published["response_on_time"] is True
    assert published["response_overdue"] is False


def test_totals_and_dispositions(figures):
    assert figures["totals"] == {
        "consultations": 2,
        "shorter_than_12_weeks": 1,
        "comments": 3,
        "responded": 2,
        "pending": 1,
        "invited": 3,
        "invited_bme_led": 1,
        "responding_organisations": 1,
        "responding_bme_led": 1,
        "responses_published": 1,
        "responses_published_on_time": 1,
        "responses_overdue": 1,
        "responses_due": 2,  # published or overdue: the base of the on-time rate
    }
    assert [d["value"] for d in figures["dispositions"]] == [
        "accepted_changed",
        "accepted_in_part",
        "already_covered",
        "outside_remit",
        "not_accepted",
        "noted",
        "unclear",
        "pending",
    ]
    counts = {d["value"]: d["count"] for d in figures["dispositions"]}
    assert counts["noted"] == 2 and counts["pending"] == 1 and sum(counts.values()) == 3


def test_no_individual_is_named(figures):
    text = json.dumps(figures)
    assert "Grace Member" not in text and "Oscar Outsider" not in text and "@" not in text


def test_a_handful_of_queries_whatever_the_number_of_comments(world, django_assert_max_num_queries):
    main = _consultation(world.council, slug="many", opens=date(2025, 6, 2), status=Status.OPEN)
    for n in range(30):
        _comment(main, f"Comment {n}", AuthorKind.ANONYMOUS)
    with django_assert_max_num_queries(6):
        consultations_for_review(compact=world.compact, start=START, end=END)


def test_the_result_has_the_shape_its_contract_declares(figures):
    assert figures["consultations"] and mismatches(figures, ConsultationsReview) == []
