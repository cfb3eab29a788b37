"""What the tests share: paths, the command line runner, databases of their own, rows, the spec's catalog."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
