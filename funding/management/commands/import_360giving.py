"""python manage.py import_360giving FILE.csv|FILE.json --funder ORG_ID

Imports a funder's published 360Giving grants: all of them, or none with every problem listed."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from funding.services.imports import ImportRefused, grants_import
from organisations.models import Organisation


class Command(BaseCommand):
    help = "Import 360Giving grants (CSV or JSON) for one funder. A file with any problem imports nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--funder", required=True, help="The funder's organisation identifier, e.g. GB-LAE-WNT")

    def handle(self, *args, file: Path, funder: str, **options):
        if not file.is_file():
            raise CommandError(f"No file at {file}")
        organisation = Organisation.objects.filter(org_id=funder).first()
        if organisation is None:
            raise CommandError(f"No organisation has the identifier {funder}. Add the funder to the portal first.")
        try:
            result = grants_import(name=file.name, content=file.read_bytes(), funder=organisation)
        except ImportRefused as refused:
            for problem in refused.problems:
                self.stderr.write(f"{problem.where}: {problem.message}")
            raise CommandError(f"Nothing was imported: {len(refused.problems)} problems in {file.name}.") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.grants} grants for {organisation.name}: {result.created} new, {result.updated} changed, "
                f"{result.unchanged} unchanged; {result.organisations_created} new unverified organisations."
            )
        )
