"""manage.py clean_complaint_files: remove hidden details (author, company, GPS…) from complaint
files stored before uploads were cleaned. Safe to run again."""

from django.core.management.base import BaseCommand

from complaints.services.cleaning import stored_complaint_files_clean


class Command(BaseCommand):
    help = "Remove identifying metadata from complaint files stored before uploads were cleaned."

    def handle(self, *args, **options):
        report = stored_complaint_files_clean()
        self.stdout.write(
            f"{report.cleaned} cleaned, {report.already_clean} already clean, {report.missing} missing from storage."
        )
        if report.cannot_clean:
            ids = ", ".join(str(pk) for pk in report.cannot_clean)
            self.stdout.write(f"Could not be opened to clean (look at these, nothing was changed): files {ids}.")
