"""The SQL every revision emits, pinned byte for byte under tests/data/sql/.

A change to a revision, or to a helper a revision calls, that alters any file fails
tests/test_golden_sql.py. When the change is intended, rewrite the files and commit them:

    .venv/bin/python -m tests.support.golden_sql    (or: make golden-sql)
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.support import ROOT

GOLDEN = ROOT / "tests" / "data" / "sql"

# What each directory under GOLDEN holds, and the hitlai-schema arguments that write it ({out} is its path).
OUTPUTS = {
    "sql": ("sql", "--out", "{out}"),
    "export-supabase": ("export-supabase", "{out}"),
}


def generate(destination: Path) -> None:
    """Write every output under destination with the default settings, whatever this shell exports."""
    environment = {name: value for name, value in os.environ.items() if not name.startswith("HITLAI_")}
    environment.pop("DATABASE_URL", None)
    for name, arguments in OUTPUTS.items():
        out = destination / name
        command = [sys.executable, "-m", "hitlai_schema", *(part.format(out=out) for part in arguments)]
        subprocess.run(command, cwd=destination, env=environment, check=True, capture_output=True, text=True)


def files(directory: Path) -> dict[str, bytes]:
    return {str(path.relative_to(directory)): path.read_bytes() for path in sorted(directory.rglob("*.sql"))}


def regenerate() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        generate(Path(scratch))
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(scratch, GOLDEN)
    print(f"wrote {len(files(GOLDEN))} files under {GOLDEN.relative_to(ROOT)}")


if __name__ == "__main__":
    regenerate()
