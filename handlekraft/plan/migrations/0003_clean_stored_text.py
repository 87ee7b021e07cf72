"""Text stored before every way in cleaned it (issue 16): Unicode NFC, control characters removed, so a
NUL or a form feed in an old note or story no longer breaks an export or a feed."""

from django.db import migrations

from handlekraft.lib.clean import clean_stored


def clean(apps, schema_editor):
    clean_stored(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("plan", "0002_welcome_dismissal"),
        ("organisation", "0002_threshold_at_least_3"),
        ("mandates", "0003_delegation_poker"),
        ("experiments", "0002_simplification_proposals"),
        ("stories", "0003_story_lengths"),
        ("dialogue", "0003_note_owns_its_name"),
        ("summaries", "0001_summaries"),
        ("pulse", "0005_unlinkable_order"),
        ("notifications", "0001_initial"),
    ]

    operations = [migrations.RunPython(clean, migrations.RunPython.noop)]
