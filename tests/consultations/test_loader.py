"""The consultation loader and its command refuse files that do not add up, and say why."""

from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from consultations.models import Consultation, Status
from consultations.services import load_consultation_file, loader
from tests import factories as f

pytestmark = pytest.mark.django_db

GOOD = """
consultation: {slug: small, title: Small, owner: the-council, summary: s, stage: evaluation,
               opens: 2025-01-06, closes: 2025-03-31}
sections: [{ref: '1', title: One, text: t}, {ref: '2', title: Two, text: t}]
comments:
- {id: c1, sections: ['2', '1'], text: First}
- {id: c2, sections: [], text: Second}
responses:
- {id: r1, comments: [c1], disposition: already_covered, text: See 3, reference: '3'}
"""


@pytest.fixture
def council(db):
    return f.PublicBodyFactory(slug="the-council")


def test_a_file_loads_with_dates_sections_in_order_and_pending_comments(council, tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text(GOOD)
    out = StringIO()
    call_command("load_consultation", str(path), stdout=out)
    assert "2 comments, 1 pending" in out.getvalue()
    consultation = Consultation.objects.get(slug="small")
    assert consultation.status == Status.CLOSED and consultation.opens.isoformat() == "2025-01-06"
    first = consultation.comments.get(source_ref="c1")
    assert [link.section.ref for link in first.section_links.all()] == ["2", "1"]
    assert first.responses.get().where == "3"


def test_a_comment_naming_an_unknown_section_is_refused(council, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(GOOD.replace("sections: ['2', '1']", "sections: ['9']"))
    with pytest.raises(ValidationError) as exc:
        load_consultation_file(path)
    assert exc.value.messages == [loader.UNKNOWN_SECTION.format(comment="c1", ref="9")]
    assert not Consultation.objects.exists()  # nothing half-loaded


def test_the_command_reports_an_unknown_owner(db, tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text(GOOD)
    with pytest.raises(CommandError, match="No organisation has the slug the-council"):
        call_command("load_consultation", str(path))


def test_invitations_and_comments_from_organisations_load_once(council, tmp_path):
    forum = f.OrganisationFactory(slug="the-forum", name="The Forum")
    path = tmp_path / "small.yaml"
    path.write_text(
        GOOD.replace("comments:\n", "invitations: [the-forum]\ncomments:\n").replace(
            "{id: c2, sections: [], text: Second}", "{id: c2, sections: [], text: Second, organisation: the-forum}"
        )
    )
    for _ in range(2):
        consultation = load_consultation_file(path)
    invitation = consultation.invitations.get()
    assert invitation.organisation == forum and invitation.sent_at.date().isoformat() == "2025-01-06"
    second = consultation.comments.get(source_ref="c2")
    assert second.published_author == "The Forum" and second.author_kind == "organisation"
    assert consultation.comments.get(source_ref="c1").published_author == "Author not recorded"


def test_an_unknown_organisation_is_refused_with_where_it_was_named(council, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        GOOD.replace(
            "{id: c2, sections: [], text: Second}", "{id: c2, sections: [], text: Second, organisation: nobody}"
        )
    )
    with pytest.raises(ValidationError, match="Comment c2 names the organisation nobody"):
        load_consultation_file(path)
    assert not Consultation.objects.exists()  # nothing half-loaded


def test_a_file_without_dates_or_authors_records_them_as_not_recorded(council, tmp_path, client):
    """Nothing is guessed: no dates, stage or assessment unless the file says; a comment's author and
    date received are not recorded; officers can still record a letter that arrived."""
    from django.urls import reverse

    from consultations import services
    from consultations.models import AuthorKind, Publication
    from tests.support import build_world

    path = tmp_path / "undated.yaml"
    path.write_text(
        "consultation: {slug: undated, title: Undated, owner: the-council, summary: s}\n"
        "sections: [{ref: '1', title: One, text: t}]\n"
        "comments:\n- {id: c1, sections: ['1'], text: 'It <u>must</u> change'}\n"
        "- {id: c2, sections: ['1'], organisation_name: REC, text: 'We (REC) disagree'}\n"
    )
    consultation = load_consultation_file(path, opens=None, closes=None)
    assert (consultation.opens, consultation.closes, consultation.stage, consultation.equality_assessment) == (
        None,
        None,
        "",
        "",
    )
    first, second = consultation.comments.order_by("position")
    assert first.received_on is None and first.author_kind == AuthorKind.NOT_RECORDED
    assert first.publication == Publication.NOT_RECORDED
    assert second.published_author == "REC (an organisation)"
    listing = client.get(reverse("consultations:list")).getvalue().decode()
    assert "Dates not recorded" in listing
    csv_rows = client.get(reverse("consultations:list-csv")).getvalue().decode()
    assert "Not recorded" in csv_rows
    world = build_world()
    services.comment_record(
        consultation=consultation,
        user=world.users["site_admin"],
        channel="post",
        received_on=date(2025, 1, 1),
        author_kind="anonymous",
        text="A letter",
        sections=[],
    )
    assert consultation.comments.count() == 3
