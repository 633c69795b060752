"""python manage.py import_360giving FILE.json|FILE.csv|FILE.xlsx [--funder ORG_ID] [--strict]

Imports a published 360Giving file: every usable grant, each under its own funder (or, with
--funder, only that funder's grants), printing each grant refused and each warning with where it is.
With --strict, any refusal or warning imports nothing, as the importer did before."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from funding.jobs import import_run_execute
from funding.services.import_runs import import_run_create
from organisations.models import Organisation


class Command(BaseCommand):
    help = "Import 360Giving grants (JSON, CSV or XLSX). Unusable grants are refused; the rest imported with warnings."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--funder", help="Import only this funder's grants, e.g. GB-LAE-WNT")
        parser.add_argument("--strict", action="store_true", help="Import nothing if any grant has a problem")

    def handle(self, *args, file: Path, funder: str | None, strict: bool, **options):
        if not file.is_file():
            raise CommandError(f"No file at {file}")
        organisation = None
        if funder:
            organisation = Organisation.objects.filter(org_id=funder).first()
            if organisation is None:
                raise CommandError(f"No organisation has the identifier {funder}. Add the funder to the portal first.")
        run = import_run_create(file_name=file.name, funder=organisation, strict=strict, queue=False)
        run = import_run_execute(run_id=run.pk, path=file)
        for problem in run.refused:
            self.stderr.write(f"Refused: {problem['where']}: {problem['message']}")
        for problem in run.warnings:
            self.stdout.write(f"Warning: {problem['where']}: {problem['message']}")
        if run.status != "done":
            count = len(run.refused) + (len(run.warnings) if strict else 0)
            raise CommandError(f"Nothing was imported: {run.error or f'{count} problems in {file.name}.'}")
        c = run.counts
        totals = ", ".join(f"{currency} {amount}" for currency, amount in sorted(run.totals.items()))
        self.stdout.write(
            self.style.SUCCESS(
                f"{c['grants']} grants imported ({totals}): {c['created']} new, {c['updated']} changed, "
                f"{c['unchanged']} unchanged; {c['refused']} refused; {c['warnings']} warnings; "
                f"{c['organisations_created']} new unverified recipients, {c['funders_created']} new unverified "
                f"funders; {c['matches_queued']} recipients to confirm. Report: import {run.pk}."
            )
        )
