"""The transition period of a Compact's BME-led definition: after a declaration lapses or a changed board
no longer meets the rule, the organisation keeps its BME-led outcome for that many months, shown as such.

Neither demo Compact's Code sets a transition period (Plymouth's draft §1.3 has none, and the working
group answered nothing to the consultation comment asking for "periods of transition";
Northamptonshire's Code has no numeric test at all), so these tests load a test-only definition."""

import datetime
from fractions import Fraction

import pytest
import yaml
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from organisations.bme_definitions import bme_definitions_load, current_definition, definitions_folder
from organisations.bme_led import BmeRule, Outcome
from organisations.models import BoardDeclaration, BoardType, Organisation
from organisations.selectors import bme_led_status, status_among, status_history
from tests import factories as f

pytestmark = pytest.mark.django_db

SIX_MONTHS = BmeRule(threshold=Fraction(3, 4), transition_months=6, name="Testshire definition", version="1")
NO_TRANSITION = BmeRule(threshold=Fraction(3, 4), name="Testshire definition", version="0")


def definition_file(folder, *, transition_months, version="1.0"):
    data = {
        "compact": "testshire",
        "code": "testshire-bme",
        "version": version,
        "name": "Testshire Compact BME-led definition",
        "reading": "code",
        "threshold": "3/4",
        "boards": ["management_committee", "board_of_trustees"],
        "undisclosed": "undetermined",
        "transition_months": transition_months,
        "clauses": {},
    }
    (folder / "testshire-bme-definition.yaml").write_text(yaml.safe_dump(data))


@pytest.fixture
def testshire():
    area = f.LocalAuthorityAreaFactory(code="E06099999", name="Testshire")
    return f.CompactFactory(name="Testshire Compact", slug="testshire", areas=[area]), area


def declare(group, day, bme, members=4, **kwargs):
    return f.BoardDeclarationFactory(
        organisation=group, effective_date=day, members=members, bme_members=bme, undisclosed_members=0, **kwargs
    )


def both(group, day, rule):
    """The outcome in Python and in SQL, which must agree."""
    python = bme_led_status(organisation=group, on_date=day, definition=rule)
    sql = Organisation.objects.with_bme_led_status(day, rule).get(pk=group.pk).bme_led_outcome
    assert python.outcome == sql, day
    return python


def test_the_loader_accepts_a_transition_period_and_refuses_a_nonsense_one(testshire, tmp_path):
    definition_file(tmp_path, transition_months=6)
    bme_definitions_load(folder=tmp_path)
    assert current_definition(testshire[0]).rule.transition_months == 6
    for bad in (-1, "six", 1.5, True):
        definition_file(tmp_path, transition_months=bad, version="2.0")
        with pytest.raises(ValidationError, match="transition_months must be a whole number of months"):
            bme_definitions_load(folder=tmp_path)


def test_neither_demo_compacts_code_sets_a_transition_period():
    for name in ("plymouth-bme-definition.yaml", "northamptonshire-bme-definition.yaml"):
        assert yaml.safe_load((definitions_folder() / name).read_text())["transition_months"] == 0


def test_after_a_declaration_lapses_the_group_stays_bme_led_until_the_transition_period_ends():
    group = f.OrganisationFactory()
    declare(group, datetime.date(2024, 1, 15), bme=3)  # counts until 15 January 2025
    assert both(group, datetime.date(2025, 1, 15), SIX_MONTHS).transition_until is None
    held = both(group, datetime.date(2025, 1, 16), SIX_MONTHS)
    assert held.outcome == Outcome.BME_LED and held.label == "BME-led (transition period until 15 July 2025)"
    assert "stopped counting after 15 January 2025" in held.explanation
    assert both(group, datetime.date(2025, 7, 15), SIX_MONTHS).is_bme_led
    assert both(group, datetime.date(2025, 7, 16), SIX_MONTHS).outcome == Outcome.NO_CURRENT_DECLARATION
    # Without a transition period the status ends with the declaration.
    assert both(group, datetime.date(2025, 1, 16), NO_TRANSITION).outcome == Outcome.NO_CURRENT_DECLARATION


def test_after_the_board_changes_the_group_keeps_its_previous_bme_led_outcome_for_the_period():
    group = f.OrganisationFactory()
    declare(group, datetime.date(2024, 1, 15), bme=3)
    declare(group, datetime.date(2024, 6, 1), bme=2)  # the new board is 50% BME: not BME-led under 75%
    held = both(group, datetime.date(2024, 6, 1), SIX_MONTHS)
    assert held.label == "BME-led (transition period until 30 November 2024)"
    assert (held.bme_members, held.members, held.effective_date) == (3, 4, datetime.date(2024, 1, 15))
    assert both(group, datetime.date(2024, 11, 30), SIX_MONTHS).is_bme_led
    assert both(group, datetime.date(2024, 12, 1), SIX_MONTHS).outcome == Outcome.NOT_BME_LED
    assert both(group, datetime.date(2024, 6, 1), NO_TRANSITION).outcome == Outcome.NOT_BME_LED


def test_a_group_that_was_never_bme_led_gets_no_transition_period():
    group = f.OrganisationFactory()
    declare(group, datetime.date(2024, 1, 15), bme=2)
    declare(group, datetime.date(2024, 3, 1), bme=1)
    assert both(group, datetime.date(2024, 3, 1), SIX_MONTHS).outcome == Outcome.NOT_BME_LED
    assert both(group, datetime.date(2025, 3, 2), SIX_MONTHS).outcome == Outcome.NO_CURRENT_DECLARATION


def test_a_board_the_rule_does_not_count_starts_no_transition_period():
    group = f.OrganisationFactory()
    declare(group, datetime.date(2024, 1, 15), bme=4, board_type=BoardType.BOARD_OF_DIRECTORS)
    rule = BmeRule(threshold=Fraction(3, 4), transition_months=6, boards=(BoardType.MANAGEMENT_COMMITTEE,))
    assert both(group, datetime.date(2025, 2, 1), rule).outcome == Outcome.NO_CURRENT_DECLARATION


def test_python_and_sql_agree_every_day_across_lapses_changes_and_same_day_corrections():
    group = f.OrganisationFactory()
    declare(group, datetime.date(2023, 8, 31), bme=3)
    declare(group, datetime.date(2024, 2, 29), bme=4)
    wrong = declare(group, datetime.date(2024, 9, 30), bme=4)
    declare(group, datetime.date(2024, 9, 30), bme=1)  # the same day, declared later: it wins
    declare(group, datetime.date(2025, 12, 31), bme=3)
    assert wrong.bme_members == 4
    declarations = list(BoardDeclaration.objects.filter(organisation=group).order_by("-effective_date", "-pk"))
    day = datetime.date(2023, 8, 1)
    while day <= datetime.date(2027, 8, 1):
        python = status_among(declarations, on_date=day, definition=SIX_MONTHS)
        assert both(group, day, SIX_MONTHS).outcome == python.outcome, day
        day += datetime.timedelta(days=3)


def test_the_history_shows_the_transition_period_as_its_own_stretch():
    group = f.OrganisationFactory()
    declare(group, datetime.date(2024, 1, 15), bme=3)
    declare(group, datetime.date(2024, 6, 1), bme=2)
    history = status_history(organisation=group, on_date=datetime.date(2025, 8, 1), definition=SIX_MONTHS)[::-1]
    stretches = [(p.start, p.end, p.result.label) for p in history]
    assert stretches == [
        (datetime.date(2024, 1, 15), datetime.date(2024, 5, 31), "BME-led"),
        (datetime.date(2024, 6, 1), datetime.date(2024, 11, 30), "BME-led (transition period until 30 November 2024)"),
        (datetime.date(2024, 12, 1), datetime.date(2025, 6, 1), "Not BME-led"),
        (datetime.date(2025, 6, 2), None, "No current declaration"),
    ]
    for period in history:  # every stretch says what bme_led_status says on its first day
        assert (
            period.result.label == bme_led_status(organisation=group, on_date=period.start, definition=SIX_MONTHS).label
        )


def test_the_profile_page_shows_bme_led_in_transition_with_its_end_date(client, testshire, tmp_path, monkeypatch):
    compact, area = testshire
    definition_file(tmp_path, transition_months=6)
    bme_definitions_load(folder=tmp_path)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2025, 3, 1))
    group = f.OrganisationFactory(name="Testshire Somali Group", areas=[area])
    declare(group, datetime.date(2024, 1, 15), bme=3)
    page = client.get(reverse("organisations:profile", args=[group.slug])).content.decode()
    assert "BME-led (transition period until 15 July 2025)" in page
    # The directory filter counts it as BME-led under the Compact's rule.
    directory = client.get(reverse("organisations:directory"), {"compact": compact.slug, "status": "bme_led"})
    assert "Testshire Somali Group" in directory.content.decode()
    assert "BME-led (transition period until 15 July 2025)" in directory.content.decode()
    download = client.get(reverse("organisations:directory-csv"), {"compact": compact.slug})
    assert "BME-led (transition period until 15 July 2025)" in b"".join(download.streaming_content).decode()


def test_the_reminder_email_gives_the_end_of_the_transition_period(testshire, tmp_path):
    from django.core import mail

    from organisations.models import MembershipRole
    from organisations.notifications import board_declaration_stale_reminder_send

    compact, area = testshire
    definition_file(tmp_path, transition_months=6)
    bme_definitions_load(folder=tmp_path)
    group = f.OrganisationFactory(name="Testshire Somali Group", areas=[area])
    f.MembershipFactory(organisation=group, user=f.UserFactory(email="chair@somali.example"), role=MembershipRole.ADMIN)
    bme_led = declare(group, datetime.date(2024, 1, 15), bme=3)
    not_bme_led = declare(f.OrganisationFactory(areas=[area]), datetime.date(2024, 1, 15), bme=1)
    f.MembershipFactory(organisation=not_bme_led.organisation, user=f.UserFactory(email="chair@other.example"))
    board_declaration_stale_reminder_send(declaration=bme_led)
    board_declaration_stale_reminder_send(declaration=not_bme_led)
    by_recipient = {m.to[0]: m.body for m in mail.outbox}
    assert (
        "under the Testshire Compact BME-led definition 1.0 it stays BME-led for a transition period, "
        "until 15 July 2025" in " ".join(by_recipient["chair@somali.example"].split())
    )
    assert "transition period" not in by_recipient["chair@other.example"]


def test_the_eligibility_api_says_the_rules_transition_period(testshire, tmp_path, client):
    definition_file(tmp_path, transition_months=6)
    bme_definitions_load(folder=tmp_path)
    answer = client.get(
        reverse("organisations:api-eligibility"),
        {"members": 4, "bme_members": 3, "undisclosed_members": 0, "compact": "testshire"},
    ).json()
    assert answer["rule"]["transition_months"] == 6


def test_the_organisations_api_gives_the_end_of_a_transition_period_under_the_compacts_rule(
    client, testshire, tmp_path, monkeypatch
):
    compact, area = testshire
    definition_file(tmp_path, transition_months=6)
    bme_definitions_load(folder=tmp_path)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2025, 3, 1))
    lapsed = f.OrganisationFactory(name="Testshire Somali Group", areas=[area])
    declare(lapsed, datetime.date(2024, 1, 15), bme=3)
    current = f.OrganisationFactory(name="Testshire Roma Group", areas=[area])
    declare(current, datetime.date(2025, 1, 15), bme=3)
    url = reverse("organisations:api-organisations")

    rows = {r["name"]: r for r in client.get(url, {"compact": compact.slug}).json()["results"]}
    assert rows["Testshire Somali Group"]["bme_led_status"] == Outcome.BME_LED
    assert rows["Testshire Somali Group"]["transition_until"] == "2025-07-15"
    assert rows["Testshire Roma Group"]["transition_until"] is None  # BME-led by a current declaration
    # Without compact= no Compact's rule answers, so no transition period is given.
    unscoped = {r["name"]: r for r in client.get(url).json()["results"]}
    assert unscoped["Testshire Somali Group"]["transition_until"] is None
