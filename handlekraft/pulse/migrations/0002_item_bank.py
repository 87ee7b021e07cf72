"""The built-in item bank (handlekraft/pulse/bank.py)."""

from django.db import migrations

from handlekraft.pulse.bank import ensure_bank


def add_bank(apps, schema_editor):
    ensure_bank(apps.get_model("pulse", "Construct"), apps.get_model("pulse", "Item"))


class Migration(migrations.Migration):
    dependencies = [("pulse", "0001_pulse")]

    operations = [migrations.RunPython(add_bank, migrations.RunPython.noop)]
