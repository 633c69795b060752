"""python manage.py load_code FILE [FILE …]: load or update Codes from their YAML files."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from undertakings.services import code_load


class Command(BaseCommand):
    help = "Load or update a Code of Good Practice from its YAML file (safe to run repeatedly)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")

    def handle(self, *args, files, **options):
        failed = False
        for path in files:
            try:
                result = code_load(path=path)
            except ValidationError as exc:
                failed = True
                for message in exc.messages:
                    self.stderr.write(message)
                continue
            self.stdout.write(f"{path}: {result}")
        if failed:
            raise CommandError("Some files were not loaded; nothing was changed for them.")
