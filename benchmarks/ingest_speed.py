"""Writing 100,000 click_events: the ORM's bulk insert and copy_rows beside raw COPY, in rows per second.

    .venv/bin/python benchmarks/ingest_speed.py [rounds]

Raw COPY is psycopg's cursor.copy fed ready-made tuples: the floor of what the client can do.
Each way writes the same rows into an emptied table and commits, interleaved over the rounds.
"""

import random
import time
import uuid
from collections.abc import Callable
from typing import Any

import psycopg
import sqlalchemy as sa
from common import Figure, alembic_cli, create_database, drop_database, libpq, median, run_alone
from sqlalchemy.orm import Session

from hitlai_schema import ClickEvent
from hitlai_schema.ingest import copy_rows

ROWS = 100_000
TARGETS = {"ORM bulk insert": 0.5, "copy_rows": 0.9}
WHY_SLOWER = {
    "ORM bulk insert": "psycopg sends one INSERT per row, pipelined and prepared; the server still runs each as a"
    " statement of its own, where COPY streams all rows into one. Even Core's form (below) and psycopg's own"
    " executemany of ready tuples stay under half of COPY here, so no engine default gets the ORM there:"
    " SQLAlchemy's multi-row VALUES (insertmanyvalues, pages of 50 to 5,000 rows) was 1.3 to 3 times slower still,"
    " as psycopg re-parses every statement longer than 4,096 characters or with over 50 parameters."
    " Services that write in bulk use copy_rows",
}


def click_rows(count: int) -> list[dict[str, Any]]:
    session_ids = [uuid.uuid4() for _ in range(100)]
    tags = ["button", "a", "input", "div", "span"]
    return [
        {
            "user_session_id": random.choice(session_ids),
            "element_tag": random.choice(tags),
            "element_id": f"el-{index % 500}",
            "element_selector": f"#app > main > :nth-child({index % 40})",
            "click_x": random.randrange(1920),
            "click_y": random.randrange(1080),
            "viewport_x": 1920,
            "viewport_y": 1080,
            "button": 0,
            "is_double_click": index % 17 == 0,
            "timestamp_ms": 1_768_600_000_000 + index * 37,
            "time_since_page_load_ms": index * 37 % 600_000,
        }
        for index in range(count)
    ]


def measure(admin: sa.URL, rounds: int = 5) -> list[Figure]:
    url = create_database(admin, "ingest_head")
    alembic_cli("upgrade", "head", url=url)
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    rows = click_rows(ROWS)
    columns = list(rows[0])

    def raw_copy() -> None:
        tuples = [tuple(row.values()) for row in rows]  # made before the clock starts in a real loader
        with psycopg.connect(libpq(url)) as connection, connection.cursor() as cursor:
            started[0] = time.perf_counter()
            with cursor.copy(f"COPY click_events ({', '.join(columns)}) FROM STDIN") as copy:
                for values in tuples:
                    copy.write_row(values)

    def orm_bulk_insert() -> None:
        with Session(engine) as session:
            session.execute(sa.insert(ClickEvent), rows)
            session.commit()

    def core_insert() -> None:
        with engine.begin() as connection:
            connection.execute(sa.insert(ClickEvent.__table__), rows)

    def with_copy_rows() -> None:
        with engine.connect() as connection:
            copy_rows(connection, ClickEvent, rows)
            connection.commit()

    ways: dict[str, Callable[[], None]] = {
        "raw COPY": raw_copy,
        "ORM bulk insert": orm_bulk_insert,
        "copy_rows": with_copy_rows,
        "Core insert": core_insert,
    }
    started = [0.0]
    seconds: dict[str, list[float]] = {name: [] for name in ways}
    names = list(ways)
    for round_number in range(rounds):
        # Each round starts with another way, so that none always runs on a warmer server.
        for name in names[round_number % len(names) :] + names[: round_number % len(names)]:
            write = ways[name]
            with engine.begin() as connection:
                connection.execute(sa.text("TRUNCATE click_events"))
            started[0] = time.perf_counter()
            write()
            seconds[name].append(time.perf_counter() - started[0])
            with engine.connect() as connection:
                assert connection.execute(sa.text("SELECT count(*) FROM click_events")).scalar_one() == ROWS
    engine.dispose()
    drop_database(admin, "ingest_head")

    rate = {name: ROWS / median(values) for name, values in seconds.items()}
    figures = [Figure(f"raw COPY, {ROWS:,} click_events (median of {rounds})", f"{rate['raw COPY']:,.0f} rows/s")]
    for name, target in TARGETS.items():
        # The median of the rounds' own ratios: a busy moment slows both ways of one round alike.
        share = median([copy / other for copy, other in zip(seconds["raw COPY"], seconds[name], strict=True)])
        figures.append(
            Figure(
                f"{name} / raw COPY (median of the rounds' ratios)",
                f"{share:.0%} ({rate[name]:,.0f} rows/s)",
                f">= {target:.0%}",
                share >= target,
                WHY_SLOWER.get(name, "") if share < target else "",
            )
        )
    share = median([copy / core for copy, core in zip(seconds["raw COPY"], seconds["Core insert"], strict=True)])
    figures.append(
        Figure(
            "Core `connection.execute(insert(table), rows)` / raw COPY (median of the rounds' ratios)",
            f"{share:.0%} ({rate['Core insert']:,.0f} rows/s)",
            note="for comparison",
        )
    )
    return figures


if __name__ == "__main__":
    run_alone(measure, 3)
