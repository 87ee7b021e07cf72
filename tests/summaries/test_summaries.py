"""Opsamling in the app: choose meetings, run as a task with progress, edit, re-run, and the report."""

from __future__ import annotations

import io

import pytest
from docx import Document
from pypdf import PdfReader

from handlekraft.dialogue.models import Meeting, Note, NoteGroup
from handlekraft.jobs.models import Job
from handlekraft.summaries.models import Placement, Summary, Theme
from tests.conftest import CAST

TEXTS = {
    "mening": [
        "Tillid til at vi selv kan",
        "Ledelsen skal stole på os",
        "Ros fra lederen betyder meget",
        "Vi skal fejre de gode eksempler",
    ],
    "svar": ["Hvad må vi selv beslutte om vikarer?", "Uklart hvem der bestemmer over vagtbytte"],
    "opmaerksom": ["Vi når ikke pauserne", "Arbejdspresset er steget", "Sænk tempoet"],
}


@pytest.fixture
def meetings(cast):
    made = []
    for n, kind_committee in enumerate([cast.lmu, cast.lmu]):
        meeting = Meeting.objects.create(title=f"LMU-møde {n + 1}", committee=kind_committee, status="lukket")
        meeting.facilitators.add(cast.leader)
        for column, texts in TEXTS.items():
            for i, text in enumerate(texts):
                Note.objects.create(
                    meeting=meeting,
                    column=column,
                    text=f"{text}" if n == 0 else f"{text} ({n})",
                    client_id=f"{n}-{column}-{i}",
                )
        made.append(meeting)
    return made


def create(client, meetings, **extra):
    data = {"title": "Opsamling LMU", "granularity": "0.5", "meetings": [m.pk for m in meetings], **extra}
    return client.post("/opsamling/", data)


def test_the_opsamling_runs_as_a_task_with_progress(client_as, meetings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = create(client_as("leader"), meetings)
    summary = Summary.objects.get()
    assert response.status_code == 302 and response["Location"] == summary.get_absolute_url()
    job = Job.objects.get()
    assert job.status == Job.Status.DONE and job.percent == 100 and "temaer fundet" in job.result
    notes = set(Note.objects.values_list("pk", flat=True))
    primary = list(Placement.objects.filter(primary=True).values_list("note_id", flat=True))
    assert sorted(primary) == sorted(notes)  # every note in exactly one primary theme
    page = client_as("leader").get(summary.get_absolute_url()).content.decode()
    assert "Det, vi skal være opmærksomme på" in page and "pauserne" in page
    assert "LMU-møde 1" in page


def test_all_meetings_of_a_kind_in_a_period(client_as, meetings, cast, django_capture_on_commit_callbacks):
    other = Meeting.objects.create(title="Andet møde", unit=cast.unit)
    other.facilitators.add(cast.leader)
    with django_capture_on_commit_callbacks(execute=True):
        client_as("leader").post(
            "/opsamling/", {"title": "Alle LMU", "granularity": "0.5", "forum_kind": "LMU"}
        )
    assert set(Summary.objects.get().meetings.all()) == set(meetings)
    refused = client_as("leader").post(
        "/opsamling/", {"title": "X", "granularity": "0.5", "forum_kind": "HU"}
    )
    assert "Vælg mindst ét møde" in refused.content.decode()


def test_edits_survive_a_rerun(client_as, meetings, django_capture_on_commit_callbacks):
    client = client_as("leader")
    with django_capture_on_commit_callbacks(execute=True):
        create(client, meetings)
    summary = Summary.objects.get()
    themes = list(summary.themes.filter(column="Det, der giver mening"))
    renamed = themes[0]
    client.post(
        f"/opsamling/{summary.pk}/temaer/{renamed.pk}/", {"action": "rename", "label": "Tillid og ros"}
    )
    note = Note.objects.get(text="Sænk tempoet")
    target = (
        summary.themes.filter(column="Det, vi skal være opmærksomme på")
        .exclude(placements__note=note)
        .first()
        or summary.themes.filter(column="Det, vi skal være opmærksomme på").first()
    )
    client.post(f"/opsamling/{summary.pk}/noter/{note.pk}/", {"theme": target.pk})
    kept_notes = set(Placement.objects.filter(theme=renamed, primary=True).values_list("note_id", flat=True))
    client.post(
        f"/opsamling/{summary.pk}/tekster/",
        {"additional": "Tid", "way_forward": "Møde i januar", "version": 1},
    )

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/opsamling/{summary.pk}/kor-igen/")
    renamed.refresh_from_db()
    assert renamed.label == "Tillid og ros" and renamed.edited
    assert (
        set(Placement.objects.filter(theme=renamed, primary=True).values_list("note_id", flat=True))
        == kept_notes
    )
    assert Placement.objects.get(note=note, primary=True).theme_id == target.pk
    assert Placement.objects.filter(primary=True).count() == Note.objects.count()
    summary.refresh_from_db()
    assert summary.additional == "Tid" and summary.way_forward == "Møde i januar"
    assert "er bevaret" in Job.objects.order_by("-created").first().result


def test_merge_and_split(client_as, meetings, django_capture_on_commit_callbacks):
    client = client_as("leader")
    with django_capture_on_commit_callbacks(execute=True):
        create(client, meetings)
    summary = Summary.objects.get()
    column = "Det, der giver mening"
    first, second = list(summary.themes.filter(column=column))[:2]
    client.post(f"/opsamling/{summary.pk}/temaer/{first.pk}/", {"action": "merge", "into": second.pk})
    assert not Theme.objects.filter(pk=first.pk).exists()
    merged = list(Placement.objects.filter(theme=second, primary=True).values_list("note_id", flat=True))
    client.post(
        f"/opsamling/{summary.pk}/temaer/{second.pk}/",
        {"action": "split", "notes": merged[:2], "label": "Anerkendelse"},
    )
    new = Theme.objects.get(summary=summary, label="Anerkendelse")
    assert set(Placement.objects.filter(theme=new).values_list("note_id", flat=True)) == set(merged[:2])
    assert new.edited


def test_facilitators_groups_are_honoured(client_as, meetings, django_capture_on_commit_callbacks):
    group = NoteGroup.objects.create(meeting=meetings[0], name="Tid", column="opmaerksom")
    Note.objects.filter(meeting=meetings[0], text__in=["Vi når ikke pauserne", "Sænk tempoet"]).update(
        group=group
    )
    with django_capture_on_commit_callbacks(execute=True):
        create(client_as("leader"), meetings)
    a, b = (
        Placement.objects.get(note__meeting=meetings[0], note__text=t, primary=True)
        for t in ["Vi når ikke pauserne", "Sænk tempoet"]
    )
    assert a.theme_id == b.theme_id


def test_the_report_as_docx_and_pdf(client_as, meetings, django_capture_on_commit_callbacks):
    client = client_as("leader")
    with django_capture_on_commit_callbacks(execute=True):
        create(client, meetings, period_start="2026-01-01", period_end="2026-03-31")
    summary = Summary.objects.get()
    summary.additional, summary.way_forward = "Ledernes tid\nOpbakning", "Dialog i OMU"
    summary.save()
    quote = Note.objects.get(pk=summary.themes.first().quote_ids[0]).text
    document = Document(io.BytesIO(client.get(f"/opsamling/{summary.pk}/rapport.docx").content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Opsamling LMU"
    for heading in [
        "Det, der giver mening",
        "Yderligere opmærksomhedspunkter",
        "Vejen videre",
        "Bilag: alle noter",
    ]:
        assert heading in headings
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"»{quote}«" in text and "1. januar 2026 – 31. marts 2026" in text and "Dialog i OMU" in text
    assert document.core_properties.language == "da-DK"
    pdf = PdfReader(io.BytesIO(client.get(f"/opsamling/{summary.pk}/rapport.pdf").content))
    content = "\n".join(page.extract_text() for page in pdf.pages)
    for expected in [
        "Opsamling LMU",
        "Yderligere opmærksomhedspunkter",
        "Vejen videre",
        "Bilag: alle noter",
        quote,
    ]:
        assert expected in content
    assert pdf.trailer["/Root"].get("/Lang") == "da"


SEED_ORDER = [
    "Yderligere opmærksomhedspunkter",
    "Når vi lykkes",
    "Opsamlende",
    "Potentielle barrierer",
    "Vejen videre",
    "Bilag: alle noter",
]


def test_the_report_has_the_seeds_sections_in_the_seeds_order(
    client_as, meetings, django_capture_on_commit_callbacks
):
    client = client_as("leader")
    with django_capture_on_commit_callbacks(execute=True):
        create(client, meetings)
    summary = Summary.objects.get()
    saved = client.post(
        f"/opsamling/{summary.pk}/tekster/",
        {
            "additional": "Opbakning fra organisationen",
            "succeeding": "Mindre detailstyring\nBedre borgeroplevelser",
            "summing_up": "Der er enighed om mere handlekraft\ni fællesskab.\n\nDet kræver tydelige rammer.",
            "barriers": "Uklart råderum\nFrygt for fejl",
            "way_forward": "Prøvehandlinger",
            "version": summary.version,
        },
    )
    assert saved.status_code == 302
    document = Document(io.BytesIO(client.get(f"/opsamling/{summary.pk}/rapport.docx").content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")]
    assert [h for h in headings if h in SEED_ORDER] == SEED_ORDER
    paragraphs = [p.text for p in document.paragraphs]
    # Points are bullets; "Opsamlende" is prose, its lines joined into paragraphs.
    assert "Bedre borgeroplevelser" in paragraphs and "Frygt for fejl" in paragraphs
    assert "Der er enighed om mere handlekraft i fællesskab." in paragraphs
    assert "Det kræver tydelige rammer." in paragraphs
    pdf = PdfReader(io.BytesIO(client.get(f"/opsamling/{summary.pk}/rapport.pdf").content))
    content = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    positions = [
        content.index(text) for text in [*SEED_ORDER[:-1], "Bedre borgeroplevelser", "Frygt for fejl"]
    ]
    assert positions[:5] == sorted(positions[:5])  # the sections in the seed's order
    assert positions[0] < positions[5] < positions[2] < positions[6] < positions[4]  # each under its heading
    assert "Der er enighed om mere handlekraft i fællesskab." in content


def test_a_cpr_number_in_a_section_is_refused_next_to_the_field_and_nothing_typed_is_lost(
    client_as, meetings, django_capture_on_commit_callbacks
):
    client = client_as("leader")
    with django_capture_on_commit_callbacks(execute=True):
        create(client, meetings)
    summary = Summary.objects.get()
    refused = client.post(
        f"/opsamling/{summary.pk}/tekster/",
        {
            "barriers": "Borgeren 010203-1234 klagede",
            "succeeding": "Gladere borgere",
            "version": summary.version,
        },
    )
    page = refused.content.decode()
    assert refused.status_code == 400 and 'id="id_barriers-error"' in page
    assert "Gladere borgere" in page  # what was typed stays in the form
    summary.refresh_from_db()
    assert summary.barriers == "" and summary.succeeding == ""


def test_notes_marked_on_the_boards_are_suggested_under_their_sections(
    client_as, meetings, django_capture_on_commit_callbacks
):
    Note.objects.filter(meeting=meetings[0], text="Sænk tempoet").update(
        way_forward=True, report_mark="barriers"
    )
    Note.objects.filter(meeting=meetings[0], text="Ros fra lederen betyder meget").update(
        report_mark="succeeding"
    )
    hidden = (
        Note.objects.filter(meeting=meetings[0])
        .exclude(text__in=["Sænk tempoet", "Ros fra lederen betyder meget"])
        .first()
    )
    Note.objects.filter(pk=hidden.pk).update(report_mark="succeeding", hidden=True)
    client = client_as("leader")
    with django_capture_on_commit_callbacks(execute=True):
        create(client, meetings)
    page = client.get(Summary.objects.get().get_absolute_url()).content.decode()
    box = page[page.index("Markeret på tavlerne") :].split("</div>")[0]
    sections = {part.split("</strong>")[0]: part.split("</strong>")[1] for part in box.split("<strong>")[1:]}
    assert list(sections) == ["Når vi lykkes", "Potentielle barrierer", "Vejen videre"]  # the report's order
    assert (
        "Ros fra lederen betyder meget" in sections["Når vi lykkes"]
        and "Sænk tempoet" not in sections["Når vi lykkes"]
    )
    assert "Sænk tempoet" in sections["Potentielle barrierer"] and "Sænk tempoet" in sections["Vejen videre"]
    assert hidden.text not in box  # a note hidden on the board is not suggested


@pytest.mark.parametrize("who", CAST)
def test_who_may_make_and_see_an_opsamling(client_as, meetings, who, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        create(client_as("leader"), meetings)
    summary = Summary.objects.get()
    listing = client_as(who).get("/opsamling/").status_code
    detail = client_as(who).get(summary.get_absolute_url()).status_code
    assert listing == {"leader": 200, "tr": 200, "hr": 200, "anonymous": 302}.get(who, 403)
    assert detail == {"leader": 200, "hr": 200, "anonymous": 302}.get(who, 403)


def test_the_page_costs_at_most_ten_queries(
    client_as, meetings, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    client = client_as("leader")
    with django_capture_on_commit_callbacks(execute=True):
        create(client, meetings)
    summary = Summary.objects.get()
    with django_assert_max_num_queries(10):
        assert client.get(summary.get_absolute_url()).status_code == 200
