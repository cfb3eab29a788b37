"""The expected schema: tests/data/catalog.json, a copy of the spec's catalog."""

import json
from typing import Any

from alembic.config import Config
from alembic.script import ScriptDirectory

from tests.support import DATA, ROOT

CATALOG: dict[str, Any] = json.loads((DATA / "catalog.json").read_text())

BASELINE = "20260116000005"
# The chain's head as it stands; the Phase-5 tables expected are those its revisions create.
HEAD: str = ScriptDirectory.from_config(Config(str(ROOT / "alembic.ini"))).get_current_head()
CORE_TABLES = list(CATALOG["core_tables"])
PHASE5_TABLES = [name for name, table in CATALOG["tables"].items() if table["revision"] <= HEAD]


def tables_of(*, domain: str | None = None, revision: str | None = None) -> list[str]:
    return [
        name
        for name, table in CATALOG["tables"].items()
        if (domain is None or table["domain"] == domain) and (revision is None or table["revision"] == revision)
    ]


def table_spec(name: str) -> dict[str, Any]:
    """The spec's entry for one of the 51 tables the package owns."""
    return CATALOG["tables"].get(name) or CATALOG["core_tables"][name]


def expected_table(name: str, at_revision: str = HEAD) -> dict[str, Any]:
    """The spec's definition of a table as it stands once at_revision has run."""
    table = table_spec(name)

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
        **({"partition_by": table["partition_by"]} if "partition_by" in table else {}),
    }


# NOT NULL without a column default, yet drawn by a BEFORE INSERT trigger when not given (revision 20260117000004):
# an insert without it, or with NULL, gets a value; an update to NULL is refused.
TRIGGER_FILLED = {("api_status_subscriptions", "unsubscribe_token")}
