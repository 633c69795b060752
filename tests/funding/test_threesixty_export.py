"""What the import keeps and what the export says: names and extra columns as published, grants of
several funders and currencies, withdrawn awards, the publisher and licence, and the DEI extension's
leadership fields for recipients BME-led on the award date."""

import csv
import datetime
import io
import json

import pytest
from django.test import override_settings
from django.urls import reverse

from funding.models import Award, AwardStatus
from funding.services.awards import award_withdraw
from funding.services.imports import grants_import
from funding.threesixty import export
from funding.threesixty.schema import package_validator
from organisations.bme_led import Outcome
from organisations.models import Organisation
from organisations.selectors import bme_led_status
from tests import factories as f

from .factories import AwardFactory
from .test_threesixty import HEADER, row, to_csv


@pytest.fixture
def funder(db):
    return f.PublicBodyFactory(name="Northshire Council", local_authority_code="NTH")


def _valid(package):
    return list(package_validator().iter_errors(json.loads(json.dumps(package)))) == []


def test_two_recipients_with_one_charity_number_keep_their_own_names(funder):
    # A food bank given its national charity's number is not renamed after another branch.
    rows = [
        row(
            funder,
            1,
            **{
                "Recipient Org:Identifier": "GB-CHC-214779",
                "Recipient Org:Name": "The Salvation Army Taunton",
                "Recipient Org:Charity Number": "214779",
            },
        ),
        row(
            funder,
            2,
            **{
                "Recipient Org:Identifier": "360G-nth-ORG:felixstowe",
                "Recipient Org:Name": "Felixstowe Salvation Army Food Bank",
                "Recipient Org:Charity Number": "214779",
            },
        ),
    ]
    result = grants_import(name="grants.csv", content=to_csv(rows), funder=funder)
    names = dict(Award.objects.values_list("identifier", "recipient_name"))
    assert names == {"360G-nth-1": "The Salvation Army Taunton", "360G-nth-2": "Felixstowe Salvation Army Food Bank"}
    exported = {g["id"]: g["recipientOrganization"][0]["name"] for g in export.grants(Award.objects.all())}
    assert exported == names
    assert any("also given to" in p.message for p in result.warnings)
    assert Award.objects.values("recipient").distinct().count() == 2


def test_extra_columns_and_durations_come_back_as_published(funder):
    header = [*HEADER, "Planned Dates:Duration (months)", "Beneficiary Location:Name", "Primary ethnicity"]
    content = to_csv(
        [
            row(
                funder,
                1,
                **{
                    "Planned Dates:Duration (months)": "7",
                    "Beneficiary Location:Name": "Corby",
                    "Primary ethnicity": "Black or Black British",
                },
            )
        ],
        header=header,
    )
    grants_import(name="grants.csv", content=content, funder=funder)
    award = Award.objects.get()
    assert award.planned_months == 7  # as given, though the dates span 36 months
    grant = export.grants([award])[0]
    assert grant["plannedDates"] == [{"startDate": "2025-06-01", "endDate": "2028-05-31", "duration": 7}]
    assert (
        grant["beneficiaryLocation"] == [{"name": "Corby"}] and grant["Primary ethnicity"] == "Black or Black British"
    )
    header_out, rows = export.table([grant])
    assert dict(zip(header_out, rows[0], strict=True))["Primary ethnicity"] == "Black or Black British"


def test_status_comes_from_the_dates(funder):
    content = to_csv(
        [
            row(
                funder, 1, **{"Planned Dates:Start Date": "", "Planned Dates:End Date": "", "Award Date": "2011-05-01"}
            ),
            row(funder, 2, **{"Planned Dates:Start Date": "2011-06-01", "Planned Dates:End Date": "2012-05-31"}),
        ]
    )
    grants_import(name="grants.csv", content=content, funder=funder)
    statuses = dict(Award.objects.values_list("identifier", "status"))
    assert statuses == {"360G-nth-1": AwardStatus.NOT_RECORDED, "360G-nth-2": AwardStatus.COMPLETED}


def test_a_file_of_several_funders_and_currencies(db):
    known = f.PublicBodyFactory(org_id="GB-LAE-NTH", name="Northshire Council")
    rows = [
        row(known, 1),
        row(
            known,
            2,
            **{
                "Funding Org:Identifier": "GB-CHC-999",
                "Funding Org:Name": "Another Trust",
                "Currency": "USD",
                "Amount Awarded": "2500",
            },
        ),
    ]
    result = grants_import(name="grants.csv", content=to_csv(rows))
    other = Organisation.objects.get(org_id="GB-CHC-999")
    assert (other.name, other.verified, result.funders_created) == ("Another Trust", False, ["Another Trust"])
    assert dict(Award.objects.values_list("identifier", "funder__org_id")) == {
        "360G-nth-1": "GB-LAE-NTH",
        "360G-nth-2": "GB-CHC-999",
    }
    assert Award.objects.get(identifier="360G-nth-2").currency == "USD"
    assert set(result.totals) == {"GBP", "USD"}


def test_withdrawn_awards_are_published_at_the_amount_after_withdrawal_or_left_out(funder):
    grants_import(name="grants.csv", content=to_csv([row(funder, 1), row(funder, 2)]), funder=funder)
    award = Award.objects.get(identifier="360G-nth-1")
    award_withdraw(award=award, withdrawn_on=datetime.date(2025, 9, 1), reason="The project did not start.")
    awards = list(Award.objects.with_parties().order_by("identifier"))
    reduced = export.package(awards, withdrawn="reduce")
    assert _valid(reduced)
    first = reduced["grants"][0]
    assert first["amountAwarded"] == 0
    assert first["description"] == "Community work Withdrawn on 2025-09-01: The project did not start."
    omitted = export.package(awards, withdrawn="omit")
    assert [g["id"] for g in omitted["grants"]] == ["360G-nth-2"]
    with override_settings(THREESIXTY_WITHDRAWN="omit"):
        assert [g["id"] for g in export.package(awards)["grants"]] == ["360G-nth-2"]


def test_the_publisher_is_the_funder_or_the_compact_with_the_licence(world, client_for):
    one = AwardFactory(funder=world.council, recipient=world.group)
    package = export.package([one])
    assert package["publisher"] == {"identifier": world.council.org_id, "name": "Northshire Council"}
    assert package["license"] == "https://creativecommons.org/licenses/by/4.0/"
    two = AwardFactory(funder=world.other_body, recipient=world.group)
    assert export.package([one, two])["publisher"] == {"name": "Northshire Compact"}
    with override_settings(THREESIXTY_LICENCE="https://creativecommons.org/publicdomain/zero/1.0/"):
        assert export.package([one])["license"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    api = client_for(None).get(reverse("funding:grants-api")).json()
    assert api["publisher"] == {"name": "Northshire Compact"} and api["license"] == package["license"]


def test_dei_leadership_fields_for_recipients_bme_led_on_the_award_date(world):
    today = datetime.date.today()
    bme_led = AwardFactory(funder=world.council, recipient=world.group, award_date=today)
    before = AwardFactory(funder=world.council, recipient=world.group, award_date=today - datetime.timedelta(days=400))
    other = AwardFactory(funder=world.council, recipient=world.other_group, award_date=today)
    assert bme_led_status(organisation=world.group, on_date=today).outcome == Outcome.BME_LED
    assert bme_led_status(organisation=world.group, on_date=before.award_date).outcome != Outcome.BME_LED
    package = export.package([bme_led, before, other])
    assert _valid(package) and package["extensions"] == ["dei"]
    by_id = {g["id"]: g for g in package["grants"]}
    leadership = by_id[bme_led.identifier]["deiDetails"]["leadership"]
    assert leadership["response"] == {"taxonomyCodes": ["DEI01"]} and leadership["askedStatus"] == "AS201"
    assert "Northshire Compact definition" in leadership["additionalDetails"]
    assert by_id[bme_led.identifier]["deiDetails"]["mission"] == {"askedStatus": "AS100"}
    assert "deiDetails" not in by_id[before.identifier] and "deiDetails" not in by_id[other.identifier]
    # The flat form carries the extension's columns, and reads them back.
    header, rows = export.table(package["grants"])
    assert "DEI Details:Leadership:DEI Response:Taxonomy Codes" in header
    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    Award.objects.all().delete()
    grants_import(name="again.csv", content=out.getvalue().encode(), funder=world.council)
    again = Award.objects.get(identifier=bme_led.identifier).published["deiDetails"]
    assert again == by_id[bme_led.identifier]["deiDetails"]


def test_the_xlsx_download_is_the_standards_template(world, client_for):
    import openpyxl

    AwardFactory(funder=world.council, recipient=world.group, title="Advice")
    response = client_for(None).get(reverse("funding:award-xlsx"))
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    rows = list(book["grants"].iter_rows(values_only=True))
    assert rows[0][:6] == ("Identifier", "Title", "Description", "Currency", "Amount Awarded", "Award Date")
    assert rows[1][1] == "Advice"


def test_figures_in_pounds_say_what_they_leave_out(world, client_for):
    day = datetime.date(2025, 6, 1)
    AwardFactory(funder=world.council, recipient=world.group, award_date=day, amount="3000")
    AwardFactory(funder=world.council, recipient=world.group, award_date=day, amount="5000", currency="USD")
    page = client_for(None).get(reverse("funding:monitoring"), {"year": "2025"}).content.decode()
    assert "£3,000" in page and "1 awards not counted in any figure in pounds" in page
    api = client_for(None).get(reverse("funding:monitoring-api"), {"start": "2025-04-01", "end": "2026-03-31"}).json()
    assert (api["awarded_value"], api["awards"], api["awards_in_other_currencies"]) == ("3000.00", 1, 1)
