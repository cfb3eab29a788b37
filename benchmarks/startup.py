"""What starting up costs: `alembic check` as a whole process, and importing the package beside SQLAlchemy's ORM.

    .venv/bin/python benchmarks/startup.py [rounds]

Imports are timed inside fresh interpreters, interleaved, so start-up of Python itself is left out.
"""

import subprocess
import sys
import time

import sqlalchemy as sa
from common import Figure, alembic_cli, create_database, drop_database, median, run_alone

CHECK_TARGET_SECONDS = 2.0
IMPORT_TARGET_RATIO = 1.5

IMPORTS = {
    "import sqlalchemy.orm": "import sqlalchemy.orm",
    "import hitlai_schema": "import hitlai_schema",
    "all 51 models mapped": "import hitlai_schema; hitlai_schema.metadata",
}


def import_seconds(code: str) -> float:
    timer = f"import time; started = time.perf_counter(); {code}; print(time.perf_counter() - started)"
    return float(subprocess.run([sys.executable, "-c", timer], check=True, capture_output=True, text=True).stdout)


def measure(admin: sa.URL, rounds: int = 7) -> list[Figure]:
    url = create_database(admin, "startup_head")
    alembic_cli("upgrade", "head", url=url)
    check_seconds = []
    for _ in range(rounds):
        started = time.perf_counter()
        alembic_cli("check", url=url)
        check_seconds.append(time.perf_counter() - started)
    drop_database(admin, "startup_head")

    imports: dict[str, list[float]] = {name: [] for name in IMPORTS}
    for _ in range(rounds):
        for name, code in IMPORTS.items():
            imports[name].append(import_seconds(code))
    orm = median(imports["import sqlalchemy.orm"])
    package = median(imports["import hitlai_schema"])
    models = median(imports["all 51 models mapped"])
    return [
        Figure(
            f"`alembic check` on a database at head, whole process (median of {rounds})",
            f"{median(check_seconds):.2f} s",
            "< 2 s",
            median(check_seconds) < CHECK_TARGET_SECONDS,
        ),
        Figure(
            f"`import hitlai_schema` / `import sqlalchemy.orm` (median of {rounds}, fresh interpreters)",
            f"{package / orm:.2f}x ({package * 1000:.0f} ms against {orm * 1000:.0f} ms)",
            "<= 1.5x",
            package / orm <= IMPORT_TARGET_RATIO,
            "the models load on first use of a model name or `hitlai_schema.metadata`",
        ),
        Figure(
            "`import hitlai_schema` and first use of the models / `import sqlalchemy.orm`",
            f"{models / orm:.2f}x ({models * 1000:.0f} ms; mapping the 51 classes is {(models - orm) * 1000:.0f} ms of it"
            " beyond the ORM import)",
            note="what a service that uses the models pays once",
        ),
    ]


if __name__ == "__main__":
    run_alone(measure, 7)
