import json
from datetime import date, timedelta
from fractions import Fraction

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from organisations.bme_led import Outcome, is_current
from organisations.models import BoardDeclaration, EthnicGroup, Organisation, ServiceArea
from organisations.selectors import (
    bme_led_status,
    bme_led_summary,
    declarations_due_reminder,
    directory_organisations,
    organisation_for_profile,
    profile_status,
    status_history,
)
from tests import factories as f

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 15)


def declare(organisation, effective_date, members=8, bme=7, undisclosed=0):
    return f.BoardDeclarationFactory(
        organisation=organisation,
        effective_date=effective_date,
        members=members,
        bme_members=bme,
        undisclosed_members=undisclosed,
    )


def annotated(organisation, on_date):
    return Organisation.objects.with_bme_led_status(on_date).get(pk=organisation.pk).bme_led_outcome


# --- bme_led_status -------------------------------------------------------------------------------


def test_an_organisation_with_no_declaration_has_no_current_declaration():
    organisation = f.OrganisationFactory()
    assert bme_led_status(organisation=organisation, on_date=TODAY).outcome == Outcome.NO_CURRENT_DECLARATION


def test_a_declaration_exactly_12_months_old_still_counts_and_a_day_later_it_is_stale():
    organisation = f.OrganisationFactory()
    declare(organisation, date(2025, 6, 15))
    assert bme_led_status(organisation=organisation, on_date=date(2026, 6, 15)).outcome == Outcome.BME_LED
    assert (
        bme_led_status(organisation=organisation, on_date=date(2026, 6, 16)).outcome == Outcome.NO_CURRENT_DECLARATION
    )


def test_a_declaration_effective_after_the_date_asked_about_does_not_count():
    organisation = f.OrganisationFactory()
    declare(organisation, date(2026, 6, 16))
    assert bme_led_status(organisation=organisation, on_date=TODAY).outcome == Outcome.NO_CURRENT_DECLARATION
    assert bme_led_status(organisation=organisation, on_date=date(2026, 6, 16)).outcome == Outcome.BME_LED


def test_the_latest_declaration_wins_and_an_older_one_does_not_come_back():
    organisation = f.OrganisationFactory()
    declare(organisation, date(2026, 1, 1), bme=7)
    declare(organisation, date(2026, 3, 1), bme=2)
    assert bme_led_status(organisation=organisation, on_date=TODAY).outcome == Outcome.NOT_BME_LED
    assert bme_led_status(organisation=organisation, on_date=date(2026, 2, 1)).outcome == Outcome.BME_LED


def test_of_two_declarations_for_the_same_day_the_later_one_counts():
    organisation = f.OrganisationFactory()
    declare(organisation, date(2026, 3, 1), bme=7)
    correction = declare(organisation, date(2026, 3, 1), bme=2)
    result = bme_led_status(organisation=organisation, on_date=TODAY)
    assert (result.outcome, result.declaration_id) == (Outcome.NOT_BME_LED, correction.pk)
    assert annotated(organisation, TODAY) == Outcome.NOT_BME_LED


# --- The SQL annotation agrees with the Python rule -----------------------------------------------

declaration_lists = st.lists(
    st.tuples(
        st.integers(min_value=-500, max_value=0),  # days before TODAY
        st.integers(min_value=1, max_value=12).flatmap(
            lambda m: st.tuples(
                st.just(m),
                st.integers(min_value=0, max_value=m).flatmap(
                    lambda b: st.tuples(st.just(b), st.integers(min_value=0, max_value=m - b))
                ),
            )
        ),
    ),
    max_size=4,
)


def plain_status(declarations, on_date):
    """Restated from design.md §3: latest effective on or before the date and at most 12 months old."""
    current = [d for d in declarations if d[0] <= on_date and is_current(d[0], on_date)]
    if not current:
        return "no_current_declaration"
    current_date = max(d[0] for d in current)
    # Rows are created in this order, so of several on the latest date the last one created wins.
    _, members, bme, undisclosed = [d for d in current if d[0] == current_date][-1]
    if 4 * bme >= 3 * members:
        return "bme_led"
    if 4 * (bme + undisclosed) >= 3 * members:
        return "undetermined"
    return "not_bme_led"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    organisations=st.lists(declaration_lists, min_size=1, max_size=4),
    on_offset=st.integers(min_value=-400, max_value=30),
)
def test_the_sql_annotation_agrees_with_bme_led_status_and_the_plain_rule(organisations, on_offset):
    on_date = TODAY + timedelta(days=on_offset)
    with transaction.atomic():
        made = []
        for declarations in organisations:
            organisation = f.OrganisationFactory()
            rows = []
            for days, (members, (bme, undisclosed)) in declarations:
                effective = TODAY + timedelta(days=days)
                declare(organisation, effective, members, bme, undisclosed)
                rows.append((effective, members, bme, undisclosed))
            made.append((organisation, rows))
        by_pk = {o.pk: o.bme_led_outcome for o in Organisation.objects.with_bme_led_status(on_date)}
        for organisation, rows in made:
            python = bme_led_status(organisation=organisation, on_date=on_date).outcome
            profile = profile_status(organisation=organisation_for_profile(slug=organisation.slug), on_date=on_date)
            assert by_pk[organisation.pk] == python == profile.outcome == plain_status(rows, on_date)
        transaction.set_rollback(True)


def test_the_sql_annotation_follows_the_threshold_setting(settings):
    organisation = f.OrganisationFactory()
    declare(organisation, TODAY, members=3, bme=2)
    assert annotated(organisation, TODAY) == Outcome.NOT_BME_LED
    settings.BME_LED_THRESHOLD = Fraction(2, 3)
    assert annotated(organisation, TODAY) == Outcome.BME_LED


def test_the_sql_annotation_does_not_overflow_on_large_boards(settings):
    settings.BME_LED_THRESHOLD = Fraction(7499, 10000)
    organisation = f.OrganisationFactory()
    declare(organisation, TODAY, members=2_000_000, bme=1_499_800)
    assert (
        annotated(organisation, TODAY)
        == Outcome.BME_LED
        == bme_led_status(organisation=organisation, on_date=TODAY).outcome
    )


# --- Status history -------------------------------------------------------------------------------


def test_history_shows_each_status_with_its_dates_and_the_gaps_between():
    organisation = f.OrganisationFactory()
    declare(organisation, date(2024, 1, 10), bme=2)
    declare(organisation, date(2025, 3, 1), bme=7)
    declare(organisation, date(2025, 9, 1), bme=5, undisclosed=1)
    periods = status_history(organisation=organisation, on_date=TODAY)
    assert [(p.start, p.end, p.result.outcome) for p in periods] == [
        (date(2025, 9, 1), date(2026, 9, 1), Outcome.UNDETERMINED),
        (date(2025, 3, 1), date(2025, 8, 31), Outcome.BME_LED),
        (date(2025, 1, 11), date(2025, 2, 28), Outcome.NO_CURRENT_DECLARATION),
        (date(2024, 1, 10), date(2025, 1, 10), Outcome.NOT_BME_LED),
    ]


def test_history_ends_in_an_open_gap_when_the_last_declaration_has_gone_stale():
    organisation = f.OrganisationFactory()
    declare(organisation, date(2025, 1, 1))
    periods = status_history(organisation=organisation, on_date=TODAY)
    assert [(p.start, p.end, p.result.outcome) for p in periods] == [
        (date(2026, 1, 2), None, Outcome.NO_CURRENT_DECLARATION),
        (date(2025, 1, 1), date(2026, 1, 1), Outcome.BME_LED),
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(declarations=declaration_lists, day=st.integers(min_value=-500, max_value=0))
def test_every_day_in_the_history_has_the_status_bme_led_status_gives_for_it(declarations, day):
    on_date = TODAY + timedelta(days=day)
    with transaction.atomic():
        organisation = f.OrganisationFactory()
        for days, (members, (bme, undisclosed)) in declarations:
            declare(organisation, TODAY + timedelta(days=days), members, bme, undisclosed)
        periods = status_history(organisation=organisation, on_date=TODAY)
        covering = [p for p in periods if p.covers(on_date)]
        expected = bme_led_status(organisation=organisation, on_date=on_date).outcome
        assert len(covering) <= 1
        assert (covering[0].result.outcome if covering else Outcome.NO_CURRENT_DECLARATION) == expected
        transaction.set_rollback(True)


# --- Directory ------------------------------------------------------------------------------------


def test_directory_lists_verified_organisations_only(reference_data):
    listed = f.OrganisationFactory(name="Listed Group")
    f.OrganisationFactory(name="Unverified Group", verified=False)
    assert list(directory_organisations(on_date=TODAY)) == [listed]


def test_directory_filters_combine(reference_data):
    african = EthnicGroup.objects.get(name="African")
    advice = ServiceArea.objects.get(name="Advice and advocacy")
    match = f.OrganisationFactory(name="Forum", faith_based=True)
    match.communities_served.add(african)
    match.service_areas.add(advice)
    declare(match, TODAY)
    f.OrganisationFactory(name="Forum Two", faith_based=True).communities_served.add(african)
    f.PublicBodyFactory(name="Forum Council")
    found = directory_organisations(
        on_date=TODAY, query="forum", status=Outcome.BME_LED, community=african, service_area=advice, faith_based=True
    )
    assert list(found) == [match]


def test_directory_status_filter_leaves_out_public_bodies():
    f.PublicBodyFactory(name="Council")
    group = f.OrganisationFactory(name="Group")
    found = directory_organisations(on_date=TODAY, status=Outcome.NO_CURRENT_DECLARATION)
    assert list(found) == [group]


def test_directory_search_finds_an_organisation_by_its_identifier():
    group = f.OrganisationFactory(name="Forum", charity_number="1123456")
    assert list(directory_organisations(on_date=TODAY, query="gb-chc-1123456")) == [group]


# --- Reminders ------------------------------------------------------------------------------------


def test_reminders_are_due_for_current_declarations_going_stale_within_30_days():
    today = timezone.localdate()
    due = declare(f.OrganisationFactory(), today - timedelta(days=340))
    declare(f.OrganisationFactory(), today - timedelta(days=300))  # stale in about 65 days
    declare(f.OrganisationFactory(), today - timedelta(days=400))  # already stale
    reminded = declare(f.OrganisationFactory(), today - timedelta(days=350))
    BoardDeclaration.objects.filter(pk=reminded.pk).update(stale_reminder_sent_at=timezone.now())
    superseded_org = f.OrganisationFactory()
    declare(superseded_org, today - timedelta(days=345))
    declare(superseded_org, today - timedelta(days=10))
    assert list(declarations_due_reminder(on_date=today)) == [due]


def test_a_reminder_falls_due_exactly_30_days_before_the_last_day_a_declaration_counts():
    declaration = declare(f.OrganisationFactory(), date(2025, 7, 15))  # counts until 15 July 2026
    assert list(declarations_due_reminder(on_date=date(2026, 6, 14))) == []
    assert list(declarations_due_reminder(on_date=date(2026, 6, 15))) == [declaration]
    assert list(declarations_due_reminder(on_date=date(2026, 7, 15))) == [declaration]
    assert list(declarations_due_reminder(on_date=date(2026, 7, 16))) == []


# --- Annual review --------------------------------------------------------------------------------


def test_bme_led_summary_counts_signatories_and_all_voluntary_organisations(reference_data):
    compact = f.CompactFactory()
    african = EthnicGroup.objects.get(name="African")
    signed_led = f.OrganisationFactory(name="Alpha", charity_number="1000001")
    signed_led.communities_served.add(african)
    declare(signed_led, TODAY)
    signed_unknown = f.OrganisationFactory(name="Beta")
    unsigned_not_led = f.OrganisationFactory(name="Gamma")
    declare(unsigned_not_led, TODAY, bme=1)
    withdrawn = f.OrganisationFactory(name="Delta")
    declare(withdrawn, TODAY)
    council = f.PublicBodyFactory()
    for organisation in (signed_led, signed_unknown, council):
        f.SignatoryFactory(compact=compact, organisation=organisation)
    f.SignatoryFactory(compact=compact, organisation=withdrawn, withdrawn_on=TODAY - timedelta(days=1))

    summary = bme_led_summary(compact=compact, on_date=TODAY)

    assert json.loads(json.dumps(summary)) == summary
    assert summary["threshold"] == "0.75"
    assert summary["signatories"] == {
        "total": 2,
        "by_outcome": {"bme_led": 1, "not_bme_led": 0, "undetermined": 0, "no_current_declaration": 1},
        "bme_led_share": "0.5",
    }
    assert summary["voluntary_organisations"]["total"] == 4
    assert summary["voluntary_organisations"]["by_outcome"]["bme_led"] == 2
    assert [o["name"] for o in summary["bme_led_organisations"]] == ["Alpha", "Delta"]
    assert summary["bme_led_organisations"][0] == {
        "name": "Alpha",
        "org_id": "GB-CHC-1000001",
        "signatory": True,
        "communities_served": ["African"],
    }
    communities = {c["name"]: c["bme_led_organisations"] for c in summary["communities"]}
    assert len(communities) == 19
    assert communities["African"] == 1 and communities["Roma"] == 0
