"""updated_at advances on every UPDATE, whoever writes: one trigger function, a BEFORE UPDATE trigger per table.

Revision ID: 20261204213100
Revises: 20261204213000
Create Date: 2026-12-04 21:31:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261204213100"
down_revision: str | None = "20261204213000"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The Phase-5 tables with an updated_at column (spec decision 9).
TABLES = (
    "agi_capability_milestones",
    "ai_model_capabilities",
    "ai_tester_assignment_preferences",
    "ai_tester_pricing",
    "api_alert_rules",
    "api_endpoint_configs",
    "api_incidents",
    "api_maintenance_windows",
    "api_rate_limits",
    "api_status_subscriptions",
    "constitutional_rules",
    "human_corrections",
    "red_team_vulnerabilities",
    "security_incidents",
)


def upgrade() -> None:
    """Create public.advance_updated_at(), callable by no API role, and a BEFORE UPDATE trigger on each table."""
    # SECURITY INVOKER: it runs as whoever writes the row. A fixed, empty search_path is what Supabase's
    # security advisor asks of every function; now() is in pg_catalog, which is always searched.
    op.execute(
        """CREATE FUNCTION public.advance_updated_at() RETURNS trigger
           LANGUAGE plpgsql SECURITY INVOKER SET search_path = '' AS $$
           BEGIN
               NEW.updated_at := now();
               RETURN NEW;
           END
           $$"""
    )
    # Functions are executable by PUBLIC by default, and Supabase's old default privileges also GRANT ALL
    # to the API roles by name: a trigger function is for triggers, not for calling through the Data API.
    op.execute("REVOKE ALL ON FUNCTION public.advance_updated_at() FROM PUBLIC, anon, authenticated, service_role")
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_advance_updated_at BEFORE UPDATE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION public.advance_updated_at()"
        )


def downgrade() -> None:
    """Drop the triggers and their function; updated_at then moves only when a writer sets it."""
    for table in TABLES:
        op.execute(f"DROP TRIGGER {table}_advance_updated_at ON {table}")
    op.execute("DROP FUNCTION public.advance_updated_at()")
