"""The built-in dialogue material: four meeting templates with an introduction for the facilitator."""

from django.db import migrations

from handlekraft.dialogue.material import ensure_templates


def add_templates(apps, schema_editor):
    ensure_templates(apps.get_model("dialogue", "MeetingTemplate"))


def remove_templates(apps, schema_editor):
    apps.get_model("dialogue", "MeetingTemplate").objects.filter(builtin=True).delete()


class Migration(migrations.Migration):
    dependencies = [("dialogue", "0001_dialogue")]

    operations = [migrations.RunPython(add_templates, remove_templates)]
