"""Commands that only apply revisions never map the models; code that uses the models gets them on first use."""

import subprocess
import sys

import hitlai_schema
from tests.support import ROOT

MODEL_MODULES = ("hitlai_schema.models.core", "hitlai_schema.models.alignment", "hitlai_schema.models.base")


def modules_loaded_by(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sys.modules), file=sys.stderr)"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return set(result.stderr.splitlines()[-1].split())


def test_importing_the_package_or_its_command_line_or_writing_the_upgrade_sql_maps_no_model():
    offline_upgrade = (
        "import io\n"
        "from alembic import command\n"
        "from hitlai_schema import deploy\n"
        "config = deploy.alembic_config()\n"
        "config.output_buffer = io.StringIO()\n"
        "command.upgrade(config, 'head', sql=True)\n"
        "assert 'CREATE TABLE test_runs' in config.output_buffer.getvalue()\n"
    )
    for code in ("import hitlai_schema", "import hitlai_schema.cli", offline_upgrade):
        assert not modules_loaded_by(code) & set(MODEL_MODULES), code


def test_a_model_name_loads_every_model():
    loaded = modules_loaded_by("from hitlai_schema import TestRun\nassert TestRun.__tablename__ == 'test_runs'")
    assert set(MODEL_MODULES) <= loaded


def test_every_exported_name_resolves_and_unknown_names_fail():
    for name in hitlai_schema.__all__:
        assert getattr(hitlai_schema, name) is not None
    assert "test_runs" in hitlai_schema.metadata.tables
    try:
        hitlai_schema.NoSuchModel  # noqa: B018
    except AttributeError as exc:
        assert "NoSuchModel" in str(exc)
    else:
        raise AssertionError("an unknown name resolved")
