"""`make run` loads the demo data; running it twice must not duplicate anything."""

import io

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    tracked = set(settings.LOCAL_APPS)
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in tracked
    }


def test_loading_the_demo_twice_changes_nothing_and_prints_the_accounts():
    call_command("load_reference_data", stdout=io.StringIO())
    first_output = io.StringIO()
    call_command("load_demo", stdout=first_output)
    after_first = row_counts()
    call_command("load_demo", stdout=io.StringIO())
    assert row_counts() == after_first
    assert "Demo accounts (password for all: compact-demo-2026)" in first_output.getvalue()
    assert "steering@northants.example" in first_output.getvalue()


def test_demo_has_an_account_for_every_role():
    from accounts.models import User
    from organisations.demo import DEMO_ACCOUNTS
    from organisations.models import Organisation
    from organisations.roles import roles_for

    call_command("load_reference_data", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    roles = [roles_for(User.objects.get(email=email)) for email, _ in DEMO_ACCOUNTS]
    assert any(r.is_officer for r in roles)
    assert any(r.is_group_member for r in roles)
    assert any(r.is_steering for r in roles)
    assert any(r.is_site_admin for r in roles)
    assert Organisation.objects.public_bodies().exists()
