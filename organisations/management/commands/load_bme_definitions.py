from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from organisations.bme_definitions import bme_definitions_load, definitions_folder


class Command(BaseCommand):
    help = (
        "Load or refresh each Compact's BME-led definition and clause references from "
        "undertakings/codes/*-definition.yaml (safe to run repeatedly)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--compact", action="append", help="Only this Compact's file (repeatable).")

    def handle(self, *args, compact=None, **options):
        try:
            loaded = bme_definitions_load(compacts=compact)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        for definition in loaded:
            self.stdout.write(f"{definition.compact.name}: {definition.rule.label} ({definition.source_file})")
        if not loaded:
            self.stdout.write(f"No definition files in {definitions_folder()}")
