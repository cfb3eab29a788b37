"""`hitlai-schema types typescript` and `types zod`: the Database type compiles under tsc --strict with
supabase-js, merges with `supabase gen types` output, and the zod validators agree with PostgreSQL under Node.

typescript, @supabase/supabase-js and zod come from the npm registry, installed once into a cache
directory ($XDG_CACHE_HOME or ~/.cache) keyed by their versions, so later runs install nothing.
"""

import datetime
import decimal
import json
import random
import re
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from pydantic import ValidationError

from hitlai_schema import cli, schemas
from hitlai_schema.codegen import pydantic_models
from tests.support import ROOT
from tests.support.npm import npm_packages
from tests.support.rows import checked_column, insert_parent, out_of_range_value
from tests.support.spec import CATALOG, CORE_TABLES, PHASE5_TABLES, TRIGGER_FILLED, table_spec

NPM_PACKAGES = {"typescript": "5.9.3", "@supabase/supabase-js": "2.119.1", "zod": "4.6.7"}
GENERATED_BY_SUPABASE = ROOT / "tests" / "data" / "supabase_gen_types.ts"

GOOD = """
import { createClient } from "@supabase/supabase-js"
import type { Database, Tables, TablesInsert } from "./database"

const supabase = createClient<Database>("https://project.supabase.co", "anon-key")

export async function record(runId: string): Promise<Tables<"click_events">[]> {
  const click: TablesInsert<"click_events"> = { element_tag: "button", click_x: 1, click_y: 2, timestamp_ms: 17 }
  await supabase.from("click_events").insert({ ...click, test_run_id: runId, page_performance_id: null })
  await supabase
    .from("test_runs")
    .insert({ url: "https://example.com", mission: "sign up", persona: "new user", platform: "web" })
  const pages = await supabase.from("click_events").select("element_tag, page_performance(url)").eq("test_run_id", runId)
  if (pages.error) throw pages.error
  const firstUrl: string | undefined = pages.data[0]?.page_performance?.url
  const runs = await supabase.from("test_runs").select("*").eq("status", "running")
  const status: Database["public"]["Enums"]["test_status"] | undefined = runs.data?.[0]?.status
  const score: number | null | undefined = runs.data?.[0]?.sentiment_score
  console.log(firstUrl, status, score)
  const clicks = await supabase.from("click_events").select("*").eq("test_run_id", runId)
  return clicks.data ?? []
}
"""

# Each must fail to compile, with an error that names the column.
BAD = {
    "no_such_column": """
await supabase.from("click_events").insert({ element_tag: "a", click_x: 1, click_y: 2, timestamp_ms: 3, no_such_column: 1 })
""",
    "timestamp_ms": """
await supabase.from("click_events").insert({ element_tag: "a", click_x: 1, click_y: 2 })
""",
    "platform": """
await supabase.from("test_runs").insert({ url: "u", mission: "m", persona: "p", platform: "desktop" })
""",
}
BAD_PRELUDE = """
import { createClient } from "@supabase/supabase-js"
import type { Database } from "./database"

const supabase = createClient<Database>("https://project.supabase.co", "anon-key")
"""


def npm_cache() -> Path:
    return npm_packages(NPM_PACKAGES)


def compile_errors(directory: Path, *options: str) -> dict[str, str]:
    """tsc --strict over every .ts file in directory: the error text of each file that has errors."""
    tsc = npm_cache() / "node_modules" / ".bin" / "tsc"
    result = subprocess.run(
        [
            str(tsc),
            "--strict",
            "--skipLibCheck",
            "--target",
            "es2022",
            "--module",
            "esnext",
            "--moduleResolution",
            "bundler",
            "--lib",
            "es2022,dom",
            *(options or ("--noEmit",)),  # after the defaults, which they may override
            *sorted(path.name for path in directory.glob("*.ts")),
        ],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors: dict[str, str] = {}
    current = None
    for line in result.stdout.splitlines():
        if match := re.match(r"(\S+\.ts)\(\d+,\d+\): error", line):
            current = match[1]
        if current:
            errors[current] = errors.get(current, "") + line + "\n"
    # tsc exits non-zero exactly when it reports errors; anything on stderr means it did not run properly.
    assert (result.returncode != 0) == bool(errors) and not result.stderr, result.stdout + result.stderr
    return errors


def write_types(directory: Path, **files: str) -> Path:
    """directory with the npm packages and, for each language, the file `hitlai-schema types` writes."""
    (directory / "node_modules").symlink_to(npm_cache() / "node_modules", target_is_directory=True)
    for language, name in files.items():
        with pytest.raises(SystemExit) as exited:
            cli.main(["types", language, "--out", str(directory / name)])
        assert exited.value.code == 0
    return directory


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A directory holding database.ts written by the command, beside the npm packages."""
    return write_types(tmp_path, typescript="database.ts")


def test_generated_types_compile_and_type_supabase_calls(project: Path):
    (project / "good.ts").write_text(GOOD)
    for column, statement in BAD.items():
        (project / f"bad_{column}.ts").write_text(BAD_PRELUDE + statement)

    errors = compile_errors(project)

    assert "database.ts" not in errors and "good.ts" not in errors, errors
    for column in BAD:
        assert column in errors.get(f"bad_{column}.ts", ""), errors


def test_types_cover_every_table_and_enum():
    """Run as a user runs it, in a fresh process where no model has been mapped yet."""
    source = subprocess.run(
        [sys.executable, "-m", "hitlai_schema", "types", "typescript"], capture_output=True, text=True, check=True
    ).stdout
    tables = re.findall(r"^      (\w+): \{$", source, re.MULTILINE)
    assert tables == sorted(CORE_TABLES + PHASE5_TABLES)
    for enum, labels in CATALOG["enums"].items():
        assert f"      {enum}: {' | '.join(json.dumps(label) for label in labels)}\n" in source


MERGED_PRELUDE = """
import { createClient } from "@supabase/supabase-js"
import type { Database as Generated } from "./supabase"
import type { MergeDatabase } from "./database"

type Database = MergeDatabase<Generated>
const supabase = createClient<Database>("https://project.supabase.co", "anon-key")
"""

MERGED_GOOD = """
export async function app(runId: string, projectId: string): Promise<boolean> {
  // The app's own tables, views, enums and RPCs, as supabase gen types described them.
  const profile = await supabase.from("profiles").select("handle, role").eq("handle", "ada").single()
  const role: Database["public"]["Enums"]["app_role"] | undefined = profile.data?.role
  await supabase.from("projects").insert({ company_id: "c", name: "checkout", owner_id: "o", last_test_run_id: runId })
  const projects = await supabase.from("projects").select("name, test_runs(status)").eq("id", projectId)
  const lastStatus: Database["public"]["Enums"]["test_status"] | undefined = projects.data?.[0]?.test_runs?.status
  const active = await supabase.from("active_projects").select("name, run_count")
  const runCount: number | null | undefined = active.data?.[0]?.run_count
  const stats = await supabase.rpc("project_stats", { p_project_id: projectId })
  const failed: number | undefined = stats.data?.[0]?.failed_runs
  // The package's tables: its layout wins over the generated Phase-4 page_performance.
  await supabase.from("click_events").insert({ element_tag: "a", click_x: 1, click_y: 2, timestamp_ms: 3 })
  await supabase.from("page_performance").insert({ url: "https://example.com", entered_at: "2026-01-17T12:00:00Z" })
  const scores = await supabase.from("ai_alignment_metrics").select("alignment_score")
  const score: number | null | undefined = scores.data?.[0]?.alignment_score
  console.log(role, lastStatus, runCount, failed, score)
  const allowed = await supabase.rpc("check_rate_limit", { p_user_id: "u", p_endpoint: "/api/tests" })
  if (allowed.error) throw allowed.error
  return allowed.data
}
"""

# Each must fail to compile, with an error that names the file's key.
MERGED_BAD = {
    "p_endpoint": 'await supabase.rpc("check_rate_limit", { p_user_id: "u" })',
    "no_such_rpc": 'await supabase.rpc("no_such_rpc", {})',
    "page_url": 'await supabase.from("page_performance").insert({ page_url: "https://example.com" })',
    "handle": 'await supabase.from("profiles").insert({ id: "p" })',
    "superuser": 'const role: Database["public"]["Enums"]["app_role"] = "superuser"',
    "desktop": 'await supabase.from("test_runs").insert({ url: "u", mission: "m", persona: "p", platform: "desktop" })',
}


def test_merged_with_supabase_gen_types_output_types_the_apps_tables_rpcs_and_ours(project: Path):
    (project / "supabase.ts").write_text(GENERATED_BY_SUPABASE.read_text())
    (project / "app.ts").write_text(MERGED_PRELUDE + MERGED_GOOD)
    for key, statement in MERGED_BAD.items():
        (project / f"bad_{key}.ts").write_text(MERGED_PRELUDE + statement + "\n")

    errors = compile_errors(project)

    assert not {"database.ts", "supabase.ts", "app.ts"} & set(errors), errors
    for key in MERGED_BAD:
        assert key in errors.get(f"bad_{key}.ts", ""), errors


# --- zod validators: compiled, then run under Node against rows PostgreSQL stores or refuses ---

TABLES = CORE_TABLES + PHASE5_TABLES
CREATE_SCHEMAS = {
    pydantic_models.table_of(model).name: getattr(schemas, f"{model.__name__}Create")
    for model in pydantic_models.mapped_models()
}
ENUMS: dict[str, list[str]] = CATALOG["enums"]
NOT_SENT = {"id", "updated_at"}  # the generated key and updated_at: set by the database, never in a row sent

RUNNER = """
import { readFileSync } from "node:fs"
import { tables } from "./js/validators.js"

const cases = JSON.parse(readFileSync(process.argv[2], "utf8"))
const results = cases.map(({ table, kind, row }) => {
  const parsed = tables[table][kind].safeParse(row)
  if (parsed.success) return { row: parsed.data }
  return { issues: parsed.error.issues.map(({ code, path, message, keys }) => ({ code, path, message, keys })) }
})
process.stdout.write(JSON.stringify(results))
"""


@pytest.fixture(scope="module")
def validators(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """database.ts and validators.ts as the commands write them, compiled to JavaScript in js/ for Node."""
    project = write_types(tmp_path_factory.mktemp("zod"), typescript="database.ts", zod="validators.ts")
    (project / "package.json").write_text('{"type": "module"}')
    (project / "runner.mjs").write_text(RUNNER)
    assert not compile_errors(project, "--outDir", "js")
    return project


def run_validators(project: Path, cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each case parsed by tables[table][kind] under Node: {"row": output} or {"issues": [...]}."""
    (project / "cases.json").write_text(json.dumps(cases))
    result = subprocess.run(
        ["node", "runner.mjs", "cases.json"], cwd=project, capture_output=True, text=True, timeout=120, check=True
    )
    # Numbers as written, so that 0.56 is compared as the decimal PostgreSQL receives.
    return json.loads(result.stdout, parse_float=decimal.Decimal)


def column_checks(table: str, column: str) -> list[str]:
    return [
        check["expression"]
        for check in table_spec(table)["check_constraints"]
        if checked_column(table, check["name"]) == column
    ]


def allowed_values(expressions: list[str]) -> list[str]:
    """The labels of `x = ANY (ARRAY['a'::text, ...])` checks, as PostgreSQL deparses IN lists."""
    pattern = r"'([^']*)'::(?:text|character varying)"
    return [value for expression in expressions if "= ANY (" in expression for value in re.findall(pattern, expression)]


def json_sample(table: str, column: dict[str, Any]) -> Any:
    """A JSON value for the column, as supabase-js sends it, that its type and every check accept."""
    if allowed := allowed_values(column_checks(table, column["name"])):
        return allowed[0]
    sql_type = column["type"]
    if sql_type.endswith("[]"):
        return [json_sample(table, {**column, "type": sql_type[:-2]})]
    if sql_type in ENUMS:
        return ENUMS[sql_type][-1]
    if column["name"] == "created_at":
        return (datetime.datetime.now(datetime.UTC) - datetime.timedelta(seconds=1)).isoformat()
    samples = {
        "uuid": str(uuid.uuid4()),
        "boolean": True,
        "timestamp with time zone": "2026-01-17T12:00:00.123+05:30",
        "timestamp without time zone": "2026-01-17T12:00:00",
        "date": "2026-01-17",
        "jsonb": {"clicks": [1, 2.5, "three", None], "nested": {"ok": True}},
        "inet": "192.168.0.1/24",
        "text": f"{table}.{column['name']}",
    }
    if sql_type in samples:
        return samples[sql_type]
    if sql_type.startswith("character varying"):
        return "v"
    return 1  # integer, bigint, double precision, numeric(p,s): within every CHECK of the spec


def good_rows(table: str, parents: dict[str, str]) -> list[dict[str, Any]]:
    """Two rows: the required columns only, and every column a client may send."""
    columns = [column for column in table_spec(table)["columns"] if column["name"] not in NOT_SENT]
    everything = {column["name"]: parents.get(column["name"]) or json_sample(table, column) for column in columns}
    required = {
        name: value
        for name, value in everything.items()
        if any(c["name"] == name and not c["nullable"] and "default" not in c for c in columns)
        and (table, name) not in TRIGGER_FILLED
    }
    return [required, everything]


def insert_as_postgrest(connection: sa.Connection, table: str, row: dict[str, Any]) -> str | None:
    """Insert the JSON row as PostgREST does (the row's keys as columns, values cast by jsonb_populate_record):
    None when PostgreSQL stores it, else its error."""
    columns = ", ".join(f'"{name}"' for name in row)
    statement = sa.text(
        f"INSERT INTO public.{table} ({columns}) SELECT {columns}"
        f" FROM jsonb_populate_record(NULL::public.{table}, CAST(:row AS jsonb))"
        if row
        else f"INSERT INTO public.{table} DEFAULT VALUES"
    )
    savepoint = connection.begin_nested()
    try:
        # Numbers as JSON.stringify writes them: the validators' output is doubles.
        connection.execute(statement, {"row": json.dumps(row, default=float)})
    except sa.exc.DBAPIError as refused:
        return str(refused.orig).splitlines()[0]
    finally:
        savepoint.rollback()  # each row alone, so that unique columns never collide
    return None


def bad_rows(table: str, base: dict[str, Any]) -> list[tuple[str, dict[str, Any], bool]]:
    """(column, row, refused by PostgreSQL too) for each rule of the table the validators enforce."""
    spec = table_spec(table)
    cases: list[tuple[str, dict[str, Any], bool]] = [("no_such_column", {**base, "no_such_column": 1}, True)]
    for check in spec["check_constraints"]:
        column = checked_column(table, check["name"])
        cases.append((column, {**base, column: out_of_range_value(check["expression"])}, True))
    for column in spec["columns"]:
        name, sql_type = column["name"], column["type"]
        if name in NOT_SENT:
            continue
        if not column["nullable"]:
            cases.append((name, {**base, name: None}, (table, name) not in TRIGGER_FILLED))
            if "default" not in column and (table, name) not in TRIGGER_FILLED:
                cases.append((name, {key: value for key, value in base.items() if key != name}, True))
        if sql_type.removesuffix("[]") in ENUMS:
            cases.append((name, {**base, name: ["not-a-label"] if sql_type.endswith("[]") else "not-a-label"}, True))
        bad_value = {
            "uuid": "not-a-uuid",
            "integer": 2**31,
            "text": "a\x00b",
            "jsonb": {"a": "\x00"},
            "date": "2026-13-01",
            "inet": "300.1.1.1",
            "timestamp with time zone": "not a time",
        }.get(sql_type)
        if varchar := re.fullmatch(r"character varying\((\d+)\)", sql_type):
            bad_value = "x" * (int(varchar[1]) + 1)
        if numeric := re.fullmatch(r"numeric\((\d+),(\d+)\)", sql_type):
            bad_value = 10 ** (int(numeric[1]) - int(numeric[2]))
        if bad_value is not None and not column_checks(table, name):
            cases.append((name, {**base, name: bad_value}, True))
    # Stricter than PostgreSQL, as the pydantic schemas are: a timestamptz needs its offset (PostgreSQL would
    # read it in the session's time zone).
    timestamptz = next((c["name"] for c in spec["columns"] if c["type"] == "timestamp with time zone"), None)
    if timestamptz and timestamptz != "created_at":
        cases.append((timestamptz, {**base, timestamptz: "2026-01-17T12:00:00"}, False))
    return cases


def test_validators_compile_and_parse_into_the_insert_and_update_types(validators: Path):
    """A parsed row is what `types typescript` says supabase-js takes, under the strictest common settings."""
    assignments = "\n".join(
        f'export const {table}: [TablesInsert<"{table}">, TablesUpdate<"{table}">] = ['
        f"tables.{table}.Insert.parse(null), tables.{table}.Update.parse(null)]"
        for table in TABLES
    )
    (validators / "assignable.ts").write_text(
        'import type { TablesInsert, TablesUpdate } from "./database"\n'
        'import { tables } from "./validators"\n' + assignments + "\n"
    )
    # Next.js projects target ES2017 and many projects check indexed access.
    errors = compile_errors(
        validators, "--noEmit", "--target", "es2017", "--lib", "es2017,dom", "--noUncheckedIndexedAccess"
    )
    assert not errors, errors


def test_validators_accept_what_postgresql_stores_and_refuse_what_it_refuses(head, validators: Path):
    """Good and bad rows of every table: zod, the pydantic schema and PostgreSQL (as PostgREST inserts) agree."""
    cases: list[dict[str, Any]] = []
    expectations: list[tuple[str, str, bool | None]] = []  # (table, column refused or "", PostgreSQL refuses)
    for table in TABLES:
        parents = {
            fk["columns"][0]: str(insert_parent(head, fk["references"].split("(")[0]))
            for fk in table_spec(table)["foreign_keys"]
        }
        required, everything = good_rows(table, parents)
        for row in (required, everything):
            cases.append({"table": table, "kind": "Insert", "row": row})
            expectations.append((table, "", False))
        for column, row, database_refuses in bad_rows(table, required):
            cases.append({"table": table, "kind": "Insert", "row": row})
            expectations.append((table, column, database_refuses))
        # Update: every column optional, NOT NULL still refusing null, unknown keys still refused.
        cases += [
            {"table": table, "kind": "Update", "row": {}},
            {"table": table, "kind": "Update", "row": {"no_such_column": 1}},
        ]
        expectations += [(table, "", None), (table, "no_such_column", None)]
        not_null = [c["name"] for c in table_spec(table)["columns"] if not c["nullable"] and c["name"] not in NOT_SENT]
        if not_null:
            cases.append({"table": table, "kind": "Update", "row": {not_null[0]: None}})
            expectations.append((table, not_null[0], None))

    mismatches = []
    for case, result, (table, refused_column, database_refuses) in zip(
        cases, run_validators(validators, cases), expectations, strict=True
    ):
        label = f"{case['kind']} {table} {json.dumps(case['row'], default=str)[:200]}"
        if case["kind"] == "Insert":
            try:
                CREATE_SCHEMAS[table].model_validate_json(json.dumps(case["row"]))
            except ValidationError:
                pydantic_refuses = True
            else:
                pydantic_refuses = False
            if pydantic_refuses != ("issues" in result):
                mismatches.append(f"{label}: the pydantic schema {'refuses' if pydantic_refuses else 'accepts'} it")
        if not refused_column:
            if "issues" in result:
                mismatches.append(f"{label}: refused by zod: {result['issues']}")
            elif case["kind"] == "Insert" and (error := insert_as_postgrest(head, table, result["row"])):
                mismatches.append(f"{label}: zod's output refused by PostgreSQL: {error}")
            continue
        issues = result.get("issues", [])
        named = [
            issue
            for issue in issues
            if issue["path"][:1] == [refused_column] or refused_column in (issue.get("keys") or [])
        ]
        if not named:
            mismatches.append(f"{label}: zod did not refuse {refused_column}: {result}")
        if database_refuses and not insert_as_postgrest(head, table, case["row"]):
            mismatches.append(f"{label}: PostgreSQL stores what zod refuses")
    assert not mismatches, "\n".join(mismatches)


def numeric_shapes() -> dict[tuple[int, int], tuple[str, str]]:
    """One column without a CHECK of each numeric(p,s) shape in the tables."""
    shapes: dict[tuple[int, int], tuple[str, str]] = {}
    for table in TABLES:
        for column in table_spec(table)["columns"]:
            shape = re.fullmatch(r"numeric\((\d+),(\d+)\)", column["type"])
            if shape and not column_checks(table, column["name"]):
                shapes.setdefault((int(shape[1]), int(shape[2])), (table, column["name"]))
    return shapes


def javascript_numbers(precision: int, scale: int) -> list[float]:
    """Doubles around every rounding position of numeric(precision, scale), its limit, ties and extremes."""
    generator = random.Random(f"{precision},{scale}")
    limit, step = 10 ** (precision - scale), 10.0**-scale
    ties = [
        float((2 * generator.randrange(-2 * limit * 10**scale, 2 * limit * 10**scale) + 1) * decimal.Decimal(step) / 2)
        for _ in range(60)
    ]
    near_limit = [limit - step / 2, -limit + step / 2, limit - step * 0.51, limit - step * 0.49, float(limit)]
    spread = [generator.uniform(-2 * limit, 2 * limit) for _ in range(60)]
    short = [round(generator.uniform(-limit, limit), scale + generator.randrange(1, 4)) for _ in range(60)]
    extremes = [0.0, -0.0, 5e-324, -1.5e-7, 1e-7, 1e21, 1.7976931348623157e308, 0.3333333333333333, 0.555]
    return ties + near_limit + spread + short + extremes


def test_validators_round_numerics_as_postgresql_does(head, validators: Path):
    shapes = numeric_shapes()
    cases, expected = [], []
    for (precision, scale), (table, column) in sorted(shapes.items()):
        base = good_rows(table, {})[0]
        for number in javascript_numbers(precision, scale):
            cases.append({"table": table, "kind": "Insert", "row": {**base, column: number}})
            try:
                with head.begin_nested():
                    stored = head.execute(
                        sa.text(f"SELECT CAST(:number AS numeric({precision},{scale}))"), {"number": repr(number)}
                    ).scalar_one()
            except sa.exc.DataError as refused:
                assert refused.orig.sqlstate == "22003", refused
                stored = None
            expected.append((f"numeric({precision},{scale}) {number!r}", column, stored))

    mismatches = []
    for result, (label, column, stored) in zip(run_validators(validators, cases), expected, strict=True):
        if stored is None:
            messages = [issue["message"] for issue in result.get("issues", []) if issue["path"] == [column]]
            if not any(message.startswith("numeric field overflow: ") for message in messages):
                mismatches.append(f"{label}: PostgreSQL overflows, zod gives {result}")
        elif "row" not in result or decimal.Decimal(result["row"][column]) != stored:
            mismatches.append(f"{label}: PostgreSQL stores {stored}, zod gives {result}")
        elif str(result["row"][column]).startswith("-") and stored == 0:
            mismatches.append(f"{label}: zod gives a negative zero")
    assert not mismatches, "\n".join(mismatches)


def test_validators_judge_a_check_on_the_rounded_value(validators: Path):
    """numeric(3,2) with CHECK (alignment_score <= 1): 1.004 is stored as 1.00, 1.005 becomes 1.01 and fails."""
    rows = [{"model_version": "gpt-4", "alignment_score": score} for score in (1.004, 1.005, -0.004, -0.005, 0.555)]
    cases = [{"table": "ai_alignment_metrics", "kind": "Insert", "row": row} for row in rows]
    results = run_validators(validators, cases)
    assert [result.get("row", {}).get("alignment_score") for result in results] == [
        1,
        None,
        0,
        None,
        decimal.Decimal("0.56"),
    ]
    assert [issue["path"] for result in results for issue in result.get("issues", [])] == [["alignment_score"]] * 2


def test_validators_refuse_text_postgresql_cannot_hold(head, validators: Path):
    """A NUL or a lone surrogate, in text or in a jsonb key or value; a surrogate pair (an emoji) is fine."""
    base = {"element_tag": "a", "click_x": 1, "click_y": 2, "timestamp_ms": 3}
    rows = {
        "element_text": ["a\x00b", "lone \ud800 surrogate", "pair \U0001f600"],
        "element_selector": ["\udc00"],
    }
    cases = [
        {"table": "click_events", "kind": "Insert", "row": {**base, column: value}}
        for column, values in rows.items()
        for value in values
    ]
    documents = [{"key\x00": 1}, {"value": "\ud83d"}, {"ok": "\U0001f600"}]
    json_base = {"model_version": "m", "model_provider": "p", "input_prompt": "i", "output_text": "o", "latency_ms": 1}
    cases += [
        {"table": "ai_inference_logs", "kind": "Insert", "row": {**json_base, "input_context": document}}
        for document in documents
    ]
    results = run_validators(validators, cases)
    assert ["row" in result for result in results] == [False, False, True, False, False, False, True]
    for case, result in zip(cases, results, strict=True):
        stored = insert_as_postgrest(head, case["table"], case["row"]) is None
        assert stored == ("row" in result), (case, result)
