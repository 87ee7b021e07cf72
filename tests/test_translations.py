"""English is complete, and the committed .mo matches the .po."""

from __future__ import annotations

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES"


def test_every_text_has_an_english_translation():
    po = polib.pofile(str(LOCALE / "django.po"))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert po.percent_translated() == 100


def test_the_compiled_catalogue_is_up_to_date():
    po = {e.msgid: e.msgstr for e in polib.pofile(str(LOCALE / "django.po")) if not e.obsolete}
    mo = {e.msgid: e.msgstr for e in polib.mofile(str(LOCALE / "django.mo")) if e.msgid}
    assert mo == {k: v for k, v in po.items() if k}
