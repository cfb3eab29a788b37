"""The hitlai-schema command as a user runs it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

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


def hitlai_schema_in_process(
    capsys: pytest.CaptureFixture[str], *args: str, cwd: Path, **env: str
) -> subprocess.CompletedProcess[str]:
    """The hitlai-schema command run in this process (no interpreter start-up): for the many-case error tests.

    DATABASE_URL only where env gives it; the environment, the directory and the log handlers are restored after.
    """
    import logging

    from hitlai_schema.cli import main

    env_log = logging.getLogger("alembic.env")
    handlers, level, propagate = list(env_log.handlers), env_log.level, env_log.propagate
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(cwd)
        patch.delenv("DATABASE_URL", raising=False)
        for name, value in env.items():
            patch.setenv(name, value)
        capsys.readouterr()
        try:
            main(list(args))
            code = 0
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
        finally:
            env_log.handlers[:] = handlers
            env_log.setLevel(level)
            env_log.propagate = propagate
        output = capsys.readouterr()
    return subprocess.CompletedProcess(list(args), code, output.out, output.err)
