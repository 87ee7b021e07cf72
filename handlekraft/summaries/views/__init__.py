"""Summaries: the opsamling across meetings, its themes and its report.

Each module is one screen family; only urls.py imports them."""
