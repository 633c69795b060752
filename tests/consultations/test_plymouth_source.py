"""The Plymouth consultation loaded from consultations/data/ matches the counts written by hand from
the source document (source_counts_plymouth.py), and no comment in the source is missing."""

from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from consultations import selectors
from consultations.markup import to_plain
from consultations.models import Comment, Response
from consultations.services import load_consultation_file
from tests import factories as f

from . import source_counts_plymouth as source

BULLETS = str.maketrans("➤○•", "   ")
DATA = Path(settings.BASE_DIR) / "consultations" / "data" / "plymouth-bme-consultation.yaml"


@pytest.fixture
def plymouth(db):
    f.PublicBodyFactory(slug="plymouth-city-council", name="Plymouth City Council")
    return load_consultation_file(DATA)


def _first_refs(consultation) -> list[str | None]:
    """Each comment's first section ref in table order (None: whole document)."""
    return [
        (links[0].section.ref if links else None)
        for links in (
            list(c.section_links.all())
            for c in consultation.comments.prefetch_related("section_links__section").order_by("position")
        )
    ]


def _heading_of_each_comment(consultation) -> list[str]:
    """The table heading each comment sits under: the top level ("1".."4") of its first section,
    until the "Anything missing / general comments" rows begin (the first whole-document comment),
    after which every row is general even when it cites a paragraph."""
    headings, general = [], False
    for ref in _first_refs(consultation):
        general = general or ref is None
        headings.append("general" if general or ref is None else ref.split(".")[0])
    return headings


def test_comment_and_response_totals_match_the_source(plymouth):
    comments = plymouth.comments.all()
    assert comments.count() == source.TOTAL_COMMENTS
    assert Response.objects.filter(consultation=plymouth).count() == source.TOTAL_RESPONSES
    pending = comments.pending().count()
    assert pending == source.PENDING_COMMENTS
    assert comments.count() - pending == source.RESPONDED_COMMENTS


def test_comments_and_pending_per_section_match_the_source(plymouth):
    headings = _heading_of_each_comment(plymouth)
    per_heading = Counter(headings)
    assert {h: per_heading[h] for h in source.COMMENTS_PER_SECTION} == source.COMMENTS_PER_SECTION
    assert per_heading["general"] == source.GENERAL_COMMENTS
    answered = [c.answered for c in plymouth.comments.with_answered().order_by("position")]
    pending = Counter(h for h, a in zip(headings, answered, strict=True) if not a)
    assert {h: pending[h] for h in source.PENDING_PER_SECTION} == source.PENDING_PER_SECTION


def test_shared_responses_answer_as_many_comments_as_in_the_source(plymouth):
    responses = Response.objects.filter(consultation=plymouth).prefetch_related("comments")
    for opening, expected in source.SHARED_RESPONSES.items():
        matches = [r for r in responses if r.text.lower().startswith(opening)]
        assert matches, f"no response starts {opening!r}"
        assert matches[0].comments.count() == expected, opening
    shared = sum(1 for r in responses if r.comments.count() > 1)
    assert shared == len(source.SHARED_RESPONSES)


def test_every_comment_in_the_source_is_there(plymouth):
    # Compare on words without the source's list bullets ("➤ All can contribute…", "Need to capture ○ What…").
    texts = [
        " ".join(to_plain(t).lower().translate(BULLETS).split())
        for t in plymouth.comments.values_list("text", flat=True)
    ]
    wanted = Counter(source.COMMENT_OPENINGS)
    for opening, times in wanted.items():
        found = sum(1 for t in texts if t.startswith(opening))
        assert found >= times, f"comment starting {opening!r} found {found} times, expected {times}"


def test_every_paragraph_of_the_draft_code_is_a_section(plymouth):
    refs = set(plymouth.sections.values_list("ref", flat=True))
    assert set(source.CODE_PARAGRAPHS) <= refs


def test_loading_twice_changes_nothing(plymouth):
    again = load_consultation_file(DATA)
    assert again.pk == plymouth.pk
    assert Comment.objects.count() == source.TOTAL_COMMENTS
    assert Response.objects.count() == source.TOTAL_RESPONSES
    assert plymouth.sections.count() == again.sections.count()


def test_the_response_page_counts_add_up(plymouth):
    figures = selectors.live_figures(plymouth)
    assert figures["comments"] == source.TOTAL_COMMENTS
    assert figures["unanswered"] == source.PENDING_COMMENTS
    assert sum(figures["by_decision"].values()) == source.TOTAL_COMMENTS
    assert figures["responses"] == source.TOTAL_RESPONSES
    # The general comments: the 22 that cite no paragraph and the 2 listed there that cite one.
    entries = selectors.response_document(plymouth)
    assert entries.groups[-1].section is None
    assert len(entries.groups[-1].comments) == source.GENERAL_COMMENTS
