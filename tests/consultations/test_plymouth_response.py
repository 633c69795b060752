"""The Plymouth response read against its source (shared/seeds/003_*.txt): comments sit where the
source put them and under every paragraph they cite, nothing the source does not say is shown as fact,
its underlining survives, and the working group's table is published as its final response."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from consultations import selectors
from consultations.markup import to_plain
from consultations.models import AuthorKind, ResponseKind, Status
from consultations.services import load_consultation_file
from tests import factories as f

from . import source_counts_plymouth as counts

DATA = Path(settings.BASE_DIR) / "consultations" / "data" / "plymouth-bme-consultation.yaml"
SEED = next(Path("/work/shared/seeds").glob("003_*.txt"), None) or next(
    (Path(settings.BASE_DIR).parent / "shared" / "seeds").glob("003_*.txt"), None
)
pytestmark = pytest.mark.skipif(SEED is None, reason="the Plymouth source is not on this machine")

PARAGRAPH = re.compile(r"^(?:<p>)?(\d\.\d+) [A-Z]")
HEADING = re.compile(r"^(\d)\. [A-Z]")
TAGS = re.compile(r"<[^>]+>")


def _words(text: str) -> str:
    return " ".join(TAGS.sub(" ", text).replace("➤", " ").replace("○", " ").replace("•", " ").split()).lower()


def _source_lines() -> list[tuple[str, str, str]]:
    """Each row of the source as (heading it sits under, comment cell, response cell). The second
    4.7 of the draft is "4.7a" here, as in the data file."""
    rows, current, seen = [], None, set()
    assert SEED is not None  # the module is skipped without it
    for line in SEED.read_text(encoding="utf-8").splitlines():
        cell, _, answer = line.partition("\t")
        if paragraph := PARAGRAPH.match(cell):
            ref = paragraph.group(1)
            current = f"{ref}a" if ref in seen else ref
            seen.add(ref)
            continue
        if heading := HEADING.match(cell):
            current = heading.group(1)
            continue
        if cell.startswith("Anything missing"):
            current = "general"
            continue
        if current and cell.strip():
            rows.append((current, cell, answer))
    return rows


@pytest.fixture
def plymouth(db):
    f.PublicBodyFactory(slug="plymouth-city-council", name="Plymouth City Council")
    return load_consultation_file(DATA)


def _placed(comment) -> str:
    links = list(comment.section_links.select_related("section").order_by("order"))
    return "general" if comment.with_general_comments or not links else links[0].section.ref


def test_every_comment_sits_under_the_heading_the_source_gives_it(plymouth):
    rows = _source_lines()
    checked = 0
    for comment in plymouth.comments.order_by("position"):
        opening = _words(to_plain(comment.text))[:30]
        where = [heading for heading, cell, _ in rows if _words(cell).startswith(opening)]
        assert where, f"comment {comment.position} not found in the source"
        assert _placed(comment) in where, (comment.position, _placed(comment), where)
        checked += 1
    assert checked == counts.TOTAL_COMMENTS


@pytest.mark.parametrize(
    "opening, headings",
    [
        ("2.7 + 2.8 – Improvements", {"2.7", "2.8"}),
        ("2.7 +2.8 – Do the LSP", {"2.7", "2.8"}),
        ("4.5 + 4.6 – Should be joint", {"4.5", "4.6"}),
        ("Needs linking with 3.1", {"4.1", "3.1"}),
        ("2.3+2.7 – Fine to define", {"2.7", "2.3"}),
        ("Section 2 states", {"general", "2"}),
        ("Infrastructure/Commissioning", {"general", "3.3", "3.4"}),
    ],
)
def test_a_comment_on_two_paragraphs_is_listed_under_both(plymouth, opening, headings):
    comment = plymouth.comments.get(text__startswith=opening)
    listed = set()
    for value, _, _ in selectors.comment_entries(plymouth).contents:
        entries = selectors.comment_entries(plymouth, section=value, per_page=None)
        if any(item.comment.pk == comment.pk for group in entries.groups for item in group.comments):
            listed.add(value)
    assert listed == headings


def test_the_2_3_and_2_7_comment_stays_under_2_7_where_the_source_has_it(plymouth, client):
    comment = plymouth.comments.get(text__startswith="2.3+2.7")
    assert _placed(comment) == "2.7"
    page = client.get(reverse("consultations:response", args=[plymouth.slug]) + "?section=2.3").content.decode()
    assert "2.3+2.7 – Fine to define" in page and "Listed under 2.7 in the source" in page


def test_nothing_the_source_does_not_say_is_shown_as_fact(plymouth, client):
    assert (plymouth.opens, plymouth.closes, plymouth.stage, plymouth.equality_assessment) == (None, None, "", "")
    assert not plymouth.comments.filter(received_on__isnull=False).exists()
    assert plymouth.comments.filter(author_kind=AuthorKind.NOT_RECORDED).count() == counts.TOTAL_COMMENTS - 1
    detail = client.get(reverse("consultations:detail", args=[plymouth.slug])).content.decode()
    response = client.get(reverse("consultations:response", args=[plymouth.slug])).content.decode()
    for page in (detail, response):
        assert "An individual" not in page and "2026" not in page and "2027" not in page
        assert "date not recorded" in page
    assert "Planned" not in detail and detail.count("Not recorded") >= 3  # stage, dates, due, assessment
    assert "Dates not recorded" in response
    # Loaded comments record no consent to publish; the page says how it shows them.
    assert "153 comments were loaded from the published record" in response
    assert "in full and without names" in detail


def test_an_author_who_writes_as_an_organisation_is_shown_as_one(plymouth, client):
    comment = plymouth.comments.get(text__startswith="We (REC)")
    assert comment.author_kind == AuthorKind.ORGANISATION and comment.organisation_name == "REC"
    page = client.get(reverse("consultations:response", args=[plymouth.slug]) + "?section=1.3").content.decode()
    assert "REC (an organisation)" in page


def test_the_underlining_of_the_source_survives_and_is_rendered_safely(plymouth, client):
    underlined = re.findall(r"<u>(.*?)</u>", SEED.read_text(encoding="utf-8"))
    stored = " ".join(plymouth.comments.values_list("text", flat=True))
    assert underlined and all(f"<u>{word}</u>" in stored for word in underlined)
    page = client.get(reverse("consultations:response", args=[plymouth.slug])).content.decode()
    assert "undertaking that <u>every</u> group" in page


def test_section_1_3_deals_with_this_is_the_commenters_words_not_the_working_groups(plymouth, client):
    (row,) = [(cell, answer) for _, cell, answer in _source_lines() if "(Section 1.3 deals with this)" in cell]
    assert row[1].strip() == ""  # the working group's column beside it is empty
    comment = plymouth.comments.get(text__contains="(Section 1.3 deals with this)")
    assert not comment.responses.exists()
    assert "comment column of the source" in comment.source_note
    page = client.get(reverse("consultations:response", args=[plymouth.slug]) + "?section=3").content.decode()
    assert "Note on the source:" in page and "No response given" in page


def test_the_working_groups_table_is_its_final_response(plymouth, client):
    assert plymouth.status == Status.PUBLISHED and plymouth.response_published_on is None
    version = plymouth.response_versions.get()
    assert version.kind == ResponseKind.FINAL and version.published_on is None
    assert version.figures["unanswered"] == counts.PENDING_COMMENTS
    assert version.figures["responses"] == counts.TOTAL_RESPONSES
    assert plymouth.agreed_changes.count() == 13
    page = client.get(reverse("consultations:response", args=[plymouth.slug])).content.decode()
    assert "We received <strong>153 comments</strong>" in page
    assert "<strong>32 have no response given</strong>" in page
    assert "2.3 is deleted from the BME Code" in page and "13 changes are made to the text" in page
    assert "The response does not say why some comments have no response." in page
    # Summary first: the page's first heading after the title is "We asked".
    assert page.index('id="we-asked"') < page.index('id="you-said"') < page.index('id="we-did"')
    assert page.index('id="next"') < page.index('id="comments"')


def test_the_response_page_is_paged_not_a_dump(plymouth, client):
    page = client.get(reverse("consultations:response", args=[plymouth.slug])).content.decode()
    assert page.count('<tr class="govuk-table__row">\n        <td') <= selectors.entries.PER_PAGE
    assert "Showing 1 to 25 of" in page and 'aria-label="Pagination"' in page
    last = client.get(reverse("consultations:response", args=[plymouth.slug]) + "?page=99").content.decode()
    assert "General comments on the whole document" in last


def test_the_second_paragraph_4_7_is_shown_as_the_draft_prints_it(plymouth, client):
    # The source numbers two paragraphs 4.7; the portal keeps them apart as 4.7 and 4.7a inside only.
    printed = [line.split("\t")[0][:4] for line in SEED.read_text(encoding="utf-8").splitlines()]
    assert printed.count("4.7 ") == 2 and "4.7a" not in SEED.read_text(encoding="utf-8")
    second = plymouth.sections.get(ref="4.7a")
    assert (str(second), second.printed) == ("4.7", "4.7")
    detail = client.get(reverse("consultations:detail", args=[plymouth.slug]), {"section": "4.7a"}).content.decode()
    assert "Paragraph 4.7 (second)" in detail and "This is the second of them" in detail
    # Two links to two paragraphs never read the same (WCAG 2.4.4): the contents name which 4.7.
    contents = re.findall(r'href="\?section=[^"]*#comments"[^>]*>([^<]*)</a>', detail)
    assert "Paragraph 4.7 (first)" in contents and "Paragraph 4.7 (second)" in contents
    assert len(contents) == len(set(contents))
    for path in ("consultations:detail", "consultations:response"):
        page = client.get(reverse(path, args=[plymouth.slug])).content.decode()
        shown = re.sub(r'(id|href|value)="[^"]*"', "", page)  # anchors and links may carry the key
        assert "4.7a" not in shown, path
