"""Tools from the npm registry, installed once per virtualenv and reused (node and npm are on every machine)."""

import subprocess
from pathlib import Path

from conftest import ROOT

CACHE = ROOT / ".venv" / "npm"


def npm_install(name: str, *packages: str) -> Path:
    """A directory with exactly these pinned packages installed; returns its node_modules/.bin."""
    directory = CACHE / name
    marker = directory / ".installed"
    wanted = "\n".join(packages)
    if not marker.exists() or marker.read_text() != wanted:
        directory.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--save-exact", *packages],
            cwd=directory,
            check=True,
            capture_output=True,
            timeout=600,
        )
        marker.write_text(wanted)
    return directory / "node_modules" / ".bin"
