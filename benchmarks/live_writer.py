"""How long a live writer stalls while the chain upgrades a production-sized database.

    .venv/bin/python benchmarks/live_writer.py [rounds]

A database at the Phase-4 baseline gets 1,000,000 test_runs and 200,000 human_testers
(generate_series). Each round clones it twice and upgrades one clone with `alembic upgrade head`
and the other with psql running the same chain's offline SQL, while another process loops:
insert one test_runs row, update another, update one human_testers row, each in its own
transaction. The longest iteration is the stall; for Alembic it is split by revision. The
relfilenode of every production table is compared before and after: a rewrite changes it.
"""

import functools
import multiprocessing
import random
import time
from multiprocessing.connection import Connection as Pipe

import psycopg
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from common import (
    BASELINE,
    ROOT,
    Figure,
    create_database,
    drop_database,
    libpq,
    median,
    ms,
    offline_sql,
    run_alone,
    run_psql,
    sql_script,
)

TEST_RUNS = 1_000_000
HUMAN_TESTERS = 200_000
PRODUCTION_TABLES = ("companies", "test_requests", "test_runs", "human_testers", "user_sessions")
QUIET_SECONDS = 1.0
# After the last revision commits: the production-table changes (hitlai_schema.runtime.online_ddl), each step apart.
AFTER_COMMIT = "production-table changes, after the revisions commit"
TARGET_SECONDS = 0.100

FILL = f"""
INSERT INTO companies (name, slug) SELECT 'Company ' || g, 'company-' || g FROM generate_series(1, 1000) g;
INSERT INTO test_runs (url, mission, persona, platform, status, company_id, platform_details, created_at)
SELECT 'https://example.com/' || g, 'mission ' || g, 'persona ' || (g % 50), 'web', 'completed',
       c.ids[1 + g % 1000],
       jsonb_build_object('browser', 'chromium', 'width', 1280 + g % 7),
       now() - make_interval(secs => g)
FROM generate_series(1, {TEST_RUNS}) g, (SELECT array_agg(id) AS ids FROM companies) c;
INSERT INTO human_testers (display_name, languages, location_country)
SELECT 'Tester ' || g, ARRAY['en'], 'DE' FROM generate_series(1, {HUMAN_TESTERS}) g;
VACUUM ANALYZE;
"""


def writer(conninfo: str, run_ids: list[str], tester_ids: list[str], stop, results: Pipe) -> None:
    """Loop until told to stop; send back (start, seconds) of every iteration."""
    timings = []
    with psycopg.connect(conninfo, autocommit=True) as connection:
        while not stop.is_set():
            started = time.time()
            begun = time.perf_counter()
            connection.execute(
                "INSERT INTO test_runs (url, mission, persona, platform) VALUES ('https://live', 'm', 'p', 'web')"
            )
            connection.execute(
                "UPDATE test_runs SET failure_count = failure_count + 1 WHERE id = %s", [random.choice(run_ids)]
            )
            connection.execute(
                "UPDATE human_testers SET total_tests_completed = total_tests_completed + 1 WHERE id = %s",
                [random.choice(tester_ids)],
            )
            timings.append((started, time.perf_counter() - begun))
    results.send(timings)


def relfilenodes(url: sa.URL) -> dict[str, int]:
    with psycopg.connect(libpq(url)) as connection:
        rows = connection.execute(
            "SELECT relname, relfilenode FROM pg_class WHERE relnamespace = 'public'::regnamespace"
            " AND relname = ANY(%s)",
            [list(PRODUCTION_TABLES)],
        ).fetchall()
    return dict(rows)


def build_template(admin: sa.URL, name: str) -> None:
    url = create_database(admin, name)
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    config = Config(str(ROOT / "alembic.ini"))
    config.attributes.update(connection=engine, configure_logger=False)
    command.upgrade(config, BASELINE)
    engine.dispose()
    with psycopg.connect(libpq(url), autocommit=True) as connection:
        for statement in filter(str.strip, FILL.split(";\n")):
            connection.execute(statement)


def with_live_writer(url: sa.URL, upgrade) -> tuple[list[tuple[float, float]], float, float, object]:
    """Run upgrade() while the writer loops; the writer's timings, when the upgrade began and ended, its result."""
    with psycopg.connect(libpq(url)) as connection:
        run_ids = [str(row[0]) for row in connection.execute("SELECT id FROM test_runs LIMIT 5000")]
        tester_ids = [str(row[0]) for row in connection.execute("SELECT id FROM human_testers LIMIT 5000")]
    context = multiprocessing.get_context("fork")
    stop = context.Event()
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=writer, args=(libpq(url), run_ids, tester_ids, stop, sending))
    process.start()
    time.sleep(QUIET_SECONDS)
    began = time.time()
    result = upgrade()
    ended = time.time()
    time.sleep(0.2)
    stop.set()
    timings = receiving.recv()
    process.join()
    return timings, began, ended, result


def alembic_upgrade(url: sa.URL) -> list[tuple[str, float]]:
    """`upgrade head` through Alembic; when each revision finished, in order."""
    finished: list[tuple[str, float]] = []

    def note(*, step, **_):
        finished.append((step.up_revision.revision, time.time()))

    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    config = Config(str(ROOT / "alembic.ini"))
    config.attributes.update(connection=engine, configure_logger=False, on_version_apply=[note])
    command.upgrade(config, "head")
    engine.dispose()
    return finished


def longest(timings: list[tuple[float, float]], start: float, end: float) -> float:
    return max((seconds for started, seconds in timings if start <= started < end), default=0.0)


def measure(admin: sa.URL, rounds: int = 3) -> list[Figure]:
    build_started = time.perf_counter()
    build_template(admin, "live_template")
    build_seconds = time.perf_counter() - build_started
    script = sql_script("phase5.sql", offline_sql(BASELINE))

    per_revision: dict[str, list[float]] = {}
    whole = {"alembic upgrade head": [], "psql -f offline SQL": []}
    quiet: list[float] = []
    rewritten: list[str] = []
    for round_number in range(rounds):
        for variant in whole:
            url = create_database(admin, f"live_{round_number}", template="live_template")
            before = relfilenodes(url)
            if variant == "alembic upgrade head":
                timings, began, ended, finished = with_live_writer(url, functools.partial(alembic_upgrade, url))
                start = began
                for revision, end in finished + [(AFTER_COMMIT, ended)]:
                    per_revision.setdefault(revision, []).append(longest(timings, start, end))
                    start = end
            else:
                timings, began, ended, _ = with_live_writer(url, functools.partial(run_psql, url, script))
            whole[variant].append(longest(timings, began, ended))
            quiet.append(longest(timings, 0, began))
            after = relfilenodes(url)
            rewritten += [f"{table} ({variant})" for table in before if before[table] != after.get(table)]
            drop_database(admin, f"live_{round_number}")
    drop_database(admin, "live_template")

    worst_alembic = median(whole["alembic upgrade head"])
    figures = [
        Figure(
            "longest writer stall, whole `alembic upgrade head` from the baseline (median of rounds)",
            f"{ms(worst_alembic)} (worst round {ms(max(whole['alembic upgrade head']))})",
            "< 100 ms",
            worst_alembic < TARGET_SECONDS,
        )
    ]
    for revision, stalls in per_revision.items():
        figures.append(
            Figure(
                f"  {revision}" if revision == AFTER_COMMIT else f"  revision {revision}",
                f"{ms(median(stalls))} (worst {ms(max(stalls))})",
                "< 100 ms",
                median(stalls) < TARGET_SECONDS,
            )
        )
    psql_stalls = whole["psql -f offline SQL"]
    figures += [
        Figure(
            "longest writer stall, the same chain's offline SQL run by psql (median of rounds)",
            f"{ms(median(psql_stalls))} (worst round {ms(max(psql_stalls))})",
            note="for comparison",
        ),
        Figure("writer's longest iteration with no migration running (noise floor)", ms(max(quiet))),
        Figure(
            "tables rewritten (relfilenode changed) among " + ", ".join(PRODUCTION_TABLES),
            ", ".join(rewritten) or "none",
            "none",
            not rewritten,
        ),
        Figure(
            "database built",
            f"{TEST_RUNS:,} test_runs, {HUMAN_TESTERS:,} human_testers, 1,000 companies in {build_seconds:.0f} s;"
            f" {rounds} rounds, each variant on a fresh clone",
        ),
    ]
    return figures


if __name__ == "__main__":
    run_alone(measure, 3)
