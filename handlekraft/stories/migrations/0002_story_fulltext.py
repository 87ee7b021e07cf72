"""The full-text index on stories: FTS5 on SQLite, a generated tsvector with GIN on PostgreSQL."""

from django.db import migrations

from handlekraft.lib import fulltext


def install(apps, schema_editor):
    fulltext.install(schema_editor, "stories_story")


def uninstall(apps, schema_editor):
    fulltext.uninstall(schema_editor, "stories_story")


class Migration(migrations.Migration):
    dependencies = [("stories", "0001_stories")]

    operations = [migrations.RunPython(install, uninstall)]
