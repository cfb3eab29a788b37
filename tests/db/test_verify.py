"""`hitlai-schema verify` and the security drift in `alembic check`: each kind of damage is named by both."""

import re
import shutil
import subprocess
from dataclasses import replace

import pytest
import sqlalchemy as sa
from alembic import command

from hitlai_schema import APIUptimeSummary
from hitlai_schema.cli import verify_checks as verify
from hitlai_schema.models import access
from hitlai_schema.runtime import chain, comparison, security_drift
from tests.support.commands import hitlai_schema_cli

CHANGED_CHECK = (
    "ALTER TABLE ai_alignment_metrics DROP CONSTRAINT ai_alignment_metrics_alignment_score_check",
    "ALTER TABLE ai_alignment_metrics ADD CONSTRAINT ai_alignment_metrics_alignment_score_check "
    "CHECK (alignment_score >= 0 AND alignment_score <= 2)",
)

# damage -> (the SQL that does it, the verify row that must fail, the names its detail and `alembic check` give)
DAMAGE = {
    "policy dropped": (
        ["DROP POLICY status_page_reads_uptime ON api_uptime_summary"],
        "policies",
        ["api_uptime_summary", "status_page_reads_uptime"],
    ),
    "policy USING changed": (
        ["ALTER POLICY status_page_reads_public_endpoints ON api_endpoint_configs USING (true)"],
        "policies",
        ["api_endpoint_configs", "status_page_reads_public_endpoints"],
    ),
    "RLS disabled": (["ALTER TABLE click_events DISABLE ROW LEVEL SECURITY"], "row level security", ["click_events"]),
    "grant added": (["GRANT SELECT ON click_events TO anon"], "privileges", ["click_events", "anon"]),
    "grant revoked": (["REVOKE SELECT ON api_uptime_summary FROM anon"], "privileges", ["api_uptime_summary", "anon"]),
    "column grant added": (
        ["GRANT UPDATE (verified) ON api_status_subscriptions TO authenticated"],
        "privileges",
        ["api_status_subscriptions", "verified"],
    ),
    "CHECK dropped": (
        CHANGED_CHECK[:1],
        "check constraints",
        ["ai_alignment_metrics", "ai_alignment_metrics_alignment_score_check"],
    ),
    "CHECK changed": (
        CHANGED_CHECK,
        "check constraints",
        ["ai_alignment_metrics", "ai_alignment_metrics_alignment_score_check"],
    ),
    "enum label added": (["ALTER TYPE tester_category ADD VALUE 'robot'"], "enums", ["tester_category", "robot"]),
    "reference row deleted": (
        ["DELETE FROM ai_model_capabilities WHERE model_version = 'gpt-4-0125-preview'"],
        "reference rows",
        ["ai_model_capabilities", "gpt-4-0125-preview"],
    ),
    "Phase-5 column dropped": (
        ["ALTER TABLE test_runs DROP COLUMN ai_cost_usd"],
        "columns",
        ["test_runs", "ai_cost_usd"],
    ),
}


def failures(connection: sa.Connection) -> dict[str, str]:
    return {row.check: row.detail for row in verify.report(connection) if row.status == verify.FAIL}


def test_a_clean_database_passes_verify_and_check(head):
    rows = {row.check: row for row in verify.report(head)}
    assert {check: row.detail for check, row in rows.items() if row.status == verify.FAIL} == {}
    assert comparison.compare(head).in_sync
    # The warnings of today's schema: reported, never failing.
    assert rows["foreign key indexes"].status == verify.WARN
    assert "quality_gate_checks.inference_log_id" in rows["foreign key indexes"].detail
    assert rows["duplicate indexes"].status == verify.WARN
    assert "companies_slug_key = idx_companies_slug" in rows["duplicate indexes"].detail


@pytest.mark.parametrize("damage", DAMAGE)
def test_each_kind_of_damage_fails_verify_and_check_naming_the_object(head, damage):
    statements, failing_row, names = DAMAGE[damage]
    for statement in statements:
        head.execute(sa.text(statement))
    failed = failures(head)  # its "drift" row is what `alembic check` reports (comparison.compare)
    if damage == "reference row deleted":  # data, not schema: alembic check cannot see it
        assert set(failed) == {failing_row}
    else:
        assert set(failed) == {failing_row, "drift"}
        for name in names[:2]:
            assert name in failed["drift"]
    for name in names:
        assert name in failed[failing_row]


def test_what_the_package_does_not_own_passes_verify_and_check(head):
    """A Phase-4 deployment holds tables, policies, grants and functions of its own."""
    for statement in (
        "CREATE TABLE personas (id uuid PRIMARY KEY, name text CHECK (name <> ''))",
        "GRANT ALL ON personas TO anon, authenticated",
        "CREATE POLICY everyone_reads ON personas FOR SELECT TO anon USING (true)",
        "CREATE TABLE page_performance_legacy (id uuid PRIMARY KEY)",
        "CREATE FUNCTION public.handle_new_user() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'",
        "CREATE POLICY companies_read_own ON companies FOR SELECT TO authenticated USING (true)",
        "GRANT SELECT ON companies, test_runs TO authenticated",
        "CREATE SCHEMA storage",
        "CREATE TABLE storage.objects (id uuid PRIMARY KEY)",
        "ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY read_objects ON storage.objects FOR SELECT TO anon USING (true)",
    ):
        head.execute(sa.text(statement))
    assert failures(head) == {}
    assert comparison.compare(head).in_sync


def test_declared_expressions_are_normalised_in_a_few_round_trips(head):
    """Against a distant database each statement costs a round trip: not one per table, policy or CHECK."""
    statements = []
    sa.event.listen(head, "before_cursor_execute", lambda *args: statements.append(args[2]))
    changes = security_drift.compare_security(head, list(access.PHASE5_TABLES), verify.owned_tables())
    assert changes == []
    assert len(statements) < 25, statements


def test_statements_postgresql_refuses_are_skipped_and_the_others_run_verbatim(head):
    head.execute(sa.text("CREATE TEMPORARY TABLE scratch (label text)"))
    security_drift.run_those_postgresql_accepts(
        head,
        [
            "ALTER TABLE scratch ADD CONSTRAINT percent_check CHECK (label LIKE '%:x%')",
            "ALTER TABLE scratch ADD CONSTRAINT refused_check CHECK (no_such_column > 0)",
            "ALTER TABLE scratch ADD CONSTRAINT length_check CHECK (length(label) < 10)",
        ],
    )
    held = dict(security_drift.read_checks(head, ["pg_temp.scratch"]))
    assert held == {
        ("scratch", "percent_check"): "CHECK ((label ~~ '%:x%'::text))",
        ("scratch", "length_check"): "CHECK ((length(label) < 10))",
    }


def test_a_role_that_may_not_create_temporary_tables_gets_failures_that_say_so(head):
    """The comparison needs scratch temporary tables; without them verify reports why instead of crashing."""
    database = head.execute(sa.text("SELECT current_database()")).scalar()
    for statement in (
        "CREATE ROLE hitlai_without_temp BYPASSRLS",
        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO hitlai_without_temp",
        f'REVOKE TEMPORARY ON DATABASE "{database}" FROM PUBLIC',
        "SET LOCAL ROLE hitlai_without_temp",
    ):
        head.execute(sa.text(statement))
    failed = failures(head)
    assert set(failed) == {"row level security", "policies", "privileges", "check constraints", "drift"}
    assert "needs TEMPORARY on database" in failed["row level security"]
    assert "needs TEMPORARY on database" in failed["drift"]


def test_verify_command_exits_non_zero_naming_what_alembic_check_names_too(migrate, engine, db_url, run_alembic):
    migrate("upgrade", "head")
    url = db_url.render_as_string(hide_password=False)

    def verify_command() -> subprocess.CompletedProcess[str]:
        return hitlai_schema_cli("verify", "--database-url", url)

    clean = verify_command()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert re.search(r"^duplicate indexes +\| warn", clean.stdout, re.MULTILINE)
    with engine.begin() as connection:
        connection.execute(sa.text("ALTER TABLE api_incident_updates DISABLE ROW LEVEL SECURITY"))
    damaged = verify_command()
    assert damaged.returncode == 1
    assert re.search(r"^row level security +\| FAIL +\| api_incident_updates \(off\)", damaged.stdout, re.MULTILINE)
    check = run_alembic("check")
    assert check.returncode != 0
    assert "('enable_rls', 'api_incident_updates', 'row level security')" in check.stdout + check.stderr


def test_autogenerate_renders_a_policy_change_that_applied_makes_check_clean(
    migrate, engine, alembic_config, tmp_path, monkeypatch
):
    migrate("upgrade", "head")
    scripts = tmp_path / "migrations"
    shutil.copytree(chain.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    config = chain.alembic_config(engine)
    config.set_main_option("script_location", str(scripts))
    # The model changes its policy, as a developer would edit APIUptimeSummary's __table_args__.
    recent = "period_end > now() - interval '90 days'"
    uptime = APIUptimeSummary.__table__.info
    (policy,) = uptime["policies"]
    monkeypatch.setitem(uptime, "policies", (replace(policy, using=recent),))

    written = command.revision(config, message="status page shows 90 days", autogenerate=True)
    revision_file = scripts / "versions" / f"{written.revision}_status_page_shows_90_days.py"
    source = revision_file.read_text()
    upgrade, downgrade = source.split("def downgrade")
    assert "DROP POLICY status_page_reads_uptime ON api_uptime_summary" in upgrade
    assert "(period_end > (now() - '90 days'::interval))" in upgrade
    assert "USING (true)" in downgrade
    command.upgrade(config, "head")
    command.check(config)  # raises if anything differs

    # Its downgrade puts the policy back as the package declares it.
    monkeypatch.undo()
    command.downgrade(config, "-1")
    revision_file.unlink()
    command.check(config)
