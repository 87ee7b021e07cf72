"""Signing in, the organisation (units, people, committees) and a person's profile.

Each module is one screen family; only urls.py imports them."""
