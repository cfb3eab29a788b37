"""The only place that touches Alembic's private API; tests/unit/test_alembic_private.py fails loudly if it changes.

Two hooks Alembic gives no public way to: the command's step function (to run the live-table guard and the
downgrade check once the steps are known, before any of them runs) and the environment's options (to tell
which command is running).
"""

from collections.abc import Callable, Iterable
from typing import Any

from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext

StepPlanner = Callable[[Any, MigrationContext], Iterable[Any]]


def current_environment() -> EnvironmentContext:
    """The EnvironmentContext behind the module-level proxy `alembic.context` that env.py sees."""
    from alembic import context

    environment: EnvironmentContext = getattr(context, "_proxy")  # noqa: B009 (not in Alembic's type stubs)
    return environment


def environment_options(context: EnvironmentContext) -> dict[str, Any]:
    """The options the running command handed to env.py (its step function, destination, revision context)."""
    return context.context_opts


def planned_steps(migration_context: MigrationContext) -> StepPlanner:
    plan = migration_context._migrations_fn
    assert plan is not None, "an online run has its steps planned"
    return plan


def replace_planned_steps(migration_context: MigrationContext, planner: StepPlanner) -> None:
    migration_context._migrations_fn = planner
