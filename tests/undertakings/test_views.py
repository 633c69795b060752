"""Pages, as an officer, a community group member, the steering group and the public see them."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from undertakings import services
from undertakings.models import ComplianceReturn, Rating, ReturnStatus
from undertakings.services import code_load

from .conftest import fill
from .test_code_loader import DRAFT, SMALL

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return response.content.decode()


def entry_url(entry):
    return reverse("undertakings:entry-edit", args=[entry.pk])


def detail_url(compliance_return):
    return reverse("undertakings:return-detail", args=[compliance_return.pk])


# --- Public Code pages -----------------------------------------------------------------------


def test_the_public_sees_every_code_with_its_status(client):
    code_load(path=SMALL)
    code_load(path=DRAFT)
    page = text_of(client.get(reverse("undertakings:code-list")))
    assert "Testshire BME Code" in page and "Testshire Faith Code" in page
    assert "Under consultation" in page and "Adopted" in page
    assert "<caption" in page


def test_a_code_page_groups_undertakings_by_section_and_party(client):
    code = code_load(path=SMALL).code
    response = client.get(reverse("undertakings:code-detail", args=[code.slug, code.version]))
    page = text_of(response)
    assert "3.1 Joint undertakings" in page
    assert "3.2: Public bodies" in page
    assert "4.8: Joint (both sectors)" in page and "4.8: Public bodies" in page
    assert "publish the share of funding" in page and "not assessed in compliance returns" in page
    assert "Typical evidence" in page


def test_a_draft_code_page_warns_it_may_change(client):
    code = code_load(path=DRAFT).code
    page = text_of(client.get(reverse("undertakings:code-detail", args=[code.slug, code.version])))
    assert "has not been adopted and may still change" in page


def test_an_unknown_code_version_is_not_found(client):
    assert client.get(reverse("undertakings:code-detail", args=["nothing", "1.0"])).status_code == 404


def test_the_code_csv_has_every_undertaking(client):
    code = code_load(path=SMALL).code
    response = client.get(reverse("undertakings:code-csv", args=[code.slug, code.version]))
    lines = response.getvalue().decode().splitlines()
    assert lines[0].startswith("Section,Section title,Ref,Party")
    assert len(lines) == 1 + 7


# --- An officer's returns --------------------------------------------------------------------


def test_an_officer_sees_the_return_to_start_and_starts_it(world, code, client_for, officer):
    client = client_for(officer)
    page = text_of(client.get(reverse("undertakings:return-list")))
    assert "Returns to start" in page and "Northshire Council" in page
    start = reverse("undertakings:return-start", args=[world.council.slug, world.period.pk, code.pk])
    assert start in page

    form_page = text_of(client.get(start))
    assert "Start with a blank return" in form_page and "Start from the" not in form_page
    response = client.post(start, {"start": "blank"})

    created = ComplianceReturn.objects.get(organisation=world.council)
    assert response.status_code == 302 and response["Location"] == detail_url(created)
    page = text_of(client.get(detail_url(created)))
    assert "0 of 4 answered" in page
    assert "Continue with undertaking 3.1.1" in page


def test_someone_with_no_organisation_is_told_how_to_take_part(world, client_for):
    page = text_of(client_for(world.users["outsider"]).get(reverse("undertakings:return-list")))
    assert "You are not an approved member of one yet" in page


def test_the_entry_form_saves_and_moves_to_the_next_unassessed_undertaking(council_return, client_for, officer):
    first, second = council_return.entries.all()[:2]
    client = client_for(officer)
    page = text_of(client.get(entry_url(first)))
    assert "0 of 4 answered" in page
    assert "How well did Northshire Council keep undertaking 3.1.1?" in page

    response = client.post(
        entry_url(first),
        {"rating": "met", "evidence": "Joint plan agreed May 2025", "links": "https://example.org/plan\n"},
    )

    assert response["Location"] == entry_url(second)
    first.refresh_from_db()
    assert (first.rating, first.evidence, first.links) == (
        Rating.MET,
        "Joint plan agreed May 2025",
        ["https://example.org/plan"],
    )
    assert "1 of 4 answered" in text_of(client.get(entry_url(second)))


def test_save_and_go_back_returns_to_the_return_page(council_return, client_for, officer):
    entry = council_return.entries.first()
    response = client_for(officer).post(entry_url(entry), {"rating": "met", "then": "1"})
    assert response["Location"] == detail_url(council_return) + f"#entry-{entry.pk}"


def test_an_unexplained_rating_shows_the_error_and_keeps_what_was_typed(council_return, client_for, officer):
    entry = council_return.entries.first()
    response = client_for(officer).post(entry_url(entry), {"rating": "not_met", "evidence": "Draft plan only"})
    page = text_of(response)
    assert response.status_code == 200
    assert "There is a problem" in page
    assert services.EXPLANATION_REQUIRED in page
    assert "Draft plan only" in page
    assert '<a href="#id_explanation">' in page
    entry.refresh_from_db()
    assert entry.rating == Rating.NOT_ASSESSED


def test_organisation_names_in_the_form_legend_are_escaped(world, code, client_for, officer):
    world.council.name = "<script>alert(1)</script> Council"
    world.council.save()
    compliance_return = services.compliance_return_start(
        organisation=world.council, period=world.period, code=code, user=officer
    )
    page = text_of(client_for(officer).get(entry_url(compliance_return.entries.first())))
    assert "<script>alert(1)</script>" not in page


def test_the_submit_page_lists_what_is_missing(council_return, client_for, officer):
    client = client_for(officer)
    services.compliance_entry_update(
        entry=council_return.entries.first(), user=officer, rating="met", explanation="", evidence="", links=[]
    )
    page = text_of(client.get(reverse("undertakings:return-submit", args=[council_return.pk])))
    assert "You cannot submit this return yet" in page
    assert "Undertaking 3.1.2</a>: not yet assessed" in page
    assert "Undertaking 3.1.1" not in page

    response = client.post(reverse("undertakings:return-submit", args=[council_return.pk]))
    assert services.RETURN_INCOMPLETE.format(count=3) in text_of(response)


def test_a_submitted_return_is_read_only_on_every_page(council_return, client_for, officer):
    fill(council_return, officer)
    client = client_for(officer)
    response = client.post(reverse("undertakings:return-submit", args=[council_return.pk]))
    assert response["Location"] == detail_url(council_return)

    entry = council_return.entries.first()
    response = client.post(entry_url(entry), {"rating": "not_met", "explanation": "late change"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.rating == Rating.MET
    page = text_of(client.get(detail_url(council_return)))
    assert services.RETURN_SUBMITTED_READ_ONLY in page
    assert entry_url(entry) not in page
    assert "Check and submit" not in page


def test_the_steering_group_returns_a_return_and_the_officer_sees_the_comments(
    council_return, client_for, officer, steering
):
    fill(council_return, officer)
    services.compliance_return_submit(compliance_return=council_return, user=officer)
    review = reverse("undertakings:return-review", args=[council_return.pk])

    response = client_for(steering).post(review, {"decision": "return", "comments": ""})
    assert services.COMMENTS_REQUIRED in text_of(response)
    response = client_for(steering).post(review, {"decision": "return", "comments": "Say how 3.2.1 was met."})
    assert response["Location"] == reverse("undertakings:period-overview", args=[council_return.period_id])

    page = text_of(client_for(officer).get(detail_url(council_return)))
    assert "Returned for changes" in page and "Say how 3.2.1 was met." in page


def test_the_history_names_the_portal_for_a_step_nobody_signed_in_took(world, code, client_for, steering):
    # The demo (and a script) start returns with no user; an account deleted later leaves none either.
    started = services.compliance_return_start(organisation=world.council, period=world.period, code=code, user=None)
    page = text_of(client_for(steering).get(detail_url(started)))
    assert "The portal" in page


def test_accepting_locks_the_return(council_return, client_for, officer, steering):
    fill(council_return, officer)
    services.compliance_return_submit(compliance_return=council_return, user=officer)
    client_for(steering).post(reverse("undertakings:return-review", args=[council_return.pk]), {"decision": "accept"})
    council_return.refresh_from_db()
    assert council_return.status == ReturnStatus.REVIEWED
    page = text_of(client_for(officer).get(detail_url(council_return)))
    assert "This return is locked." in page


def test_start_from_last_year_is_offered_when_there_is_a_previous_return(world, code, client_for, officer):
    from tests import factories as f

    last = f.ReportingPeriodFactory(
        compact=world.compact,
        label="2024-25",
        start_date=datetime.date(2024, 4, 1),
        end_date=datetime.date(2025, 3, 31),
    )
    old = services.compliance_return_start(organisation=world.council, period=last, code=code, user=officer)
    fill(old, officer)
    client = client_for(officer)
    start = reverse("undertakings:return-start", args=[world.council.slug, world.period.pk, code.pk])
    assert "Start from the 2024-25 return" in text_of(client.get(start))

    response = client.post(start, {"start": "carry_forward"})
    new = ComplianceReturn.objects.get(period=world.period)
    page = text_of(client.get(response["Location"]))
    assert "4 copied from 2024-25 still to confirm" in page
    assert "Carried forward – confirm" in page
    assert "Carried forward from 2024-25 – confirm" in text_of(client.get(entry_url(new.entries.first())))


@pytest.fixture
def carried_forward(world, code, officer):
    """A return started from last year's, every answer copied and none confirmed."""
    from tests import factories as f

    last = f.ReportingPeriodFactory(
        compact=world.compact,
        label="2024-25",
        start_date=datetime.date(2024, 4, 1),
        end_date=datetime.date(2025, 3, 31),
    )
    fill(services.compliance_return_start(organisation=world.council, period=last, code=code, user=officer), officer)
    return services.compliance_return_start(
        organisation=world.council, period=world.period, code=code, user=officer, carry_forward=True
    )


def test_copied_answers_are_not_progress_and_give_no_score_until_confirmed(carried_forward, client_for, officer):
    page = text_of(client_for(officer).get(detail_url(carried_forward)))
    assert "0 of 4 answered" in page
    assert "Shown when the answers copied from 2024-25 are confirmed" in page
    assert "Check last year's answers" in page


def test_saving_a_copied_answer_goes_on_to_the_next_one_that_needs_the_officer(carried_forward, client_for, officer):
    first, second = list(carried_forward.entries.order_by("undertaking__position"))[:2]
    response = client_for(officer).post(entry_url(first), {"rating": "met", "explanation": "", "evidence": ""})
    assert response["Location"] == entry_url(second)


def test_the_officer_changes_one_answer_and_confirms_the_rest_at_once(carried_forward, client_for, officer):
    client = client_for(officer)
    confirm = reverse("undertakings:return-confirm", args=[carried_forward.pk])
    page = text_of(client.get(confirm))
    assert "4 answers are copied from your 2024-25 return and not confirmed yet" in page
    assert "Confirm all 4 answers" in page

    changed = carried_forward.entries.order_by("undertaking__position").first()
    response = client.post(
        entry_url(changed) + "?from=confirm",
        {"rating": "not_met", "explanation": "The forum did not meet this year.", "evidence": ""},
    )
    assert response["Location"] == confirm  # back to the list to confirm the rest
    page = text_of(client.get(confirm))
    assert "Confirm all 3 answers" in page

    shown = list(carried_forward.entries.filter(carried_forward=True).values_list("pk", flat=True))
    response = client.post(confirm, {"entry": shown}, follow=True)
    assert "3 answers from last year confirmed." in text_of(response)
    assert "4 of 4 answered" in text_of(response)
    assert not carried_forward.entries.filter(carried_forward=True).exists()


def test_only_the_answers_the_officer_was_shown_are_confirmed(carried_forward, client_for, officer):
    first, *rest = carried_forward.entries.order_by("undertaking__position")
    client_for(officer).post(reverse("undertakings:return-confirm", args=[carried_forward.pk]), {"entry": [first.pk]})
    assert list(carried_forward.entries.filter(carried_forward=True)) == rest


def test_people_outside_the_body_cannot_confirm_its_answers(carried_forward, client_for, world, steering):
    confirm = reverse("undertakings:return-confirm", args=[carried_forward.pk])
    shown = list(carried_forward.entries.values_list("pk", flat=True))
    assert client_for(world.users["other_officer"]).post(confirm, {"entry": shown}).status_code == 404
    assert client_for(steering).post(confirm, {"entry": shown}).status_code == 403
    assert carried_forward.entries.filter(carried_forward=True).count() == 4


# --- Evidence files and actions --------------------------------------------------------------


def test_an_officer_uploads_a_file_and_only_permitted_people_can_download_it(
    world, council_return, client_for, officer, steering
):
    entry = council_return.entries.first()
    client = client_for(officer)
    upload = SimpleUploadedFile("minutes.txt", b"Minutes of the meeting", content_type="text/plain")
    response = client.post(reverse("undertakings:evidence-add", args=[entry.pk]), {"file": upload})
    assert response.status_code == 302
    evidence = entry.files.get()
    download = reverse("undertakings:evidence-download", args=[evidence.pk])

    for user in (officer, steering):
        response = client_for(user).get(download)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"Minutes of the meeting"
        assert response["Content-Disposition"] == 'attachment; filename="minutes.txt"'
    assert client_for(world.users["other_officer"]).get(download).status_code == 404
    assert client_for(None).get(download).status_code == 302


def test_an_upload_of_the_wrong_type_is_refused_on_the_page(council_return, client_for, officer):
    entry = council_return.entries.first()
    upload = SimpleUploadedFile("report", b"MZ\x90\x00" + b"\x00" * 100, content_type="application/pdf")
    response = client_for(officer).post(reverse("undertakings:evidence-add", args=[entry.pk]), {"file": upload})
    assert response.status_code == 200
    assert services.FILE_TYPE_NOT_ALLOWED in text_of(response)
    page = SimpleUploadedFile("annual-report.pdf", b"<html><script>alert(1)</script></html>")
    response = client_for(officer).post(reverse("undertakings:evidence-add", args=[entry.pk]), {"file": page})
    assert "annual-report.pdf is not a PDF: its content is a web page. Upload the PDF itself." in text_of(response)
    assert not entry.files.exists()


def test_actions_are_added_with_a_date_and_shown_on_the_return(council_return, client_for, officer):
    entry = council_return.entries.first()
    client = client_for(officer)
    url = reverse("undertakings:action-add", args=[entry.pk])
    response = client.post(
        url, {"what": "Publish the plan", "who": "Policy team", "due_on_0": "31", "due_on_1": "13", "due_on_2": "2026"}
    )
    assert response.status_code == 200 and "There is a problem" in text_of(response)
    response = client.post(
        url, {"what": "Publish the plan", "who": "Policy team", "due_on_0": "31", "due_on_1": "12", "due_on_2": "2026"}
    )
    assert response.status_code == 302
    assert entry.actions.get().due_on == datetime.date(2026, 12, 31)
    assert "Publish the plan" in text_of(client.get(detail_url(council_return)))


# --- The steering group's pages --------------------------------------------------------------


@pytest.fixture
def submitted_council(council_return, officer):
    for entry in council_return.entries.select_related("undertaking"):
        rating, explanation = (
            (Rating.PARTLY_MET, "=cmd|' /C calc'!A0") if entry.undertaking.ref == "3.1.2" else (Rating.MET, "")
        )
        services.compliance_entry_update(
            entry=entry, user=officer, rating=rating, explanation=explanation, evidence="", links=[]
        )
    services.compliance_return_submit(compliance_return=council_return, user=officer)
    return council_return


def test_the_period_overview_shows_status_and_score_of_every_signatory(world, submitted_council, client_for, steering):
    page = text_of(client_for(steering).get(reverse("undertakings:period-overview", args=[world.period.pk])))
    assert "Northshire Council" in page and "Northshire NHS Trust" in page and "African Caribbean Forum" in page
    assert "Submitted" in page and "Not started" in page
    assert "87.5%" in page and "(3.5 of 4)" in page


def test_the_matrix_shows_every_signatory_by_section_with_counts_in_words(
    world, code, submitted_council, client_for, steering
):
    page = text_of(client_for(steering).get(reverse("undertakings:matrix", args=[world.period.pk, code.pk])))
    assert "3 bodies by section of the Code, 2025-26" in page
    assert "1 of 3 bodies have a return counted" in page
    # The council's section 3.1: one met, one partly met: coloured by the worse, said in words.
    assert 'portal-rating--partly_met"><span class="govuk-!-display-block">75%</span>' in page
    assert "1 met, 1 partly met" in page
    # Bodies whose return is not counted are there, with their return's state.
    assert " ".join(page.split()).count('Northshire NHS Trust</th> <td class="govuk-table__cell">Not started</td>') == 1
    assert "Not counted: no return started" in page


def test_the_full_grid_labels_every_cell_in_words(world, code, submitted_council, client_for, steering):
    page = text_of(client_for(steering).get(reverse("undertakings:matrix-full", args=[world.period.pk, code.pk])))
    assert '<td class="govuk-table__cell portal-rating portal-rating--partly_met">Partly met</td>' in page
    assert page.count('portal-rating--met">Met</td>') == 3
    assert "Ratings of 1 body for 5 undertakings, 2025-26" in page
    assert "not for this sector" in page


def test_the_undertaking_page_shows_how_each_body_rated_it_and_why(
    world, code, submitted_council, client_for, steering
):
    undertaking = code.undertakings.get(ref="3.1.2")
    page = text_of(
        client_for(steering).get(reverse("undertakings:undertaking-detail", args=[world.period.pk, undertaking.pk]))
    )
    assert "Northshire Council" in page and "Partly met" in page
    assert "=cmd|&#x27; /C calc&#x27;!A0" in page


def test_csv_downloads_escape_cells_a_spreadsheet_would_run(world, code, submitted_council, client_for, steering):
    undertaking = code.undertakings.get(ref="3.1.2")
    csv_text = (
        client_for(steering)
        .get(reverse("undertakings:undertaking-csv", args=[world.period.pk, undertaking.pk]))
        .getvalue()
        .decode()
    )
    assert "'=cmd|' /C calc'!A0" in csv_text
    csv_text = client_for(steering).get(reverse("undertakings:period-csv", args=[world.period.pk])).getvalue().decode()
    assert "Northshire Council,Public body,Northshire BME Code,Submitted" in csv_text
    assert "3.5,4,87.5%" in csv_text


def test_other_compacts_periods_are_forbidden_to_a_steering_member(world, client_for, steering):
    from tests import factories as f

    elsewhere = f.ReportingPeriodFactory(compact=f.CompactFactory(name="Elsewhere Compact"))
    assert client_for(steering).get(reverse("undertakings:period-overview", args=[elsewhere.pk])).status_code == 403
