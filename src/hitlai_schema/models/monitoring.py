"""Monitoring and security: performance, agent runs, rate limits, circuit breakers, incidents."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hitlai_schema.models.base import (
    PARTITION_BY_MONTH,
    Base,
    DefaultFalse,
    DefaultZero,
    JsonObject,
    TimestampNow,
    UpdatedAt,
    UUIDPrimaryKey,
)

if TYPE_CHECKING:
    from hitlai_schema.models.core import Company, HumanTester, TestRun


class PerformanceMetric(Base):
    __tablename__ = "performance_metrics"
    __table_args__ = (
        sa.Index("idx_performance_metrics_created_at", sa.desc("created_at")),
        sa.Index("idx_performance_metrics_duration", sa.desc("duration_ms")),
        sa.Index("idx_performance_metrics_endpoint", "endpoint"),
        sa.Index("idx_performance_metrics_failed", "success", postgresql_where=sa.text("success = false")),
        sa.Index("idx_performance_metrics_type", "metric_type"),
        {
            "comment": "System performance samples per component and metric",
            "postgresql_partition_by": PARTITION_BY_MONTH,
        },
    )

    id: Mapped[UUIDPrimaryKey]
    metric_type: Mapped[str]
    endpoint: Mapped[str | None]
    operation: Mapped[str | None]
    duration_ms: Mapped[int]
    success: Mapped[bool]
    error_message: Mapped[str | None]
    memory_mb: Mapped[int | None]
    cpu_percent: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    user_id: Mapped[uuid.UUID | None]
    company_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("companies.id", ondelete="SET NULL"))
    metadata_: Mapped[JsonObject | None] = mapped_column("metadata")
    created_at: Mapped[TimestampNow] = mapped_column(primary_key=True)

    company: Mapped[Company | None] = relationship(back_populates="performance_metrics")


class AgentExecution(Base):
    __tablename__ = "agent_executions"
    __table_args__ = (
        sa.Index("idx_agent_executions_agent", "agent_name"),
        sa.Index("idx_agent_executions_failed", "status", postgresql_where=sa.text("status = 'failed'::text")),
        sa.Index("idx_agent_executions_started_at", sa.desc("started_at")),
        sa.Index("idx_agent_executions_status", "status"),
        sa.Index("idx_agent_executions_test_run", "test_run_id"),
        {"comment": "Runs of the AI agents on test runs: status, timing, tokens and errors"},
    )

    id: Mapped[UUIDPrimaryKey]
    agent_name: Mapped[str]
    agent_version: Mapped[str]
    execution_type: Mapped[str]
    test_run_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("test_runs.id", ondelete="CASCADE"))
    company_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("companies.id", ondelete="SET NULL"))
    started_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]
    duration_ms: Mapped[int | None]
    status: Mapped[str]
    input_params: Mapped[dict[str, Any]]
    output_result: Mapped[dict[str, Any] | None]
    error_details: Mapped[str | None]
    tokens_used: Mapped[int | None]
    api_calls_made: Mapped[int | None]
    cost_usd: Mapped[Decimal | None] = mapped_column(sa.Numeric(10, 6))
    output_quality_score: Mapped[Decimal | None] = mapped_column(sa.Numeric(3, 2))
    human_reviewed: Mapped[DefaultFalse | None]
    created_at: Mapped[TimestampNow | None]

    company: Mapped[Company | None] = relationship(back_populates="agent_executions")
    test_run: Mapped[TestRun | None] = relationship(back_populates="agent_executions")


class APIRateLimit(Base):
    __tablename__ = "api_rate_limits"
    __table_args__ = (
        sa.Index("idx_api_rate_limits_blocked", "is_blocked", postgresql_where=sa.text("is_blocked = true")),
        sa.Index("idx_api_rate_limits_company", "company_id"),
        sa.Index("idx_api_rate_limits_endpoint", "endpoint"),
        sa.Index("idx_api_rate_limits_user", "user_id"),
        sa.Index("idx_api_rate_limits_window", "window_start", "window_end"),
        {"comment": "Request counts per client and endpoint within a rate-limit window"},
    )

    id: Mapped[UUIDPrimaryKey]
    user_id: Mapped[uuid.UUID | None]
    company_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"))
    ip_address: Mapped[str | None] = mapped_column(postgresql.INET())
    endpoint: Mapped[str]
    request_count: Mapped[int] = mapped_column(server_default=sa.text("1"))
    window_start: Mapped[datetime]
    window_end: Mapped[datetime]
    max_requests: Mapped[int]
    window_minutes: Mapped[int]
    is_blocked: Mapped[DefaultFalse | None]
    blocked_until: Mapped[datetime | None]
    created_at: Mapped[TimestampNow | None]
    updated_at: Mapped[UpdatedAt | None]

    company: Mapped[Company | None] = relationship(back_populates="api_rate_limits")


class VelocityAnalysis(Base):
    __tablename__ = "velocity_analysis"
    __table_args__ = (
        sa.Index("idx_velocity_analysis_bot_score", sa.desc("bot_probability_score")),
        sa.Index(
            "idx_velocity_analysis_flagged",
            "flagged_for_review",
            postgresql_where=sa.text("flagged_for_review = true"),
        ),
        sa.Index(
            "idx_velocity_analysis_likely_bot",
            "is_likely_bot",
            postgresql_where=sa.text("is_likely_bot = true"),
        ),
        sa.Index("idx_velocity_analysis_session", "session_id"),
        sa.Index("idx_velocity_analysis_test_run", "test_run_id"),
        sa.Index("idx_velocity_analysis_tester", "tester_id"),
        {"comment": "Speed of a tester's actions during a test run, used to flag bots and fraud"},
    )

    id: Mapped[UUIDPrimaryKey]
    session_id: Mapped[str]
    tester_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("human_testers.id", ondelete="CASCADE"))
    test_run_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("test_runs.id", ondelete="CASCADE"))
    total_interactions: Mapped[int]
    time_span_seconds: Mapped[int]
    interactions_per_minute: Mapped[Decimal] = mapped_column(sa.Numeric(6, 2))
    click_velocity: Mapped[Decimal | None] = mapped_column(sa.Numeric(6, 2))
    scroll_velocity: Mapped[Decimal | None] = mapped_column(sa.Numeric(6, 2))
    typing_velocity: Mapped[Decimal | None] = mapped_column(sa.Numeric(6, 2))
    avg_time_between_actions_ms: Mapped[int | None]
    min_time_between_actions_ms: Mapped[int | None]
    max_time_between_actions_ms: Mapped[int | None]
    stddev_time_between_actions_ms: Mapped[int | None]
    uniform_timing_detected: Mapped[DefaultFalse | None]
    superhuman_speed_detected: Mapped[DefaultFalse | None]
    no_hesitation_detected: Mapped[DefaultFalse | None]
    perfect_accuracy_detected: Mapped[DefaultFalse | None]
    bot_probability_score: Mapped[Decimal] = mapped_column(
        sa.Numeric(3, 2), comment="Likelihood, from 0 to 1, that the actions were automated"
    )
    is_likely_bot: Mapped[bool]
    confidence: Mapped[Decimal] = mapped_column(sa.Numeric(3, 2))
    reasoning: Mapped[str]
    flagged_for_review: Mapped[DefaultFalse | None]
    reviewed_by: Mapped[uuid.UUID | None]
    review_decision: Mapped[str | None]
    review_notes: Mapped[str | None]
    created_at: Mapped[TimestampNow | None]

    test_run: Mapped[TestRun | None] = relationship(back_populates="velocity_analysis")
    tester: Mapped[HumanTester | None] = relationship(back_populates="velocity_analysis")


class CircuitBreakerEvent(Base):
    __tablename__ = "circuit_breaker_events"
    __table_args__ = (
        sa.Index("idx_circuit_breaker_events_created_at", sa.desc("created_at")),
        sa.Index(
            "idx_circuit_breaker_events_opened",
            "event_type",
            postgresql_where=sa.text("event_type = 'opened'::text"),
        ),
        sa.Index("idx_circuit_breaker_events_service", "service_name"),
        sa.Index("idx_circuit_breaker_events_type", "event_type"),
        {"comment": "State changes of the circuit breakers that protect external services"},
    )

    id: Mapped[UUIDPrimaryKey]
    service_name: Mapped[str]
    operation: Mapped[str]
    event_type: Mapped[str]
    state_before: Mapped[str]
    state_after: Mapped[str]
    failure_count: Mapped[int]
    failure_threshold: Mapped[int]
    success_count: Mapped[int | None]
    error_message: Mapped[str | None]
    error_stack: Mapped[str | None]
    opened_at: Mapped[datetime | None]
    will_retry_at: Mapped[datetime | None]
    requests_rejected: Mapped[DefaultZero | None]
    created_at: Mapped[TimestampNow | None]


class APICallLog(Base):
    __tablename__ = "api_call_logs"
    __table_args__ = (
        sa.Index("idx_api_call_logs_company", "company_id"),
        sa.Index("idx_api_call_logs_created_at", sa.desc("created_at")),
        sa.Index("idx_api_call_logs_endpoint", "endpoint"),
        sa.Index("idx_api_call_logs_errors", "error_occurred", postgresql_where=sa.text("error_occurred = true")),
        sa.Index("idx_api_call_logs_slow", sa.desc("duration_ms"), postgresql_where=sa.text("duration_ms > 1000")),
        sa.Index("idx_api_call_logs_status", "response_status"),
        sa.Index("idx_api_call_logs_user", "user_id"),
        {
            "comment": "Calls to external APIs: provider, endpoint, status, duration and cost",
            "postgresql_partition_by": PARTITION_BY_MONTH,
        },
    )

    id: Mapped[UUIDPrimaryKey]
    method: Mapped[str]
    endpoint: Mapped[str]
    path: Mapped[str]
    query_params: Mapped[dict[str, Any] | None]
    user_id: Mapped[uuid.UUID | None]
    company_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("companies.id", ondelete="SET NULL"))
    ip_address: Mapped[str | None] = mapped_column(postgresql.INET())
    user_agent: Mapped[str | None]
    request_body: Mapped[dict[str, Any] | None]
    response_status: Mapped[int]
    response_body: Mapped[dict[str, Any] | None]
    duration_ms: Mapped[int]
    auth_method: Mapped[str | None]
    rate_limited: Mapped[DefaultFalse | None]
    error_occurred: Mapped[DefaultFalse | None]
    error_message: Mapped[str | None]
    created_at: Mapped[TimestampNow] = mapped_column(primary_key=True)

    company: Mapped[Company | None] = relationship(back_populates="api_call_logs")


class SecurityIncident(Base):
    __tablename__ = "security_incidents"
    __table_args__ = (
        sa.Index(
            "idx_security_incidents_open",
            "status",
            postgresql_where=sa.text("status = ANY (ARRAY['open'::text, 'investigating'::text])"),
        ),
        sa.Index("idx_security_incidents_severity", "severity"),
        sa.Index("idx_security_incidents_status", "status"),
        sa.Index("idx_security_incidents_type", "incident_type"),
        sa.Index("idx_security_incidents_user", "user_id"),
        {"comment": "Security events detected on the platform and how they were handled"},
    )

    id: Mapped[UUIDPrimaryKey]
    incident_type: Mapped[str]
    severity: Mapped[str]
    title: Mapped[str]
    description: Mapped[str]
    user_id: Mapped[uuid.UUID | None]
    company_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("companies.id", ondelete="SET NULL"))
    ip_address: Mapped[str | None] = mapped_column(postgresql.INET())
    evidence: Mapped[dict[str, Any]]
    related_logs: Mapped[list[uuid.UUID] | None]
    status: Mapped[str] = mapped_column(server_default="open")
    action_taken: Mapped[str | None]
    resolved_by: Mapped[uuid.UUID | None]
    resolved_at: Mapped[datetime | None]
    notified_users: Mapped[list[uuid.UUID] | None]
    notified_at: Mapped[datetime | None]
    created_at: Mapped[TimestampNow | None]
    updated_at: Mapped[UpdatedAt | None]

    company: Mapped[Company | None] = relationship(back_populates="security_incidents")


class SystemHealthCheck(Base):
    __tablename__ = "system_health_checks"
    __table_args__ = (
        sa.Index("idx_system_health_checks_created_at", sa.desc("created_at")),
        sa.Index("idx_system_health_checks_service", "service_name"),
        sa.Index("idx_system_health_checks_type", "check_type"),
        sa.Index("idx_system_health_checks_unhealthy", "is_healthy", postgresql_where=sa.text("is_healthy = false")),
        {"comment": "Periodic health probes of the platform's own services"},
    )

    id: Mapped[UUIDPrimaryKey]
    service_name: Mapped[str]
    check_type: Mapped[str]
    is_healthy: Mapped[bool]
    response_time_ms: Mapped[int | None]
    status_message: Mapped[str | None]
    error_details: Mapped[str | None]
    metrics: Mapped[JsonObject | None]
    created_at: Mapped[TimestampNow | None]
