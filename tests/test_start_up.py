"""A fresh worker starts light: loading the URLconf (what gunicorn does before its first request) imports
none of the heavy libraries. Each loads where it is used: the theme engine in the task worker, documents,
workbooks, calendars and QR codes when one is made."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ["numpy", "scipy", "sklearn", "docx", "openpyxl", "weasyprint", "icalendar", "segno"]
PROBE = f"""
import json, sys, django
django.setup()
import handlekraft.urls
from django.urls import resolve
resolve("/")
print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))
"""


def heavy_modules_loaded(probe: str = PROBE) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env |= {"DJANGO_SETTINGS_MODULE": "handlekraft.settings", "DEBUG": "1"}
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_loading_the_urls_imports_no_heavy_library():
    assert heavy_modules_loaded() == []


def test_the_probe_would_see_a_heavy_import():
    assert heavy_modules_loaded(
        PROBE.replace("import handlekraft.urls", "import handlekraft.urls, icalendar")
    ) == ["icalendar"]
