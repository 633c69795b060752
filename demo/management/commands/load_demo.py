"""Load the demo data set: each app's `demo.py` in dependency order (settings.LOCAL_APPS).

Every app's loader is idempotent (it looks records up by their natural keys before creating them),
so running `make run` twice changes nothing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from common.apps_modules import app_modules


class Command(BaseCommand):
    help = "Load the demo organisations, people, Codes and records (safe to run repeatedly)."

    def handle(self, *args, **options):
        # Demo records trigger the same notifications real ones do; nobody reads them, and printed
        # to the console they would bury the list of demo accounts.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"), transaction.atomic():
            for _, module in app_modules("demo"):
                summary = module.load()
                self.stdout.write(f"{module.__name__}: {summary}")
        from organisations.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

        self.stdout.write(self.style.SUCCESS(f"\nDemo accounts (password for all: {DEMO_PASSWORD})"))
        for email, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<40} {role}")
