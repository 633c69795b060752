"""Load the demo data set: each app's `demo.py` in dependency order (settings.LOCAL_APPS).

Every app's loader is idempotent (it looks records up by their natural keys before creating them),
so running `make run` twice changes nothing.
"""

from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction


def demo_modules():
    for label in settings.LOCAL_APPS:
        try:
            yield import_module(f"{label}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{label}.demo":
                raise


class Command(BaseCommand):
    help = "Load the demo organisations, people, Codes and records (safe to run repeatedly)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for module in demo_modules():
                summary = module.load()
                self.stdout.write(f"{module.__name__}: {summary}")
        from organisations.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

        self.stdout.write(self.style.SUCCESS("\nDemo accounts (password for all: %s)" % DEMO_PASSWORD))
        for email, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<40} {role}")
