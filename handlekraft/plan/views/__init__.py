"""Timeline (quarters, forums, activities), follow-ups, onboarding (and the welcome page), status (HU's
figures and report) and calendar (iCal feeds).

Each module is one screen family; only urls.py imports them."""
