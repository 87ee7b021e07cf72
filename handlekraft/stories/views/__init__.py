"""Stories (the feed, writing, consent, recognition, moderation, professions) and feeds (the Atom feed).

Each module is one screen family; only urls.py imports them."""
