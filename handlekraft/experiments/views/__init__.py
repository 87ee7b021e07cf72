"""Experiments (the board, an experiment's lifecycle and learning card) and proposals (forenklingsforslag).

Each module is one screen family; only urls.py imports them."""
