"""Fill the database with the metro-sized data set used to measure the portal (issue 17).

    python manage.py generate_metro [--scale 0.01] [--seed 17]

Made-up data for benchmarks: run it on a database of its own, never on a real portal's. The same
seed and scale give the same rows on an empty database (demo/metro.py describes the sizes).
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from demo import metro


class Command(BaseCommand):
    help = "Generate the metro benchmark data set (four Compacts, 6,014 organisations, 90,009 awards…)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="Multiply every count (e.g. 0.01)")
        parser.add_argument("--seed", type=int, default=metro.SEED)

    def handle(self, *args, scale, seed, **options):
        if not 0 < scale <= 10:
            raise CommandError("--scale must be more than 0 and at most 10")
        started = time.perf_counter()

        def say(message):
            self.stdout.write(f"{time.perf_counter() - started:7.1f} s  {message}")

        try:
            with transaction.atomic():
                made = metro.generate(scale=scale, seed=seed, say=say)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if connection.vendor == "postgresql":
            # Bulk writes leave the planner's statistics empty until autovacuum comes round: without
            # them it expects a few rows where there are thousands and picks plans for those.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            say("statistics gathered (ANALYZE)")
        summary = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in made.items())
        self.stdout.write(
            self.style.SUCCESS(f"Metro data set made in {time.perf_counter() - started:.1f} s: {summary}")
        )
