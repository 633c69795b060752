from django.core.management.base import BaseCommand

from organisations.reference import load_reference_data


class Command(BaseCommand):
    help = (
        "Load or refresh the ONS 2021 ethnic groups, service areas and local authority areas (safe to run repeatedly)."
    )

    def handle(self, *args, **options):
        counts = load_reference_data()
        self.stdout.write(
            f"{counts['ethnic_groups']} ethnic groups, {counts['service_areas']} service areas, "
            f"{counts['local_authority_areas']} local authority areas"
        )
