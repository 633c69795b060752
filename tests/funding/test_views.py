import datetime
import json
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from funding.models import Application, Award, AwardStatus
from funding.threesixty.schema import package_validator
from tests import factories as f

from .factories import ApplicationFactory, AwardFactory, FundingProgrammeFactory
from .test_threesixty import row, to_csv

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def open_programme(world):
    return FundingProgrammeFactory(
        funder=world.council,
        title="BME Capacity Fund",
        ring_fenced=True,
        opens_on=TODAY - 30 * DAY,
        closes_on=TODAY + 30 * DAY,
    )


def test_group_member_applies_and_the_status_of_the_day_is_shown(world, client_for, open_programme):
    client = client_for(world.users["group_member"])
    response = client.post(
        reverse("funding:application-create", args=[open_programme.pk]),
        {
            "applicant": world.group.pk,
            "project_title": "Advice surgery",
            "amount_requested": "2500",
        },
    )
    application = Application.objects.get()
    assert response.status_code == 302 and application.submitted_on == TODAY
    page = client.get(reverse("funding:application-detail", args=[application.pk])).content.decode()
    assert "BME-led status on submission" in page and "7 of 8 board members are of BME origin" in page


def test_a_group_that_is_not_bme_led_is_refused_before_the_form_with_what_to_do(world, client_for, open_programme):
    member = f.UserFactory()
    f.MembershipFactory(user=member, organisation=world.other_group)
    client = client_for(member)
    url = reverse("funding:application-create", args=[open_programme.pk])
    page = client.get(url).content.decode()
    assert "You cannot apply to BME Capacity Fund yet" in page
    assert "Polish Community Centre cannot apply yet" in page and "What to do:" in page
    assert reverse("organisations:declare-board", kwargs={"slug": world.other_group.slug}) in page
    assert 'href="/glossary/#ring-fenced"' in page
    assert 'name="project_title"' not in page  # no form to fill in
    response = client.post(
        url, {"applicant": world.other_group.pk, "project_title": "Advice", "amount_requested": "100"}
    )
    assert "You cannot apply" in response.content.decode() and not Application.objects.exists()


def test_an_undetermined_group_is_told_on_the_programme_page_whom_to_ask(world, client_for, open_programme):
    member = f.UserFactory()
    f.MembershipFactory(user=member, organisation=world.other_group)
    f.BoardDeclarationFactory(organisation=world.other_group, members=8, bme_members=5, undisclosed_members=2)
    page = client_for(member).get(reverse("funding:programme-detail", args=[open_programme.pk])).content.decode()
    assert "its status is undetermined" in page
    assert "5 of 8 members are of BME origin and 2 members did not say" in page
    assert "Ask the 2 members if they are willing to say, then update your declaration." in page
    assert 'href="/glossary/#undetermined"' in page
    assert reverse("funding:application-create", args=[open_programme.pk]) not in page  # no "Apply" button


def test_a_bme_led_group_sees_no_refusal_and_can_apply(world, client_for, open_programme):
    page = (
        client_for(world.users["group_member"])
        .get(reverse("funding:programme-detail", args=[open_programme.pk]))
        .content.decode()
    )
    assert "cannot apply yet" not in page
    assert reverse("funding:application-create", args=[open_programme.pk]) in page


def test_a_member_of_two_groups_can_apply_only_for_the_bme_led_one(world, client_for, open_programme):
    member = world.users["group_member"]
    f.MembershipFactory(user=member, organisation=world.other_group)
    page = client_for(member).get(reverse("funding:application-create", args=[open_programme.pk])).content.decode()
    assert "Polish Community Centre cannot apply yet" in page and 'name="project_title"' in page
    assert f'value="{world.other_group.pk}"' not in page


def test_an_officer_recording_a_paper_application_is_refused_by_the_service(world, client_for, open_programme):
    response = client_for(world.users["officer"]).post(
        reverse("funding:application-create", args=[open_programme.pk]),
        {
            "applicant": world.other_group.pk,
            "project_title": "Advice",
            "amount_requested": "100",
            "submitted_on_0": TODAY.day,
            "submitted_on_1": TODAY.month,
            "submitted_on_2": TODAY.year,
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and not Application.objects.exists()
    assert "only open to BME-led organisations" in page and "Declare your board for Polish Community Centre" in page


def test_group_member_can_apply_only_for_their_own_organisation(world, client_for, open_programme):
    response = client_for(world.users["group_member"]).post(
        reverse("funding:application-create", args=[open_programme.pk]),
        {"applicant": world.other_group.pk, "project_title": "x", "amount_requested": "100"},
    )
    assert "Select a valid choice" in response.content.decode() and not Application.objects.exists()


def test_officer_decides_and_records_the_award(world, client_for, open_programme):
    client = client_for(world.users["officer"])
    application = ApplicationFactory(programme=open_programme, applicant=world.group, submitted_on=TODAY - 2 * DAY)
    d = {"decided_on_0": TODAY.day, "decided_on_1": TODAY.month, "decided_on_2": TODAY.year}
    response = client.post(reverse("funding:application-decide", args=[application.pk]), {"decision": "awarded", **d})
    assert response["Location"] == reverse("funding:award-create", args=[application.pk])
    response = client.post(
        response["Location"],
        {
            "title": "Advice surgery",
            "description": "Weekly surgery",
            "amount": "2000",
            "award_date_0": TODAY.day,
            "award_date_1": TODAY.month,
            "award_date_2": TODAY.year,
        },
    )
    award = Award.objects.get()
    assert response["Location"] == reverse("funding:award-detail", args=[award.pk])
    assert award.application == application and award.amount == Decimal("2000")


def test_withdrawing_puts_both_follow_ups_on_the_officers_to_do_list(world, client_for):
    award = AwardFactory(funder=world.council, recipient=world.group, award_date=TODAY - 10 * DAY)
    client = client_for(world.users["officer"])
    client.post(
        reverse("funding:award-withdraw", args=[award.pk]),
        {
            "withdrawn_on_0": TODAY.day,
            "withdrawn_on_1": TODAY.month,
            "withdrawn_on_2": TODAY.year,
            "reason": "Stopped",
        },
    )
    assert Award.objects.get().status == AwardStatus.WITHDRAWN
    page = client.get(reverse("funding:todo")).content.decode()
    assert f"Joint review of {award.identifier}" in page and f"Redistribution after {award.identifier}" in page
    # The other body's officer has nothing to do for it.
    other = client_for(world.users["other_officer"]).get(reverse("funding:todo")).content.decode()
    assert award.identifier not in other


def test_withdrawal_reason_is_hidden_from_the_public(world, client_for):
    award = AwardFactory(
        funder=world.council,
        recipient=world.group,
        status=AwardStatus.WITHDRAWN,
        withdrawn_on=TODAY,
        withdrawal_reason="Governance concerns",
    )
    assert (
        "Governance concerns"
        not in client_for(None).get(reverse("funding:award-detail", args=[award.pk])).content.decode()
    )
    assert (
        "Governance concerns"
        in client_for(world.users["group_member"])
        .get(reverse("funding:award-detail", args=[award.pk]))
        .content.decode()
    )


def _awards(world, n):
    for _ in range(n):
        AwardFactory(funder=world.council, recipient=f.OrganisationFactory())


@pytest.mark.parametrize("n", [3, 30])
def test_award_list_query_count_does_not_grow(world, client_for, django_assert_num_queries, n):
    _awards(world, n)
    client = client_for(None)
    # count for the paginator, the page of awards with recipient/funder/programme, the funder choices
    with django_assert_num_queries(3):
        client.get(reverse("funding:award-list"))


@pytest.mark.parametrize("n", [3, 30])
def test_programme_list_query_count_does_not_grow(world, client_for, django_assert_num_queries, n):
    for _ in range(n):
        FundingProgrammeFactory(funder=world.council, opens_on=TODAY - DAY, closes_on=TODAY + DAY)
    client = client_for(None)
    # paginator count, the page of programmes with funder and service area
    with django_assert_num_queries(2):
        client.get(reverse("funding:programme-list"))


@pytest.mark.parametrize("n", [3, 30])
def test_application_list_query_count_does_not_grow(world, client_for, django_assert_num_queries, n):
    programme = FundingProgrammeFactory(funder=world.council)
    for _ in range(n):
        ApplicationFactory(programme=programme)
    client = client_for(world.users["officer"])
    client.get(reverse("funding:application-list"))  # warm the session
    # session, user, roles (memberships, steering seats), paginator count, the page of applications
    with django_assert_num_queries(6):
        client.get(reverse("funding:application-list"))


def test_grants_api_is_valid_360giving_filtered_by_funder_and_dates(world, client_for):
    AwardFactory(funder=world.council, award_date=datetime.date(2025, 5, 1), amount=Decimal("1500.50"))
    AwardFactory(funder=world.council, award_date=datetime.date(2024, 5, 1))
    AwardFactory(funder=world.other_body, award_date=datetime.date(2025, 5, 1))
    response = client_for(None).get(
        reverse("funding:grants-api"), {"funder": world.council.org_id, "from": "2025-04-01", "to": "2026-03-31"}
    )
    body = response.json()
    assert [g["amountAwarded"] for g in body["grants"]] == [1500.5]
    assert body["meta"]["count"] == 1
    del body["meta"]
    assert list(package_validator().iter_errors(body)) == []
    bad = client_for(None).get(reverse("funding:grants-api"), {"from": "01/05/2025", "funder": "XX-NOPE"})
    assert bad.status_code == 400 and set(bad.json()["errors"]) == {"from", "funder"}


def test_award_csv_has_the_standards_columns(world, client_for):
    AwardFactory(funder=world.council, recipient=world.group, title="=SUM(A1)")
    content = b"".join(client_for(None).get(reverse("funding:award-csv")).streaming_content).decode()
    header, first = content.splitlines()[:2]
    assert header.startswith("Identifier,Title,Description,Currency,Amount Awarded,Award Date")
    assert "'=SUM(A1)" in first and "GB-CHC-1123456" in first


def test_monitoring_page_csv_and_api_agree(world, client_for):
    AwardFactory(
        funder=world.council, recipient=world.group, award_date=datetime.date(2025, 6, 1), amount=Decimal("3000")
    )
    client = client_for(None)
    page = client.get(reverse("funding:monitoring"), {"year": "2025"}).content.decode()
    assert 'role="img"' in page and "Funding awarded, by recipient" in page and "£3,000 (100.0%)" in page
    csv_text = client.get(reverse("funding:monitoring-csv"), {"year": "2025"}).getvalue().decode()
    assert "Value of awards (GBP),3000.00" in csv_text
    assert (
        client.get(reverse("funding:monitoring-api"), {"start": "2025-04-01", "end": "2026-03-31"}).json()[
            "awarded_value"
        ]
        == "3000.00"
    )


def test_import_page_queues_a_job_whose_report_lists_refusals_and_warnings(
    world, client_for, django_capture_on_commit_callbacks
):
    # Was: a bad row refused the whole file. Now the usable grant is imported and the report says why
    # the other was refused, with its line and identifier, and lists the warnings.
    client = client_for(world.users["officer"])
    content = to_csv(
        [
            row(world.council, 1, **{"Recipient Org:Charity Number": "TBC"}),
            row(world.council, 2, **{"Amount Awarded": "abc"}),
        ]
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("funding:import"), {"file": SimpleUploadedFile("grants.csv", content, "text/csv")}
        )
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "1 grant imported" in page and Award.objects.count() == 1
    assert "Line 3" in page and "360G-nth-2" in page and "“abc” is not a number" in page
    assert "“TBC” is not a UK charity number" in page and "GBP 1500.50" in page
    # Another officer's body may not see the report.
    assert client_for(world.users["other_officer"]).get(response.url).status_code == 404


def test_import_page_strict_refuses_the_whole_file(world, client_for, django_capture_on_commit_callbacks):
    client = client_for(world.users["officer"])
    content = to_csv([row(world.council, 1), row(world.council, 2, **{"Amount Awarded": "abc"})])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("funding:import"),
            {"file": SimpleUploadedFile("grants.csv", content, "text/csv"), "strict": "on"},
        )
    page = client.get(response.url).content.decode()
    assert "Nothing was imported" in page and "Line 3" in page and not Award.objects.exists()


def test_import_command_reports_problems_and_imports_nothing(world, tmp_path, capsys):
    bad = tmp_path / "grants.csv"
    bad.write_bytes(to_csv([row(world.council, 1, **{"Award Date": "31/02/2025"})]))
    with pytest.raises(CommandError, match="Nothing was imported: 1 problems"):
        call_command("import_360giving", str(bad), funder=world.council.org_id)
    assert "Refused: Line 2: Award Date" in capsys.readouterr().err
    good = tmp_path / "good.csv"
    good.write_bytes(to_csv([row(world.council, 1)]))
    call_command("import_360giving", str(good), funder=world.council.org_id)
    assert Award.objects.count() == 1
    with pytest.raises(CommandError, match="No organisation has the identifier"):
        call_command("import_360giving", str(good), funder="GB-NOPE")


def test_openapi_fragments_reference_only_their_own_schemas_and_the_common_error_shape():
    from common.api import ERRORS_SCHEMA_NAME
    from funding import openapi

    text = json.dumps(openapi.PATHS) + json.dumps(openapi.SCHEMAS)
    refs = set(re.findall(r'"#/components/schemas/([^"]+)"', text))
    assert refs <= set(openapi.SCHEMAS) | {ERRORS_SCHEMA_NAME} and "/api/v1/grants" in openapi.PATHS
    assert ERRORS_SCHEMA_NAME not in openapi.SCHEMAS


def test_an_undetermined_status_on_an_application_says_what_to_do_next(world, client_for):
    application = ApplicationFactory(
        programme=FundingProgrammeFactory(funder=world.council), applicant=world.group, bme_led_outcome="undetermined"
    )
    page = client_for(world.users["group_member"]).get(reverse("funding:application-detail", args=[application.pk]))
    text = page.content.decode()
    assert "What to do next: ask the board members who did not say" in text
    assert 'href="/glossary/#undetermined"' in text


# The awards list's date filters use the GOV.UK date input (issue 18); old ISO links still work.


@pytest.fixture
def spring_and_autumn_awards(world):
    AwardFactory(funder=world.council, title="Spring grant", award_date=datetime.date(2025, 4, 10))
    AwardFactory(funder=world.council, title="Autumn grant", award_date=datetime.date(2025, 10, 10))


def _award_titles(client, query) -> tuple[str, list[str]]:
    page = client.get(reverse("funding:award-list"), query).content.decode()
    return page, re.findall(r"(Spring|Autumn) grant</a>", page)


def test_awards_are_filtered_by_dates_typed_as_day_month_and_year(world, client_for, spring_and_autumn_awards):
    page, shown = _award_titles(
        client_for(None),
        {"start_0": "1", "start_1": "9", "start_2": "2025", "end_0": "31", "end_1": "3", "end_2": "2026"},
    )
    assert shown == ["Autumn"]
    assert 'name="start_0"' in page and "YYYY-MM-DD" not in page


def test_an_old_iso_link_still_filters_and_fills_in_the_date_inputs(world, client_for, spring_and_autumn_awards):
    page, shown = _award_titles(client_for(None), {"start": "2025-09-01"})
    assert shown == ["Autumn"]
    assert re.search(r'name="start_1"[^>]*value="9"|value="9"[^>]*name="start_1"', page)


def test_a_date_that_is_not_real_is_reported_and_not_used(world, client_for, spring_and_autumn_awards):
    page, shown = _award_titles(client_for(None), {"start_0": "31", "start_1": "2", "start_2": "2025"})
    assert "There is a problem" in page and "The ‘on or after’ date must be a real date" in page
    assert sorted(shown) == ["Autumn", "Spring"]


def test_an_end_before_the_start_is_reported(world, client_for, spring_and_autumn_awards):
    page, _ = _award_titles(client_for(None), {"start": "2025-09-01", "end": "2025-01-01"})
    assert "must be the same as or after" in page
