"""How much Alembic's online run costs over applying the same SQL as one script, side by side in one run.

    .venv/bin/python benchmarks/upgrade_speed.py [rounds]

Each round builds two fresh databases on one embedded PostgreSQL: one with
`alembic upgrade head`, one by executing the `upgrade head --sql` script. The
ratio of the medians is the figure; absolute seconds depend on the machine.
"""

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from hitlai_schema.database import embedded_server

ROOT = Path(__file__).resolve().parents[1]


def main(rounds: int) -> None:
    script = subprocess.run(
        [sys.executable, "-m", "alembic", "upgrade", "head", "--sql"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    with tempfile.TemporaryDirectory(prefix="hitlai-bench-") as pgdata:
        server = embedded_server(Path(pgdata), cleanup_mode="stop")
        admin = sa.make_url(server.get_uri(driver="psycopg"))
        timings: dict[str, list[float]] = {"alembic upgrade head": [], "offline script": []}
        try:
            for round_number in range(rounds):
                for name in timings:
                    database = f"bench_{round_number}_{len(timings[name])}_{name.split()[0]}"
                    with psycopg.connect(
                        admin.set(drivername="postgresql").render_as_string(False), autocommit=True
                    ) as c:
                        c.execute(f'CREATE DATABASE "{database}"')
                    url = admin.set(database=database)
                    started = time.perf_counter()
                    if name == "offline script":
                        conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
                        with psycopg.connect(conninfo, autocommit=True) as connection:
                            connection.execute(script)
                    else:
                        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
                        config = Config(str(ROOT / "alembic.ini"))
                        config.attributes.update(connection=engine, configure_logger=False)
                        command.upgrade(config, "head")
                        engine.dispose()
                    timings[name].append(time.perf_counter() - started)
        finally:
            server.cleanup()
    medians = {name: statistics.median(values) for name, values in timings.items()}
    for name, median in medians.items():
        print(f"{name:>22}: median {median:.3f} s over {rounds} rounds")
    ratio = medians["alembic upgrade head"] / medians["offline script"]
    print(f"alembic online / offline script: {ratio:.2f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
