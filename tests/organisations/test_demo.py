import pytest
from django.core.management import call_command
from django.utils import timezone

from organisations import demo
from organisations.bme_led import Outcome
from organisations.models import Membership, MembershipStatus, Organisation
from organisations.selectors import declarations_due_reminder

pytestmark = pytest.mark.django_db


def test_demo_has_organisations_in_every_outcome_and_loads_twice_without_change(reference_data):
    demo.load()
    today = timezone.localdate()
    outcomes = set(
        Organisation.objects.voluntary().listed().with_bme_led_status(today).values_list("bme_led_outcome", flat=True)
    )
    assert outcomes == set(Outcome.values)
    counts = (
        Organisation.objects.count(),
        Membership.objects.count(),
        sum(o.board_declarations.count() for o in Organisation.objects.all()),
    )
    demo.load()
    assert counts == (
        Organisation.objects.count(),
        Membership.objects.count(),
        sum(o.board_declarations.count() for o in Organisation.objects.all()),
    )


def test_demo_has_something_for_each_page_to_show(reference_data):
    demo.load()
    assert Organisation.objects.filter(verified=False).exists()
    assert Membership.objects.filter(status=MembershipStatus.REQUESTED).exists()
    assert declarations_due_reminder(on_date=timezone.localdate()).exists()
    assert any(o.board_declarations.count() > 1 for o in Organisation.objects.all())  # a status that changed


def test_a_verified_demo_group_stays_verified_when_the_demo_is_loaded_again(reference_data):
    demo.load()
    Organisation.objects.filter(verified=False).update(verified=True)
    demo.load()
    assert not Organisation.objects.filter(verified=False).exists()


def test_load_demo_command_lists_the_demo_accounts(reference_data, capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    assert demo.DEMO_PASSWORD in out and "group@acforum.example" in out
