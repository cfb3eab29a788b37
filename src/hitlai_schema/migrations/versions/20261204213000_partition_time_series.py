"""Partition the 13 append-only tables by month of created_at (spec decision 8), keeping every row.

Revision ID: 20261204213000
Revises: 20260117000005
Create Date: 2026-12-04 21:30:00

Each plain table is renamed aside (its indexes and primary key dropped, so their schema-wide names are free),
the partitioned table is created under the old name with the same columns, comments, indexes, foreign keys,
row-level security and grants, one partition per month that holds rows plus the current month and the next
3 (schema hitlai_partitions, row-level security on, no privilege for the API roles), the rows are copied, and
the renamed table is dropped. The months come from the data, in SQL, so the offline files do the same.

A row whose created_at is NULL (the column allowed it; only an explicit NULL wrote one) gets the time of this
upgrade: its real age is unknown, and the current month is the one a retention job removes last, so no such
row goes before the rows around it would. The upgrade says how many rows got it.

Like a set-aside, the conversion refuses a table written within the live window unless allowed (the guard in
hitlai_schema.runtime.live_tables runs ahead of it): a writer would wait on the table's lock for the whole copy.
"""

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from hitlai_schema.runtime import online_ddl

revision: str = "20261204213000"
down_revision: str | None = "20260117000005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The tables this revision partitions; hitlai_schema.runtime.live_tables guards them against live writers.
PARTITIONED_TABLES = (
    "scroll_events",
    "click_events",
    "form_interactions",
    "rage_click_incidents",
    "mouse_movements",
    "keyboard_events",
    "visibility_changes",
    "network_requests",
    "console_logs",
    "javascript_errors",
    "element_visibility",
    "performance_metrics",
    "api_call_logs",
)
SESSION_EVENT_TABLES = PARTITIONED_TABLES[:11]

PARTITION_SCHEMA = "hitlai_partitions"
# Months created beyond the current one.
MONTHS_AHEAD = 3
SCHEMA_MARKER = "hitlai-schema: created by revision 20261204213000 for the monthly partitions"
# Where a table waits, renamed, between its copy and its drop.
UNPARTITIONED_SUFFIX = "_unpartitioned"
PARTITIONED_SUFFIX = "_partitioned"

# Foreign keys to tables production writes to, as revisions 20260117000002 and 20260117000003 made them:
# online they are added after the commit, briefly (hitlai_schema.runtime.online_ddl).
PRODUCTION_CHANGES = tuple(
    online_ddl.foreign_key(table, ["test_run_id"], "test_runs", "CASCADE") for table in SESSION_EVENT_TABLES
) + (
    online_ddl.foreign_key("performance_metrics", ["company_id"], "companies", "SET NULL"),
    online_ddl.foreign_key("api_call_logs", ["company_id"], "companies", "SET NULL"),
)


def scroll_events_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column(
            "user_session_id",
            sa.Uuid(),
            nullable=True,
            comment="The recorded session this row belongs to; a plain uuid with no foreign key",
        ),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("page_performance_id", sa.Uuid(), nullable=True),
        sa.Column("scroll_x", sa.Integer(), nullable=False),
        sa.Column("scroll_y", sa.Integer(), nullable=False),
        sa.Column("scroll_depth_percent", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("viewport_height", sa.Integer(), nullable=False),
        sa.Column("document_height", sa.Integer(), nullable=False),
        sa.Column("timestamp_ms", sa.BigInteger(), nullable=False),
        sa.Column("time_since_page_load_ms", sa.Integer(), nullable=True),
    ]


def click_events_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column(
            "user_session_id",
            sa.Uuid(),
            nullable=True,
            comment="The recorded session this row belongs to; a plain uuid with no foreign key",
        ),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("page_performance_id", sa.Uuid(), nullable=True),
        sa.Column("element_tag", sa.Text(), nullable=False),
        sa.Column("element_id", sa.Text(), nullable=True),
        sa.Column("element_class", sa.Text(), nullable=True),
        sa.Column("element_text", sa.Text(), nullable=True),
        sa.Column("element_selector", sa.Text(), nullable=True),
        sa.Column("click_x", sa.Integer(), nullable=False),
        sa.Column("click_y", sa.Integer(), nullable=False),
        sa.Column("viewport_x", sa.Integer(), nullable=True),
        sa.Column("viewport_y", sa.Integer(), nullable=True),
        sa.Column("button", sa.Integer(), nullable=True),
        sa.Column("is_double_click", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("timestamp_ms", sa.BigInteger(), nullable=False),
        sa.Column("time_since_page_load_ms", sa.Integer(), nullable=True),
        sa.Column("time_since_last_click_ms", sa.Integer(), nullable=True),
    ]


def form_interactions_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column(
            "user_session_id",
            sa.Uuid(),
            nullable=True,
            comment="The recorded session this row belongs to; a plain uuid with no foreign key",
        ),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("page_performance_id", sa.Uuid(), nullable=True),
        sa.Column("form_id", sa.Text(), nullable=True),
        sa.Column("form_name", sa.Text(), nullable=True),
        sa.Column("form_action", sa.Text(), nullable=True),
        sa.Column("field_name", sa.Text(), nullable=False),
        sa.Column("field_type", sa.Text(), nullable=False),
        sa.Column("field_label", sa.Text(), nullable=True),
        sa.Column("interaction_type", sa.Text(), nullable=False),
        sa.Column("field_value_length", sa.Integer(), nullable=True),
        sa.Column("is_valid", sa.Boolean(), nullable=True),
        sa.Column("validation_message", sa.Text(), nullable=True),
        sa.Column("timestamp_ms", sa.BigInteger(), nullable=False),
        sa.Column("time_in_field_ms", sa.Integer(), nullable=True),
    ]


def rage_click_incidents_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column(
            "user_session_id",
            sa.Uuid(),
            nullable=True,
            comment="The recorded session this row belongs to; a plain uuid with no foreign key",
        ),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("page_performance_id", sa.Uuid(), nullable=True),
        sa.Column("click_count", sa.Integer(), nullable=False),
        sa.Column("time_span_ms", sa.Integer(), nullable=False),
        sa.Column("element_tag", sa.Text(), nullable=False),
        sa.Column("element_id", sa.Text(), nullable=True),
        sa.Column("element_class", sa.Text(), nullable=True),
        sa.Column("element_text", sa.Text(), nullable=True),
        sa.Column("element_selector", sa.Text(), nullable=True),
        sa.Column("area_x", sa.Integer(), nullable=False),
        sa.Column("area_y", sa.Integer(), nullable=False),
        sa.Column("area_radius", sa.Integer(), nullable=False),
        sa.Column("likely_cause", sa.Text(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("click_event_ids", postgresql.ARRAY(sa.Uuid()), nullable=True),
    ]


def mouse_movements_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column(
            "user_session_id",
            sa.Uuid(),
            nullable=True,
            comment="The recorded session this row belongs to; a plain uuid with no foreign key",
        ),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("page_performance_id", sa.Uuid(), nullable=True),
        sa.Column("positions", postgresql.JSONB(), nullable=False),
        sa.Column("total_distance_pixels", sa.Integer(), nullable=True),
        sa.Column("avg_speed_pixels_per_second", sa.Numeric(precision=8, scale=2), nullable=True),
        sa.Column("max_speed_pixels_per_second", sa.Numeric(precision=8, scale=2), nullable=True),
        sa.Column("is_smooth", sa.Boolean(), nullable=True),
        sa.Column("has_hesitation", sa.Boolean(), nullable=True),
        sa.Column("hesitation_count", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
    ]


def keyboard_events_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column(
            "user_session_id",
            sa.Uuid(),
            nullable=True,
            comment="The recorded session this row belongs to; a plain uuid with no foreign key",
        ),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("page_performance_id", sa.Uuid(), nullable=True),
        sa.Column("event_type", sa.Text(), nullable=False),
        sa.Column("key_code", sa.Integer(), nullable=True),
        sa.Column("key_name", sa.Text(), nullable=True),
        sa.Column("ctrl_key", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("alt_key", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("shift_key", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("meta_key", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("target_element", sa.Text(), nullable=True),
        sa.Column("is_in_form", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("timestamp_ms", sa.BigInteger(), nullable=False),
        sa.Column("time_since_last_key_ms", sa.Integer(), nullable=True),
    ]


def visibility_changes_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column(
            "user_session_id",
            sa.Uuid(),
            nullable=True,
            comment="The recorded session this row belongs to; a plain uuid with no foreign key",
        ),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("page_performance_id", sa.Uuid(), nullable=True),
        sa.Column("became_visible", sa.Boolean(), nullable=False),
        sa.Column("visibility_state", sa.Text(), nullable=False),
        sa.Column("duration_visible_ms", sa.Integer(), nullable=True),
        sa.Column("timestamp_ms", sa.BigInteger(), nullable=False),
    ]


def network_requests_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column(
            "user_session_id",
            sa.Uuid(),
            nullable=True,
            comment="The recorded session this row belongs to; a plain uuid with no foreign key",
        ),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("page_performance_id", sa.Uuid(), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("request_type", sa.Text(), nullable=True),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("response_size_bytes", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("dns_lookup_ms", sa.Integer(), nullable=True),
        sa.Column("tcp_connect_ms", sa.Integer(), nullable=True),
        sa.Column("tls_handshake_ms", sa.Integer(), nullable=True),
        sa.Column("time_to_first_byte_ms", sa.Integer(), nullable=True),
        sa.Column("download_ms", sa.Integer(), nullable=True),
        sa.Column("success", sa.Boolean(), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
    ]


def console_logs_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column(
            "user_session_id",
            sa.Uuid(),
            nullable=True,
            comment="The recorded session this row belongs to; a plain uuid with no foreign key",
        ),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("page_performance_id", sa.Uuid(), nullable=True),
        sa.Column("log_level", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("source_file", sa.Text(), nullable=True),
        sa.Column("line_number", sa.Integer(), nullable=True),
        sa.Column("column_number", sa.Integer(), nullable=True),
        sa.Column("stack_trace", sa.Text(), nullable=True),
        sa.Column("timestamp_ms", sa.BigInteger(), nullable=False),
    ]


def javascript_errors_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column(
            "user_session_id",
            sa.Uuid(),
            nullable=True,
            comment="The recorded session this row belongs to; a plain uuid with no foreign key",
        ),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("page_performance_id", sa.Uuid(), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=False),
        sa.Column("error_type", sa.Text(), nullable=True),
        sa.Column("source_file", sa.Text(), nullable=True),
        sa.Column("line_number", sa.Integer(), nullable=True),
        sa.Column("column_number", sa.Integer(), nullable=True),
        sa.Column("stack_trace", sa.Text(), nullable=True),
        sa.Column("user_agent", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("timestamp_ms", sa.BigInteger(), nullable=False),
    ]


def element_visibility_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column(
            "user_session_id",
            sa.Uuid(),
            nullable=True,
            comment="The recorded session this row belongs to; a plain uuid with no foreign key",
        ),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("page_performance_id", sa.Uuid(), nullable=True),
        sa.Column("element_selector", sa.Text(), nullable=False),
        sa.Column("element_text", sa.Text(), nullable=True),
        sa.Column("element_type", sa.Text(), nullable=True),
        sa.Column("became_visible", sa.Boolean(), nullable=False),
        sa.Column("visibility_percent", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("element_x", sa.Integer(), nullable=True),
        sa.Column("element_y", sa.Integer(), nullable=True),
        sa.Column("element_width", sa.Integer(), nullable=True),
        sa.Column("element_height", sa.Integer(), nullable=True),
        sa.Column("timestamp_ms", sa.BigInteger(), nullable=False),
        sa.Column("time_visible_ms", sa.Integer(), nullable=True),
    ]


def performance_metrics_columns() -> list[sa.Column[Any]]:
    return [
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
    ]


def api_call_logs_columns() -> list[sa.Column[Any]]:
    return [
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
    ]


COMMENTS = {
    "scroll_events": "Scroll positions and depth recorded on a page",
    "click_events": "Clicks recorded on a page, with the element clicked",
    "form_interactions": "Interactions with form fields: focus, input, errors and abandonment",
    "rage_click_incidents": "Bursts of repeated clicks on one spot, a sign of user frustration",
    "mouse_movements": "Sampled mouse paths and hesitations on a page",
    "keyboard_events": "Key presses recorded on a page, without the characters typed",
    "visibility_changes": "Times the page was hidden or shown again (tab switches)",
    "network_requests": "Network requests the page made, with timing and status",
    "console_logs": "Browser console messages emitted by the page",
    "javascript_errors": "Uncaught JavaScript errors raised on the page",
    "element_visibility": "How long each tracked element stayed in the viewport",
    "performance_metrics": "System performance samples per component and metric",
    "api_call_logs": "Calls to external APIs: provider, endpoint, status, duration and cost",
}


INDEXES: dict[str, dict[str, tuple[list[Any], Any]]] = {
    "scroll_events": {
        "idx_scroll_events_page": (["page_performance_id"], None),
        "idx_scroll_events_session": (["user_session_id"], None),
        "idx_scroll_events_test_run": (["test_run_id"], None),
        "idx_scroll_events_timestamp": (["timestamp_ms"], None),
    },
    "click_events": {
        "idx_click_events_element": (["element_tag", "element_id"], None),
        "idx_click_events_page": (["page_performance_id"], None),
        "idx_click_events_session": (["user_session_id"], None),
        "idx_click_events_test_run": (["test_run_id"], None),
        "idx_click_events_timestamp": (["timestamp_ms"], None),
    },
    "form_interactions": {
        "idx_form_interactions_page": (["page_performance_id"], None),
        "idx_form_interactions_session": (["user_session_id"], None),
        "idx_form_interactions_test_run": (["test_run_id"], None),
        "idx_form_interactions_timestamp": (["timestamp_ms"], None),
        "idx_form_interactions_type": (["interaction_type"], None),
    },
    "rage_click_incidents": {
        "idx_rage_click_incidents_created_at": ([sa.text("created_at DESC")], None),
        "idx_rage_click_incidents_element": (["element_selector"], None),
        "idx_rage_click_incidents_page": (["page_performance_id"], None),
        "idx_rage_click_incidents_session": (["user_session_id"], None),
        "idx_rage_click_incidents_test_run": (["test_run_id"], None),
    },
    "mouse_movements": {
        "idx_mouse_movements_created_at": ([sa.text("created_at DESC")], None),
        "idx_mouse_movements_page": (["page_performance_id"], None),
        "idx_mouse_movements_session": (["user_session_id"], None),
        "idx_mouse_movements_test_run": (["test_run_id"], None),
    },
    "keyboard_events": {
        "idx_keyboard_events_page": (["page_performance_id"], None),
        "idx_keyboard_events_session": (["user_session_id"], None),
        "idx_keyboard_events_test_run": (["test_run_id"], None),
        "idx_keyboard_events_timestamp": (["timestamp_ms"], None),
    },
    "visibility_changes": {
        "idx_visibility_changes_page": (["page_performance_id"], None),
        "idx_visibility_changes_session": (["user_session_id"], None),
        "idx_visibility_changes_test_run": (["test_run_id"], None),
        "idx_visibility_changes_timestamp": (["timestamp_ms"], None),
    },
    "network_requests": {
        "idx_network_requests_failed": (["success"], sa.text("success = false")),
        "idx_network_requests_page": (["page_performance_id"], None),
        "idx_network_requests_session": (["user_session_id"], None),
        "idx_network_requests_slow": ([sa.text("duration_ms DESC")], sa.text("duration_ms > 1000")),
        "idx_network_requests_test_run": (["test_run_id"], None),
        "idx_network_requests_type": (["request_type"], None),
    },
    "console_logs": {
        "idx_console_logs_errors": (["log_level"], sa.text("log_level = 'error'::text")),
        "idx_console_logs_level": (["log_level"], None),
        "idx_console_logs_page": (["page_performance_id"], None),
        "idx_console_logs_session": (["user_session_id"], None),
        "idx_console_logs_test_run": (["test_run_id"], None),
        "idx_console_logs_timestamp": (["timestamp_ms"], None),
    },
    "javascript_errors": {
        "idx_javascript_errors_created_at": ([sa.text("created_at DESC")], None),
        "idx_javascript_errors_page": (["page_performance_id"], None),
        "idx_javascript_errors_session": (["user_session_id"], None),
        "idx_javascript_errors_test_run": (["test_run_id"], None),
        "idx_javascript_errors_type": (["error_type"], None),
    },
    "element_visibility": {
        "idx_element_visibility_page": (["page_performance_id"], None),
        "idx_element_visibility_selector": (["element_selector"], None),
        "idx_element_visibility_session": (["user_session_id"], None),
        "idx_element_visibility_test_run": (["test_run_id"], None),
        "idx_element_visibility_timestamp": (["timestamp_ms"], None),
    },
    "performance_metrics": {
        "idx_performance_metrics_created_at": ([sa.text("created_at DESC")], None),
        "idx_performance_metrics_duration": ([sa.text("duration_ms DESC")], None),
        "idx_performance_metrics_endpoint": (["endpoint"], None),
        "idx_performance_metrics_failed": (["success"], sa.text("success = false")),
        "idx_performance_metrics_type": (["metric_type"], None),
    },
    "api_call_logs": {
        "idx_api_call_logs_company": (["company_id"], None),
        "idx_api_call_logs_created_at": ([sa.text("created_at DESC")], None),
        "idx_api_call_logs_endpoint": (["endpoint"], None),
        "idx_api_call_logs_errors": (["error_occurred"], sa.text("error_occurred = true")),
        "idx_api_call_logs_slow": ([sa.text("duration_ms DESC")], sa.text("duration_ms > 1000")),
        "idx_api_call_logs_status": (["response_status"], None),
        "idx_api_call_logs_user": (["user_id"], None),
    },
}


COLUMNS: dict[str, Callable[[], list[sa.Column[Any]]]] = {
    "scroll_events": scroll_events_columns,
    "click_events": click_events_columns,
    "form_interactions": form_interactions_columns,
    "rage_click_incidents": rage_click_incidents_columns,
    "mouse_movements": mouse_movements_columns,
    "keyboard_events": keyboard_events_columns,
    "visibility_changes": visibility_changes_columns,
    "network_requests": network_requests_columns,
    "console_logs": console_logs_columns,
    "javascript_errors": javascript_errors_columns,
    "element_visibility": element_visibility_columns,
    "performance_metrics": performance_metrics_columns,
    "api_call_logs": api_call_logs_columns,
}


def create_table(table: str, *, partitioned: bool) -> sa.Table:
    """The table as revisions 02 and 03 made it; partitioned, created_at is required and part of the key."""
    key = ("id", "created_at") if partitioned else ("id",)
    return op.create_table(
        table,
        *COLUMNS[table](),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=not partitioned),
        sa.PrimaryKeyConstraint(*key, name=f"{table}_pkey"),
        comment=COMMENTS[table],
        postgresql_partition_by="RANGE (created_at)" if partitioned else None,
    )


def complete_table(table: str) -> None:
    """Indexes, the foreign key to page_performance, row-level security and grants, as revisions 02 and 03 had them."""
    for name, (columns, where) in INDEXES[table].items():
        op.create_index(name, table, columns, postgresql_where=where)
    if table in SESSION_EVENT_TABLES:
        op.create_foreign_key(
            f"{table}_page_performance_id_fkey",
            table,
            "page_performance",
            ["page_performance_id"],
            ["id"],
            ondelete="CASCADE",
        )
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"REVOKE ALL ON {table} FROM anon, authenticated, service_role")
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO service_role")


def rename_aside(table: str, suffix: str, relkind: str) -> str:
    """Rename public.<table> to <table><suffix> and drop its indexes and primary key, whose names are schema-wide
    and go to the table that replaces it; its rows stay until they are copied."""
    aside = table + suffix
    layout = "plain" if relkind == "r" else "partitioned"
    return f"""DO $rename_aside$
DECLARE
    index_name text;
BEGIN
    IF (SELECT relkind FROM pg_class WHERE oid = to_regclass('public.{table}')) IS DISTINCT FROM '{relkind}' THEN
        RAISE EXCEPTION 'table public.{table} is missing or not {layout}: nothing was changed';
    END IF;
    IF to_regclass('public.{aside}') IS NOT NULL THEN
        RAISE EXCEPTION 'a table public.{aside} is in the way: an earlier run left it? nothing was changed';
    END IF;
    ALTER TABLE public.{table} RENAME TO {aside};
    FOR index_name IN
        SELECT conname FROM pg_constraint WHERE conrelid = 'public.{aside}'::regclass AND contype IN ('p', 'u', 'x')
    LOOP
        EXECUTE format('ALTER TABLE public.{aside} DROP CONSTRAINT %I', index_name);
    END LOOP;
    FOR index_name IN
        SELECT index_class.relname FROM pg_index i JOIN pg_class index_class ON index_class.oid = i.indexrelid
        WHERE i.indrelid = 'public.{aside}'::regclass
    LOOP
        EXECUTE format('DROP INDEX public.%I', index_name);
    END LOOP;
END
$rename_aside$"""


def monthly_partitions(table: str, rows_from: str) -> str:
    """One partition of public.<table> per calendar month (UTC) holding rows of `rows_from`, and for the current
    month and the next MONTHS_AHEAD: in PARTITION_SCHEMA, row-level security on, nothing granted to the API roles
    (their default privileges may grant it)."""
    return f"""DO $partitions$
DECLARE
    month timestamp;
    partition_name text;
BEGIN
    FOR month IN
        SELECT date_trunc('month', created_at AT TIME ZONE 'UTC') FROM public.{rows_from} WHERE created_at IS NOT NULL
        UNION
        SELECT date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => ahead)
        FROM generate_series(0, {MONTHS_AHEAD}) AS ahead
        ORDER BY 1
    LOOP
        partition_name := '{table}_p' || to_char(month, 'YYYYMM');
        EXECUTE format('CREATE TABLE {PARTITION_SCHEMA}.%I PARTITION OF public.{table} FOR VALUES FROM (%L) TO (%L)',
                       partition_name, to_char(month, 'YYYY-MM-DD') || ' 00:00:00+00',
                       to_char(month + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00');
        EXECUTE format('ALTER TABLE {PARTITION_SCHEMA}.%I ENABLE ROW LEVEL SECURITY', partition_name);
        EXECUTE format('REVOKE ALL ON {PARTITION_SCHEMA}.%I FROM anon, authenticated, service_role', partition_name);
    END LOOP;
END
$partitions$"""


def copy_rows(source: str, target: str, columns: Sequence[str], *, date_undated: bool) -> str:
    """Every row of public.<source> into public.<target>, saying how many; with date_undated, a NULL created_at
    becomes the time of this upgrade (see the module's docstring)."""
    listed = ", ".join(f'"{column}"' for column in columns)
    selected = ", ".join(
        "coalesce(created_at, now())" if column == "created_at" and date_undated else f'"{column}"'
        for column in columns
    )
    undated = ""
    if date_undated:
        undated = f"""
    SELECT count(*) INTO undated FROM public.{source} WHERE created_at IS NULL;
    IF undated > 0 THEN
        RAISE NOTICE '% rows of {target} had no created_at: they get the time of this upgrade', undated;
    END IF;"""
    return f"""DO $copy$
DECLARE
    copied bigint;
    undated bigint;
BEGIN{undated}
    INSERT INTO public.{target} ({listed})
    SELECT {selected} FROM public.{source};
    GET DIAGNOSTICS copied = ROW_COUNT;
    RAISE NOTICE '{target}: % rows kept', copied;
END
$copy$"""


def upgrade() -> None:
    """Turn the 13 append-only tables into tables partitioned by month of created_at, every row kept."""
    op.execute(f"""DO $schema$
BEGIN
    IF to_regnamespace('{PARTITION_SCHEMA}') IS NULL THEN
        CREATE SCHEMA {PARTITION_SCHEMA};
        COMMENT ON SCHEMA {PARTITION_SCHEMA} IS '{SCHEMA_MARKER}';
    END IF;
END
$schema$""")
    # Not public: Supabase's Data API and its type generator expose every table there.
    op.execute(f"REVOKE ALL ON SCHEMA {PARTITION_SCHEMA} FROM anon, authenticated, service_role")
    for table in PARTITIONED_TABLES:
        aside = table + UNPARTITIONED_SUFFIX
        op.execute(rename_aside(table, UNPARTITIONED_SUFFIX, "r"))
        created = create_table(table, partitioned=True)
        op.execute(monthly_partitions(table, rows_from=aside))
        op.execute(copy_rows(aside, table, [column.name for column in created.columns], date_undated=True))
        complete_table(table)
    online_ddl.apply(PRODUCTION_CHANGES)
    # Last: dropping a table with a foreign key to test_runs or companies locks those until the commit.
    for table in PARTITIONED_TABLES:
        # squawk's ban-drop-table guards clients of the table dropped; this one's name, rows and clients moved to
        # the partitioned table above (.squawk.toml).
        op.execute(
            f"-- Its rows are in the partitioned {table} now, and no client uses this name.\n"
            f"-- squawk-ignore ban-drop-table\nDROP TABLE {table}{UNPARTITIONED_SUFFIX}"
        )


def downgrade() -> None:
    """Turn the 13 partitioned tables back into plain ones with every row, and drop their partitions."""
    for table in PARTITIONED_TABLES:
        aside = table + PARTITIONED_SUFFIX
        op.execute(rename_aside(table, PARTITIONED_SUFFIX, "p"))
        created = create_table(table, partitioned=False)
        op.execute(copy_rows(aside, table, [column.name for column in created.columns], date_undated=False))
        complete_table(table)
    for change in PRODUCTION_CHANGES:
        op.execute(change.sql)
    for table in PARTITIONED_TABLES:
        op.drop_table(table + PARTITIONED_SUFFIX)
    # Only a schema this revision created, and only once nothing is left in it (a month detached by
    # `hitlai-schema partitions drop` and not yet dropped keeps it).
    op.execute(f"""DO $schema$
BEGIN
    IF obj_description(to_regnamespace('{PARTITION_SCHEMA}'), 'pg_namespace') = '{SCHEMA_MARKER}'
       AND NOT EXISTS (SELECT FROM pg_depend WHERE refclassid = 'pg_namespace'::regclass
                                             AND refobjid = to_regnamespace('{PARTITION_SCHEMA}'))
    THEN
        DROP SCHEMA {PARTITION_SCHEMA};
    END IF;
END
$schema$""")
