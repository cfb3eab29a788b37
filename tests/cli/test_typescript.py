"""`hitlai-schema types typescript`: the generated Database type compiles under tsc --strict with supabase-js.

typescript and @supabase/supabase-js come from the npm registry, installed once into a cache
directory ($XDG_CACHE_HOME or ~/.cache) keyed by their versions, so later runs install nothing.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hitlai_schema import cli
from tests.support.npm import npm_packages
from tests.support.spec import CATALOG, CORE_TABLES, PHASE5_TABLES

NPM_PACKAGES = {"typescript": "5.9.3", "@supabase/supabase-js": "2.119.1"}

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


def compile_errors(directory: Path) -> dict[str, str]:
    """tsc --strict over every .ts file in directory: the error text of each file that has errors."""
    tsc = npm_cache() / "node_modules" / ".bin" / "tsc"
    result = subprocess.run(
        [
            str(tsc),
            "--strict",
            "--noEmit",
            "--skipLibCheck",
            "--target",
            "es2022",
            "--module",
            "esnext",
            "--moduleResolution",
            "bundler",
            "--lib",
            "es2022,dom",
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


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A directory holding database.ts written by the command, beside the npm packages."""
    (tmp_path / "node_modules").symlink_to(npm_cache() / "node_modules", target_is_directory=True)
    with pytest.raises(SystemExit) as exited:
        cli.main(["types", "typescript", "--out", str(tmp_path / "database.ts")])
    assert exited.value.code == 0
    return tmp_path


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
