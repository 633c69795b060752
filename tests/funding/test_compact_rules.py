"""Imported and exported 360Giving grants judge the recipient under the rule of the Compact the funder
and the recipient share, as awards made in the portal do: the same board (5 of 8 of BME origin) is
BME-led under Northamptonshire's reading (more than half) and not under Plymouth's draft §1.3 (at least
75%). Each award records the rule that judged it."""

import datetime

import pytest

from funding.models import Award, RecipientMatch
from funding.services import import_runs
from funding.services.imports import grants_import
from funding.threesixty.export import grants
from organisations.bme_definitions import bme_definitions_load
from organisations.bme_led import Outcome
from tests import factories as f

from .test_threesixty import row, to_csv

pytestmark = pytest.mark.django_db

AWARD_DATE = datetime.date(2025, 5, 1)
NORTHANTS_RULE = "Northamptonshire Compact BME-led definition 1.0"
PLYMOUTH_RULE = "Plymouth Compact BME-led definition 1.0"


@pytest.fixture
def parties():
    """Per demo Compact: a signatory council and a group in its area whose board is 5 of 8 BME."""
    out = {}
    for n, (slug, name, code) in enumerate(
        [("northamptonshire", "Northamptonshire", "E06000061"), ("plymouth", "Plymouth", "E06000026")], start=1
    ):
        area = f.LocalAuthorityAreaFactory(code=code, name=name)
        compact = f.CompactFactory(name=f"{name} Compact", slug=slug, areas=[area])
        funder = f.PublicBodyFactory(name=f"{name} Council", slug=f"council-{slug}", areas=[area])
        f.SignatoryFactory(compact=compact, organisation=funder)
        group = f.OrganisationFactory(
            name=f"{name} Forum", slug=f"forum-{slug}", charity_number=f"120000{n}", areas=[area]
        )
        f.BoardDeclarationFactory(organisation=group, members=8, bme_members=5, effective_date=AWARD_DATE)
        out[slug] = (funder, group)
    bme_definitions_load()
    return out


def imported(funder, group, n):
    content = to_csv(
        [
            row(
                funder,
                n,
                **{
                    "Recipient Org:Identifier": group.org_id,
                    "Recipient Org:Name": group.name,
                    "Recipient Org:Charity Number": group.charity_number,
                    "Award Date": AWARD_DATE.isoformat(),
                },
            )
        ]
    )
    grants_import(name="grants.csv", content=content, funder=funder)
    return Award.objects.get(identifier=f"360G-nth-{n}")


def test_an_imported_grant_is_judged_by_the_rule_of_the_compact_the_funder_and_recipient_share(parties):
    north = imported(*parties["northamptonshire"], 1)
    south = imported(*parties["plymouth"], 2)
    assert (north.recipient, south.recipient) == (parties["northamptonshire"][1], parties["plymouth"][1])
    assert (north.recipient_bme_led_outcome, north.recipient_bme_rule) == (Outcome.BME_LED, NORTHANTS_RULE)
    assert (south.recipient_bme_led_outcome, south.recipient_bme_rule) == (Outcome.NOT_BME_LED, PLYMOUTH_RULE)


def test_a_grant_between_parties_sharing_no_compact_is_judged_by_the_portal_default(parties, settings):
    # Plymouth's council funding a Northamptonshire group: no Compact covers both.
    settings.BME_LED_THRESHOLD = "3/4"
    funder, _ = parties["plymouth"]
    _, group = parties["northamptonshire"]
    award = imported(funder, group, 3)
    assert (award.recipient_bme_led_outcome, award.recipient_bme_rule) == (Outcome.NOT_BME_LED, "Portal default")


def test_a_changed_award_date_is_judged_again_under_the_compacts_rule(parties):
    funder, group = parties["northamptonshire"]
    award = imported(funder, group, 1)
    Award.objects.filter(pk=award.pk).update(recipient_bme_led_outcome=Outcome.NOT_BME_LED, recipient_bme_rule="")
    content = to_csv(
        [
            row(
                funder,
                1,
                **{
                    "Recipient Org:Identifier": group.org_id,
                    "Recipient Org:Name": group.name,
                    "Recipient Org:Charity Number": group.charity_number,
                    "Award Date": "2025-05-02",
                },
            )
        ]
    )
    grants_import(name="grants.csv", content=content, funder=funder)
    award.refresh_from_db()
    assert (award.recipient_bme_led_outcome, award.recipient_bme_rule) == (Outcome.BME_LED, NORTHANTS_RULE)


def test_a_confirmed_recipient_match_is_judged_under_the_compacts_rule(parties):
    for slug, expected in (("northamptonshire", Outcome.BME_LED), ("plymouth", Outcome.NOT_BME_LED)):
        funder, group = parties[slug]
        content = to_csv(
            [
                row(
                    funder,
                    7 if slug == "plymouth" else 8,
                    **{
                        "Recipient Org:Identifier": f"XI-OTHER-{slug}",
                        "Recipient Org:Charity Number": group.charity_number,
                        "Award Date": AWARD_DATE.isoformat(),
                    },
                )
            ]
        )
        grants_import(name="grants.csv", content=content, funder=funder)
        match = RecipientMatch.objects.get(recipient_org_id=f"XI-OTHER-{slug}")
        import_runs.recipient_match_decide(match=match, confirm=True)
        award = Award.objects.get(recipient_org_id=f"XI-OTHER-{slug}")
        assert award.recipient == group
        assert award.recipient_bme_led_outcome == expected
        assert award.recipient_bme_rule == (NORTHANTS_RULE if slug == "northamptonshire" else PLYMOUTH_RULE)


def test_the_360giving_export_marks_bme_led_recipients_under_each_compacts_rule(parties):
    north = imported(*parties["northamptonshire"], 1)
    south = imported(*parties["plymouth"], 2)
    published = {g["id"]: g for g in grants([north, south])}
    assert "deiDetails" in published[north.identifier]
    assert "deiDetails" not in published[south.identifier]
    # It says which rule judged it and that rule's own threshold: more than half, not Plymouth's 75%.
    said = published[north.identifier]["deiDetails"]["leadership"]["additionalDetails"]
    assert f"({NORTHANTS_RULE}): more than 50% of the organisation's board" in said
    assert "75%" not in said
