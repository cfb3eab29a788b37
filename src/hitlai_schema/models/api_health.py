"""API health: endpoint probes, incidents, uptime, maintenance, alerts and the public status page."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hitlai_schema.models.base import (
    OWN_ROWS,
    Base,
    DefaultFalse,
    DefaultTrue,
    DefaultZero,
    Policy,
    TimestampNow,
    UpdatedAt,
    UUIDPrimaryKey,
    policies,
)

if TYPE_CHECKING:
    from hitlai_schema.models.core import Company


class APIHealthMetric(Base):
    __tablename__ = "api_health_metrics"
    __table_args__ = (
        sa.Index("idx_api_health_metrics_endpoint", "endpoint"),
        sa.Index("idx_api_health_metrics_measured_at", sa.desc("measured_at")),
        sa.Index(
            "idx_api_health_metrics_slow",
            sa.desc("response_time_ms"),
            postgresql_where=sa.text("response_time_ms > 1000"),
        ),
        sa.Index("idx_api_health_metrics_unhealthy", "is_healthy", postgresql_where=sa.text("is_healthy = false")),
        {"comment": "Response time and status of each probe of a monitored API endpoint"},
    )

    id: Mapped[UUIDPrimaryKey]
    endpoint: Mapped[str]
    method: Mapped[str]
    is_healthy: Mapped[bool]
    status_code: Mapped[int | None]
    response_time_ms: Mapped[int]
    uptime_percent: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    error_count: Mapped[DefaultZero | None]
    error_rate: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    last_error_message: Mapped[str | None]
    last_error_at: Mapped[datetime | None]
    cost_per_request_usd: Mapped[Decimal | None] = mapped_column(sa.Numeric(10, 6))
    total_cost_usd: Mapped[Decimal | None] = mapped_column(sa.Numeric(10, 2))
    request_count: Mapped[DefaultZero | None]
    requests_per_minute: Mapped[Decimal | None] = mapped_column(sa.Numeric(8, 2))
    measured_at: Mapped[datetime]
    window_start: Mapped[datetime]
    window_end: Mapped[datetime]
    created_at: Mapped[TimestampNow | None]


class APIIncident(Base):
    __tablename__ = "api_incidents"
    __table_args__ = (
        sa.Index(
            "idx_api_incidents_active",
            "status",
            postgresql_where=sa.text(
                "status = ANY (ARRAY['investigating'::text, 'identified'::text, 'monitoring'::text])"
            ),
        ),
        sa.Index("idx_api_incidents_endpoint", "endpoint"),
        sa.Index("idx_api_incidents_severity", "severity"),
        sa.Index("idx_api_incidents_started_at", sa.desc("started_at")),
        sa.Index("idx_api_incidents_status", "status"),
        {"comment": "Outages and degradations of monitored APIs, from detection to resolution"},
    )

    id: Mapped[UUIDPrimaryKey]
    endpoint: Mapped[str]
    incident_type: Mapped[str]
    severity: Mapped[str]
    status: Mapped[str] = mapped_column(server_default="investigating")
    title: Mapped[str]
    description: Mapped[str]
    affected_users_count: Mapped[int | None]
    affected_companies_count: Mapped[int | None]
    impact_description: Mapped[str | None]
    started_at: Mapped[datetime]
    identified_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    duration_minutes: Mapped[int | None]
    root_cause: Mapped[str | None]
    resolution_steps: Mapped[str | None]
    resolved_by: Mapped[uuid.UUID | None]
    public_message: Mapped[str | None]
    internal_notes: Mapped[str | None]
    notified_users: Mapped[DefaultFalse | None]
    notification_sent_at: Mapped[datetime | None]
    avg_response_time_ms: Mapped[int | None]
    error_rate: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    requests_affected: Mapped[int | None]
    created_at: Mapped[TimestampNow | None]
    updated_at: Mapped[UpdatedAt | None]

    api_incident_updates: Mapped[list[APIIncidentUpdate]] = relationship(
        back_populates="incident", cascade="all, delete", passive_deletes=True
    )
    api_alert_history: Mapped[list[APIAlertHistory]] = relationship(back_populates="incident", passive_deletes="all")


class APIEndpointConfig(Base):
    __tablename__ = "api_endpoint_configs"
    __table_args__ = (
        sa.Index("idx_api_endpoint_configs_active", "is_active", postgresql_where=sa.text("is_active = true")),
        sa.Index("idx_api_endpoint_configs_category", "category"),
        sa.Index(
            "idx_api_endpoint_configs_maintenance",
            "maintenance_mode",
            postgresql_where=sa.text("maintenance_mode = true"),
        ),
        sa.Index("idx_api_endpoint_configs_public", "is_public", postgresql_where=sa.text("is_public = true")),
        {
            "comment": "Which API endpoints are monitored, how often, and their alert thresholds",
            "info": policies(
                Policy("status_page_reads_public_endpoints", "SELECT", ("anon", "authenticated"), "is_public")
            ),
        },
    )

    id: Mapped[UUIDPrimaryKey]
    endpoint: Mapped[str] = mapped_column(unique=True)
    method: Mapped[str]
    display_name: Mapped[str]
    description: Mapped[str | None]
    category: Mapped[str | None]
    health_check_enabled: Mapped[DefaultTrue | None]
    health_check_interval_seconds: Mapped[int | None] = mapped_column(server_default=sa.text("60"))
    health_check_timeout_ms: Mapped[int | None] = mapped_column(server_default=sa.text("5000"))
    response_time_warning_ms: Mapped[int | None] = mapped_column(server_default=sa.text("1000"))
    response_time_critical_ms: Mapped[int | None] = mapped_column(server_default=sa.text("3000"))
    error_rate_warning_percent: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2), server_default=sa.text("5.00"))
    error_rate_critical_percent: Mapped[Decimal | None] = mapped_column(
        sa.Numeric(5, 2), server_default=sa.text("10.00")
    )
    sla_uptime_percent: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2), server_default=sa.text("99.90"))
    sla_response_time_ms: Mapped[int | None] = mapped_column(server_default=sa.text("500"))
    estimated_cost_per_request_usd: Mapped[Decimal | None] = mapped_column(sa.Numeric(10, 6))
    is_active: Mapped[DefaultTrue | None]
    is_public: Mapped[DefaultFalse | None]
    maintenance_mode: Mapped[DefaultFalse | None]
    maintenance_message: Mapped[str | None]
    maintenance_scheduled_start: Mapped[datetime | None]
    maintenance_scheduled_end: Mapped[datetime | None]
    created_at: Mapped[TimestampNow | None]
    updated_at: Mapped[UpdatedAt | None]


class APIStatusSubscription(Base):
    __tablename__ = "api_status_subscriptions"
    __table_args__ = (
        sa.Index("idx_api_status_subscriptions_active", "is_active", postgresql_where=sa.text("is_active = true")),
        sa.Index("idx_api_status_subscriptions_company", "company_id"),
        sa.Index("idx_api_status_subscriptions_email", "email"),
        sa.Index("idx_api_status_subscriptions_unsubscribe", "unsubscribe_token"),
        sa.Index("idx_api_status_subscriptions_user", "user_id"),
        {
            "comment": "Who is notified of status changes of which endpoints, and how",
            "info": policies(Policy("users_manage_own_subscriptions", "ALL", ("authenticated",), OWN_ROWS, OWN_ROWS)),
        },
    )

    id: Mapped[UUIDPrimaryKey]
    email: Mapped[str]
    user_id: Mapped[uuid.UUID | None]
    company_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"))
    subscribe_to_all: Mapped[DefaultTrue | None]
    subscribed_endpoints: Mapped[list[str] | None]
    notify_on_incidents: Mapped[DefaultTrue | None]
    notify_on_maintenance: Mapped[DefaultTrue | None]
    notify_on_resolution: Mapped[DefaultTrue | None]
    min_severity: Mapped[str | None] = mapped_column(server_default="minor")
    is_active: Mapped[DefaultTrue | None]
    verified: Mapped[DefaultFalse | None]
    verification_token: Mapped[str | None]
    verified_at: Mapped[datetime | None]
    # Drawn by a BEFORE INSERT trigger when not given: the server's to choose, not a column default.
    unsubscribe_token: Mapped[str] = mapped_column(unique=True, server_default=sa.FetchedValue())
    created_at: Mapped[TimestampNow | None]
    updated_at: Mapped[UpdatedAt | None]

    company: Mapped[Company | None] = relationship(back_populates="api_status_subscriptions")


class APIIncidentUpdate(Base):
    __tablename__ = "api_incident_updates"
    __table_args__ = (
        sa.Index("idx_api_incident_updates_created_at", sa.desc("created_at")),
        sa.Index("idx_api_incident_updates_incident", "incident_id"),
        sa.Index("idx_api_incident_updates_public", "is_public", postgresql_where=sa.text("is_public = true")),
        {
            "comment": "Timeline of status updates posted for an incident",
            "info": policies(
                Policy("status_page_reads_public_updates", "SELECT", ("anon", "authenticated"), "is_public")
            ),
        },
    )

    id: Mapped[UUIDPrimaryKey]
    incident_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("api_incidents.id", ondelete="CASCADE"))
    status: Mapped[str]
    message: Mapped[str]
    posted_by: Mapped[uuid.UUID | None]
    posted_by_name: Mapped[str]
    is_public: Mapped[DefaultTrue | None]
    created_at: Mapped[TimestampNow | None]

    incident: Mapped[APIIncident | None] = relationship(back_populates="api_incident_updates")


class APIUptimeSummary(Base):
    __tablename__ = "api_uptime_summary"
    __table_args__ = (
        sa.Index("idx_api_uptime_summary_endpoint", "endpoint"),
        sa.Index("idx_api_uptime_summary_period", "period_type", sa.desc("period_start")),
        sa.Index("idx_api_uptime_summary_unique", "endpoint", "period_type", "period_start", unique=True),
        sa.Index("idx_api_uptime_summary_uptime", "uptime_percent"),
        {
            "comment": "Uptime and latency of each endpoint aggregated per period",
            "info": policies(Policy("status_page_reads_uptime", "SELECT", ("anon", "authenticated"), "true")),
        },
    )

    id: Mapped[UUIDPrimaryKey]
    endpoint: Mapped[str]
    period_type: Mapped[str] = mapped_column(comment="Length of the period summarised, such as daily or weekly")
    period_start: Mapped[datetime]
    period_end: Mapped[datetime]
    uptime_percent: Mapped[Decimal] = mapped_column(sa.Numeric(5, 2))
    total_checks: Mapped[int]
    successful_checks: Mapped[int]
    failed_checks: Mapped[int]
    avg_response_time_ms: Mapped[int | None]
    min_response_time_ms: Mapped[int | None]
    max_response_time_ms: Mapped[int | None]
    p50_response_time_ms: Mapped[int | None]
    p95_response_time_ms: Mapped[int | None]
    p99_response_time_ms: Mapped[int | None]
    total_requests: Mapped[int | None]
    successful_requests: Mapped[int | None]
    failed_requests: Mapped[int | None]
    error_rate: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    total_cost_usd: Mapped[Decimal | None] = mapped_column(sa.Numeric(10, 2))
    incident_count: Mapped[DefaultZero | None]
    total_downtime_minutes: Mapped[DefaultZero | None]
    created_at: Mapped[TimestampNow | None]


class APIMaintenanceWindow(Base):
    __tablename__ = "api_maintenance_windows"
    __table_args__ = (
        sa.Index("idx_api_maintenance_windows_scheduled", sa.desc("scheduled_start")),
        sa.Index("idx_api_maintenance_windows_status", "status"),
        {"comment": "Planned maintenance of monitored endpoints"},
    )

    id: Mapped[UUIDPrimaryKey]
    title: Mapped[str]
    description: Mapped[str]
    affected_endpoints: Mapped[list[str]]
    impact_level: Mapped[str]
    scheduled_start: Mapped[datetime]
    scheduled_end: Mapped[datetime]
    actual_start: Mapped[datetime | None]
    actual_end: Mapped[datetime | None]
    duration_minutes: Mapped[int | None]
    status: Mapped[str] = mapped_column(server_default="scheduled")
    public_message: Mapped[str | None]
    internal_notes: Mapped[str | None]
    notification_sent: Mapped[DefaultFalse | None]
    notification_sent_at: Mapped[datetime | None]
    reminder_sent: Mapped[DefaultFalse | None]
    reminder_sent_at: Mapped[datetime | None]
    created_by: Mapped[uuid.UUID | None]
    created_at: Mapped[TimestampNow | None]
    updated_at: Mapped[UpdatedAt | None]


class APIAlertRule(Base):
    __tablename__ = "api_alert_rules"
    __table_args__ = (
        sa.Index("idx_api_alert_rules_active", "is_active", postgresql_where=sa.text("is_active = true")),
        sa.Index("idx_api_alert_rules_endpoint", "endpoint"),
        sa.Index("idx_api_alert_rules_metric", "metric_type"),
        {"comment": "Conditions on endpoint metrics that raise an alert"},
    )

    id: Mapped[UUIDPrimaryKey]
    rule_name: Mapped[str]
    description: Mapped[str | None]
    endpoint: Mapped[str | None]
    metric_type: Mapped[str]
    operator: Mapped[str]
    threshold_value: Mapped[Decimal] = mapped_column(sa.Numeric(10, 2))
    duration_minutes: Mapped[int | None] = mapped_column(server_default=sa.text("5"))
    severity: Mapped[str]
    create_incident: Mapped[DefaultFalse | None]
    send_email: Mapped[DefaultTrue | None]
    send_slack: Mapped[DefaultFalse | None]
    notify_users: Mapped[list[uuid.UUID] | None]
    notify_emails: Mapped[list[str] | None]
    is_active: Mapped[DefaultTrue | None]
    last_triggered_at: Mapped[datetime | None]
    trigger_count: Mapped[DefaultZero | None]
    created_by: Mapped[uuid.UUID | None]
    created_at: Mapped[TimestampNow | None]
    updated_at: Mapped[UpdatedAt | None]

    api_alert_history: Mapped[list[APIAlertHistory]] = relationship(
        back_populates="alert_rule", cascade="all, delete", passive_deletes=True
    )


class APIAlertHistory(Base):
    __tablename__ = "api_alert_history"
    __table_args__ = (
        sa.Index("idx_api_alert_history_endpoint", "endpoint"),
        sa.Index("idx_api_alert_history_rule", "alert_rule_id"),
        sa.Index("idx_api_alert_history_triggered_at", sa.desc("triggered_at")),
        sa.Index("idx_api_alert_history_unresolved", "resolved", postgresql_where=sa.text("resolved = false")),
        {"comment": "Alerts raised by alert rules and their acknowledgement"},
    )

    id: Mapped[UUIDPrimaryKey]
    alert_rule_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("api_alert_rules.id", ondelete="CASCADE"))
    endpoint: Mapped[str]
    metric_type: Mapped[str]
    metric_value: Mapped[Decimal] = mapped_column(sa.Numeric(10, 2))
    threshold_value: Mapped[Decimal] = mapped_column(sa.Numeric(10, 2))
    severity: Mapped[str]
    incident_created: Mapped[DefaultFalse | None]
    incident_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("api_incidents.id"))
    notifications_sent: Mapped[DefaultFalse | None]
    notification_details: Mapped[dict[str, Any] | None]
    resolved: Mapped[DefaultFalse | None]
    resolved_at: Mapped[datetime | None]
    resolution_notes: Mapped[str | None]
    triggered_at: Mapped[datetime]
    created_at: Mapped[TimestampNow | None]

    alert_rule: Mapped[APIAlertRule | None] = relationship(back_populates="api_alert_history")
    incident: Mapped[APIIncident | None] = relationship(back_populates="api_alert_history")
