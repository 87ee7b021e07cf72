"""Opsamling in the browser: choose meetings → run → edit → download, axe on every page."""

from __future__ import annotations

import pytest
from docx import Document
from pypdf import PdfReader

from tests.browser.conftest import Visit
from tests.browser.test_main_flow import log_in


@pytest.fixture
def demo(transactional_db):
    from importlib import import_module

    from handlekraft.organisation import demo as org_demo

    org = org_demo.build()
    for app in ("mandates", "dialogue", "summaries"):
        import_module(f"handlekraft.{app}.demo").build(org)
    return org


def test_choose_meetings_run_edit_and_download(visit: Visit, demo):
    page = visit.page
    log_in(visit, "hr@eksempel.dk")
    visit.goto("/dialog/")
    page.get_by_role("link", name="Lav en opsamling af flere møder").click()
    visit.check()
    page.get_by_label("Titel").fill("Opsamling på HU-workshoppen")
    page.get_by_label("Workshop og HU-temadag om styrket aktørskab").check()
    page.get_by_role("button", name="Find temaerne").click()
    page.wait_for_url("**/opsamling/*/")
    page.get_by_text("temaer fundet").wait_for()
    visit.check()

    theme = page.locator(".summary-theme").first
    theme.locator("summary").click()
    theme.get_by_label("Navn på temaet").fill("Mod til at prøve")
    theme.get_by_role("button", name="Omdøb").click()
    page.get_by_text("Temaet hedder nu »Mod til at prøve«.").wait_for()
    visit.check()
    page.get_by_label("Når vi lykkes").fill("Trygge medarbejdere, der handler")
    page.get_by_label("Opsamlende").fill("Handlekraft i fællesskab, ikke som et projekt.")
    page.get_by_label("Potentielle barrierer").fill("Uklart råderum")
    page.locator("#id_way_forward").fill("Dialogmøder i alle OMU'er")
    page.get_by_role("button", name="Gem teksterne").click()
    page.get_by_text("Teksterne er gemt.").wait_for()
    visit.check()
    written = [
        "Trygge medarbejdere, der handler",
        "Handlekraft i fællesskab, ikke som et projekt.",
        "Uklart råderum",
        "Dialogmøder i alle OMU'er",
    ]

    with page.expect_download() as download:
        page.get_by_role("link", name="Hent rapporten (Word)").click()
    assert download.value.suggested_filename.endswith(".docx")
    text = "\n".join(p.text for p in Document(download.value.path()).paragraphs)
    assert_in_order(text, ["Når vi lykkes", written[0], "Opsamlende", written[1], "Potentielle barrierer"])
    assert_in_order(text, ["Potentielle barrierer", written[2], "Vejen videre", written[3]])
    with page.expect_download() as download:
        page.get_by_role("link", name="Hent rapporten (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")
    pdf = PdfReader(download.value.path())
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert_in_order(text, ["Når vi lykkes", written[0], "Opsamlende", written[1], "Potentielle barrierer"])
    assert_in_order(text, ["Potentielle barrierer", written[2], "Vejen videre", written[3]])


def assert_in_order(text: str, parts: list[str]) -> None:
    """Each part is in the text, after the one before it."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} is not after {text[max(0, at - 80) : at]!r}"
        at = found + len(part)


def test_the_demo_opsamling_passes_axe(visit: Visit, demo):
    from handlekraft.summaries.models import Summary

    log_in(visit, "hr@eksempel.dk")
    visit.goto("/opsamling/")
    visit.goto(Summary.objects.get().get_absolute_url())
