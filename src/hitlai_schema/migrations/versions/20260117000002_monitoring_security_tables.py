"""Monitoring and security: performance, agent runs, rate limits, circuit breakers, API calls, incidents (8 tables).

Revision ID: 20260117000002
Revises: 20260117000001
Create Date: 2026-01-17 00:00:02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from hitlai_schema.runtime import online_ddl
from hitlai_schema.runtime.legacy_tables import restore_legacy_table, set_aside_legacy_table

revision: str = "20260117000002"
down_revision: str | None = "20260117000001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# In creation order: a table comes after the tables it references.
TABLES = (
    "performance_metrics",
    "agent_executions",
    "api_rate_limits",
    "velocity_analysis",
    "circuit_breaker_events",
    "api_call_logs",
    "security_incidents",
    "system_health_checks",
)

# Phase-4 databases already hold tables of these names in an older layout: each is
# set aside as <name>_legacy (rows kept) before the Phase-5 table is created, and
# restored by the downgrade. The column lists tell the layouts apart.
PHASE4_COLUMNS = {
    "performance_metrics": (
        "id",
        "test_run_id",
        "agent_name",
        "operation",
        "duration_ms",
        "success",
        "error_message",
        "metadata",
        "created_at",
    ),
    "agent_executions": (
        "id",
        "test_run_id",
        "agent_name",
        "status",
        "started_at",
        "completed_at",
        "duration_ms",
        "error_message",
        "retry_count",
        "metadata",
        "created_at",
    ),
    "api_rate_limits": (
        "id",
        "user_id",
        "company_id",
        "endpoint",
        "request_count",
        "window_start",
        "window_end",
        "created_at",
        "updated_at",
    ),
    "api_call_logs": (
        "id",
        "test_run_id",
        "model",
        "input_tokens",
        "output_tokens",
        "total_tokens",
        "cost",
        "latency_ms",
        "created_at",
    ),
}
PHASE5_COLUMNS = {
    "performance_metrics": (
        "id",
        "metric_type",
        "endpoint",
        "operation",
        "duration_ms",
        "success",
        "error_message",
        "memory_mb",
        "cpu_percent",
        "user_id",
        "company_id",
        "metadata",
        "created_at",
    ),
    "agent_executions": (
        "id",
        "agent_name",
        "agent_version",
        "execution_type",
        "test_run_id",
        "company_id",
        "started_at",
        "completed_at",
        "duration_ms",
        "status",
        "input_params",
        "output_result",
        "error_details",
        "tokens_used",
        "api_calls_made",
        "cost_usd",
        "output_quality_score",
        "human_reviewed",
        "created_at",
    ),
    "api_rate_limits": (
        "id",
        "user_id",
        "company_id",
        "ip_address",
        "endpoint",
        "request_count",
        "window_start",
        "window_end",
        "max_requests",
        "window_minutes",
        "is_blocked",
        "blocked_until",
        "created_at",
        "updated_at",
    ),
    "api_call_logs": (
        "id",
        "method",
        "endpoint",
        "path",
        "query_params",
        "user_id",
        "company_id",
        "ip_address",
        "user_agent",
        "request_body",
        "response_status",
        "response_body",
        "duration_ms",
        "auth_method",
        "rate_limited",
        "error_occurred",
        "error_message",
        "created_at",
    ),
}


# Foreign keys to tables production writes to: added after this revision's tables exist, each in a short
# transaction of its own (see hitlai_schema.runtime.online_ddl), so a live writer is never held up for long.
PRODUCTION_CHANGES = (
    online_ddl.foreign_key("performance_metrics", ["company_id"], "companies", "SET NULL"),
    online_ddl.foreign_key("agent_executions", ["company_id"], "companies", "SET NULL"),
    online_ddl.foreign_key("agent_executions", ["test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("api_rate_limits", ["company_id"], "companies", "CASCADE"),
    online_ddl.foreign_key("velocity_analysis", ["test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("velocity_analysis", ["tester_id"], "human_testers", "CASCADE"),
    online_ddl.foreign_key("api_call_logs", ["company_id"], "companies", "SET NULL"),
    online_ddl.foreign_key("security_incidents", ["company_id"], "companies", "SET NULL"),
)


def upgrade() -> None:
    """Set aside Phase-4 namesakes, create the 8 monitoring and security tables with their indexes, enable RLS on each."""
    op.execute(
        set_aside_legacy_table(
            "performance_metrics", PHASE5_COLUMNS["performance_metrics"], PHASE4_COLUMNS["performance_metrics"]
        )
    )
    op.create_table(
        "performance_metrics",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("metric_type", sa.Text(), nullable=False),
        sa.Column("endpoint", sa.Text(), nullable=True),
        sa.Column("operation", sa.Text(), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("success", sa.Boolean(), nullable=False),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("memory_mb", sa.Integer(), nullable=True),
        sa.Column("cpu_percent", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("company_id", sa.Uuid(), nullable=True),
        sa.Column("metadata", postgresql.JSONB(), server_default=sa.text("'{}'::jsonb"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("performance_metrics_pkey")),
        comment="System performance samples per component and metric",
        if_not_exists=True,
    )
    op.create_index(
        "idx_performance_metrics_created_at", "performance_metrics", [sa.text("created_at DESC")], if_not_exists=True
    )
    op.create_index(
        "idx_performance_metrics_duration", "performance_metrics", [sa.text("duration_ms DESC")], if_not_exists=True
    )
    op.create_index("idx_performance_metrics_endpoint", "performance_metrics", ["endpoint"], if_not_exists=True)
    op.create_index(
        "idx_performance_metrics_failed",
        "performance_metrics",
        ["success"],
        postgresql_where=sa.text("success = false"),
        if_not_exists=True,
    )
    op.create_index("idx_performance_metrics_type", "performance_metrics", ["metric_type"], if_not_exists=True)

    op.execute(
        set_aside_legacy_table(
            "agent_executions", PHASE5_COLUMNS["agent_executions"], PHASE4_COLUMNS["agent_executions"]
        )
    )
    op.create_table(
        "agent_executions",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("agent_name", sa.Text(), nullable=False),
        sa.Column("agent_version", sa.Text(), nullable=False),
        sa.Column("execution_type", sa.Text(), nullable=False),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("company_id", sa.Uuid(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("input_params", postgresql.JSONB(), nullable=False),
        sa.Column("output_result", postgresql.JSONB(), nullable=True),
        sa.Column("error_details", sa.Text(), nullable=True),
        sa.Column("tokens_used", sa.Integer(), nullable=True),
        sa.Column("api_calls_made", sa.Integer(), nullable=True),
        sa.Column("cost_usd", sa.Numeric(precision=10, scale=6), nullable=True),
        sa.Column("output_quality_score", sa.Numeric(precision=3, scale=2), nullable=True),
        sa.Column("human_reviewed", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("agent_executions_pkey")),
        comment="Runs of the AI agents on test runs: status, timing, tokens and errors",
        if_not_exists=True,
    )
    op.create_index("idx_agent_executions_agent", "agent_executions", ["agent_name"], if_not_exists=True)
    op.create_index(
        "idx_agent_executions_failed",
        "agent_executions",
        ["status"],
        postgresql_where=sa.text("status = 'failed'::text"),
        if_not_exists=True,
    )
    op.create_index(
        "idx_agent_executions_started_at", "agent_executions", [sa.text("started_at DESC")], if_not_exists=True
    )
    op.create_index("idx_agent_executions_status", "agent_executions", ["status"], if_not_exists=True)
    op.create_index("idx_agent_executions_test_run", "agent_executions", ["test_run_id"], if_not_exists=True)

    op.execute(
        set_aside_legacy_table("api_rate_limits", PHASE5_COLUMNS["api_rate_limits"], PHASE4_COLUMNS["api_rate_limits"])
    )
    op.create_table(
        "api_rate_limits",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("company_id", sa.Uuid(), nullable=True),
        sa.Column("ip_address", postgresql.INET(), nullable=True),
        sa.Column("endpoint", sa.Text(), nullable=False),
        sa.Column("request_count", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("window_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("max_requests", sa.Integer(), nullable=False),
        sa.Column("window_minutes", sa.Integer(), nullable=False),
        sa.Column("is_blocked", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("blocked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("api_rate_limits_pkey")),
        comment="Request counts per client and endpoint within a rate-limit window",
        if_not_exists=True,
    )
    op.create_index(
        "idx_api_rate_limits_blocked",
        "api_rate_limits",
        ["is_blocked"],
        postgresql_where=sa.text("is_blocked = true"),
        if_not_exists=True,
    )
    op.create_index("idx_api_rate_limits_company", "api_rate_limits", ["company_id"], if_not_exists=True)
    op.create_index("idx_api_rate_limits_endpoint", "api_rate_limits", ["endpoint"], if_not_exists=True)
    op.create_index("idx_api_rate_limits_user", "api_rate_limits", ["user_id"], if_not_exists=True)
    op.create_index("idx_api_rate_limits_window", "api_rate_limits", ["window_start", "window_end"], if_not_exists=True)

    op.create_table(
        "velocity_analysis",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("session_id", sa.Text(), nullable=False),
        sa.Column("tester_id", sa.Uuid(), nullable=True),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("total_interactions", sa.Integer(), nullable=False),
        sa.Column("time_span_seconds", sa.Integer(), nullable=False),
        sa.Column("interactions_per_minute", sa.Numeric(precision=6, scale=2), nullable=False),
        sa.Column("click_velocity", sa.Numeric(precision=6, scale=2), nullable=True),
        sa.Column("scroll_velocity", sa.Numeric(precision=6, scale=2), nullable=True),
        sa.Column("typing_velocity", sa.Numeric(precision=6, scale=2), nullable=True),
        sa.Column("avg_time_between_actions_ms", sa.Integer(), nullable=True),
        sa.Column("min_time_between_actions_ms", sa.Integer(), nullable=True),
        sa.Column("max_time_between_actions_ms", sa.Integer(), nullable=True),
        sa.Column("stddev_time_between_actions_ms", sa.Integer(), nullable=True),
        sa.Column("uniform_timing_detected", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("superhuman_speed_detected", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("no_hesitation_detected", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("perfect_accuracy_detected", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column(
            "bot_probability_score",
            sa.Numeric(precision=3, scale=2),
            nullable=False,
            comment="Likelihood, from 0 to 1, that the actions were automated",
        ),
        sa.Column("is_likely_bot", sa.Boolean(), nullable=False),
        sa.Column("confidence", sa.Numeric(precision=3, scale=2), nullable=False),
        sa.Column("reasoning", sa.Text(), nullable=False),
        sa.Column("flagged_for_review", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("reviewed_by", sa.Uuid(), nullable=True),
        sa.Column("review_decision", sa.Text(), nullable=True),
        sa.Column("review_notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("velocity_analysis_pkey")),
        comment="Speed of a tester's actions during a test run, used to flag bots and fraud",
    )
    op.create_index("idx_velocity_analysis_bot_score", "velocity_analysis", [sa.text("bot_probability_score DESC")])
    op.create_index(
        "idx_velocity_analysis_flagged",
        "velocity_analysis",
        ["flagged_for_review"],
        postgresql_where=sa.text("flagged_for_review = true"),
    )
    op.create_index(
        "idx_velocity_analysis_likely_bot",
        "velocity_analysis",
        ["is_likely_bot"],
        postgresql_where=sa.text("is_likely_bot = true"),
    )
    op.create_index("idx_velocity_analysis_session", "velocity_analysis", ["session_id"])
    op.create_index("idx_velocity_analysis_test_run", "velocity_analysis", ["test_run_id"])
    op.create_index("idx_velocity_analysis_tester", "velocity_analysis", ["tester_id"])

    op.create_table(
        "circuit_breaker_events",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("service_name", sa.Text(), nullable=False),
        sa.Column("operation", sa.Text(), nullable=False),
        sa.Column("event_type", sa.Text(), nullable=False),
        sa.Column("state_before", sa.Text(), nullable=False),
        sa.Column("state_after", sa.Text(), nullable=False),
        sa.Column("failure_count", sa.Integer(), nullable=False),
        sa.Column("failure_threshold", sa.Integer(), nullable=False),
        sa.Column("success_count", sa.Integer(), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("error_stack", sa.Text(), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("will_retry_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("requests_rejected", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("circuit_breaker_events_pkey")),
        comment="State changes of the circuit breakers that protect external services",
    )
    op.create_index("idx_circuit_breaker_events_created_at", "circuit_breaker_events", [sa.text("created_at DESC")])
    op.create_index(
        "idx_circuit_breaker_events_opened",
        "circuit_breaker_events",
        ["event_type"],
        postgresql_where=sa.text("event_type = 'opened'::text"),
    )
    op.create_index("idx_circuit_breaker_events_service", "circuit_breaker_events", ["service_name"])
    op.create_index("idx_circuit_breaker_events_type", "circuit_breaker_events", ["event_type"])

    op.execute(
        set_aside_legacy_table("api_call_logs", PHASE5_COLUMNS["api_call_logs"], PHASE4_COLUMNS["api_call_logs"])
    )
    op.create_table(
        "api_call_logs",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("endpoint", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("query_params", postgresql.JSONB(), nullable=True),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("company_id", sa.Uuid(), nullable=True),
        sa.Column("ip_address", postgresql.INET(), nullable=True),
        sa.Column("user_agent", sa.Text(), nullable=True),
        sa.Column("request_body", postgresql.JSONB(), nullable=True),
        sa.Column("response_status", sa.Integer(), nullable=False),
        sa.Column("response_body", postgresql.JSONB(), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("auth_method", sa.Text(), nullable=True),
        sa.Column("rate_limited", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("error_occurred", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("api_call_logs_pkey")),
        comment="Calls to external APIs: provider, endpoint, status, duration and cost",
        if_not_exists=True,
    )
    op.create_index("idx_api_call_logs_company", "api_call_logs", ["company_id"], if_not_exists=True)
    op.create_index("idx_api_call_logs_created_at", "api_call_logs", [sa.text("created_at DESC")], if_not_exists=True)
    op.create_index("idx_api_call_logs_endpoint", "api_call_logs", ["endpoint"], if_not_exists=True)
    op.create_index(
        "idx_api_call_logs_errors",
        "api_call_logs",
        ["error_occurred"],
        postgresql_where=sa.text("error_occurred = true"),
        if_not_exists=True,
    )
    op.create_index(
        "idx_api_call_logs_slow",
        "api_call_logs",
        [sa.text("duration_ms DESC")],
        postgresql_where=sa.text("duration_ms > 1000"),
        if_not_exists=True,
    )
    op.create_index("idx_api_call_logs_status", "api_call_logs", ["response_status"], if_not_exists=True)
    op.create_index("idx_api_call_logs_user", "api_call_logs", ["user_id"], if_not_exists=True)

    op.create_table(
        "security_incidents",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("incident_type", sa.Text(), nullable=False),
        sa.Column("severity", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("company_id", sa.Uuid(), nullable=True),
        sa.Column("ip_address", postgresql.INET(), nullable=True),
        sa.Column("evidence", postgresql.JSONB(), nullable=False),
        sa.Column("related_logs", postgresql.ARRAY(sa.Uuid()), nullable=True),
        sa.Column("status", sa.Text(), server_default=sa.text("'open'::text"), nullable=False),
        sa.Column("action_taken", sa.Text(), nullable=True),
        sa.Column("resolved_by", sa.Uuid(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("notified_users", postgresql.ARRAY(sa.Uuid()), nullable=True),
        sa.Column("notified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("security_incidents_pkey")),
        comment="Security events detected on the platform and how they were handled",
    )
    op.create_index(
        "idx_security_incidents_open",
        "security_incidents",
        ["status"],
        postgresql_where=sa.text("status = ANY (ARRAY['open'::text, 'investigating'::text])"),
    )
    op.create_index("idx_security_incidents_severity", "security_incidents", ["severity"])
    op.create_index("idx_security_incidents_status", "security_incidents", ["status"])
    op.create_index("idx_security_incidents_type", "security_incidents", ["incident_type"])
    op.create_index("idx_security_incidents_user", "security_incidents", ["user_id"])

    op.create_table(
        "system_health_checks",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("service_name", sa.Text(), nullable=False),
        sa.Column("check_type", sa.Text(), nullable=False),
        sa.Column("is_healthy", sa.Boolean(), nullable=False),
        sa.Column("response_time_ms", sa.Integer(), nullable=True),
        sa.Column("status_message", sa.Text(), nullable=True),
        sa.Column("error_details", sa.Text(), nullable=True),
        sa.Column("metrics", postgresql.JSONB(), server_default=sa.text("'{}'::jsonb"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("system_health_checks_pkey")),
        comment="Periodic health probes of the platform's own services",
    )
    op.create_index("idx_system_health_checks_created_at", "system_health_checks", [sa.text("created_at DESC")])
    op.create_index("idx_system_health_checks_service", "system_health_checks", ["service_name"])
    op.create_index("idx_system_health_checks_type", "system_health_checks", ["check_type"])
    op.create_index(
        "idx_system_health_checks_unhealthy",
        "system_health_checks",
        ["is_healthy"],
        postgresql_where=sa.text("is_healthy = false"),
    )

    for table in TABLES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")

    # Privileges (spec decision 5): only the backend reaches these tables. REVOKE ALL first, so that a
    # project still carrying Supabase's old GRANT ALL default privileges ends like a new one.
    op.execute(f"REVOKE ALL ON {', '.join(TABLES)} FROM anon, authenticated, service_role")
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(TABLES)} TO service_role")
    online_ddl.apply(PRODUCTION_CHANGES)


def downgrade() -> None:
    """Drop the tables, dependants first, then put back any Phase-4 table set aside."""
    op.execute(f"REVOKE ALL ON {', '.join(TABLES)} FROM anon, authenticated, service_role")
    for table in reversed(TABLES):
        op.drop_table(table)
    for table in PHASE4_COLUMNS:
        op.execute(restore_legacy_table(table))
