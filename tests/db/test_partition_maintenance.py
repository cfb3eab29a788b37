"""`hitlai-schema partitions`: months created ahead and backfilled, old months detached and dropped, writers unhurt."""

import datetime
import threading
import time
import uuid
from collections.abc import Iterator

import psycopg
import pytest
import sqlalchemy as sa

from hitlai_schema.runtime import partitions
from hitlai_schema.runtime.online_ddl import Retry
from hitlai_schema.runtime.partitions import SCHEMA, Month
from tests.support.commands import hitlai_schema_cli
from tests.support.databases import database_url, migrated_database

PARTITIONED = (
    "api_call_logs",
    "click_events",
    "console_logs",
    "element_visibility",
    "form_interactions",
    "javascript_errors",
    "keyboard_events",
    "mouse_movements",
    "network_requests",
    "performance_metrics",
    "rage_click_incidents",
    "scroll_events",
    "visibility_changes",
)
QUICK = Retry(lock_timeout="50ms", attempts=2, first_pause=0.05)


@pytest.fixture(scope="module")
def head_template(postgresql_noproc) -> Iterator[str]:
    """A database at head, migrated once for the module and cloned for each test."""
    with migrated_database(postgresql_noproc, "hitlai_partitions_template") as engine:
        engine.dispose()
        yield "hitlai_partitions_template"


@pytest.fixture
def database(head_template, postgresql_noproc) -> Iterator[sa.Engine]:
    """A fresh copy of the database at head: these tests commit, so none can share one."""
    server = postgresql_noproc
    name = f"partitions_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(
        database_url(server.host, server.port, server.user, server.password, "postgres"),
        isolation_level="AUTOCOMMIT",
        poolclass=sa.pool.NullPool,
    )
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{head_template}"')
    engine = sa.create_engine(
        database_url(server.host, server.port, server.user, server.password, name), poolclass=sa.pool.NullPool
    )
    yield engine
    engine.dispose()
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.dispose()


def cli(db_url: sa.URL, *args: str):
    return hitlai_schema_cli("partitions", *args, "--database-url", db_url.render_as_string(hide_password=False))


def current_month(engine: sa.Engine) -> Month:
    with engine.connect() as connection:
        return Month.of(connection.execute(sa.text("SELECT now()")).scalar_one())


def months_of(engine: sa.Engine, table: str) -> dict[Month, int]:
    """Each month partition of the table and its oid."""
    with engine.connect() as connection:
        found = partitions.partitions(connection, [table])[table]
        oids = dict(
            connection.execute(
                sa.text("SELECT relname, oid FROM pg_class WHERE relnamespace = to_regnamespace(:schema)"),
                {"schema": SCHEMA},
            ).all()
        )
    return {partition.month: oids[partition.name] for partition in found if partition.month is not None}


def click(at: datetime.datetime, tag: str = "button") -> dict:
    return {"element_tag": tag, "click_x": 1, "click_y": 2, "timestamp_ms": 7, "created_at": at}


def insert_clicks(engine: sa.Engine, month: Month, count: int) -> None:
    with engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO click_events (element_tag, click_x, click_y, timestamp_ms, created_at)"
                " SELECT 'a', 1, 2, g, CAST(:start AS timestamptz) + make_interval(secs => g) FROM generate_series(1, :n) g"
            ),
            {"start": month.start, "n": count},
        )


def test_ensure_creates_missing_months_only_and_is_idempotent(database):
    current = current_month(database)
    before = months_of(database, "click_events")
    assert set(before) >= {current.plus(offset) for offset in range(4)}  # the revision made these

    made = cli(database.url, "ensure", "--ahead", "5", "--table", "click_events")
    assert made.returncode == 0, made.stderr
    assert made.stdout.splitlines()[:2] == [
        f"created {SCHEMA}.{current.plus(4).partition_name('click_events')} (click_events, {current.plus(4)})",
        f"created {SCHEMA}.{current.plus(5).partition_name('click_events')} (click_events, {current.plus(5)})",
    ]
    after = months_of(database, "click_events")
    assert set(after) == set(before) | {current.plus(4), current.plus(5)}
    assert all(after[month] == oid for month, oid in before.items())  # the existing ones untouched
    assert set(months_of(database, "scroll_events")) == set(before)  # --table: that table only

    again = cli(database.url, "ensure", "--ahead", "5", "--table", "click_events")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("0 partition(s) created")
    assert months_of(database, "click_events") == after


def test_a_created_month_is_like_the_revisions(database):
    """Row-level security on, no privilege for the API roles, every index and foreign key of the parent."""
    current = current_month(database)
    with database.connect() as connection:
        partitions.ensure(connection, ["click_events"], [current.plus(6)])
    made = current.plus(6).partition_name("click_events")
    by_revision = current.partition_name("click_events")
    with database.connect() as connection:
        facts = connection.execute(
            sa.text(
                """
                SELECT c.relname, c.relrowsecurity, c.relacl::text,
                       (SELECT count(*) FROM pg_index WHERE indrelid = c.oid),
                       (SELECT array_agg(conname ORDER BY conname) FROM pg_constraint
                        WHERE conrelid = c.oid AND contype = 'f'),
                       (SELECT array_agg(grantee ORDER BY grantee) FROM information_schema.table_privileges
                        WHERE table_schema = :schema AND table_name = c.relname
                          AND grantee IN ('anon', 'authenticated', 'service_role'))
                FROM pg_class c WHERE c.relnamespace = to_regnamespace(:schema) AND c.relname IN (:made, :by_revision)
                ORDER BY c.relname = :made
                """
            ),
            {"schema": SCHEMA, "made": made, "by_revision": by_revision},
        ).all()
    revisions, ours = facts
    assert ours.relrowsecurity is True
    assert ours[5] is None  # no API role holds anything
    assert ours[3] == revisions[3] == 6  # the primary key and 5 indexes
    assert ours[4] == revisions[4] == ["click_events_page_performance_id_fkey", "click_events_test_run_id_fkey"]


def test_from_backfills_older_months_for_every_table(database):
    current = current_month(database)
    start = current.plus(-3)
    made = cli(database.url, "ensure", "--from", str(start))
    assert made.returncode == 0, made.stderr
    assert made.stdout.count("created ") == 3 * len(PARTITIONED)
    for table in PARTITIONED:
        assert set(months_of(database, table)) >= {current.plus(offset) for offset in range(-3, 4)}
    insert_clicks(database, start, 5)  # a row of that month now has somewhere to go


def test_status_lists_each_table_and_warns_of_missing_future_months(database):
    current = current_month(database)
    insert_clicks(database, current, 3)
    shown = cli(database.url, "status")
    assert shown.returncode == 0, shown.stdout + shown.stderr
    lines = {line.split()[0]: line.split() for line in shown.stdout.splitlines()[2:]}
    assert set(lines) == set(PARTITIONED)
    assert lines["click_events"][1:3] == ["4", f"{current}..{current.plus(3)}"]
    assert lines["click_events"][-1] == "3"

    with database.begin() as connection:
        for month in (current.plus(2), current.plus(3)):
            name = month.partition_name("scroll_events")
            connection.execute(sa.text(f"ALTER TABLE scroll_events DETACH PARTITION {SCHEMA}.{name}"))
            connection.execute(sa.text(f"DROP TABLE {SCHEMA}.{name}"))
        name = current.plus(1).partition_name("console_logs")
        connection.execute(sa.text(f"ALTER TABLE console_logs DETACH PARTITION {SCHEMA}.{name}"))
        connection.execute(sa.text(f"DROP TABLE {SCHEMA}.{name}"))
    warned = cli(database.url, "status", "--table", "scroll_events", "--table", "console_logs")
    assert warned.returncode == 1
    assert warned.stdout.splitlines()[-2:] == [
        f"warning: console_logs: no partition for {current.plus(1)}, between others",
        "warning: scroll_events: only 1 future month(s); fewer than 2",
    ]


def test_bad_input_is_one_line(database):
    for args, message in [
        (["drop", "--older-than", "soon"], "--older-than must be an age such as 6months, 180d, 26w or 1y, not 'soon'"),
        (["ensure", "--from", "2026-13"], "--from must be a month written YYYY-MM, such as 2026-01, not '2026-13'"),
        (["ensure", "--table", "test_runs"], "test_runs: not a table partitioned by month; those are: api_call_logs"),
    ]:
        result = cli(database.url, *args)
        assert result.returncode == 1
        assert result.stderr.startswith(f"hitlai-schema: {message}"), result.stderr
        assert len(result.stderr.splitlines()) == 1


def test_drop_removes_whole_older_months_only_and_dry_run_changes_nothing(database):
    current = current_month(database)
    assert cli(database.url, "ensure", "--from", str(current.plus(-3)), "--table", "click_events").returncode == 0
    for offset, count in ((-3, 30), (-2, 20), (-1, 10), (0, 5)):
        insert_clicks(database, current.plus(offset), count)
    oldest = current.plus(-3).partition_name("click_events")
    before = months_of(database, "click_events")

    # 2 months before now falls in month -2, so month -3 alone lies wholly before it.
    dry = cli(database.url, "drop", "--older-than", "2months", "--dry-run", "--table", "click_events")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines()[0] == f"would remove {SCHEMA}.{oldest} (click_events, {current.plus(-3)}): 30 rows"
    assert months_of(database, "click_events") == before

    dropped = cli(database.url, "drop", "--older-than", "2months")
    assert dropped.returncode == 0, dropped.stderr
    assert dropped.stdout.splitlines()[0] == f"removed {SCHEMA}.{oldest} (click_events, {current.plus(-3)}): 30 rows"
    assert dropped.stdout.splitlines()[-1].startswith("removed 1 month(s) ending by")
    assert set(months_of(database, "click_events")) == set(before) - {current.plus(-3)}
    with database.connect() as connection:
        assert connection.execute(sa.text(f"SELECT to_regclass('{SCHEMA}.{oldest}')")).scalar() is None
        kept = connection.execute(
            sa.text("SELECT date_trunc('month', created_at AT TIME ZONE 'UTC'), count(*) FROM click_events GROUP BY 1")
        ).all()
        deleted = connection.execute(
            sa.text(
                "SELECT coalesce(sum(n_tup_del), 0) FROM pg_stat_user_tables WHERE schemaname = :schema"
                " AND relname LIKE 'click_events_p%'"
            ),
            {"schema": SCHEMA},
        ).scalar()
    assert sorted(count for _, count in kept) == [5, 10, 20]
    assert deleted == 0

    assert cli(database.url, "drop", "--older-than", "2months").stdout.startswith("removed 0 month(s)")


def test_drop_finishes_a_detach_that_was_interrupted(database):
    current = current_month(database)
    with database.connect() as connection:
        partitions.ensure(connection, ["click_events"], [current.plus(-2), current.plus(-1)])
    insert_clicks(database, current.plus(-2), 4)
    half = current.plus(-2).partition_name("click_events")
    whole = current.plus(-1).partition_name("click_events")
    conninfo = database.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo) as reader, psycopg.connect(conninfo, autocommit=True) as detacher:
        detacher.execute(f"ALTER TABLE click_events DETACH PARTITION {SCHEMA}.{whole} CONCURRENTLY")
        reader.execute("SELECT count(*) FROM click_events")  # a transaction using the table: the detach waits for it
        detacher.execute("SET lock_timeout = '200ms'")
        with pytest.raises(psycopg.errors.LockNotAvailable):
            detacher.execute(f"ALTER TABLE click_events DETACH PARTITION {SCHEMA}.{half} CONCURRENTLY")
        reader.rollback()
    shown = cli(database.url, "status", "--table", "click_events")
    assert f"warning: click_events: {SCHEMA}.{half} is half detached" in shown.stdout
    assert f"warning: click_events: {SCHEMA}.{whole} ({current.plus(-1)}, ~0 rows) is attached to nothing" in (
        shown.stdout
    )

    dropped = cli(database.url, "drop", "--older-than", "1d", "--table", "click_events")
    assert dropped.returncode == 0, dropped.stderr
    assert dropped.stdout.splitlines()[:2] == [
        f"removed {SCHEMA}.{half} (click_events, {current.plus(-2)}): 4 rows",
        f"removed {SCHEMA}.{whole} (click_events, {current.plus(-1)}): 0 rows",
    ]
    with database.connect() as connection:
        left = connection.execute(
            sa.text("SELECT count(*) FROM pg_class WHERE relname IN (:a, :b)"), {"a": half, "b": whole}
        ).scalar()
    assert left == 0


def test_an_emptied_leftover_is_attached_and_one_with_rows_is_left_alone(database):
    current = current_month(database)
    month = current.plus(7)
    name = month.partition_name("click_events")
    with database.begin() as connection:
        connection.execute(sa.text(f"CREATE TABLE {SCHEMA}.{name} (LIKE click_events INCLUDING DEFAULTS)"))
        connection.execute(sa.text(f"INSERT INTO {SCHEMA}.{name} SELECT * FROM click_events LIMIT 0"))
    with database.connect() as connection:
        assert [made.name for made in partitions.ensure(connection, ["click_events"], [month])] == [name]
    assert month in months_of(database, "click_events")

    later = current.plus(8)
    held = later.partition_name("click_events")
    with database.begin() as connection:
        connection.execute(sa.text(f"CREATE TABLE {SCHEMA}.{held} (LIKE click_events INCLUDING DEFAULTS)"))
        connection.execute(
            sa.text(
                f"INSERT INTO {SCHEMA}.{held} (id, element_tag, click_x, click_y, timestamp_ms, created_at)"
                " VALUES (gen_random_uuid(), 'a', 1, 1, 1, :at)"
            ),
            {"at": later.start},
        )
    with database.connect() as connection, pytest.raises(partitions.PartitionError, match="holds rows"):
        partitions.ensure(connection, ["click_events"], [later])
    assert later not in months_of(database, "click_events")


class Writer(threading.Thread):
    """Inserts one click_events row per transaction until stopped; keeps each insert's latency."""

    def __init__(self, conninfo: str) -> None:
        super().__init__(daemon=True)
        self.conninfo = conninfo
        self.latencies: list[float] = []
        self.stop = threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            with psycopg.connect(self.conninfo, autocommit=True) as connection:
                while not self.stop.is_set():
                    started = time.perf_counter()
                    connection.execute(
                        "INSERT INTO click_events (element_tag, click_x, click_y, timestamp_ms) VALUES ('w', 1, 1, 1)"
                    )
                    self.latencies.append(time.perf_counter() - started)
        except BaseException as exc:  # noqa: BLE001 (reported by the test)
            self.error = exc


class LockWatcher(threading.Thread):
    """Samples pg_locks for any ACCESS EXCLUSIVE lock on click_events, granted or awaited."""

    def __init__(self, conninfo: str) -> None:
        super().__init__(daemon=True)
        self.conninfo = conninfo
        self.seen: set[str] = set()
        self.samples = 0
        self.stop = threading.Event()

    def run(self) -> None:
        with psycopg.connect(self.conninfo, autocommit=True) as connection:
            while not self.stop.is_set():
                rows = connection.execute(
                    "SELECT mode FROM pg_locks WHERE relation = to_regclass('public.click_events')"
                    " AND mode IN ('AccessExclusiveLock', 'ExclusiveLock', 'ShareRowExclusiveLock', 'ShareLock')"
                ).fetchall()
                self.seen.update(mode for (mode,) in rows)
                self.samples += 1


def test_a_writer_is_not_held_up_by_ensure_or_drop(database):
    current = current_month(database)
    for offset in (-3, -2):
        with database.connect() as connection:
            partitions.ensure(connection, ["click_events"], [current.plus(offset)])
        insert_clicks(database, current.plus(offset), 20_000)
    conninfo = database.url.set(drivername="postgresql").render_as_string(hide_password=False)
    writer, watcher = Writer(conninfo), LockWatcher(conninfo)
    writer.start()
    watcher.start()
    try:
        time.sleep(0.3)
        assert cli(database.url, "ensure", "--ahead", "12", "--table", "click_events").returncode == 0
        assert cli(database.url, "drop", "--older-than", "1month", "--table", "click_events").returncode == 0
        time.sleep(0.3)
    finally:
        writer.stop.set()
        watcher.stop.set()
        writer.join()
        watcher.join()
    assert writer.error is None
    assert len(writer.latencies) > 100
    assert max(writer.latencies) < 1.0, sorted(writer.latencies)[-5:]
    assert watcher.samples > 50
    assert watcher.seen == set()
    assert not {current.plus(-3), current.plus(-2)} & set(months_of(database, "click_events"))


def test_ensure_takes_no_lock_that_a_writers_open_transaction_would_block(database):
    """A transaction that wrote to the table and stays open holds ROW EXCLUSIVE, which conflicts with every lock
    stronger than SHARE UPDATE EXCLUSIVE (such as CREATE TABLE ... PARTITION OF's ACCESS EXCLUSIVE)."""
    current = current_month(database)
    with database.connect() as writer:
        writer.execute(
            sa.text("INSERT INTO click_events (element_tag, click_x, click_y, timestamp_ms) VALUES ('w', 1, 1, 1)")
        )
        with database.connect() as connection:
            made = partitions.ensure(connection, ["click_events"], [current.plus(9), current.plus(10)], retry=QUICK)
        assert [created.month for created in made] == [current.plus(9), current.plus(10)]
        writer.rollback()
    with database.connect() as holder:
        holder.execute(sa.text("LOCK TABLE click_events IN ROW EXCLUSIVE MODE"))
        with database.connect() as connection, pytest.raises(sa.exc.OperationalError, match="lock timeout"):
            # The recipe this module avoids: ACCESS EXCLUSIVE on the parent, refused within the lock_timeout.
            connection.execute(sa.text("SET lock_timeout = '100ms'"))
            connection.execute(
                sa.text(
                    f"CREATE TABLE {SCHEMA}.probe PARTITION OF click_events FOR VALUES FROM"
                    f" ('{current.plus(11).start.isoformat()}') TO ('{current.plus(12).start.isoformat()}')"
                )
            )
        holder.rollback()


def test_the_sql_form_for_pg_cron_makes_the_same_months(database):
    printed = hitlai_schema_cli("partitions", "ensure", "--sql", "--ahead", "4")
    assert printed.returncode == 0, printed.stderr
    current = current_month(database)
    removed = current.plus(3).partition_name("api_call_logs")
    with database.begin() as connection:
        connection.execute(sa.text(f"ALTER TABLE api_call_logs DETACH PARTITION {SCHEMA}.{removed}"))
        connection.execute(sa.text(f"DROP TABLE {SCHEMA}.{removed}"))
    conninfo = database.url.set(drivername="postgresql").render_as_string(hide_password=False)
    for _ in range(2):  # the second run finds nothing to do
        with psycopg.connect(conninfo) as connection:
            connection.execute("SET TimeZone = 'Pacific/Chatham'")  # the bounds stay UTC months
            connection.execute(printed.stdout)
    for table in PARTITIONED:
        assert set(months_of(database, table)) == {current.plus(offset) for offset in range(5)}
    with database.connect() as connection:
        made = connection.execute(
            sa.text(
                "SELECT relrowsecurity, has_table_privilege('anon', oid, 'SELECT'),"
                " has_table_privilege('service_role', oid, 'SELECT') FROM pg_class WHERE oid = to_regclass(:name)"
            ),
            {"name": f"{SCHEMA}.{current.plus(4).partition_name('click_events')}"},
        ).one()
    assert tuple(made) == (True, False, False)
