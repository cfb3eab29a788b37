"""Session recording: what a user did on each page of a session, event by event."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, WriteOnlyMapped, declared_attr, mapped_column, relationship

from hitlai_schema.models.base import (
    PARTITION_BY_MONTH,
    Base,
    DefaultFalse,
    TimestampNow,
    UUIDPrimaryKey,
)

if TYPE_CHECKING:
    from hitlai_schema.models.core import TestRun


class SessionEvent:
    """The columns, indexes and relationships every session-event table shares; each is partitioned by month.

    sort_order puts the shared columns where the spec has them: the key and the three
    references first, created_at last, each table's own columns in between.
    """

    __tablename__: str

    id: Mapped[UUIDPrimaryKey] = mapped_column(sort_order=-4)
    user_session_id: Mapped[uuid.UUID | None] = mapped_column(
        comment="The recorded session this row belongs to; a plain uuid with no foreign key", sort_order=-3
    )
    test_run_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("test_runs.id", ondelete="CASCADE"), sort_order=-2
    )
    page_performance_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("page_performance.id", ondelete="CASCADE"), sort_order=-1
    )
    # Part of the key: every unique constraint of a partitioned table must hold its partition key.
    created_at: Mapped[TimestampNow] = mapped_column(primary_key=True, sort_order=1)

    @declared_attr
    def page_performance(cls) -> Mapped[PagePerformance | None]:
        return relationship("PagePerformance", back_populates=cls.__tablename__)

    @declared_attr
    def test_run(cls) -> Mapped[TestRun | None]:
        return relationship("TestRun", back_populates=cls.__tablename__)

    @staticmethod
    def table_args(table: str, *indexes: sa.Index, comment: str) -> tuple[Any, ...]:
        """The table's own indexes and comment, after the indexes on the three references."""
        return (
            sa.Index(f"idx_{table}_page", "page_performance_id"),
            sa.Index(f"idx_{table}_session", "user_session_id"),
            sa.Index(f"idx_{table}_test_run", "test_run_id"),
            *indexes,
            {"comment": comment, "postgresql_partition_by": PARTITION_BY_MONTH},
        )


class PagePerformance(Base):
    __tablename__ = "page_performance"
    __table_args__ = (
        sa.Index("idx_page_performance_created_at", sa.desc("created_at")),
        sa.Index("idx_page_performance_lcp", "largest_contentful_paint_ms"),
        sa.Index("idx_page_performance_session", "user_session_id"),
        sa.Index("idx_page_performance_test_run", "test_run_id"),
        sa.Index("idx_page_performance_url", "url"),
        {"comment": "Load timings and Core Web Vitals of each page visited during a session"},
    )

    id: Mapped[UUIDPrimaryKey]
    user_session_id: Mapped[uuid.UUID | None] = mapped_column(
        comment="The recorded session this row belongs to; a plain uuid with no foreign key"
    )
    test_run_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("test_runs.id", ondelete="CASCADE"))
    url: Mapped[str]
    page_title: Mapped[str | None]
    dom_content_loaded_ms: Mapped[int | None]
    load_complete_ms: Mapped[int | None]
    first_paint_ms: Mapped[int | None]
    first_contentful_paint_ms: Mapped[int | None]
    largest_contentful_paint_ms: Mapped[int | None]
    time_to_interactive_ms: Mapped[int | None]
    total_resources: Mapped[int | None]
    total_size_bytes: Mapped[int | None] = mapped_column(sa.BigInteger())
    js_size_bytes: Mapped[int | None] = mapped_column(sa.BigInteger())
    css_size_bytes: Mapped[int | None] = mapped_column(sa.BigInteger())
    image_size_bytes: Mapped[int | None] = mapped_column(sa.BigInteger())
    entered_at: Mapped[datetime]
    exited_at: Mapped[datetime | None]
    time_on_page_seconds: Mapped[int | None]
    visible_time_seconds: Mapped[int | None]
    hidden_time_seconds: Mapped[int | None]
    exit_type: Mapped[str | None]
    viewport_width: Mapped[int | None]
    viewport_height: Mapped[int | None]
    device_pixel_ratio: Mapped[Decimal | None] = mapped_column(sa.Numeric(3, 2))
    created_at: Mapped[TimestampNow | None]

    test_run: Mapped[TestRun | None] = relationship(back_populates="page_performance")
    # Event streams are never loaded whole: page.click_events.select() queries them.
    scroll_events: WriteOnlyMapped[ScrollEvent] = relationship(
        back_populates="page_performance", cascade="all, delete", passive_deletes=True
    )
    click_events: WriteOnlyMapped[ClickEvent] = relationship(
        back_populates="page_performance", cascade="all, delete", passive_deletes=True
    )
    form_interactions: WriteOnlyMapped[FormInteraction] = relationship(
        back_populates="page_performance", cascade="all, delete", passive_deletes=True
    )
    rage_click_incidents: WriteOnlyMapped[RageClickIncident] = relationship(
        back_populates="page_performance", cascade="all, delete", passive_deletes=True
    )
    mouse_movements: WriteOnlyMapped[MouseMovement] = relationship(
        back_populates="page_performance", cascade="all, delete", passive_deletes=True
    )
    keyboard_events: WriteOnlyMapped[KeyboardEvent] = relationship(
        back_populates="page_performance", cascade="all, delete", passive_deletes=True
    )
    visibility_changes: WriteOnlyMapped[VisibilityChange] = relationship(
        back_populates="page_performance", cascade="all, delete", passive_deletes=True
    )
    network_requests: WriteOnlyMapped[NetworkRequest] = relationship(
        back_populates="page_performance", cascade="all, delete", passive_deletes=True
    )
    console_logs: WriteOnlyMapped[ConsoleLog] = relationship(
        back_populates="page_performance", cascade="all, delete", passive_deletes=True
    )
    javascript_errors: WriteOnlyMapped[JavascriptError] = relationship(
        back_populates="page_performance", cascade="all, delete", passive_deletes=True
    )
    element_visibility: WriteOnlyMapped[ElementVisibility] = relationship(
        back_populates="page_performance", cascade="all, delete", passive_deletes=True
    )


class ScrollEvent(SessionEvent, Base):
    __tablename__ = "scroll_events"
    __table_args__ = SessionEvent.table_args(
        __tablename__,
        sa.Index("idx_scroll_events_timestamp", "timestamp_ms"),
        comment="Scroll positions and depth recorded on a page",
    )

    scroll_x: Mapped[int]
    scroll_y: Mapped[int]
    scroll_depth_percent: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    viewport_height: Mapped[int]
    document_height: Mapped[int]
    timestamp_ms: Mapped[int] = mapped_column(sa.BigInteger())
    time_since_page_load_ms: Mapped[int | None]


class ClickEvent(SessionEvent, Base):
    __tablename__ = "click_events"
    __table_args__ = SessionEvent.table_args(
        __tablename__,
        sa.Index("idx_click_events_element", "element_tag", "element_id"),
        sa.Index("idx_click_events_timestamp", "timestamp_ms"),
        comment="Clicks recorded on a page, with the element clicked",
    )

    element_tag: Mapped[str]
    element_id: Mapped[str | None]
    element_class: Mapped[str | None]
    element_text: Mapped[str | None]
    element_selector: Mapped[str | None]
    click_x: Mapped[int]
    click_y: Mapped[int]
    viewport_x: Mapped[int | None]
    viewport_y: Mapped[int | None]
    button: Mapped[int | None]
    is_double_click: Mapped[DefaultFalse | None]
    timestamp_ms: Mapped[int] = mapped_column(sa.BigInteger())
    time_since_page_load_ms: Mapped[int | None]
    time_since_last_click_ms: Mapped[int | None]


class FormInteraction(SessionEvent, Base):
    __tablename__ = "form_interactions"
    __table_args__ = SessionEvent.table_args(
        __tablename__,
        sa.Index("idx_form_interactions_timestamp", "timestamp_ms"),
        sa.Index("idx_form_interactions_type", "interaction_type"),
        comment="Interactions with form fields: focus, input, errors and abandonment",
    )

    form_id: Mapped[str | None]
    form_name: Mapped[str | None]
    form_action: Mapped[str | None]
    field_name: Mapped[str]
    field_type: Mapped[str]
    field_label: Mapped[str | None]
    interaction_type: Mapped[str]
    field_value_length: Mapped[int | None]
    is_valid: Mapped[bool | None]
    validation_message: Mapped[str | None]
    timestamp_ms: Mapped[int] = mapped_column(sa.BigInteger())
    time_in_field_ms: Mapped[int | None]


class RageClickIncident(SessionEvent, Base):
    __tablename__ = "rage_click_incidents"
    __table_args__ = SessionEvent.table_args(
        __tablename__,
        sa.Index("idx_rage_click_incidents_created_at", sa.desc("created_at")),
        sa.Index("idx_rage_click_incidents_element", "element_selector"),
        comment="Bursts of repeated clicks on one spot, a sign of user frustration",
    )

    click_count: Mapped[int]
    time_span_ms: Mapped[int]
    element_tag: Mapped[str]
    element_id: Mapped[str | None]
    element_class: Mapped[str | None]
    element_text: Mapped[str | None]
    element_selector: Mapped[str | None]
    area_x: Mapped[int]
    area_y: Mapped[int]
    area_radius: Mapped[int]
    likely_cause: Mapped[str | None]
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime]
    click_event_ids: Mapped[list[uuid.UUID] | None]


class MouseMovement(SessionEvent, Base):
    __tablename__ = "mouse_movements"
    __table_args__ = SessionEvent.table_args(
        __tablename__,
        sa.Index("idx_mouse_movements_created_at", sa.desc("created_at")),
        comment="Sampled mouse paths and hesitations on a page",
    )

    positions: Mapped[dict[str, Any]]
    total_distance_pixels: Mapped[int | None]
    avg_speed_pixels_per_second: Mapped[Decimal | None] = mapped_column(sa.Numeric(8, 2))
    max_speed_pixels_per_second: Mapped[Decimal | None] = mapped_column(sa.Numeric(8, 2))
    is_smooth: Mapped[bool | None]
    has_hesitation: Mapped[bool | None]
    hesitation_count: Mapped[int | None]
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime]
    duration_ms: Mapped[int]


class KeyboardEvent(SessionEvent, Base):
    __tablename__ = "keyboard_events"
    __table_args__ = SessionEvent.table_args(
        __tablename__,
        sa.Index("idx_keyboard_events_timestamp", "timestamp_ms"),
        comment="Key presses recorded on a page, without the characters typed",
    )

    event_type: Mapped[str]
    key_code: Mapped[int | None]
    key_name: Mapped[str | None]
    ctrl_key: Mapped[DefaultFalse | None]
    alt_key: Mapped[DefaultFalse | None]
    shift_key: Mapped[DefaultFalse | None]
    meta_key: Mapped[DefaultFalse | None]
    target_element: Mapped[str | None]
    is_in_form: Mapped[DefaultFalse | None]
    timestamp_ms: Mapped[int] = mapped_column(sa.BigInteger())
    time_since_last_key_ms: Mapped[int | None]


class VisibilityChange(SessionEvent, Base):
    __tablename__ = "visibility_changes"
    __table_args__ = SessionEvent.table_args(
        __tablename__,
        sa.Index("idx_visibility_changes_timestamp", "timestamp_ms"),
        comment="Times the page was hidden or shown again (tab switches)",
    )

    became_visible: Mapped[bool]
    visibility_state: Mapped[str]
    duration_visible_ms: Mapped[int | None]
    timestamp_ms: Mapped[int] = mapped_column(sa.BigInteger())


class NetworkRequest(SessionEvent, Base):
    __tablename__ = "network_requests"
    __table_args__ = SessionEvent.table_args(
        __tablename__,
        sa.Index("idx_network_requests_failed", "success", postgresql_where=sa.text("success = false")),
        sa.Index(
            "idx_network_requests_slow",
            sa.desc("duration_ms"),
            postgresql_where=sa.text("duration_ms > 1000"),
        ),
        sa.Index("idx_network_requests_type", "request_type"),
        comment="Network requests the page made, with timing and status",
    )

    url: Mapped[str]
    method: Mapped[str]
    request_type: Mapped[str | None]
    status_code: Mapped[int | None]
    response_size_bytes: Mapped[int | None]
    started_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]
    duration_ms: Mapped[int | None]
    dns_lookup_ms: Mapped[int | None]
    tcp_connect_ms: Mapped[int | None]
    tls_handshake_ms: Mapped[int | None]
    time_to_first_byte_ms: Mapped[int | None]
    download_ms: Mapped[int | None]
    success: Mapped[bool | None]
    error_message: Mapped[str | None]


class ConsoleLog(SessionEvent, Base):
    __tablename__ = "console_logs"
    __table_args__ = SessionEvent.table_args(
        __tablename__,
        sa.Index("idx_console_logs_errors", "log_level", postgresql_where=sa.text("log_level = 'error'::text")),
        sa.Index("idx_console_logs_level", "log_level"),
        sa.Index("idx_console_logs_timestamp", "timestamp_ms"),
        comment="Browser console messages emitted by the page",
    )

    log_level: Mapped[str]
    message: Mapped[str]
    source_file: Mapped[str | None]
    line_number: Mapped[int | None]
    column_number: Mapped[int | None]
    stack_trace: Mapped[str | None]
    timestamp_ms: Mapped[int] = mapped_column(sa.BigInteger())


class JavascriptError(SessionEvent, Base):
    __tablename__ = "javascript_errors"
    __table_args__ = SessionEvent.table_args(
        __tablename__,
        sa.Index("idx_javascript_errors_created_at", sa.desc("created_at")),
        sa.Index("idx_javascript_errors_type", "error_type"),
        comment="Uncaught JavaScript errors raised on the page",
    )

    error_message: Mapped[str]
    error_type: Mapped[str | None]
    source_file: Mapped[str | None]
    line_number: Mapped[int | None]
    column_number: Mapped[int | None]
    stack_trace: Mapped[str | None]
    user_agent: Mapped[str | None]
    url: Mapped[str]
    timestamp_ms: Mapped[int] = mapped_column(sa.BigInteger())


class ElementVisibility(SessionEvent, Base):
    __tablename__ = "element_visibility"
    __table_args__ = SessionEvent.table_args(
        __tablename__,
        sa.Index("idx_element_visibility_selector", "element_selector"),
        sa.Index("idx_element_visibility_timestamp", "timestamp_ms"),
        comment="How long each tracked element stayed in the viewport",
    )

    element_selector: Mapped[str]
    element_text: Mapped[str | None]
    element_type: Mapped[str | None]
    became_visible: Mapped[bool]
    visibility_percent: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    element_x: Mapped[int | None]
    element_y: Mapped[int | None]
    element_width: Mapped[int | None]
    element_height: Mapped[int | None]
    timestamp_ms: Mapped[int] = mapped_column(sa.BigInteger())
    time_visible_ms: Mapped[int | None]
