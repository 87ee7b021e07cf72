"""Rewrites the codes and answers stored before issue 15 in random order with new ids, so that neither
the ids nor the rows' order follows the list of people or the order of answering (docs/pulse.md)."""

import secrets

from django.db import migrations


def reshuffle(apps, schema_editor):
    shuffle = secrets.SystemRandom().shuffle
    AnswerCode = apps.get_model("pulse", "AnswerCode")
    Response = apps.get_model("pulse", "Response")
    for survey_id in AnswerCode.objects.values_list("survey_id", flat=True).distinct():
        codes = list(AnswerCode.objects.filter(survey_id=survey_id).values("unit_id", "code_hash", "used"))
        shuffle(codes)
        AnswerCode.objects.filter(survey_id=survey_id).delete()
        AnswerCode.objects.bulk_create([AnswerCode(survey_id=survey_id, **c) for c in codes], batch_size=2000)
    for survey_id in Response.objects.values_list("survey_id", flat=True).distinct():
        rows = list(
            Response.objects.filter(survey_id=survey_id).values("unit_id", "round", "answers", "comment")
        )
        shuffle(rows)
        Response.objects.filter(survey_id=survey_id).delete()
        Response.objects.bulk_create([Response(survey_id=survey_id, **r) for r in rows], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("pulse", "0004_rollups")]

    operations = [migrations.RunPython(reshuffle, migrations.RunPython.noop)]
