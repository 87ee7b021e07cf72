"""Danish error pages, and server errors logged as JSON lines."""

from __future__ import annotations

import json
import logging
import sys

from django.test import RequestFactory

from handlekraft import views
from handlekraft.lib.logging import JsonFormatter


def test_the_500_page_is_danish_and_needs_no_database():
    response = views.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Der skete en fejl hos os" in html and 'lang="da"' in html


def test_a_server_error_is_one_json_line_with_path_but_no_query():
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        record = logging.LogRecord(
            "django.request", logging.ERROR, __file__, 1, "Internal Server Error", (), sys.exc_info()
        )
    record.status_code = 500
    record.request = RequestFactory().get("/organisation/", {"q": "Tove Tillid"})
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["status"] == 500
    assert entry["path"] == "/organisation/"
    assert "Tove" not in line  # search words stay out of the logs
    assert "RuntimeError: boom" in entry["exception"]
