from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from consultations.services import load_consultation_file


class Command(BaseCommand):
    help = "Load (or update) a consultation with its comments and responses from a YAML data file."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="Path to the YAML file, for example consultations/data/plymouth-bme-consultation.yaml"
        )

    def handle(self, *args, file, **options):
        try:
            consultation = load_consultation_file(file)
        except (ValidationError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        comments = consultation.comments.count()
        pending = consultation.comments.visible().pending().count()
        self.stdout.write(f"Loaded {consultation.title}: {comments} comments, {pending} pending.")
