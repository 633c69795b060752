"""360Giving files: bad files refused whole with every reason, good ones imported once, and the real
published samples each imported whole or refused whole."""

import csv
import io
import json
import os
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from funding.models import Award, RecipientMatch
from funding.services import import_runs, imports
from funding.services.imports import ImportRefused, grants_import
from funding.threesixty import reader
from funding.threesixty.export import table
from organisations.models import Organisation
from tests import factories as f

from .factories import AwardFactory

# The published files live in shared/360giving/samples/ beside the repository (or a folder above a
# clone), or where THREESIXTY_SAMPLES_DIR says; they are real third-party data, so they are not
# copied into the project.
SAMPLES = (
    Path(os.environ["THREESIXTY_SAMPLES_DIR"])
    if os.environ.get("THREESIXTY_SAMPLES_DIR")
    else next(
        (
            folder / "shared" / "360giving" / "samples"
            for folder in Path(__file__).resolve().parents
            if (folder / "shared" / "360giving" / "samples").is_dir()
        ),
        Path("shared/360giving/samples"),
    )
)

HEADER = [
    "Identifier",
    "Title",
    "Description",
    "Currency",
    "Amount Awarded",
    "Award Date",
    "Recipient Org:Identifier",
    "Recipient Org:Name",
    "Recipient Org:Charity Number",
    "Recipient Org:Company Number",
    "Funding Org:Identifier",
    "Funding Org:Name",
    "Planned Dates:Start Date",
    "Planned Dates:End Date",
    "Grant Programme:Title",
]


@pytest.fixture
def funder(db):
    return f.PublicBodyFactory(name="Northshire Council", local_authority_code="NTH")


def row(funder, n=1, **changes):
    values = {
        "Identifier": f"360G-nth-{n}",
        "Title": f"Grant {n}",
        "Description": "Community work",
        "Currency": "GBP",
        "Amount Awarded": "1500.50",
        "Award Date": "2025-05-01",
        "Recipient Org:Identifier": f"GB-CHC-11{n:05d}",
        "Recipient Org:Name": f"Group {n}",
        "Recipient Org:Charity Number": f"11{n:05d}",
        "Recipient Org:Company Number": "",
        "Funding Org:Identifier": funder.org_id,
        "Funding Org:Name": funder.name,
        "Planned Dates:Start Date": "2025-06-01",
        "Planned Dates:End Date": "2028-05-31",
        "Grant Programme:Title": "Small grants",
    }
    values.update(changes)
    return values


def to_csv(rows, header=HEADER) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def refusal(content, funder, name="grants.csv", strict=False) -> list[tuple[str, str]]:
    with pytest.raises(ImportRefused) as caught:
        grants_import(name=name, content=content, funder=funder, strict=strict)
    assert Award.objects.count() == 0
    return [(p.where, p.message) for p in caught.value.problems]


def test_csv_header_uses_the_standards_titles():
    header, _ = table([])  # the columns every export starts with, whatever the grants
    assert header[:6] == ["Identifier", "Title", "Description", "Currency", "Amount Awarded", "Award Date"]
    assert {
        "Recipient Org:Identifier",
        "Recipient Org:Charity Number",
        "Funding Org:Name",
        "Planned Dates:End Date",
        "Grant Programme:Title",
    } <= set(header)


def test_a_good_csv_imports_with_new_unverified_recipients_and_changes_nothing_the_second_time(funder):
    content = to_csv([row(funder, 1), row(funder, 2)])
    result = grants_import(name="grants.csv", content=content, funder=funder)
    assert (result.created, result.organisations_created) == (2, 2)
    award = Award.objects.get(identifier="360G-nth-1")
    assert (award.amount, award.planned_months, award.programme_title) == (Decimal("1500.50"), 36, "Small grants")
    assert award.recipient.verified is False and award.recipient.charity_number == "1100001"
    again = grants_import(name="grants.csv", content=content, funder=funder)
    assert (again.created, again.updated, again.unchanged, again.organisations_created) == (0, 0, 2, 0)


def test_a_recipient_sharing_a_number_is_queued_for_an_officer_not_merged(funder):
    # Was: matched silently by charity or company number. Now the recipient keeps its own
    # identifier, and an officer confirms whether the organisation with that number is the same one.
    known = f.OrganisationFactory(charity_number="1100001")
    content = to_csv([row(funder, 1, **{"Recipient Org:Identifier": "XI-OTHER-1"})])
    result = grants_import(name="grants.csv", content=content, funder=funder)
    award = Award.objects.get(identifier="360G-nth-1")
    assert award.recipient != known and award.recipient.org_id == "XI-OTHER-1"
    assert award.recipient.charity_number == ""  # the number stays with the organisation that holds it
    match = RecipientMatch.objects.get()
    assert (result.matches_queued, match.candidate, match.recipient_org_id) == (1, known, "XI-OTHER-1")
    import_runs.recipient_match_decide(match=match, confirm=True)
    award.refresh_from_db()
    assert award.recipient == known and (award.recipient_name, award.recipient_org_id) == ("Group 1", "XI-OTHER-1")
    # Importing the file again keeps the officer's match and changes nothing.
    again = grants_import(name="grants.csv", content=content, funder=funder)
    assert (again.updated, again.unchanged, again.matches_queued) == (0, 1, 0)
    assert Award.objects.get().recipient == known


def test_a_recipient_is_found_by_its_org_id_in_the_register_form(funder):
    society = f.OrganisationFactory(company_number="IP28755R", org_id="GB-MPR-IP28755R")
    content = to_csv(
        [
            row(
                funder,
                2,
                **{
                    "Recipient Org:Identifier": "GB-COH-IP28755R",
                    "Recipient Org:Charity Number": "",
                    "Recipient Org:Company Number": "IP28755R",
                },
            ),
        ]
    )
    grants_import(name="grants.csv", content=content, funder=funder)
    award = Award.objects.get(identifier="360G-nth-2")
    assert award.recipient == society and award.recipient_org_id == "GB-COH-IP28755R"


def test_a_society_number_given_as_a_company_number_gets_a_mutuals_register_identifier(funder):
    content = to_csv(
        [
            row(
                funder,
                1,
                **{
                    "Recipient Org:Identifier": "GB-COH-IP28755R",
                    "Recipient Org:Charity Number": "",
                    "Recipient Org:Company Number": "IP28755R",
                },
            )
        ]
    )
    grants_import(name="grants.csv", content=content, funder=funder)
    assert Award.objects.get().recipient.org_id == "GB-MPR-IP28755R"


def test_missing_required_columns_are_each_named(funder):
    header = [h for h in HEADER if h not in ("Award Date", "Currency")]
    problems = refusal(to_csv([row(funder)], header=header), funder)
    assert problems == [
        ("Line 1 (column titles)", reader.MISSING_COLUMN.format(title="Currency")),
        ("Line 1 (column titles)", reader.MISSING_COLUMN.format(title="Award Date")),
    ]


def test_a_workbook_with_a_malformed_cell_reference_is_refused_as_unreadable(funder):
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append([row(funder)[title] for title in HEADER])
    saved = io.BytesIO()
    book.save(saved)
    damaged = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'r="B2"', b'r="2B"', 1)  # a cell reference must start with its column
            target.writestr(item, data)
    problems = refusal(damaged.getvalue(), funder, name="grants.xlsx")
    assert len(problems) == 1 and problems[0][0] == "File"
    assert problems[0][1].startswith("The file is not an Excel workbook (.xlsx) that can be read: '2B'")


def test_unusable_grants_are_refused_with_line_and_identifier_and_the_rest_imported(funder):
    # Was: every bad row refused the whole file. Now only grants that cannot be used are refused.
    rows = [
        row(funder, 1),
        row(funder, 2, **{"Award Date": "05/06/2014"}),
        row(funder, 3, **{"Amount Awarded": "-200"}),
        row(funder, 4, **{"Amount Awarded": "£1,000"}),
        row(funder, 5, **{"Currency": "XYZ"}),
        row(funder, 6, **{"Currency": "USD"}),
        row(funder, 1, **{"Title": "Same identifier again"}),
        row(funder, 8, **{"Funding Org:Identifier": "GB-CHC-999", "Funding Org:Name": "Another Trust"}),
        row(funder, 9, **{"Planned Dates:End Date": "2020-01-01"}),
        row(funder, 10, **{"Identifier": ""}),
    ]
    result = grants_import(name="grants.csv", content=to_csv(rows), funder=funder)
    assert [(p.where, p.identifier, p.message) for p in result.refused] == [
        ("Line 3", "360G-nth-2", reader.BAD_DATE.format(title="Award Date", value="05/06/2014")),
        ("Line 4", "360G-nth-3", reader.NEGATIVE_AMOUNT.format(title="Amount Awarded", value="-200")),
        ("Line 5", "360G-nth-4", reader.BAD_AMOUNT.format(title="Amount Awarded", value="£1,000")),
        ("Line 6", "360G-nth-5", reader.UNKNOWN_CURRENCY.format(value="XYZ")),
        ("Line 8", "360G-nth-1", reader.DUPLICATE_ID.format(value="360G-nth-1", other="line 2")),
        (
            "Line 9",
            "360G-nth-8",
            reader.OTHER_FUNDER.format(
                name="Another Trust", identifier="GB-CHC-999", funder=f"{funder.name} ({funder.org_id})"
            ),
        ),
        ("Line 11", "", reader.MISSING_VALUE.format(title="Identifier")),
    ]
    assert sorted(Award.objects.values_list("identifier", "currency")) == [
        ("360G-nth-1", "GBP"),
        ("360G-nth-6", "USD"),
        ("360G-nth-9", "GBP"),
    ]
    assert result.totals == {"GBP": Decimal("3001.00"), "USD": Decimal("1500.50")}
    late = Award.objects.get(identifier="360G-nth-9")
    assert late.import_warnings == [reader.END_BEFORE_START] and late.planned_end is None
    assert [(p.where, p.message) for p in result.warnings] == [("Line 10", reader.END_BEFORE_START)]


def test_strict_keeps_the_all_or_nothing_rule(funder):
    rows = [row(funder, 1), row(funder, 2, **{"Recipient Org:Charity Number": "TBC"})]
    problems = refusal(to_csv(rows), funder, strict=True)
    assert problems == [
        (
            "Line 3",
            reader.NOT_A_NUMBER_OF_KIND.format(title="Recipient Org:Charity Number", value="TBC", kind="charity"),
        )
    ]


def test_json_problems_are_reported_by_grant_identifier(funder):
    grant = {
        "id": "360G-nth-1",
        "title": "Grant",
        "description": "Work",
        "currency": "GBP",
        "amountAwarded": "lots",
        "awardDate": "2025-05-01",
        "recipientOrganization": [{"id": "GB-CHC-1100001", "name": "Group"}],
        "fundingOrganization": [{"id": funder.org_id, "name": funder.name}],
        "dateModified": "yesterday",
    }
    problems = refusal(json.dumps({"grants": [grant]}).encode(), funder, name="grants.json", strict=True)
    assert problems == [
        ("Grant 360G-nth-1", reader.BAD_AMOUNT.format(title="Amount Awarded", value="lots")),
        ("Grant 360G-nth-1", "Last Modified: 'yesterday' is not a 'date-time'"),
    ]


def test_a_grant_held_for_another_funder_is_refused(funder):
    f_other = f.PublicBodyFactory()
    AwardFactory(identifier="360G-nth-1", funder=f_other)
    with pytest.raises(ImportRefused) as caught:
        grants_import(name="grants.csv", content=to_csv([row(funder)]), funder=funder)
    assert caught.value.problems[0].message == imports.HELD_FOR_OTHER_FUNDER.format(
        identifier="360G-nth-1", funder=f_other.name
    )


def _sample(name):
    path = SAMPLES / name
    if not path.exists():
        # Data kept outside the repository, not a service: a clone without it skips, even on CI.
        pytest.skip(f"{name} not found: set THREESIXTY_SAMPLES_DIR or put it in shared/360giving/samples/")
    return path.read_bytes()


def _funder_for(org_id):
    return f.PublicBodyFactory(org_id=org_id, name=f"Funder {org_id}")


@pytest.mark.django_db
def test_community_foundations_file_imports_each_grant_under_its_own_funder():
    # Was: refused for other funders' grants. Now each grant goes under its funder, added unverified.
    content = _sample("community-foundations-2020.json")
    result = grants_import(name="cf.json", content=content)
    messages = [p.message for p in result.refused]
    assert messages.count(reader.INDIVIDUAL) == 99 and len(messages) == 100
    assert result.grants == Award.objects.count() == 154 - len({p.where for p in result.refused}) == 55
    funders = Organisation.objects.filter(awards_made__isnull=False).distinct()
    assert funders.count() == len(result.funders_created) and not funders.filter(verified=True).exists()
    for award in Award.objects.select_related("funder")[:20]:
        assert award.funder.org_id == award.published["fundingOrganization"][0]["id"]


@pytest.mark.django_db
def test_wolfson_file_with_day_month_year_dates_is_refused_grant_by_grant():
    content = _sample("wolfson-2014-old-dates.json")
    problems = refusal(content, _funder_for("GB-CHC-1156077"), name="wolfson.json")
    assert sum("Award Date “" in m for _, m in problems) == 379
    assert problems[0] == ("Grant 360G-wolfson-19747", reader.BAD_DATE.format(title="Award Date", value="05/06/2014"))


@pytest.mark.django_db
def test_power_to_change_file_imports_whole_with_its_problems_as_warnings():
    # Was: refused, then imported once the problem grants were removed.
    content = _sample("power-to-change-2015.json")
    funder = _funder_for("GB-CHC-1159982")
    result = grants_import(name="ptc.json", content=content, funder=funder)
    assert (result.created, result.refused) == (870, [])
    messages = [p.message for p in result.warnings]
    # Five grants end before they start; Locality's charity number is also given to Horfield Common CIC.
    assert messages.count(reader.END_BEFORE_START) == 5
    assert sum("1036460" in m for m in messages) == 8
    assert Organisation.objects.filter(org_id="GB-MPR-IP28755R").exists()
    again = grants_import(name="ptc.json", content=content, funder=funder)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 870)


def test_a_name_where_a_company_number_belongs_is_not_taken_for_one(funder):
    content = to_csv(
        [
            row(
                funder,
                1,
                **{"Recipient Org:Identifier": "GB-COH-THE-WINDMILL-CHARLTON", "Recipient Org:Charity Number": ""},
            )
        ]
    )
    grants_import(name="grants.csv", content=content, funder=funder)
    recipient = Award.objects.get().recipient
    assert (recipient.org_id, recipient.company_number) == ("GB-COH-THE-WINDMILL-CHARLTON", "")


def test_a_number_that_is_not_one_is_a_warning_not_a_refusal(funder):
    # Was: refused. Now imported as published, with a warning, and not used to match.
    result = grants_import(
        name="grants.csv", content=to_csv([row(funder, 1, **{"Recipient Org:Company Number": "1" * 25})]), funder=funder
    )
    warning = reader.NOT_A_NUMBER_OF_KIND.format(title="Recipient Org:Company Number", value="1" * 25, kind="company")
    assert [(p.where, p.message) for p in result.warnings] == [("Line 2", warning)]
    award = Award.objects.get()
    assert award.import_warnings == [warning] and award.recipient.company_number == ""
    assert award.published["recipientOrganization"][0]["companyNumber"] == "1" * 25
