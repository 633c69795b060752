"""Build a Compact's annual review from the command line, without the web app or Celery.

python manage.py annual_review --compact northamptonshire --period 2024-25 --format pdf --output review.pdf
"""

import json
import os
import uuid
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from organisations.models import Compact
from undertakings.models import ReportingPeriod
from undertakings.review import last_ended_period

from ...models import ReviewAction

FORMATS = ["json", "html", "pdf"]


class Command(BaseCommand):
    help = "Build the annual review of a Compact for a reporting period as JSON, HTML or PDF."

    def add_arguments(self, parser):
        parser.add_argument("--compact", help="The Compact's slug. May be left out when there is only one Compact.")
        parser.add_argument(
            "--period", help="The period's label, for example 2024-25. Default: the latest period that has ended."
        )
        parser.add_argument("--format", choices=FORMATS, default="pdf")
        parser.add_argument("--output", required=True, help="The file to write ('-' for the terminal, not for PDF).")

    def handle(self, *args, compact=None, period=None, format="pdf", output=None, **options):
        from ...dataset import build_dataset
        from ...report import render_html, write_pdf

        the_compact = self._compact(compact)
        the_period = self._period(the_compact, period)
        if output == "-" and format == "pdf":
            raise CommandError("A PDF cannot be written to the terminal: give a file name with --output.")
        target = None if output == "-" else Path(output)
        if target is not None and not target.parent.resolve().is_dir():
            raise CommandError(f"The folder {target.parent} does not exist.")
        actions = [a.as_dataset_item() for a in ReviewAction.objects.filter(compact=the_compact, period=the_period)]
        dataset = build_dataset(compact=the_compact, period=the_period, actions=actions, built_at=timezone.now())
        if format == "pdf":
            # Written beside the target and moved into place, as the job does.
            temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
            try:
                pages = write_pdf(dataset, temporary)
                os.replace(temporary, target)
            finally:
                temporary.unlink(missing_ok=True)
            self.stderr.write(f"Wrote {target} ({pages} pages).")
            return
        text = json.dumps(dataset, indent=2, ensure_ascii=False) if format == "json" else render_html(dataset)
        if target is None:
            self.stdout.write(text)
        else:
            target.write_text(text + "\n", encoding="utf-8")
            self.stderr.write(f"Wrote {target}.")

    def _compact(self, slug: str | None) -> Compact:
        if slug:
            found = Compact.objects.filter(slug=slug).first()
            if found is None:
                known = ", ".join(Compact.objects.values_list("slug", flat=True)) or "none"
                raise CommandError(f"There is no Compact '{slug}'. Compacts: {known}.")
            return found
        compacts = list(Compact.objects.order_by("slug"))
        if not compacts:
            raise CommandError("There are no Compacts yet.")
        if len(compacts) > 1:
            names = ", ".join(c.slug for c in compacts)
            raise CommandError(f"There are {len(compacts)} Compacts ({names}): say which with --compact.")
        return compacts[0]

    def _period(self, compact: Compact, label: str | None) -> ReportingPeriod:
        periods = ReportingPeriod.objects.filter(compact=compact)
        if label:
            found = periods.filter(label=label).first()
            if found is None:
                known = ", ".join(periods.order_by("start_date").values_list("label", flat=True)) or "none"
                raise CommandError(f"{compact.name} has no reporting period '{label}'. Periods: {known}.")
            return found
        found = last_ended_period(compact=compact)
        if found is None:
            raise CommandError(f"No reporting period of {compact.name} has ended yet: choose one with --period.")
        return found
