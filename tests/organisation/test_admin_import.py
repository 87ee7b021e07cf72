"""HR imports the organisation from the admin as a background job (the job page: tests/jobs)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from handlekraft.jobs.models import Job
from handlekraft.notifications.models import Notification
from handlekraft.organisation.models import Unit, User

UNITS = "external_id,name,parent_external_id,kind\nNY,Ny afdeling,K,afdeling\n"
PEOPLE = "email,name,unit_external_id,role\nny@test.dk,Nina Ny,NY,medarbejder\n"


def upload(client, units=UNITS, people=PEOPLE):
    return client.post(
        "/admin/organisation/unit/import/",
        {
            "units": SimpleUploadedFile("units.csv", units.encode()),
            "people": SimpleUploadedFile("people.csv", people.encode()),
        },
    )


def test_hr_imports_from_the_admin_as_a_background_job(cast, client_as):
    client = client_as("hr")
    assert client.get("/admin/organisation/unit/import/").status_code == 200
    response = upload(client)
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    # The test settings run tasks at once; in production a db_worker does.
    assert job.status == Job.Status.DONE and job.percent == 100
    assert "Enheder: 1 oprettet" in job.result
    assert job.input == {}  # the uploaded personal data is not kept
    assert Unit.objects.filter(external_id="NY").exists()
    assert User.objects.filter(email="ny@test.dk").exists()
    page = client.get(job.get_absolute_url()).content.decode()
    assert "<progress" in page and 'value="100"' in page
    assert Notification.objects.filter(recipient=cast.hr, kind="job_finished").exists()


def test_a_failed_import_shows_every_error_and_changes_nothing(cast, client_as):
    client = client_as("hr")
    upload(client, units=UNITS + "X,,K,land\n")
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    assert "linje 3: navn mangler; ukendt type 'land'" in job.result
    assert not Unit.objects.filter(external_id="NY").exists()


def test_non_hr_cannot_reach_the_import(cast, client_as):
    for who in ["leader", "employee", "tr", "amr", "other"]:
        assert client_as(who).get("/admin/organisation/unit/import/", follow=True).status_code == 403


def test_the_unit_list_in_the_admin_links_to_the_import(cast, client_as):
    html = client_as("hr").get("/admin/organisation/unit/").content.decode()
    assert 'href="/admin/organisation/unit/import/"' in html


def test_a_file_not_saved_as_utf8_is_named_once_next_to_its_field_with_what_to_do(cast, client_as):
    client = client_as("hr")
    response = client.post(
        "/admin/organisation/unit/import/",
        {
            "units": SimpleUploadedFile("units.csv", UNITS.encode()),
            "people": SimpleUploadedFile(
                "people.csv", (PEOPLE + "b@test.dk,Bjørn Bø,NY,leder\n").encode("cp1252")
            ),
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and not Job.objects.exists()  # nothing started
    assert html.count("ikke gemt som UTF-8") == 1 and html.count("CSV UTF-8 (kommasepareret)") == 1
    assert "linje 3: PEOPLE.csv er ikke gemt som UTF-8" in html
    # next to the PEOPLE.csv field (Django's admin form puts a field's errors just before its input)
    error_at = html.index("linje 3: PEOPLE.csv")
    assert html.index('name="units"') < error_at < html.index('name="people"')


def test_the_job_page_links_back_to_the_import_form(cast, client_as):
    client = client_as("hr")
    upload(client, units=UNITS + "X,,K,land\n")
    failed = client.get(Job.objects.get().get_absolute_url()).content.decode()
    assert 'href="/admin/organisation/unit/import/">Ret filerne, og prøv igen</a>' in failed
    Job.objects.all().delete()
    upload(client)
    done = client.get(Job.objects.get().get_absolute_url()).content.decode()
    assert 'href="/admin/organisation/unit/import/">Tilbage til importen</a>' in done
