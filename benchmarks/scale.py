"""`make bench-scale`: click_events at 10 million rows, today's plain layout beside the one partitioned by month.

    .venv/bin/python benchmarks/scale.py [--size ROWS] [--out BENCHMARKS.md]     (or SIZE=500000 make bench-scale)

1. Ingestion curve: copy_rows loads click_events (5 indexes, 2 foreign keys, every row pointing at a test run
   and a page view) in batches of 50,000 rows, one transaction each, until it holds SIZE rows; rows/s per step
   of SIZE/10. Three loads, each into a database of its own: the plain layout (revision 20260117000005) with
   ids drawn by the server as copy_rows did before (gen_random_uuid(), what "today" means in issue 19), the
   plain layout with copy_rows's UUIDv7 ids, and the partitioned layout (head) with them. The rows arrive in
   time order over 5 past months, SIZE/5 rows each, 200 events per session and 100 sessions at a time. Each
   load runs in a fresh process, whose peak RSS is reported.
2. Retention: the oldest month (SIZE/5 rows) removed by `partitions drop` (in process: the command's own work,
   without Python's start-up), while another process inserts one row per transaction; against DELETE of the
   same rows from the plain table, with the same writer.
3. Reading one session's events (`WHERE user_session_id = $1 ORDER BY created_at`), 200 sessions, p50;
   with and without the session's time span, which lets the partitioned table skip the other months.
4. `alembic check` on a database at head with 13 x 6 partitions.
"""

import argparse
import concurrent.futures
import datetime
import multiprocessing
import os
import random
import resource
import sys
import time
import uuid
from collections.abc import Iterator
from multiprocessing.connection import Connection as Pipe
from pathlib import Path
from typing import Any

import psycopg
import sqlalchemy as sa
from common import (
    ROOT,
    Figure,
    alembic_cli,
    create_database,
    drop_database,
    embedded_postgres,
    libpq,
    median,
    ms,
    replace_section,
)

from hitlai_schema.runtime import partitions
from hitlai_schema.runtime.partitions import Month

UTC = datetime.UTC
TITLE = "Scale: click_events at 10 million rows, plain against partitioned by month"
PLAIN_REVISION = "20260117000005"
STEPS = 10
BATCH = 50_000
MONTHS = 5
SESSION_EVENTS = 200
OPEN_SESSIONS = 100
TEST_RUNS = 100
PAGE_VIEWS = 2_000
READS = 200
COLUMNS = (
    "user_session_id",
    "test_run_id",
    "page_performance_id",
    "element_tag",
    "element_id",
    "element_selector",
    "click_x",
    "click_y",
    "viewport_x",
    "viewport_y",
    "button",
    "is_double_click",
    "timestamp_ms",
    "time_since_page_load_ms",
    "created_at",
)
LOADS = {
    "plain, server ids (today)": ("plain", False),
    "plain, UUIDv7 ids": ("plain", True),
    "partitioned, UUIDv7 ids": ("partitioned", True),
}
TODAY, PARTITIONED = "plain, server ids (today)", "partitioned, UUIDv7 ids"
# The loads kept for reading and retention.
READ_LAYOUTS = (TODAY, PARTITIONED)
TAGS = ("button", "a", "input", "div", "span")


def session_id(number: int) -> uuid.UUID:
    return uuid.UUID(int=random.Random(number).getrandbits(128), version=4)


def session_of(row: int) -> int:
    """100 sessions interleaved at a time, each of 200 events."""
    block, position = divmod(row, OPEN_SESSIONS * SESSION_EVENTS)
    return block * OPEN_SESSIONS + position % OPEN_SESSIONS


def month_seconds(months: list[Month]) -> list[tuple[float, float]]:
    return [(month.start.timestamp(), (month.end - month.start).total_seconds()) for month in months]


def created_at(
    row: int, size: int, months: list[Month], seconds: list[tuple[float, float]] | None = None
) -> datetime.datetime:
    """Row `row` of `size`: time-ordered, size/5 rows in each of the 5 months."""
    per_month = size // len(months)
    index = min(row // per_month, len(months) - 1)
    start, span = (seconds or month_seconds(months))[index]
    return datetime.datetime.fromtimestamp(start + span * (row - index * per_month) / per_month, UTC)


ELEMENT_IDS = [f"el-{number}" for number in range(500)]
SELECTORS = [f"#app > main > :nth-child({number})" for number in range(40)]


def click_rows(
    first: int, count: int, size: int, months: list[Month], parents: dict[str, list[str]]
) -> Iterator[dict[str, Any]]:
    """Rows first, ..., first + count - 1 of the load, made as they are sent (the loader holds no list of them)."""
    seconds = month_seconds(months)
    sessions: dict[int, str] = {}
    runs, pages = parents["test_runs"], parents["page_performance"]
    for row in range(first, first + count):
        session = session_of(row)
        if session not in sessions:
            if len(sessions) > 4 * OPEN_SESSIONS:
                sessions.clear()
            sessions[session] = str(session_id(session))
        yield {
            "user_session_id": sessions[session],
            "test_run_id": runs[session % TEST_RUNS],
            "page_performance_id": pages[session % PAGE_VIEWS],
            "element_tag": TAGS[row % 5],
            "element_id": ELEMENT_IDS[row % 500],
            "element_selector": SELECTORS[row % 40],
            "click_x": row % 1920,
            "click_y": row % 1080,
            "viewport_x": 1920,
            "viewport_y": 1080,
            "button": 0,
            "is_double_click": row % 17 == 0,
            "timestamp_ms": 1_768_600_000_000 + row * 37,
            "time_since_page_load_ms": row * 37 % 600_000,
            "created_at": created_at(row, size, months, seconds),
        }


def copy_with_server_ids(connection: psycopg.Connection[Any], rows: Iterator[dict[str, Any]]) -> None:
    """copy_rows as it was before issue 19: the given columns only, the id left to gen_random_uuid()."""
    with connection.cursor() as cursor, cursor.copy(f"COPY click_events ({', '.join(COLUMNS)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(tuple(row[name] for name in COLUMNS))


def load(
    url: str, client_ids: bool, size: int, months: list[Month], parents: dict[str, list[str]]
) -> tuple[list[tuple[int, float]], int]:
    """In a fresh process: load `size` rows in STEPS steps; each step's (rows so far, seconds), and peak RSS in kB."""
    from hitlai_schema import ClickEvent
    from hitlai_schema.ingest import copy_rows

    steps = []
    step_rows = size // STEPS
    with psycopg.connect(url) as connection:
        for step in range(STEPS):
            started = time.perf_counter()
            for first in range(step * step_rows, (step + 1) * step_rows, BATCH):
                rows = click_rows(first, min(BATCH, (step + 1) * step_rows - first), size, months, parents)
                if client_ids:
                    copy_rows(connection, ClickEvent, rows)
                else:
                    copy_with_server_ids(connection, rows)
                connection.commit()
            steps.append(((step + 1) * step_rows, time.perf_counter() - started))
    return steps, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def prepare(admin: sa.URL, name: str, layout: str, months: list[Month]) -> tuple[sa.URL, dict[str, list[str]]]:
    url = create_database(admin, name)
    alembic_cli("upgrade", PLAIN_REVISION if layout == "plain" else "head", url=url)
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with engine.begin() as connection:
        run_ids = (
            connection.execute(
                sa.text(
                    "INSERT INTO test_runs (url, mission, persona, platform) SELECT 'https://example.com/' || g, 'm', 'p',"
                    " 'web' FROM generate_series(1, :n) g RETURNING id"
                ),
                {"n": TEST_RUNS},
            )
            .scalars()
            .all()
        )
        page_ids = (
            connection.execute(
                sa.text(
                    "INSERT INTO page_performance (url, entered_at) SELECT 'https://example.com/' || g, now()"
                    " FROM generate_series(1, :n) g RETURNING id"
                ),
                {"n": PAGE_VIEWS},
            )
            .scalars()
            .all()
        )
    if layout == "partitioned":
        with engine.connect() as connection:
            partitions.ensure(connection, ["click_events"], months)
    engine.dispose()
    return url, {"test_runs": [str(i) for i in run_ids], "page_performance": [str(i) for i in page_ids]}


def writer(conninfo: str, stop: Any, results: Pipe) -> None:
    """Insert one click_events row per transaction until told to stop; send back (start, seconds) of each."""
    timings = []
    with psycopg.connect(conninfo, autocommit=True) as connection:
        while not stop.is_set():
            started, begun = time.time(), time.perf_counter()
            connection.execute(
                "INSERT INTO click_events (element_tag, click_x, click_y, timestamp_ms) VALUES ('live', 1, 1, 1)"
            )
            timings.append((started, time.perf_counter() - begun))
    results.send(timings)


def with_writer(url: sa.URL, work: Any) -> tuple[float, float, Any]:
    """Run work() while a writer process inserts; (work's seconds, the writer's longest insert meanwhile, result)."""
    context = multiprocessing.get_context("fork")
    stop = context.Event()
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=writer, args=(libpq(url), stop, sending))
    process.start()
    time.sleep(1.0)
    began = time.time()
    started = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - started
    ended = time.time()
    time.sleep(0.2)
    stop.set()
    timings = receiving.recv()
    process.join()
    stall = max((took for at, took in timings if began <= at < ended), default=0.0)
    # An insert that began before the work and was still waiting when it started counts too.
    stall = max([stall] + [took for at, took in timings if at < began and at + took > began])
    return seconds, stall, result


def read_sessions(url: sa.URL, sessions: list[int], size: int, months: list[Month]) -> dict[str, float]:
    """p50 of reading one session's events, without and with its time span."""
    plain_query = "SELECT * FROM click_events WHERE user_session_id = %s ORDER BY created_at"
    spanned = plain_query.replace("ORDER BY", "AND created_at >= %s AND created_at < %s ORDER BY")
    seconds: dict[str, list[float]] = {"session id": [], "session id and its time span": []}
    with psycopg.connect(libpq(url), autocommit=True) as connection:
        for session in sessions:
            first_row = (session // OPEN_SESSIONS) * OPEN_SESSIONS * SESSION_EVENTS + session % OPEN_SESSIONS
            last_row = first_row + (SESSION_EVENTS - 1) * OPEN_SESSIONS
            span = (
                created_at(first_row, size, months),
                created_at(last_row, size, months) + datetime.timedelta(seconds=1),
            )
            for name, query, parameters in (
                ("session id", plain_query, [session_id(session)]),
                ("session id and its time span", spanned, [session_id(session), *span]),
            ):
                started = time.perf_counter()
                found = connection.execute(query, parameters).fetchall()
                seconds[name].append(time.perf_counter() - started)
                assert len(found) == SESSION_EVENTS, (name, len(found))
    return {name: median(values) for name, values in seconds.items()}


def alembic_check_seconds(admin: sa.URL, rounds: int = 5) -> dict[int, tuple[float, float]]:
    """`alembic check` at head with the revision's partitions (13 x 4), and with two older months more (13 x 6):
    wall time and the process's CPU time (which the other work on a shared machine does not lengthen)."""
    urls = {}
    for name, older in (("scale_check_4", 0), ("scale_check_6", 2)):
        url = create_database(admin, name)
        alembic_cli("upgrade", "head", url=url)
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
        with engine.connect() as connection:
            tables = partitions.partitioned_tables(connection)
            now = partitions.server_now(connection)
            partitions.ensure(connection, tables, partitions.months_to_ensure(now, 3, Month.of(now).plus(-older)))
            count = connection.execute(
                sa.text("SELECT count(*) FROM pg_inherits WHERE inhparent = ANY(CAST(:t AS regclass[]))"),
                {"t": [f"public.{table}" for table in tables]},
            ).scalar_one()
        engine.dispose()
        urls[count] = url
    timings: dict[int, list[float]] = {count: [] for count in urls}
    cpu: dict[int, list[float]] = {count: [] for count in urls}
    for _ in range(rounds):
        for count, url in urls.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            alembic_cli("check", url=url)
            timings[count].append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[count].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    for name in ("scale_check_4", "scale_check_6"):
        drop_database(admin, name)
    return {count: (median(values), median(cpu[count])) for count, values in timings.items()}


def curve_table(curves: dict[str, list[tuple[int, float]]], size: int) -> list[str]:
    """Rows/s of each load per step, a column per step headed by the table's size after it."""
    totals = [total for total, _ in next(iter(curves.values()))]
    lines = [
        "| rows/s, by table size after the step | " + " | ".join(f"{total / 1e6:g}M" for total in totals) + " |",
        "|---|" + "---|" * len(totals),
    ]
    for name, curve in curves.items():
        lines.append(f"| {name} | " + " | ".join(f"{(size // STEPS) / seconds:,.0f}" for _, seconds in curve) + " |")
    return lines


def measure(admin: sa.URL, size: int) -> tuple[list[Figure], list[str]]:
    # Whole batches, steps, months and sessions.
    size = max(STEPS * BATCH, size - size % (STEPS * BATCH))
    with psycopg.connect(libpq(admin)) as connection:
        current = Month.of(connection.execute("SELECT now()").fetchone()[0])  # type: ignore[index]
    months = [current.plus(offset) for offset in range(-MONTHS, 0)]
    figures: list[Figure] = []

    curves: dict[str, list[tuple[int, float]]] = {}
    rss: dict[str, int] = {}
    urls: dict[str, sa.URL] = {}
    spawn = multiprocessing.get_context("spawn")
    for number, (name, (layout, client_ids)) in enumerate(LOADS.items()):
        url, parents = prepare(admin, f"scale_{number}", layout, months)
        urls[name] = url
        with concurrent.futures.ProcessPoolExecutor(1, mp_context=spawn) as executor:
            curves[name], rss[name] = executor.submit(load, libpq(url), client_ids, size, months, parents).result()
        print(f"  loaded {name}: {size / sum(seconds for _, seconds in curves[name]):,.0f} rows/s", flush=True)
        if name not in READ_LAYOUTS:
            drop_database(admin, f"scale_{number}")  # its disk and cache are the others' now
            continue
        with psycopg.connect(libpq(url), autocommit=True) as connection:
            connection.execute("ANALYZE click_events")

    # 1. the curve, side by side
    rate = {name: [(size // STEPS) / seconds for _, seconds in curve] for name, curve in curves.items()}
    today, partitioned = TODAY, PARTITIONED
    largest = rate[partitioned][-1] / rate[today][-1]
    figures.append(
        Figure(
            f"partitioned (UUIDv7) / plain today, last step (to {size:,} rows)",
            f"{largest:.2f}x ({rate[partitioned][-1]:,.0f} against {rate[today][-1]:,.0f} rows/s)",
            ">= 1.3x",
            largest >= 1.3,
        )
    )
    plain_v7 = rate["plain, UUIDv7 ids"][-1] / rate[today][-1]
    figures.append(
        Figure("plain with UUIDv7 ids / plain today, last step", f"{plain_v7:.2f}x", note="what the ids alone do")
    )
    kept = rate[partitioned][-1] / rate[partitioned][0]
    figures.append(
        Figure(
            "partitioned, last step / first step (into an empty table)",
            f"{kept:.0%} ({rate[partitioned][-1]:,.0f} against {rate[partitioned][0]:,.0f} rows/s)",
            ">= 80%",
            kept >= 0.8,
        )
    )
    for name in LOADS:
        megabytes = rss[name] / 1024
        target_met = megabytes < 200 if name != today else None
        figures.append(
            Figure(
                f"peak RSS of the loading process, {name}, {size:,} rows",
                f"{megabytes:.0f} MB",
                "< 200 MB" if target_met is not None else "",
                target_met,
            )
        )

    # 3. reading sessions (before the retention benchmark removes a month)
    chooser = random.Random(7)
    sessions = chooser.sample(range(size // SESSION_EVENTS), min(READS, size // SESSION_EVENTS))
    reads = {name: read_sessions(urls[name], sessions, size, months) for name in (today, partitioned)}
    for query in reads[today]:
        figures.append(
            Figure(
                f"one session's {SESSION_EVENTS} events by {query}, p50 of {len(sessions)}: partitioned / plain",
                f"{ms(reads[partitioned][query])} / {ms(reads[today][query])}"
                f" ({reads[partitioned][query] / reads[today][query]:.2f}x)",
            )
        )

    # 2. retention: the oldest month
    oldest = months[0]
    engine = sa.create_engine(urls[partitioned], poolclass=sa.pool.NullPool)
    with engine.connect() as connection:
        cutoff = oldest.end

        def drop() -> list[partitions.Removed]:
            return partitions.drop_older_than(connection, ["click_events"], cutoff)

        drop_seconds, drop_stall, removed = with_writer(urls[partitioned], drop)
    engine.dispose()
    assert [(item.month, item.rows) for item in removed] == [(oldest, size // MONTHS)], removed

    def delete() -> int:
        with psycopg.connect(libpq(urls[today])) as connection:
            deleted = connection.execute(
                "DELETE FROM click_events WHERE created_at >= %s AND created_at < %s", [oldest.start, oldest.end]
            ).rowcount
            connection.commit()
        return deleted

    delete_seconds, delete_stall, deleted = with_writer(urls[today], delete)
    assert deleted == size // MONTHS, deleted
    figures += [
        Figure(
            f"`partitions drop` of one month ({size // MONTHS:,} rows): wall time",
            f"{drop_seconds:.2f} s",
            "< 1 s",
            drop_seconds < 1.0,
        ),
        Figure("  a live writer's longest insert meanwhile", ms(drop_stall), "< 100 ms", drop_stall < 0.1),
        Figure(
            "DELETE of the same rows from the plain table: wall time / drop's",
            f"{delete_seconds:.1f} s ({delete_seconds / drop_seconds:,.0f}x); writer's longest insert {ms(delete_stall)}",
            note="and VACUUM still has to reclaim them",
        ),
    ]

    # 4. alembic check with partitions present
    checks = alembic_check_seconds(admin)
    fewer, more = sorted(checks)
    figures += [
        Figure(
            f"`alembic check` at head with {more} partitions (13 x 6), whole process, median of 5",
            f"{checks[more][0]:.2f} s (CPU {checks[more][1]:.2f} s)",
            "< 2 s",
            checks[more][0] < 2.0,
        ),
        Figure(
            f"  against {fewer} partitions (the revision's 13 x 4), same rounds",
            f"{checks[fewer][0]:.2f} s ({checks[more][0] / checks[fewer][0]:.2f}x; CPU {checks[fewer][1]:.2f} s)",
        ),
    ]
    for number in range(len(LOADS)):
        drop_database(admin, f"scale_{number}")
    return figures, curve_table(curves, size)


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument(
        "--size", type=int, default=int(os.environ.get("SIZE") or 10_000_000), help="rows, a multiple of 500,000 (10M)"
    )
    arguments.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    args = arguments.parse_args()
    from run import machine, render

    started = time.perf_counter()
    with embedded_postgres() as admin:
        about = machine(admin)
        figures, curve = measure(admin, args.size)
    missed = sum(1 for figure in figures if figure.met is False)
    lines = [
        f"Written by `make bench-scale` on {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC in"
        f" {(time.perf_counter() - started) / 60:.0f} min; {missed} target(s) missed. What each figure is:"
        " `benchmarks/scale.py`'s docstring; re-run with `make bench-scale` (SIZE=500000 for a quick look).",
        "",
        *about,
        "",
        *curve,
        "",
        *render(figures),
    ]
    replace_section(args.out, TITLE, lines)
    for line in curve + [""] + render(figures):
        print(line)
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
