"""A canary: the Alembic internals that hitlai_schema.runtime.alembic_private relies on still exist.

If one fails after an Alembic upgrade, only that module needs changing; pyproject.toml bounds Alembic for this reason.
"""

from alembic import context as alembic_context
from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from hitlai_schema.runtime import alembic_private
from tests.support import ROOT


def environment() -> EnvironmentContext:
    config = Config()
    config.set_main_option("script_location", str(ROOT / "src/hitlai_schema/migrations"))
    return EnvironmentContext(config, ScriptDirectory.from_config(config), fn=lambda rev, ctx: [], as_sql=True)


def test_the_module_proxy_leads_to_the_environment_and_its_options():
    with environment() as env:
        assert alembic_private.current_environment() is env
        assert "fn" in alembic_private.environment_options(env)
    assert not hasattr(alembic_context, "_proxy") or getattr(alembic_context, "_proxy", None) is None


def test_the_planned_steps_can_be_read_and_replaced():
    with environment() as env:
        env.configure(url="postgresql+psycopg://", dialect_name="postgresql")
        migration_context: MigrationContext = env.get_context()
        original = alembic_private.planned_steps(migration_context)
        assert callable(original)
        replacement = lambda heads, ctx: []  # noqa: E731
        alembic_private.replace_planned_steps(migration_context, replacement)
        assert alembic_private.planned_steps(migration_context) is replacement
