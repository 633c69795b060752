"""Pages that still judged BME-led status by the portal default now use the rule of the Compact
concerned: the board declaration page (the organisation's Compact) and the list of organisations to
invite to a consultation (the consultation's Compact). Two look-alike Compacts with test-only
definitions: Northshire at least 75%, Southshire more than half; a group of 5 of 8 in each."""

import pytest
import yaml
from django.urls import reverse

from organisations.bme_definitions import bme_definitions_load
from organisations.models import MembershipRole
from tests import factories as f
from tests.consultations.factories import make_consultation

pytestmark = pytest.mark.django_db


def _definition(folder, slug, name, threshold, strictly_more):
    data = {
        "compact": slug,
        "code": f"{slug}-bme",
        "version": "1.0",
        "name": f"{name} Compact BME-led definition",
        "reading": "code",
        "threshold": threshold,
        "strictly_more": strictly_more,
        "boards": ["management_committee", "board_of_directors", "board_of_trustees"],
        "undisclosed": "undetermined",
        "transition_months": 0,
        "clauses": {},
    }
    (folder / f"{slug}-bme-definition.yaml").write_text(yaml.safe_dump(data))


@pytest.fixture
def rules(world, tmp_path):
    _definition(tmp_path, "northshire", "Northshire", "3/4", False)
    _definition(tmp_path, "southshire", "Southshire", "1/2", True)
    bme_definitions_load(folder=tmp_path)
    groups = {}
    for compact, area_of in ((world.compact, world.group), (world.other_compact, world.other_compact_group)):
        group = f.OrganisationFactory(
            name=f"{compact.name.split()[0]} Youth Forum",
            slug=f"{compact.slug}-youth-forum",
            areas=list(area_of.areas.all()),
        )
        f.BoardDeclarationFactory(organisation=group, members=8, bme_members=5)
        groups[compact.slug] = group
    return groups


def test_the_declaration_page_states_and_applies_the_organisations_compacts_rule(world, rules, client_for):
    for slug, threshold, status in (
        ("northshire", "at least 75%", "Not BME-led"),
        ("southshire", "more than 50%", "BME-led"),
    ):
        group = rules[slug]
        member = f.UserFactory(email=f"member@{slug}.example")
        f.MembershipFactory(user=member, organisation=group, role=MembershipRole.ADMIN)
        page = client_for(member).get(reverse("organisations:declare-board", args=[group.slug])).content.decode()
        assert f"An organisation is BME-led when {threshold} of its" in page
        assert f"{slug.title()} Compact BME-led definition 1.0" in page
        colour = "green" if status == "BME-led" else "grey"
        assert f'Status today: <strong class="govuk-tag govuk-tag--{colour}">{status}</strong>' in page


def test_organisations_to_invite_are_filtered_under_the_consultations_compact_rule(world, rules, client_for):
    north = make_consultation(world, title="Northshire youth services")
    south = make_consultation(world, title="Southshire youth services", owner=world.other_council)
    for consultation, officer, shown, hidden in (
        (north, "officer", None, "Youth Forum"),
        (south, "other_compact_officer", "Southshire Youth Forum", None),
    ):
        url = reverse("consultations:invitations", args=[consultation.slug])
        page = client_for(world.users[officer]).get(url, {"bme_led": "bme_led"}).content.decode()
        if shown:
            assert shown in page
        if hidden:
            assert hidden not in page
