"""The hitlai-schema command as a user runs it."""

import os
import subprocess
import sys
from pathlib import Path

from tests.support import ROOT


def hitlai_schema_cli(
    *args: str, cwd: Path = ROOT, executable: str = sys.executable, **env: str
) -> subprocess.CompletedProcess[str]:
    """The hitlai-schema command as a user runs it; DATABASE_URL only where env gives it."""
    environment = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"}
    return subprocess.run(
        [executable, "-m", "hitlai_schema", *args],
        cwd=cwd,
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if not line.startswith("INFO")]
    assert len(lines) == 1, result.stderr
    for text in expected:
        assert text in lines[0]
