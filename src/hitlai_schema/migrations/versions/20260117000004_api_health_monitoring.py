"""API health monitoring: probes, incidents, uptime, maintenance, alerts and the public status page (9 tables).

Revision ID: 20260117000004
Revises: 20260117000003
Create Date: 2026-01-17 00:00:04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from hitlai_schema.runtime import online_ddl

revision: str = "20260117000004"
down_revision: str | None = "20260117000003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# In creation order: a table comes after the tables it references.
TABLES = (
    "api_health_metrics",
    "api_incidents",
    "api_endpoint_configs",
    "api_status_subscriptions",
    "api_incident_updates",
    "api_uptime_summary",
    "api_maintenance_windows",
    "api_alert_rules",
    "api_alert_history",
)

# Row-level security leaves every table to service_role (which bypasses it); these
# policies open exactly the public status page and each user's own subscriptions.
POLICIES = (
    """CREATE POLICY status_page_reads_uptime ON api_uptime_summary
           FOR SELECT TO anon, authenticated USING (true)""",
    """CREATE POLICY status_page_reads_public_endpoints ON api_endpoint_configs
           FOR SELECT TO anon, authenticated USING (is_public)""",
    """CREATE POLICY status_page_reads_public_updates ON api_incident_updates
           FOR SELECT TO anon, authenticated USING (is_public)""",
    # (select auth.uid()) is evaluated once per query rather than once per row.
    """CREATE POLICY users_manage_own_subscriptions ON api_status_subscriptions
           FOR ALL TO authenticated
           USING (user_id = (select auth.uid())) WITH CHECK (user_id = (select auth.uid()))""",
)


# Every column of api_status_subscriptions but its identity, creation time, verification and tokens.
USER_SET_SUBSCRIPTION_COLUMNS = (
    "email, user_id, company_id, subscribe_to_all, subscribed_endpoints, notify_on_incidents, "
    "notify_on_maintenance, notify_on_resolution, min_severity, is_active, updated_at"
)


# Foreign keys to tables production writes to: added after this revision's tables exist, each in a short
# transaction of its own (see hitlai_schema.runtime.online_ddl), so a live writer is never held up for long.
PRODUCTION_CHANGES = (online_ddl.foreign_key("api_status_subscriptions", ["company_id"], "companies", "CASCADE"),)


def upgrade() -> None:
    """Create the 9 API health tables with their indexes and RLS, and open the public status page."""
    op.create_table(
        "api_health_metrics",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("endpoint", sa.Text(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("is_healthy", sa.Boolean(), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("response_time_ms", sa.Integer(), nullable=False),
        sa.Column("uptime_percent", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("error_count", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("error_rate", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("last_error_message", sa.Text(), nullable=True),
        sa.Column("last_error_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cost_per_request_usd", sa.Numeric(precision=10, scale=6), nullable=True),
        sa.Column("total_cost_usd", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("request_count", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("requests_per_minute", sa.Numeric(precision=8, scale=2), nullable=True),
        sa.Column("measured_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("window_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("api_health_metrics_pkey")),
        comment="Response time and status of each probe of a monitored API endpoint",
    )
    op.create_index("idx_api_health_metrics_endpoint", "api_health_metrics", ["endpoint"])
    op.create_index("idx_api_health_metrics_measured_at", "api_health_metrics", [sa.text("measured_at DESC")])
    op.create_index(
        "idx_api_health_metrics_slow",
        "api_health_metrics",
        [sa.text("response_time_ms DESC")],
        postgresql_where=sa.text("response_time_ms > 1000"),
    )
    op.create_index(
        "idx_api_health_metrics_unhealthy",
        "api_health_metrics",
        ["is_healthy"],
        postgresql_where=sa.text("is_healthy = false"),
    )

    op.create_table(
        "api_incidents",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("endpoint", sa.Text(), nullable=False),
        sa.Column("incident_type", sa.Text(), nullable=False),
        sa.Column("severity", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), server_default=sa.text("'investigating'::text"), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("affected_users_count", sa.Integer(), nullable=True),
        sa.Column("affected_companies_count", sa.Integer(), nullable=True),
        sa.Column("impact_description", sa.Text(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("identified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("root_cause", sa.Text(), nullable=True),
        sa.Column("resolution_steps", sa.Text(), nullable=True),
        sa.Column("resolved_by", sa.Uuid(), nullable=True),
        sa.Column("public_message", sa.Text(), nullable=True),
        sa.Column("internal_notes", sa.Text(), nullable=True),
        sa.Column("notified_users", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("notification_sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("avg_response_time_ms", sa.Integer(), nullable=True),
        sa.Column("error_rate", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("requests_affected", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("api_incidents_pkey")),
        comment="Outages and degradations of monitored APIs, from detection to resolution",
    )
    op.create_index(
        "idx_api_incidents_active",
        "api_incidents",
        ["status"],
        postgresql_where=sa.text("status = ANY (ARRAY['investigating'::text, 'identified'::text, 'monitoring'::text])"),
    )
    op.create_index("idx_api_incidents_endpoint", "api_incidents", ["endpoint"])
    op.create_index("idx_api_incidents_severity", "api_incidents", ["severity"])
    op.create_index("idx_api_incidents_started_at", "api_incidents", [sa.text("started_at DESC")])
    op.create_index("idx_api_incidents_status", "api_incidents", ["status"])

    op.create_table(
        "api_endpoint_configs",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("endpoint", sa.Text(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("category", sa.Text(), nullable=True),
        sa.Column("health_check_enabled", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("health_check_interval_seconds", sa.Integer(), server_default=sa.text("60"), nullable=True),
        sa.Column("health_check_timeout_ms", sa.Integer(), server_default=sa.text("5000"), nullable=True),
        sa.Column("response_time_warning_ms", sa.Integer(), server_default=sa.text("1000"), nullable=True),
        sa.Column("response_time_critical_ms", sa.Integer(), server_default=sa.text("3000"), nullable=True),
        sa.Column(
            "error_rate_warning_percent",
            sa.Numeric(precision=5, scale=2),
            server_default=sa.text("5.00"),
            nullable=True,
        ),
        sa.Column(
            "error_rate_critical_percent",
            sa.Numeric(precision=5, scale=2),
            server_default=sa.text("10.00"),
            nullable=True,
        ),
        sa.Column(
            "sla_uptime_percent", sa.Numeric(precision=5, scale=2), server_default=sa.text("99.90"), nullable=True
        ),
        sa.Column("sla_response_time_ms", sa.Integer(), server_default=sa.text("500"), nullable=True),
        sa.Column("estimated_cost_per_request_usd", sa.Numeric(precision=10, scale=6), nullable=True),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("is_public", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("maintenance_mode", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("maintenance_message", sa.Text(), nullable=True),
        sa.Column("maintenance_scheduled_start", sa.DateTime(timezone=True), nullable=True),
        sa.Column("maintenance_scheduled_end", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("api_endpoint_configs_pkey")),
        sa.UniqueConstraint("endpoint", name=op.f("api_endpoint_configs_endpoint_key")),
        comment="Which API endpoints are monitored, how often, and their alert thresholds",
    )
    op.create_index(
        "idx_api_endpoint_configs_active",
        "api_endpoint_configs",
        ["is_active"],
        postgresql_where=sa.text("is_active = true"),
    )
    op.create_index("idx_api_endpoint_configs_category", "api_endpoint_configs", ["category"])
    op.create_index(
        "idx_api_endpoint_configs_maintenance",
        "api_endpoint_configs",
        ["maintenance_mode"],
        postgresql_where=sa.text("maintenance_mode = true"),
    )
    op.create_index(
        "idx_api_endpoint_configs_public",
        "api_endpoint_configs",
        ["is_public"],
        postgresql_where=sa.text("is_public = true"),
    )

    op.create_table(
        "api_status_subscriptions",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("company_id", sa.Uuid(), nullable=True),
        sa.Column("subscribe_to_all", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("subscribed_endpoints", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("notify_on_incidents", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("notify_on_maintenance", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("notify_on_resolution", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("min_severity", sa.Text(), server_default=sa.text("'minor'::text"), nullable=True),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("verified", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("verification_token", sa.Text(), nullable=True),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("unsubscribe_token", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("api_status_subscriptions_pkey")),
        sa.UniqueConstraint("unsubscribe_token", name=op.f("api_status_subscriptions_unsubscribe_token_key")),
        comment="Who is notified of status changes of which endpoints, and how",
    )
    op.create_index(
        "idx_api_status_subscriptions_active",
        "api_status_subscriptions",
        ["is_active"],
        postgresql_where=sa.text("is_active = true"),
    )
    op.create_index("idx_api_status_subscriptions_company", "api_status_subscriptions", ["company_id"])
    op.create_index("idx_api_status_subscriptions_email", "api_status_subscriptions", ["email"])
    op.create_index("idx_api_status_subscriptions_unsubscribe", "api_status_subscriptions", ["unsubscribe_token"])
    op.create_index("idx_api_status_subscriptions_user", "api_status_subscriptions", ["user_id"])

    op.create_table(
        "api_incident_updates",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("incident_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("posted_by", sa.Uuid(), nullable=True),
        sa.Column("posted_by_name", sa.Text(), nullable=False),
        sa.Column("is_public", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("api_incident_updates_pkey")),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["api_incidents.id"],
            name=op.f("api_incident_updates_incident_id_fkey"),
            ondelete="CASCADE",
        ),
        comment="Timeline of status updates posted for an incident",
    )
    op.create_index("idx_api_incident_updates_created_at", "api_incident_updates", [sa.text("created_at DESC")])
    op.create_index("idx_api_incident_updates_incident", "api_incident_updates", ["incident_id"])
    op.create_index(
        "idx_api_incident_updates_public",
        "api_incident_updates",
        ["is_public"],
        postgresql_where=sa.text("is_public = true"),
    )

    op.create_table(
        "api_uptime_summary",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("endpoint", sa.Text(), nullable=False),
        sa.Column(
            "period_type", sa.Text(), nullable=False, comment="Length of the period summarised, such as daily or weekly"
        ),
        sa.Column("period_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("period_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("uptime_percent", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("total_checks", sa.Integer(), nullable=False),
        sa.Column("successful_checks", sa.Integer(), nullable=False),
        sa.Column("failed_checks", sa.Integer(), nullable=False),
        sa.Column("avg_response_time_ms", sa.Integer(), nullable=True),
        sa.Column("min_response_time_ms", sa.Integer(), nullable=True),
        sa.Column("max_response_time_ms", sa.Integer(), nullable=True),
        sa.Column("p50_response_time_ms", sa.Integer(), nullable=True),
        sa.Column("p95_response_time_ms", sa.Integer(), nullable=True),
        sa.Column("p99_response_time_ms", sa.Integer(), nullable=True),
        sa.Column("total_requests", sa.Integer(), nullable=True),
        sa.Column("successful_requests", sa.Integer(), nullable=True),
        sa.Column("failed_requests", sa.Integer(), nullable=True),
        sa.Column("error_rate", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("total_cost_usd", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("incident_count", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("total_downtime_minutes", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("api_uptime_summary_pkey")),
        comment="Uptime and latency of each endpoint aggregated per period",
    )
    op.create_index("idx_api_uptime_summary_endpoint", "api_uptime_summary", ["endpoint"])
    op.create_index(
        "idx_api_uptime_summary_period", "api_uptime_summary", ["period_type", sa.text("period_start DESC")]
    )
    op.create_index(
        "idx_api_uptime_summary_unique", "api_uptime_summary", ["endpoint", "period_type", "period_start"], unique=True
    )
    op.create_index("idx_api_uptime_summary_uptime", "api_uptime_summary", ["uptime_percent"])

    op.create_table(
        "api_maintenance_windows",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("affected_endpoints", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("impact_level", sa.Text(), nullable=False),
        sa.Column("scheduled_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("scheduled_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actual_start", sa.DateTime(timezone=True), nullable=True),
        sa.Column("actual_end", sa.DateTime(timezone=True), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("status", sa.Text(), server_default=sa.text("'scheduled'::text"), nullable=False),
        sa.Column("public_message", sa.Text(), nullable=True),
        sa.Column("internal_notes", sa.Text(), nullable=True),
        sa.Column("notification_sent", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("notification_sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reminder_sent", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("reminder_sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("api_maintenance_windows_pkey")),
        comment="Planned maintenance of monitored endpoints",
    )
    op.create_index(
        "idx_api_maintenance_windows_scheduled", "api_maintenance_windows", [sa.text("scheduled_start DESC")]
    )
    op.create_index("idx_api_maintenance_windows_status", "api_maintenance_windows", ["status"])

    op.create_table(
        "api_alert_rules",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("rule_name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("endpoint", sa.Text(), nullable=True),
        sa.Column("metric_type", sa.Text(), nullable=False),
        sa.Column("operator", sa.Text(), nullable=False),
        sa.Column("threshold_value", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), server_default=sa.text("5"), nullable=True),
        sa.Column("severity", sa.Text(), nullable=False),
        sa.Column("create_incident", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("send_email", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("send_slack", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("notify_users", postgresql.ARRAY(sa.Uuid()), nullable=True),
        sa.Column("notify_emails", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("last_triggered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("trigger_count", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("api_alert_rules_pkey")),
        comment="Conditions on endpoint metrics that raise an alert",
    )
    op.create_index(
        "idx_api_alert_rules_active", "api_alert_rules", ["is_active"], postgresql_where=sa.text("is_active = true")
    )
    op.create_index("idx_api_alert_rules_endpoint", "api_alert_rules", ["endpoint"])
    op.create_index("idx_api_alert_rules_metric", "api_alert_rules", ["metric_type"])

    op.create_table(
        "api_alert_history",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("alert_rule_id", sa.Uuid(), nullable=True),
        sa.Column("endpoint", sa.Text(), nullable=False),
        sa.Column("metric_type", sa.Text(), nullable=False),
        sa.Column("metric_value", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("threshold_value", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("severity", sa.Text(), nullable=False),
        sa.Column("incident_created", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("incident_id", sa.Uuid(), nullable=True),
        sa.Column("notifications_sent", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("notification_details", postgresql.JSONB(), nullable=True),
        sa.Column("resolved", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution_notes", sa.Text(), nullable=True),
        sa.Column("triggered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("api_alert_history_pkey")),
        sa.ForeignKeyConstraint(
            ["alert_rule_id"],
            ["api_alert_rules.id"],
            name=op.f("api_alert_history_alert_rule_id_fkey"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["incident_id"], ["api_incidents.id"], name=op.f("api_alert_history_incident_id_fkey")),
        comment="Alerts raised by alert rules and their acknowledgement",
    )
    op.create_index("idx_api_alert_history_endpoint", "api_alert_history", ["endpoint"])
    op.create_index("idx_api_alert_history_rule", "api_alert_history", ["alert_rule_id"])
    op.create_index("idx_api_alert_history_triggered_at", "api_alert_history", [sa.text("triggered_at DESC")])
    op.create_index(
        "idx_api_alert_history_unresolved",
        "api_alert_history",
        ["resolved"],
        postgresql_where=sa.text("resolved = false"),
    )

    for table in TABLES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    for policy in POLICIES:
        op.execute(policy)

    # Privileges (spec decision 5): the backend reaches every table; the policies above can only open
    # rows of a table the role may read at all. REVOKE ALL first, so that a project still carrying
    # Supabase's old GRANT ALL default privileges ends like a new one.
    op.execute(f"REVOKE ALL ON {', '.join(TABLES)} FROM anon, authenticated, service_role")
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(TABLES)} TO service_role")
    op.execute("GRANT SELECT ON api_uptime_summary, api_endpoint_configs, api_incident_updates TO anon, authenticated")
    op.execute("GRANT SELECT, DELETE ON api_status_subscriptions TO authenticated")
    # Verification and the unsubscribe link are the server's: a user may write every other column.
    op.execute(f"GRANT INSERT ({USER_SET_SUBSCRIPTION_COLUMNS}) ON api_status_subscriptions TO authenticated")
    op.execute(f"GRANT UPDATE ({USER_SET_SUBSCRIPTION_COLUMNS}) ON api_status_subscriptions TO authenticated")

    # unsubscribe_token is NOT NULL, unique and the server's to choose, and decision 5 lets a user insert
    # their own subscription without it: the database draws one (two uuids: 244 random bits) when none is given.
    op.execute(
        """CREATE FUNCTION public.api_status_subscriptions_draw_unsubscribe_token() RETURNS trigger
           LANGUAGE plpgsql SET search_path = '' AS $$
           BEGIN
               IF NEW.unsubscribe_token IS NULL THEN
                   NEW.unsubscribe_token := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
               END IF;
               RETURN NEW;
           END
           $$"""
    )
    # The API roles too, by name: Supabase's old default privileges GRANT ALL on new functions to them.
    op.execute(
        "REVOKE ALL ON FUNCTION public.api_status_subscriptions_draw_unsubscribe_token() "
        "FROM PUBLIC, anon, authenticated, service_role"
    )
    op.execute(
        """CREATE TRIGGER api_status_subscriptions_draw_unsubscribe_token
           BEFORE INSERT ON api_status_subscriptions
           FOR EACH ROW EXECUTE FUNCTION public.api_status_subscriptions_draw_unsubscribe_token()"""
    )
    online_ddl.apply(PRODUCTION_CHANGES)


def downgrade() -> None:
    """Drop the tables, dependants first, and with them their policies and the token trigger."""
    op.execute(f"REVOKE ALL ON {', '.join(TABLES)} FROM anon, authenticated, service_role")
    for table in reversed(TABLES):
        op.drop_table(table)
    op.execute("DROP FUNCTION public.api_status_subscriptions_draw_unsubscribe_token()")
