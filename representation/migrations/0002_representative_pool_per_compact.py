import django.db.models.deletion
from django.db import migrations, models


def assign_pools(apps, schema_editor):
    """Put each existing representative in the pool of the one Compact whose boards they sit on; a
    person on boards of several Compacts, or only on boards tied to none, waits for a site admin."""
    Representative = apps.get_model("representation", "Representative")
    for representative in Representative.objects.all():
        compacts = set(
            representative.appointments.exclude(board__compact__isnull=True).values_list("board__compact_id", flat=True)
        )
        if len(compacts) == 1:
            representative.compact_id = compacts.pop()
            representative.save(update_fields=["compact"])


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0002_declaration_reminder_and_index"),
        ("representation", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="representative",
            name="compact",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="representatives",
                to="organisations.compact",
            ),
        ),
        migrations.RunPython(assign_pools, migrations.RunPython.noop),
    ]
