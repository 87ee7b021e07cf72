"""`import_mandates` and `export_mandates`: the CSV contract, all or nothing, idempotent."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from handlekraft.mandates.models import DecisionArea

CSV = """unit_external_id,title,description,level,limits,inform,examples,keywords,applies_to_subunits
A,Valg af vikar ved akut fravær,Når en kollega melder sig syg,7,"Højst tre vagter
Vikaren skal kunne give medicin",Vagtplanlæggeren,"Ring selv til en afløser",vikar; afløser,ja
D,Menu,,6,,,,"mad, menu",nej
""".replace("vikar; afløser", '"vikar, afløser"')


def run(tmp_path, text):
    path = tmp_path / "mandates.csv"
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("import_mandates", str(path), stdout=out, stderr=StringIO())
    return out.getvalue()


def test_import_then_reimport_changes_nothing(cast, tmp_path):
    assert "2 oprettet" in run(tmp_path, CSV)
    vikar = DecisionArea.objects.get(title="Valg af vikar ved akut fravær")
    assert vikar.limit_lines() == ["Højst tre vagter", "Vikaren skal kunne give medicin"]
    assert vikar.keyword_list() == ["vikar", "afløser"]
    assert DecisionArea.objects.get(title="Menu").applies_to_subunits is False
    assert "0 oprettet, 0 ændret, 2 uændret" in run(tmp_path, CSV)
    assert vikar.versions.count() == 1


def test_a_changed_row_updates_and_records_a_version(cast, tmp_path):
    run(tmp_path, CSV)
    run(tmp_path, CSV.replace("D,Menu,,6", "D,Menu,,7"))
    menu = DecisionArea.objects.get(title="Menu")
    assert menu.level == 7 and menu.version == 2 and menu.versions.count() == 2


def test_export_writes_the_same_format_and_round_trips(cast, tmp_path):
    run(tmp_path, CSV)
    out = StringIO()
    call_command("export_mandates", "--unit", "A", stdout=out)
    exported = out.getvalue()
    assert (
        exported.splitlines()[0]
        == "unit_external_id,title,description,level,limits,inform,examples,keywords,applies_to_subunits"
    )
    assert "0 oprettet, 0 ændret, 1 uændret" in run(tmp_path, exported)


def test_every_bad_row_is_reported_and_nothing_is_saved(cast, tmp_path):
    bad = CSV + "NOPE,X,,7,,,,,ja\nD,,,9,,,,,måske\nD,Menu,,6,,,,,nej\nD,Note,cpr 010190-1009,5,,,,,ja\n"
    path = tmp_path / "bad.csv"
    path.write_text(bad, encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_mandates", str(path), stdout=StringIO(), stderr=err)
    lines = err.getvalue().strip().splitlines()
    # The first row's limits span two physical lines, so the added rows start on line 5.
    assert [line.split(":")[0] for line in lines] == ["linje 5", "linje 6", "linje 7", "linje 8"]
    assert "NOPE" in lines[0]
    assert "titel mangler" in lines[1] and "1 til 7" in lines[1] and "ja eller nej" in lines[1]
    assert "linje 4" in lines[2]
    assert "CPR-nummer" in lines[3]
    assert DecisionArea.objects.count() == 0


def test_export_of_an_unknown_unit_fails_clearly(cast):
    with pytest.raises(CommandError, match="findes ikke"):
        call_command("export_mandates", "--unit", "NOPE", stdout=StringIO())
