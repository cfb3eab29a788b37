"""Session recording: page performance and every kind of user interaction event (12 tables).

Revision ID: 20260117000003
Revises: 20260117000002
Create Date: 2026-01-17 00:00:03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from hitlai_schema.runtime import online_ddl
from hitlai_schema.runtime.legacy_tables import restore_legacy_table, set_aside_legacy_table

revision: str = "20260117000003"
down_revision: str | None = "20260117000002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# In creation order: a table comes after the tables it references.
TABLES = (
    "page_performance",
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
)

# Phase-4 databases already hold tables of these names in an older layout: each is
# set aside as <name>_legacy (rows kept) before the Phase-5 table is created, and
# restored by the downgrade. The column lists tell the layouts apart.
PHASE4_COLUMNS = {
    "page_performance": (
        "id",
        "session_id",
        "page_url",
        "page_title",
        "referrer",
        "dns_lookup_time",
        "tcp_connection_time",
        "tls_negotiation_time",
        "request_time",
        "response_time",
        "dom_processing_time",
        "dom_content_loaded_time",
        "page_load_time",
        "first_paint_time",
        "first_contentful_paint_time",
        "largest_contentful_paint_time",
        "page_entered_at",
        "page_exited_at",
        "time_on_page_seconds",
        "was_visible",
        "total_visible_time_seconds",
        "total_hidden_time_seconds",
        "exit_type",
        "created_at",
    ),
    "scroll_events": (
        "id",
        "session_id",
        "page_url",
        "timestamp",
        "scroll_x",
        "scroll_y",
        "viewport_width",
        "viewport_height",
        "document_width",
        "document_height",
        "scroll_depth_percentage",
        "scroll_direction",
        "scroll_velocity",
        "scroll_type",
        "element_in_view",
        "created_at",
    ),
    "click_events": (
        "id",
        "session_id",
        "page_url",
        "timestamp",
        "x",
        "y",
        "button",
        "click_type",
        "target_element",
        "target_selector",
        "target_text",
        "target_href",
        "target_id",
        "target_class",
        "is_rage_click",
        "rage_click_count",
        "time_since_last_click",
        "element_visible",
        "element_clickable",
        "element_disabled",
        "navigation_occurred",
        "error_occurred",
        "created_at",
    ),
    "form_interactions": (
        "id",
        "session_id",
        "page_url",
        "form_id",
        "form_name",
        "form_action",
        "field_name",
        "field_type",
        "field_label",
        "interaction_type",
        "timestamp",
        "time_to_first_input",
        "time_in_field",
        "character_count",
        "backspace_count",
        "paste_detected",
        "validation_error",
        "error_message",
        "field_completed",
        "form_submitted",
        "form_abandoned",
        "created_at",
    ),
    "rage_click_incidents": (
        "id",
        "session_id",
        "page_url",
        "timestamp",
        "x",
        "y",
        "click_count",
        "time_window_ms",
        "clicks_per_second",
        "target_element",
        "target_selector",
        "likely_cause",
        "element_was_clickable",
        "element_was_visible",
        "screenshot_url",
        "created_at",
    ),
}
PHASE5_COLUMNS = {
    "page_performance": (
        "id",
        "user_session_id",
        "test_run_id",
        "url",
        "page_title",
        "dom_content_loaded_ms",
        "load_complete_ms",
        "first_paint_ms",
        "first_contentful_paint_ms",
        "largest_contentful_paint_ms",
        "time_to_interactive_ms",
        "total_resources",
        "total_size_bytes",
        "js_size_bytes",
        "css_size_bytes",
        "image_size_bytes",
        "entered_at",
        "exited_at",
        "time_on_page_seconds",
        "visible_time_seconds",
        "hidden_time_seconds",
        "exit_type",
        "viewport_width",
        "viewport_height",
        "device_pixel_ratio",
        "created_at",
    ),
    "scroll_events": (
        "id",
        "user_session_id",
        "test_run_id",
        "page_performance_id",
        "scroll_x",
        "scroll_y",
        "scroll_depth_percent",
        "viewport_height",
        "document_height",
        "timestamp_ms",
        "time_since_page_load_ms",
        "created_at",
    ),
    "click_events": (
        "id",
        "user_session_id",
        "test_run_id",
        "page_performance_id",
        "element_tag",
        "element_id",
        "element_class",
        "element_text",
        "element_selector",
        "click_x",
        "click_y",
        "viewport_x",
        "viewport_y",
        "button",
        "is_double_click",
        "timestamp_ms",
        "time_since_page_load_ms",
        "time_since_last_click_ms",
        "created_at",
    ),
    "form_interactions": (
        "id",
        "user_session_id",
        "test_run_id",
        "page_performance_id",
        "form_id",
        "form_name",
        "form_action",
        "field_name",
        "field_type",
        "field_label",
        "interaction_type",
        "field_value_length",
        "is_valid",
        "validation_message",
        "timestamp_ms",
        "time_in_field_ms",
        "created_at",
    ),
    "rage_click_incidents": (
        "id",
        "user_session_id",
        "test_run_id",
        "page_performance_id",
        "click_count",
        "time_span_ms",
        "element_tag",
        "element_id",
        "element_class",
        "element_text",
        "element_selector",
        "area_x",
        "area_y",
        "area_radius",
        "likely_cause",
        "started_at",
        "ended_at",
        "click_event_ids",
        "created_at",
    ),
}


# Foreign keys to tables production writes to: added after this revision's tables exist, each in a short
# transaction of its own (see hitlai_schema.runtime.online_ddl), so a live writer is never held up for long.
PRODUCTION_CHANGES = (
    online_ddl.foreign_key("page_performance", ["test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("scroll_events", ["test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("click_events", ["test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("form_interactions", ["test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("rage_click_incidents", ["test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("mouse_movements", ["test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("keyboard_events", ["test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("visibility_changes", ["test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("network_requests", ["test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("console_logs", ["test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("javascript_errors", ["test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("element_visibility", ["test_run_id"], "test_runs", "CASCADE"),
)


def upgrade() -> None:
    """Set aside Phase-4 namesakes, create the 12 session recording tables with their indexes, enable RLS on each."""
    op.execute(
        set_aside_legacy_table(
            "page_performance", PHASE5_COLUMNS["page_performance"], PHASE4_COLUMNS["page_performance"]
        )
    )
    op.create_table(
        "page_performance",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column(
            "user_session_id",
            sa.Uuid(),
            nullable=True,
            comment="The recorded session this row belongs to; a plain uuid with no foreign key",
        ),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("page_title", sa.Text(), nullable=True),
        sa.Column("dom_content_loaded_ms", sa.Integer(), nullable=True),
        sa.Column("load_complete_ms", sa.Integer(), nullable=True),
        sa.Column("first_paint_ms", sa.Integer(), nullable=True),
        sa.Column("first_contentful_paint_ms", sa.Integer(), nullable=True),
        sa.Column("largest_contentful_paint_ms", sa.Integer(), nullable=True),
        sa.Column("time_to_interactive_ms", sa.Integer(), nullable=True),
        sa.Column("total_resources", sa.Integer(), nullable=True),
        sa.Column("total_size_bytes", sa.BigInteger(), nullable=True),
        sa.Column("js_size_bytes", sa.BigInteger(), nullable=True),
        sa.Column("css_size_bytes", sa.BigInteger(), nullable=True),
        sa.Column("image_size_bytes", sa.BigInteger(), nullable=True),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("exited_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("time_on_page_seconds", sa.Integer(), nullable=True),
        sa.Column("visible_time_seconds", sa.Integer(), nullable=True),
        sa.Column("hidden_time_seconds", sa.Integer(), nullable=True),
        sa.Column("exit_type", sa.Text(), nullable=True),
        sa.Column("viewport_width", sa.Integer(), nullable=True),
        sa.Column("viewport_height", sa.Integer(), nullable=True),
        sa.Column("device_pixel_ratio", sa.Numeric(precision=3, scale=2), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("page_performance_pkey")),
        comment="Load timings and Core Web Vitals of each page visited during a session",
        if_not_exists=True,
    )
    op.create_index(
        "idx_page_performance_created_at", "page_performance", [sa.text("created_at DESC")], if_not_exists=True
    )
    op.create_index("idx_page_performance_lcp", "page_performance", ["largest_contentful_paint_ms"], if_not_exists=True)
    op.create_index("idx_page_performance_session", "page_performance", ["user_session_id"], if_not_exists=True)
    op.create_index("idx_page_performance_test_run", "page_performance", ["test_run_id"], if_not_exists=True)
    op.create_index("idx_page_performance_url", "page_performance", ["url"], if_not_exists=True)

    op.execute(
        set_aside_legacy_table("scroll_events", PHASE5_COLUMNS["scroll_events"], PHASE4_COLUMNS["scroll_events"])
    )
    op.create_table(
        "scroll_events",
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
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("scroll_events_pkey")),
        sa.ForeignKeyConstraint(
            ["page_performance_id"],
            ["page_performance.id"],
            name=op.f("scroll_events_page_performance_id_fkey"),
            ondelete="CASCADE",
        ),
        comment="Scroll positions and depth recorded on a page",
        if_not_exists=True,
    )
    op.create_index("idx_scroll_events_page", "scroll_events", ["page_performance_id"], if_not_exists=True)
    op.create_index("idx_scroll_events_session", "scroll_events", ["user_session_id"], if_not_exists=True)
    op.create_index("idx_scroll_events_test_run", "scroll_events", ["test_run_id"], if_not_exists=True)
    op.create_index("idx_scroll_events_timestamp", "scroll_events", ["timestamp_ms"], if_not_exists=True)

    op.execute(set_aside_legacy_table("click_events", PHASE5_COLUMNS["click_events"], PHASE4_COLUMNS["click_events"]))
    op.create_table(
        "click_events",
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
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("click_events_pkey")),
        sa.ForeignKeyConstraint(
            ["page_performance_id"],
            ["page_performance.id"],
            name=op.f("click_events_page_performance_id_fkey"),
            ondelete="CASCADE",
        ),
        comment="Clicks recorded on a page, with the element clicked",
        if_not_exists=True,
    )
    op.create_index("idx_click_events_element", "click_events", ["element_tag", "element_id"], if_not_exists=True)
    op.create_index("idx_click_events_page", "click_events", ["page_performance_id"], if_not_exists=True)
    op.create_index("idx_click_events_session", "click_events", ["user_session_id"], if_not_exists=True)
    op.create_index("idx_click_events_test_run", "click_events", ["test_run_id"], if_not_exists=True)
    op.create_index("idx_click_events_timestamp", "click_events", ["timestamp_ms"], if_not_exists=True)

    op.execute(
        set_aside_legacy_table(
            "form_interactions", PHASE5_COLUMNS["form_interactions"], PHASE4_COLUMNS["form_interactions"]
        )
    )
    op.create_table(
        "form_interactions",
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
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("form_interactions_pkey")),
        sa.ForeignKeyConstraint(
            ["page_performance_id"],
            ["page_performance.id"],
            name=op.f("form_interactions_page_performance_id_fkey"),
            ondelete="CASCADE",
        ),
        comment="Interactions with form fields: focus, input, errors and abandonment",
        if_not_exists=True,
    )
    op.create_index("idx_form_interactions_page", "form_interactions", ["page_performance_id"], if_not_exists=True)
    op.create_index("idx_form_interactions_session", "form_interactions", ["user_session_id"], if_not_exists=True)
    op.create_index("idx_form_interactions_test_run", "form_interactions", ["test_run_id"], if_not_exists=True)
    op.create_index("idx_form_interactions_timestamp", "form_interactions", ["timestamp_ms"], if_not_exists=True)
    op.create_index("idx_form_interactions_type", "form_interactions", ["interaction_type"], if_not_exists=True)

    op.execute(
        set_aside_legacy_table(
            "rage_click_incidents", PHASE5_COLUMNS["rage_click_incidents"], PHASE4_COLUMNS["rage_click_incidents"]
        )
    )
    op.create_table(
        "rage_click_incidents",
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
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("rage_click_incidents_pkey")),
        sa.ForeignKeyConstraint(
            ["page_performance_id"],
            ["page_performance.id"],
            name=op.f("rage_click_incidents_page_performance_id_fkey"),
            ondelete="CASCADE",
        ),
        comment="Bursts of repeated clicks on one spot, a sign of user frustration",
        if_not_exists=True,
    )
    op.create_index(
        "idx_rage_click_incidents_created_at", "rage_click_incidents", [sa.text("created_at DESC")], if_not_exists=True
    )
    op.create_index(
        "idx_rage_click_incidents_element", "rage_click_incidents", ["element_selector"], if_not_exists=True
    )
    op.create_index(
        "idx_rage_click_incidents_page", "rage_click_incidents", ["page_performance_id"], if_not_exists=True
    )
    op.create_index("idx_rage_click_incidents_session", "rage_click_incidents", ["user_session_id"], if_not_exists=True)
    op.create_index("idx_rage_click_incidents_test_run", "rage_click_incidents", ["test_run_id"], if_not_exists=True)

    op.create_table(
        "mouse_movements",
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
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("mouse_movements_pkey")),
        sa.ForeignKeyConstraint(
            ["page_performance_id"],
            ["page_performance.id"],
            name=op.f("mouse_movements_page_performance_id_fkey"),
            ondelete="CASCADE",
        ),
        comment="Sampled mouse paths and hesitations on a page",
    )
    op.create_index("idx_mouse_movements_created_at", "mouse_movements", [sa.text("created_at DESC")])
    op.create_index("idx_mouse_movements_page", "mouse_movements", ["page_performance_id"])
    op.create_index("idx_mouse_movements_session", "mouse_movements", ["user_session_id"])
    op.create_index("idx_mouse_movements_test_run", "mouse_movements", ["test_run_id"])

    op.create_table(
        "keyboard_events",
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
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("keyboard_events_pkey")),
        sa.ForeignKeyConstraint(
            ["page_performance_id"],
            ["page_performance.id"],
            name=op.f("keyboard_events_page_performance_id_fkey"),
            ondelete="CASCADE",
        ),
        comment="Key presses recorded on a page, without the characters typed",
    )
    op.create_index("idx_keyboard_events_page", "keyboard_events", ["page_performance_id"])
    op.create_index("idx_keyboard_events_session", "keyboard_events", ["user_session_id"])
    op.create_index("idx_keyboard_events_test_run", "keyboard_events", ["test_run_id"])
    op.create_index("idx_keyboard_events_timestamp", "keyboard_events", ["timestamp_ms"])

    op.create_table(
        "visibility_changes",
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
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("visibility_changes_pkey")),
        sa.ForeignKeyConstraint(
            ["page_performance_id"],
            ["page_performance.id"],
            name=op.f("visibility_changes_page_performance_id_fkey"),
            ondelete="CASCADE",
        ),
        comment="Times the page was hidden or shown again (tab switches)",
    )
    op.create_index("idx_visibility_changes_page", "visibility_changes", ["page_performance_id"])
    op.create_index("idx_visibility_changes_session", "visibility_changes", ["user_session_id"])
    op.create_index("idx_visibility_changes_test_run", "visibility_changes", ["test_run_id"])
    op.create_index("idx_visibility_changes_timestamp", "visibility_changes", ["timestamp_ms"])

    op.create_table(
        "network_requests",
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
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("network_requests_pkey")),
        sa.ForeignKeyConstraint(
            ["page_performance_id"],
            ["page_performance.id"],
            name=op.f("network_requests_page_performance_id_fkey"),
            ondelete="CASCADE",
        ),
        comment="Network requests the page made, with timing and status",
    )
    op.create_index(
        "idx_network_requests_failed", "network_requests", ["success"], postgresql_where=sa.text("success = false")
    )
    op.create_index("idx_network_requests_page", "network_requests", ["page_performance_id"])
    op.create_index("idx_network_requests_session", "network_requests", ["user_session_id"])
    op.create_index(
        "idx_network_requests_slow",
        "network_requests",
        [sa.text("duration_ms DESC")],
        postgresql_where=sa.text("duration_ms > 1000"),
    )
    op.create_index("idx_network_requests_test_run", "network_requests", ["test_run_id"])
    op.create_index("idx_network_requests_type", "network_requests", ["request_type"])

    op.create_table(
        "console_logs",
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
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("console_logs_pkey")),
        sa.ForeignKeyConstraint(
            ["page_performance_id"],
            ["page_performance.id"],
            name=op.f("console_logs_page_performance_id_fkey"),
            ondelete="CASCADE",
        ),
        comment="Browser console messages emitted by the page",
    )
    op.create_index(
        "idx_console_logs_errors", "console_logs", ["log_level"], postgresql_where=sa.text("log_level = 'error'::text")
    )
    op.create_index("idx_console_logs_level", "console_logs", ["log_level"])
    op.create_index("idx_console_logs_page", "console_logs", ["page_performance_id"])
    op.create_index("idx_console_logs_session", "console_logs", ["user_session_id"])
    op.create_index("idx_console_logs_test_run", "console_logs", ["test_run_id"])
    op.create_index("idx_console_logs_timestamp", "console_logs", ["timestamp_ms"])

    op.create_table(
        "javascript_errors",
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
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("javascript_errors_pkey")),
        sa.ForeignKeyConstraint(
            ["page_performance_id"],
            ["page_performance.id"],
            name=op.f("javascript_errors_page_performance_id_fkey"),
            ondelete="CASCADE",
        ),
        comment="Uncaught JavaScript errors raised on the page",
    )
    op.create_index("idx_javascript_errors_created_at", "javascript_errors", [sa.text("created_at DESC")])
    op.create_index("idx_javascript_errors_page", "javascript_errors", ["page_performance_id"])
    op.create_index("idx_javascript_errors_session", "javascript_errors", ["user_session_id"])
    op.create_index("idx_javascript_errors_test_run", "javascript_errors", ["test_run_id"])
    op.create_index("idx_javascript_errors_type", "javascript_errors", ["error_type"])

    op.create_table(
        "element_visibility",
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
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("element_visibility_pkey")),
        sa.ForeignKeyConstraint(
            ["page_performance_id"],
            ["page_performance.id"],
            name=op.f("element_visibility_page_performance_id_fkey"),
            ondelete="CASCADE",
        ),
        comment="How long each tracked element stayed in the viewport",
    )
    op.create_index("idx_element_visibility_page", "element_visibility", ["page_performance_id"])
    op.create_index("idx_element_visibility_selector", "element_visibility", ["element_selector"])
    op.create_index("idx_element_visibility_session", "element_visibility", ["user_session_id"])
    op.create_index("idx_element_visibility_test_run", "element_visibility", ["test_run_id"])
    op.create_index("idx_element_visibility_timestamp", "element_visibility", ["timestamp_ms"])

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
