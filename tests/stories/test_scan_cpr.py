"""Numbers stored before the guard was strict: `scan_cpr` finds them, and pages show them masked."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from handlekraft.dialogue.models import Meeting, Note
from handlekraft.organisation.models import User
from handlekraft.stories.models import Story
from tests.stories.conftest import make_story


def test_scan_cpr_finds_a_seeded_number_and_lists_it_masked_with_where_it_is(cast):
    story = make_story(cast, body="En helt almindelig historie.")
    # Stored around the guard, as an older version of it let "tlf 0707614285" through.
    Story.objects.filter(pk=story.pk).update(body="Ring til fru Jensen, tlf 07 07 61 4285, om badet.")
    meeting = Meeting.objects.create(title="Dialogmøde", committee=cast.lmu, status="aaben")
    note = Note.objects.create(meeting=meeting, client_id="x", column="c", text="010203-1234 var med")
    out = StringIO()
    call_command("scan_cpr", stdout=out)
    lines = out.getvalue().splitlines()
    assert f"stories.Story #{story.pk} body: 070761-XXXX" in lines
    assert f"dialogue.Note #{note.pk} text: 010203-XXXX" in lines
    assert "2 CPR-lignende numre fundet" in lines[-1]
    assert "4285" not in out.getvalue() and "1234" not in out.getvalue()


def test_password_hashes_are_not_free_text(cast):
    """A hash can hold ten digits in a row by chance: it is no CPR number and must not be printed."""
    User.objects.filter(pk=cast.employee.pk).update(password="md5$salt$0101901009aaaaaaaaaaaaaaaaaaaaaa")
    out = StringIO()
    call_command("scan_cpr", stdout=out)
    assert out.getvalue().strip() == "Ingen CPR-lignende numre fundet."


def test_a_stored_number_is_shown_masked_until_it_is_removed(cast, client_as):
    story = make_story(cast, body="En helt almindelig historie.")
    Story.objects.filter(pk=story.pk).update(body="Ring til fru Jensen, tlf 07 07 61 4285, om badet.")
    page = client_as("employee").get(story.get_absolute_url()).content.decode()
    assert "tlf 070761-XXXX, om badet" in page and "4285" not in page


def test_scan_cpr_says_so_when_there_is_nothing(cast):
    out = StringIO()
    call_command("scan_cpr", stdout=out)
    assert out.getvalue().strip() == "Ingen CPR-lignende numre fundet."
