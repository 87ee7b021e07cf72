"""A background job's progress page: who may follow it, and what the progress bar says."""

from __future__ import annotations

import pytest

from handlekraft.jobs.models import Job
from tests.conftest import CAST

# The leader started the job; HR may follow every job; nobody else may.
MAY_FOLLOW = {"leader", "hr"}


@pytest.fixture
def job(cast):
    job = Job.objects.create(title="Import af personer", created_by=cast.leader)
    job.report(250, total=1000, message="Læser personerne")
    return job


@pytest.mark.parametrize("who", CAST)
def test_only_the_starter_and_hr_follow_a_job(client_as, job, who):
    response = client_as(who).get(job.get_absolute_url())
    if who == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
    elif who in MAY_FOLLOW:
        assert response.status_code == 200
        assert "Import af personer" in response.content.decode()
    else:
        assert response.status_code == 403


def test_the_progress_bar_shows_the_share_done_and_the_result(client_as, job):
    client = client_as("leader")
    html = client.get(job.get_absolute_url(), HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in html  # the fragment alone
    assert 'value="25"' in html and "250 af 1.000 · Læser personerne" in html  # Danish thousands
    assert 'hx-trigger="every 1s"' in html  # it keeps polling while the job runs
    job.succeed("1.000 personer importeret")
    html = client.get(job.get_absolute_url(), HTTP_HX_REQUEST="true").content.decode()
    assert 'value="100"' in html and "1.000 personer importeret" in html and "alert-success" in html
    assert "<html" not in html and "hx-trigger" not in html  # the fragment only, and polling stops


def test_a_failed_job_says_so(client_as, job):
    job.fail("Linje 7: ukendt enhed »X«")
    html = client_as("hr").get(job.get_absolute_url()).content.decode()
    assert "Linje 7: ukendt enhed »X«" in html and "Fejlet" in html and "alert-error" in html


def test_the_counts_are_grouped_as_each_language_writes_them(client_as, cast, job):
    cast.leader.language = "en"
    cast.leader.save(update_fields=["language"])
    html = client_as("leader").get(job.get_absolute_url(), HTTP_HX_REQUEST="true").content.decode()
    assert "250 of 1,000" in html
