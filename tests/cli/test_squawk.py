"""squawk lints the upgrade SQL with the zero-downtime rules on (.squawk.toml lists each rule switched off and why)."""

import subprocess
import sys
from pathlib import Path

from hitlai_schema.runtime import sql_files
from tests.support import ROOT

SQUAWK = Path(sys.executable).parent / "squawk"


def squawk(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SQUAWK), "--config", str(ROOT / ".squawk.toml"), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_upgrade_sql_files_pass_squawk(tmp_path):
    written = sql_files.write_files(sql_files.sql_files(), tmp_path)
    assert any(path.name.endswith("_concurrent_indexes.sql") for path in written)
    result = squawk(*written)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"in {len(written) - 1} files" in result.stdout  # all but the baseline were linted


def test_squawk_refuses_what_would_block_a_live_writer(tmp_path):
    blocking = tmp_path / "20990101000000_blocking.sql"
    blocking.write_text(
        "BEGIN;\nSET LOCAL lock_timeout = '5s';\nSET LOCAL statement_timeout = '5min';\n"
        "CREATE INDEX idx_test_runs_url ON test_runs (url);\n"
        "ALTER TABLE human_corrections ADD CONSTRAINT human_corrections_run_fkey"
        " FOREIGN KEY (test_run_id) REFERENCES test_runs(id);\n"
        "COMMIT;\n"
    )
    untimed = tmp_path / "20990101000001_untimed.sql"
    untimed.write_text("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_test_runs_url ON test_runs (url);\n")
    result = squawk(blocking, untimed)
    assert result.returncode != 0
    for rule in ("require-concurrent-index-creation", "adding-foreign-key-constraint", "require-lock-timeout"):
        assert rule in result.stdout, result.stdout
