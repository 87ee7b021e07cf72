"""Meetings (the facilitator's board, polls, the projector, exports) and participant (the phone's side).

Each module is one screen family; only urls.py imports them."""
