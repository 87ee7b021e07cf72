"""Each closed survey's outcome per unit (issue 18). Surveys closed before this get their respondents
and scores from the counts and roll-ups they already have; what may be shown is decided by the first
page that reads them (their `decided_at_threshold` stays empty), with the threshold then in force."""

from collections import defaultdict

import django.db.models.deletion
from django.db import migrations, models


def outcomes_of_closed_surveys(apps, schema_editor):
    """The scores as `results.construct_scores` computed them when this was written."""
    Survey, UnitCount, Rollup, UnitOutcome, Unit = (
        apps.get_model(*name.split("."))
        for name in (
            "pulse.Survey",
            "pulse.UnitCount",
            "pulse.Rollup",
            "pulse.UnitOutcome",
            "organisation.Unit",
        )
    )
    for survey in Survey.objects.filter(closed_at__isnull=False).select_related("unit"):
        items = list(survey.items.select_related("construct"))
        subtree = dict(UnitCount.objects.filter(survey=survey).values_list("unit_id", "subtree"))
        rolled = defaultdict(dict)
        for unit_id, item_id, distribution in Rollup.objects.filter(survey=survey).values_list(
            "unit_id", "item_id", "distribution"
        ):
            rolled[unit_id][item_id] = distribution
        rows = []
        for unit_id in Unit.objects.filter(path__startswith=survey.unit.path).values_list("pk", flat=True):
            means = defaultdict(list)
            for item in items:
                means.setdefault(item.construct.key, [])
                counts = rolled[unit_id].get(item.pk)
                answered = sum(counts[:5]) if counts else 0
                if answered:
                    score = (lambda v: 4 - v) if item.reversed else (lambda v: v)
                    means[item.construct.key].append(sum(score(v) * counts[v] for v in range(5)) / answered)
            scores = {key: round(25 * sum(m) / len(m)) if m else None for key, m in means.items()}
            rows.append(
                UnitOutcome(
                    survey=survey, unit_id=unit_id, respondents=subtree.get(unit_id, 0), scores=scores
                )
            )
        UnitOutcome.objects.bulk_create(rows, batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0003_sso_subject"),
        ("pulse", "0007_text_limits"),
    ]

    operations = [
        migrations.AddField(
            model_name="survey",
            name="decided_at_threshold",
            field=models.PositiveSmallIntegerField(blank=True, editable=False, null=True),
        ),
        migrations.CreateModel(
            name="UnitOutcome",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("respondents", models.PositiveIntegerField(default=0)),
                ("shown", models.BooleanField(default=False)),
                ("comments_shown", models.BooleanField(default=False)),
                ("scores", models.JSONField(default=dict)),
                (
                    "survey",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="outcomes",
                        to="pulse.survey",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="organisation.unit"
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("survey", "unit"), name="unit_outcome_unique")
                ],
            },
        ),
        migrations.RunPython(outcomes_of_closed_surveys, migrations.RunPython.noop),
    ]
