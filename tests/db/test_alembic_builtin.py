"""pytest-alembic's own checks of the chain, each on a fresh database."""

from urllib.parse import unquote

import pytest
import pytest_alembic.tests.experimental.all_models_register_on_metadata as register_check
from pytest_alembic.tests import (  # noqa: F401
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)
from pytest_alembic.tests.experimental import test_downgrade_leaves_no_trace  # noqa: F401


def test_all_models_register_on_metadata(alembic_runner, monkeypatch: pytest.MonkeyPatch) -> None:
    # pytest-alembic hands the URL to alembic's ini parser, where the %-escapes of a
    # Unix-socket host (host=%2Ftmp%2F...) read as interpolation; give it the host unescaped.
    render = register_check.url_to_string
    monkeypatch.setattr(register_check, "url_to_string", lambda url: unquote(render(url)))
    register_check.test_all_models_register_on_metadata(alembic_runner)
