"""The expected schema: tests/data/catalog.json, a copy of the spec's catalog."""

import json
from pathlib import Path
from typing import Any

CATALOG: dict[str, Any] = json.loads((Path(__file__).parent / "data" / "catalog.json").read_text())

BASELINE = "20260116000005"
HEAD = "20260117000005"
CORE_TABLES = list(CATALOG["core_tables"])
PHASE5_TABLES = list(CATALOG["tables"])


def tables_of(*, domain: str | None = None, revision: str | None = None) -> list[str]:
    return [
        name
        for name, table in CATALOG["tables"].items()
        if (domain is None or table["domain"] == domain) and (revision is None or table["revision"] == revision)
    ]


def expected_table(name: str, at_revision: str = HEAD) -> dict[str, Any]:
    """The spec's definition of a table as it stands once at_revision has run."""
    table = CATALOG["tables"].get(name) or CATALOG["core_tables"][name]

    def present(item: dict[str, Any]) -> bool:
        return item.get("added_by_revision", "") <= at_revision

    def clean(item: dict[str, Any]) -> dict[str, Any]:
        return {key: value for key, value in item.items() if key != "added_by_revision"}

    by_name = lambda items: sorted((clean(i) for i in items if present(i)), key=lambda i: i["name"])  # noqa: E731
    return {
        "columns": [clean(column) for column in table["columns"] if present(column)],
        "primary_key": table["primary_key"],
        "foreign_keys": by_name(table["foreign_keys"]),
        "unique_constraints": by_name(table["unique_constraints"]),
        "check_constraints": by_name(table["check_constraints"]),
        "indexes": by_name(table["indexes"]),
    }
