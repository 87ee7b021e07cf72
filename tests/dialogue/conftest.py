"""The dialogue tests' shared meeting and the participant's post, as a phone sends it."""

from __future__ import annotations

import pytest
from django.test import Client

from handlekraft.dialogue.models import (
    Meeting,
)

VALID_CPR = "0101901009"


@pytest.fixture
def meeting(cast):
    meeting = Meeting.objects.create(title="Hvad er aktørskab for os?", committee=cast.lmu, status="aaben")
    meeting.facilitators.add(cast.leader)
    return meeting


def participant_post(
    client: Client, meeting: Meeting, text: str, column: str = "", client_id: str = "x1", **extra
):
    data = {"text": text, "column": column or meeting.column_keys[0], "client_id": client_id, **extra}
    return client.post(f"/m/{meeting.join_code}/", data)
