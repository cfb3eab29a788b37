"""What services import keeps working across the layout change (issue 18, point 4)."""

import subprocess
import sys

import hitlai_schema


def test_every_public_name_imports_from_the_package():
    for name in hitlai_schema.__all__:
        assert getattr(hitlai_schema, name) is not None, name
    assert "click_events" in hitlai_schema.metadata.tables


def test_the_old_homes_still_answer():
    from hitlai_schema.deploy import alembic_config
    from hitlai_schema.ingest import copy_rows
    from hitlai_schema.runtime import chain
    from hitlai_schema.schemas import ClickEventCreate

    assert alembic_config is chain.alembic_config
    assert callable(copy_rows) and ClickEventCreate.__name__ == "ClickEventCreate"


def test_the_command_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "hitlai_schema", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "upgrade" in result.stdout and "partitions" in result.stdout
