"""What a newcomer reads in the repository before running anything: the licence and the first-run time."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_licence_file_is_the_licence_pyproject_names():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"]
    text = (ROOT / "LICENSE").read_text()
    assert declared == "AGPL-3.0-or-later"
    assert text.startswith("GNU AFFERO GENERAL PUBLIC LICENSE\nVersion 3, 19 November 2007")
    # The whole text, not a stub: its last section ("How to Apply These Terms") and section 13 are there.
    assert "13. Remote Network Interaction; Use with the GNU General Public License." in text
    assert "END OF TERMS AND CONDITIONS" in text
    assert len(text) > 30_000


def test_the_readme_says_how_long_the_first_run_takes():
    readme = (ROOT / "README.md").read_text()
    assert re.search(r"first `make run` takes about \d+ minutes", readme)
    assert "LICENSE" in readme
