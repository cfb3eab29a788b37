"""Production-table changes run after the revisions commit, each briefly: retried while locked, INVALID indexes rebuilt."""

import logging
import threading
import time

import psycopg
import pytest
import sqlalchemy as sa

from hitlai_schema.runtime import comparison

INDEX = "idx_test_runs_tester_category"


def index_state(engine: sa.Engine) -> tuple[bool, str] | None:
    with engine.connect() as connection:
        row = connection.execute(
            sa.text(
                "SELECT i.indisvalid, pg_get_indexdef(i.indexrelid) FROM pg_index i"
                " WHERE i.indexrelid = to_regclass(:name)"
            ),
            {"name": f"public.{INDEX}"},
        ).one_or_none()
    return None if row is None else (row[0], row[1])


def test_an_index_left_invalid_by_an_interrupted_build_is_rebuilt_by_the_next_upgrade(migrate, engine, caplog):
    migrate("upgrade", "head")
    valid = index_state(engine)
    assert valid is not None and valid[0]
    conninfo = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as builder, psycopg.connect(conninfo) as writer:
        builder.execute(f"DROP INDEX {INDEX}")
        # A writer's open transaction makes the concurrent build wait; a short lock_timeout then interrupts it.
        writer.execute("UPDATE test_runs SET total_steps = 1 WHERE false")
        writer.execute("LOCK TABLE test_runs IN ROW EXCLUSIVE MODE")
        builder.execute("SET lock_timeout = '100ms'")
        with pytest.raises(psycopg.errors.LockNotAvailable):
            builder.execute(f"CREATE INDEX CONCURRENTLY {INDEX} ON test_runs (tester_category)")
        writer.rollback()
    assert index_state(engine) == (False, valid[1])

    with caplog.at_level(logging.DEBUG, logger="alembic.env"):
        migrate("upgrade", "head")
    assert index_state(engine) == valid
    assert f"index {INDEX} was left invalid by an interrupted build: rebuilding it" in caplog.text
    with engine.connect() as connection:
        assert comparison.compare(connection).in_sync


def test_a_step_whose_lock_is_busy_is_retried_until_granted(migrate, engine, caplog):
    migrate("upgrade", "20260117000004")
    conninfo = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo) as reader:
        reader.execute("LOCK TABLE human_testers IN ACCESS SHARE MODE")  # as a long report would hold it
        release = threading.Timer(0.4, reader.rollback)
        release.start()
        started = time.monotonic()
        with caplog.at_level(logging.DEBUG, logger="alembic.env"):
            migrate("upgrade", "head")
        release.join()
    assert time.monotonic() - started >= 0.4
    assert "added column tester_category on human_testers" in caplog.text
    with engine.connect() as connection:
        assert comparison.compare(connection).in_sync
