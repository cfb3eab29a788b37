"""How much the online upgrade costs over psql running the same chain's SQL, side by side.

    .venv/bin/python benchmarks/upgrade_speed.py [rounds]

Each round builds fresh databases on one embedded PostgreSQL, interleaved: one with the
`alembic upgrade head` command line, one with `hitlai-schema upgrade`, one with psql running the
`upgrade head --sql` script. Each is timed as a whole process, start-up and exit included. The
ratio of the medians is the figure; absolute seconds depend on the machine.
"""

import os
import subprocess
import sys
import time

import sqlalchemy as sa
from common import (
    ROOT,
    Figure,
    create_database,
    drop_database,
    libpq,
    median,
    offline_sql,
    run_alone,
    run_psql,
    sql_script,
)

TARGET_RATIO = 2.0
WHY_SLOWER = "Python's start-up and imports alone take {startup:.2f} s, {share:.0%} of psql's whole run"
STARTUP = "import alembic.config, alembic.command, psycopg"


def hitlai_schema_upgrade(url: sa.URL) -> None:
    subprocess.run(
        [sys.executable, "-m", "hitlai_schema", "upgrade", "--database-url", libpq(url)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def alembic_upgrade(url: sa.URL) -> None:
    subprocess.run(
        [sys.executable, "-m", "alembic", "upgrade", "head"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": libpq(url)},
        check=True,
        capture_output=True,
    )


def measure(admin: sa.URL, rounds: int = 5) -> list[Figure]:
    script = sql_script("chain.sql", offline_sql())
    ways = {
        "alembic upgrade head": alembic_upgrade,
        "hitlai-schema upgrade": hitlai_schema_upgrade,
        "psql -f offline SQL": lambda url: run_psql(url, script),
    }
    timings: dict[str, list[float]] = {name: [] for name in ways}
    startup: list[float] = []
    for round_number in range(rounds):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", STARTUP], check=True)
        startup.append(time.perf_counter() - started)
        for index, (name, upgrade) in enumerate(ways.items()):
            database = f"speed_{round_number}_{index}"
            url = create_database(admin, database)
            started = time.perf_counter()
            upgrade(url)
            timings[name].append(time.perf_counter() - started)
            drop_database(admin, database)
    medians = {name: median(values) for name, values in timings.items()}
    psql_seconds = medians["psql -f offline SQL"]
    figures = []
    for name in ("alembic upgrade head", "hitlai-schema upgrade"):
        ratio = medians[name] / psql_seconds
        figures.append(
            Figure(
                f"`{name}` / psql of the same SQL, fresh databases (median of {rounds}, interleaved)",
                f"{ratio:.2f}x ({medians[name]:.2f} s against {psql_seconds:.2f} s)",
                "<= 2.0x",
                ratio <= TARGET_RATIO,
                ""
                if ratio <= TARGET_RATIO
                else WHY_SLOWER.format(startup=median(startup), share=median(startup) / psql_seconds),
            )
        )
    figures.append(
        Figure(
            "the same, without the start-up (a process that only runs the imports, timed alongside)",
            f"{(medians['alembic upgrade head'] - median(startup)) / psql_seconds:.2f}x",
            note="for comparison",
        )
    )
    return figures


if __name__ == "__main__":
    run_alone(measure, 5)
