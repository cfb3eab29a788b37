"""The five Phase 1-4 tables every deployment has, which Phase-5 tables reference."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Mapped, WriteOnlyMapped, mapped_column, relationship

from hitlai_schema.models.base import (
    Base,
    DefaultFalse,
    DefaultTrue,
    DefaultZero,
    JsonArray,
    JsonObject,
    TimestampNow,
    UpdatedAt,
    UUIDPrimaryKey,
)
from hitlai_schema.models.enums import AIModelProvider, PlatformType, TesterCategory, TestStatus

if TYPE_CHECKING:
    from hitlai_schema.models.alignment import (
        AIInferenceLog,
        BiasDetectionResult,
        ConstitutionalRule,
        ConstitutionalViolation,
        HumanCorrection,
        QualityGateCheck,
    )
    from hitlai_schema.models.api_health import APIStatusSubscription
    from hitlai_schema.models.monitoring import (
        AgentExecution,
        APICallLog,
        APIRateLimit,
        PerformanceMetric,
        SecurityIncident,
        VelocityAnalysis,
    )
    from hitlai_schema.models.session_recording import (
        ClickEvent,
        ConsoleLog,
        ElementVisibility,
        FormInteraction,
        JavascriptError,
        KeyboardEvent,
        MouseMovement,
        NetworkRequest,
        PagePerformance,
        RageClickIncident,
        ScrollEvent,
        VisibilityChange,
    )
    from hitlai_schema.models.tester_categorization import (
        AITesterAssignmentPreference,
        AITesterPerformance,
        AIVsHumanComparison,
    )


# Supabase owns auth.users; it is declared only so that foreign keys can name it,
# and env.py keeps autogenerate from ever managing it.
auth_users = sa.Table(
    "users",
    Base.metadata,
    sa.Column("id", postgresql.UUID(as_uuid=True), primary_key=True),
    schema="auth",
)


class Company(Base):
    __tablename__ = "companies"
    __table_args__ = (
        sa.Index("idx_companies_preferences", "preferences", postgresql_using="gin"),
        sa.Index("idx_companies_slug", "slug"),
    )

    id: Mapped[UUIDPrimaryKey]
    name: Mapped[str]
    slug: Mapped[str] = mapped_column(unique=True)
    logo_url: Mapped[str | None]
    website: Mapped[str | None]
    industry: Mapped[str | None]
    company_size: Mapped[str | None]
    plan_type: Mapped[str | None] = mapped_column(server_default="free")
    monthly_test_quota: Mapped[int | None] = mapped_column(server_default=sa.text("10"))
    tests_used_this_month: Mapped[DefaultZero | None]
    settings: Mapped[JsonObject | None]
    stripe_customer_id: Mapped[str | None]
    created_at: Mapped[TimestampNow | None]
    updated_at: Mapped[UpdatedAt | None]
    preferences: Mapped[JsonObject | None]

    test_requests: Mapped[list[TestRequest]] = relationship(
        back_populates="company", cascade="all, delete", passive_deletes=True
    )
    test_runs: Mapped[list[TestRun]] = relationship(back_populates="company", passive_deletes=True)
    constitutional_rules: Mapped[list[ConstitutionalRule]] = relationship(
        back_populates="company", cascade="all, delete", passive_deletes=True
    )
    performance_metrics: Mapped[list[PerformanceMetric]] = relationship(back_populates="company", passive_deletes=True)
    agent_executions: Mapped[list[AgentExecution]] = relationship(back_populates="company", passive_deletes=True)
    api_rate_limits: Mapped[list[APIRateLimit]] = relationship(
        back_populates="company", cascade="all, delete", passive_deletes=True
    )
    api_call_logs: Mapped[list[APICallLog]] = relationship(back_populates="company", passive_deletes=True)
    security_incidents: Mapped[list[SecurityIncident]] = relationship(back_populates="company", passive_deletes=True)
    api_status_subscriptions: Mapped[list[APIStatusSubscription]] = relationship(
        back_populates="company", cascade="all, delete", passive_deletes=True
    )
    ai_tester_assignment_preferences: Mapped[list[AITesterAssignmentPreference]] = relationship(
        back_populates="company", cascade="all, delete", passive_deletes=True
    )


class TestRequest(Base):
    __test__ = False  # not a pytest test class, whatever its name
    __tablename__ = "test_requests"
    __table_args__ = (
        sa.CheckConstraint("ai_percentage >= 0 AND ai_percentage <= 100", name="ai_percentage"),
        sa.CheckConstraint("human_percentage >= 0 AND human_percentage <= 100", name="human_percentage"),
        sa.CheckConstraint("nps_score >= -100 AND nps_score <= 100", name="nps_score"),
        sa.CheckConstraint(
            "overall_satisfaction_rating >= 1 AND overall_satisfaction_rating <= 5",
            name="overall_satisfaction_rating",
        ),
        sa.CheckConstraint("payment_source IN ('company', 'hitlai_funded', 'hybrid')", name="payment_source"),
        sa.Index("idx_test_requests_app_type", "app_type"),
        sa.Index("idx_test_requests_business_goal", "business_goal"),
        sa.Index("idx_test_requests_company", "company_id"),
        sa.Index("idx_test_requests_created_at", sa.desc("created_at")),
        sa.Index("idx_test_requests_industry", "industry"),
        sa.Index("idx_test_requests_status", "status"),
        sa.Index("idx_test_requests_test_fixtures", "test_fixtures", postgresql_using="gin"),
        sa.Index("idx_test_requests_test_paths", "test_paths", postgresql_using="gin"),
        sa.Index("idx_test_requests_urgency", "urgency"),
    )

    id: Mapped[UUIDPrimaryKey]
    company_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"))
    created_by: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("auth.users.id"))
    title: Mapped[str]
    description: Mapped[str | None]
    url: Mapped[str]
    mission: Mapped[str]
    test_type: Mapped[str]
    personas: Mapped[dict[str, Any]]
    test_dimensions: Mapped[dict[str, Any] | None]
    required_testers: Mapped[DefaultZero | None]
    tester_requirements: Mapped[dict[str, Any] | None]
    status: Mapped[str | None] = mapped_column(server_default="draft")
    priority: Mapped[str | None] = mapped_column(server_default="normal")
    ai_test_run_ids: Mapped[list[uuid.UUID] | None]
    human_test_assignment_ids: Mapped[list[uuid.UUID] | None]
    deadline: Mapped[datetime | None]
    created_at: Mapped[TimestampNow | None]
    updated_at: Mapped[UpdatedAt | None]
    business_objective: Mapped[str | None]
    success_criteria: Mapped[str | None]
    business_goal: Mapped[str | None]
    target_audience: Mapped[JsonObject | None]
    app_type: Mapped[str | None]
    industry: Mapped[str | None]
    app_stage: Mapped[str | None]
    traffic_volume: Mapped[str | None]
    critical_user_flows: Mapped[JsonArray | None]
    known_issues: Mapped[JsonArray | None]
    competitor_urls: Mapped[list[str] | None]
    benchmark_against: Mapped[str | None]
    focus_areas: Mapped[JsonArray | None]
    avoid_testing: Mapped[list[str] | None]
    specific_concerns: Mapped[list[str] | None]
    required_devices: Mapped[list[str] | None] = mapped_column(server_default=sa.text("ARRAY['desktop'::text]"))
    required_browsers: Mapped[list[str] | None] = mapped_column(server_default=sa.text("ARRAY['chrome'::text]"))
    screen_sizes: Mapped[list[str] | None] = mapped_column(server_default=sa.text("ARRAY['medium'::text]"))
    recent_changes: Mapped[str | None]
    previous_test_results: Mapped[str | None]
    special_instructions: Mapped[str | None]
    budget_range: Mapped[str | None]
    urgency: Mapped[str | None]
    preferred_completion_date: Mapped[datetime | None]
    requested_deliverables: Mapped[JsonArray | None]
    ai_percentage: Mapped[int | None] = mapped_column(server_default=sa.text("80"))
    human_percentage: Mapped[int | None] = mapped_column(server_default=sa.text("20"))
    payment_source: Mapped[str | None] = mapped_column(sa.String(20), server_default="company")
    funding_reason: Mapped[str | None] = mapped_column(sa.String(50))
    admin_approved: Mapped[DefaultFalse | None]
    admin_reviewed_by: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("auth.users.id"))
    admin_reviewed_at: Mapped[datetime | None] = mapped_column(sa.DateTime())
    admin_notes: Mapped[str | None]
    estimated_cost_usd: Mapped[Decimal | None] = mapped_column(sa.Numeric(10, 2))
    actual_cost_usd: Mapped[Decimal | None] = mapped_column(sa.Numeric(10, 2))
    overall_satisfaction_rating: Mapped[int | None]
    overall_feedback: Mapped[str | None]
    avg_tester_rating: Mapped[float | None]
    num_testers_rated: Mapped[DefaultZero | None]
    avg_ai_rating: Mapped[float | None]
    ai_accuracy_score: Mapped[float | None]
    would_use_hitlai_again: Mapped[bool | None]
    nps_score: Mapped[int | None]
    rated_at: Mapped[datetime | None]
    test_fixtures: Mapped[dict[str, Any] | None] = mapped_column(
        server_default=sa.text('\'{"coupons": [], "testData": [], "testCards": [], "loginCredentials": []}\'::jsonb')
    )
    test_paths: Mapped[dict[str, Any] | None] = mapped_column(
        server_default=sa.text('\'{"happyPath": "", "negativePaths": []}\'::jsonb')
    )

    company: Mapped[Company | None] = relationship(back_populates="test_requests")
    test_runs: Mapped[list[TestRun]] = relationship(back_populates="test_request", passive_deletes=True)
    ai_vs_human_comparison: Mapped[list[AIVsHumanComparison]] = relationship(
        back_populates="test_request", cascade="all, delete", passive_deletes=True
    )


class TestRun(Base):
    __test__ = False  # not a pytest test class, whatever its name
    __tablename__ = "test_runs"
    __table_args__ = (
        sa.CheckConstraint("company_ai_rating >= 1 AND company_ai_rating <= 5", name="company_ai_rating"),
        sa.CheckConstraint("sentiment_score >= 0 AND sentiment_score <= 1", name="sentiment_score"),
        sa.Index("idx_test_runs_ai_metadata", "ai_metadata", postgresql_using="gin"),
        sa.Index(
            "idx_test_runs_ai_provider",
            "ai_model_provider",
            postgresql_where=sa.text("ai_model_provider IS NOT NULL"),
        ),
        sa.Index("idx_test_runs_company", "company_id"),
        sa.Index("idx_test_runs_created_at", sa.desc("created_at")),
        sa.Index("idx_test_runs_platform_details", "platform_details", postgresql_using="gin"),
        sa.Index("idx_test_runs_status", "status"),
        sa.Index("idx_test_runs_test_config", "test_config", postgresql_using="gin"),
        sa.Index("idx_test_runs_test_request", "test_request_id"),
        sa.Index("idx_test_runs_tester_category", "tester_category"),
        sa.Index("idx_test_runs_user_id", "user_id"),
    )

    id: Mapped[UUIDPrimaryKey]
    url: Mapped[str]
    mission: Mapped[str]
    persona: Mapped[str]
    platform: Mapped[PlatformType]
    status: Mapped[TestStatus] = mapped_column(server_default="pending")
    current_step_index: Mapped[DefaultZero | None]
    total_steps: Mapped[DefaultZero | None]
    failure_count: Mapped[DefaultZero | None]
    sentiment_score: Mapped[float | None]
    crawl_context: Mapped[str | None]
    semantic_schema: Mapped[dict[str, Any] | None]
    audit_results: Mapped[dict[str, Any] | None]
    final_report: Mapped[str | None]
    created_at: Mapped[TimestampNow | None]
    updated_at: Mapped[UpdatedAt | None]
    completed_at: Mapped[datetime | None]
    user_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("auth.users.id", ondelete="CASCADE"))
    test_request_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("test_requests.id", ondelete="SET NULL"))
    test_type: Mapped[str | None] = mapped_column(server_default="ai_only")
    company_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("companies.id", ondelete="SET NULL"))
    ai_confidence_score: Mapped[float | None]
    human_validation_score: Mapped[float | None]
    accuracy_rating: Mapped[float | None]
    company_ai_rating: Mapped[int | None]
    company_ai_feedback: Mapped[str | None]
    ai_was_helpful: Mapped[bool | None]
    platform_details: Mapped[dict[str, Any] | None]
    test_config: Mapped[dict[str, Any] | None]
    ai_metadata: Mapped[dict[str, Any] | None]
    tester_category: Mapped[TesterCategory | None]
    ai_model_provider: Mapped[AIModelProvider | None]
    ai_model_version: Mapped[str | None]
    ai_tokens_used: Mapped[int | None]
    ai_cost_usd: Mapped[Decimal | None] = mapped_column(sa.Numeric(8, 4))
    ai_inference_time_ms: Mapped[int | None]

    company: Mapped[Company | None] = relationship(back_populates="test_runs")
    test_request: Mapped[TestRequest | None] = relationship(back_populates="test_runs")
    # Recordings and logs (WriteOnlyMapped) can hold thousands of rows a run: they are never loaded
    # whole; query them with run.click_events.select(), add with run.click_events.add(...).
    human_corrections: Mapped[list[HumanCorrection]] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    constitutional_violations: Mapped[list[ConstitutionalViolation]] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    ai_inference_logs: WriteOnlyMapped[AIInferenceLog] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    quality_gate_checks: Mapped[list[QualityGateCheck]] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    bias_detection_results: Mapped[list[BiasDetectionResult]] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    agent_executions: WriteOnlyMapped[AgentExecution] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    velocity_analysis: Mapped[list[VelocityAnalysis]] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    page_performance: WriteOnlyMapped[PagePerformance] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    scroll_events: WriteOnlyMapped[ScrollEvent] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    click_events: WriteOnlyMapped[ClickEvent] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    form_interactions: WriteOnlyMapped[FormInteraction] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    rage_click_incidents: WriteOnlyMapped[RageClickIncident] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    mouse_movements: WriteOnlyMapped[MouseMovement] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    keyboard_events: WriteOnlyMapped[KeyboardEvent] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    visibility_changes: WriteOnlyMapped[VisibilityChange] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    network_requests: WriteOnlyMapped[NetworkRequest] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    console_logs: WriteOnlyMapped[ConsoleLog] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    javascript_errors: WriteOnlyMapped[JavascriptError] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    element_visibility: WriteOnlyMapped[ElementVisibility] = relationship(
        back_populates="test_run", cascade="all, delete", passive_deletes=True
    )
    ai_vs_human_comparison_as_ai: Mapped[list[AIVsHumanComparison]] = relationship(
        back_populates="ai_test_run",
        cascade="all, delete",
        passive_deletes=True,
        foreign_keys="AIVsHumanComparison.ai_test_run_id",
    )
    ai_vs_human_comparison_as_human: Mapped[list[AIVsHumanComparison]] = relationship(
        back_populates="human_test_run",
        cascade="all, delete",
        passive_deletes=True,
        foreign_keys="AIVsHumanComparison.human_test_run_id",
    )


class HumanTester(Base):
    __tablename__ = "human_testers"
    __table_args__ = (
        sa.CheckConstraint(
            "background_check_status IN ('not_required', 'pending', 'passed', 'failed')",
            name="background_check_status",
        ),
        sa.CheckConstraint(
            "id_verification_status IN ('pending', 'verified', 'rejected')", name="id_verification_status"
        ),
        sa.CheckConstraint("payment_method IN ('stripe', 'paypal', 'equity', 'hybrid')", name="payment_method"),
        sa.CheckConstraint("tier IN ('new', 'verified', 'expert', 'master')", name="tier"),
        sa.Index("idx_human_testers_ai_earnings", "total_ai_training_earnings"),
        sa.Index(
            "idx_human_testers_ai_provider",
            "ai_model_provider",
            postgresql_where=sa.text("ai_model_provider IS NOT NULL"),
        ),
        sa.Index(
            "idx_human_testers_auto_disabled",
            "auto_disabled",
            postgresql_where=sa.text("auto_disabled = true"),
        ),
        sa.Index("idx_human_testers_available", "is_available", postgresql_where=sa.text("is_available = true")),
        sa.Index("idx_human_testers_category", "tester_category"),
        sa.Index("idx_human_testers_earnings", "total_earnings_usd"),
        sa.Index("idx_human_testers_email", "email"),
        sa.Index("idx_human_testers_flagged", "is_flagged", postgresql_where=sa.text("is_flagged = true")),
        sa.Index("idx_human_testers_tier", "tier"),
        sa.Index("idx_human_testers_user", "user_id"),
        sa.Index("idx_testers_preferences", "preferences", postgresql_using="gin"),
        sa.Index("idx_testers_stats", "stats", postgresql_using="gin"),
    )

    id: Mapped[UUIDPrimaryKey]
    user_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("auth.users.id", ondelete="CASCADE"), unique=True)
    display_name: Mapped[str]
    bio: Mapped[str | None]
    avatar_url: Mapped[str | None]
    age: Mapped[int | None]
    tech_literacy: Mapped[str | None]
    primary_device: Mapped[str | None]
    location_country: Mapped[str | None]
    languages: Mapped[list[str] | None]
    total_tests_completed: Mapped[DefaultZero | None]
    average_rating: Mapped[float | None] = mapped_column(server_default=sa.text("0.0"))
    specialties: Mapped[list[str] | None]
    is_available: Mapped[DefaultTrue | None]
    hourly_rate_usd: Mapped[float | None]
    is_verified: Mapped[DefaultFalse | None]
    verified_at: Mapped[datetime | None]
    created_at: Mapped[TimestampNow | None]
    updated_at: Mapped[UpdatedAt | None]
    gender: Mapped[str | None]
    location: Mapped[str | None]
    native_language: Mapped[str | None]
    education_level: Mapped[str | None]
    occupation: Mapped[str | None]
    tech_experience: Mapped[str | None]
    visual_impairment: Mapped[str | None]
    hearing_impairment: Mapped[str | None]
    motor_impairment: Mapped[str | None]
    cognitive_impairment: Mapped[str | None]
    uses_screen_reader: Mapped[DefaultFalse | None]
    uses_magnification: Mapped[DefaultFalse | None]
    uses_voice_control: Mapped[DefaultFalse | None]
    uses_keyboard_only: Mapped[DefaultFalse | None]
    color_blindness: Mapped[str | None]
    screen_size: Mapped[str | None]
    internet_speed: Mapped[str | None]
    browser_preference: Mapped[str | None]
    preferred_test_types: Mapped[list[str] | None]
    available_hours: Mapped[str | None]
    timezone: Mapped[str | None]
    consent_screen_recording: Mapped[DefaultFalse | None]
    consent_cursor_tracking: Mapped[DefaultFalse | None]
    consent_eye_tracking: Mapped[DefaultFalse | None]
    consent_camera_access: Mapped[DefaultFalse | None]
    consent_data_training: Mapped[DefaultFalse | None]
    total_ai_training_earnings: Mapped[Decimal | None] = mapped_column(
        sa.Numeric(10, 2), server_default=sa.text("0.00")
    )
    ai_personas_trained: Mapped[DefaultZero | None]
    last_ai_payout_at: Mapped[datetime | None]
    email: Mapped[str | None]
    phone_number: Mapped[str | None]
    years_of_testing_experience: Mapped[DefaultZero | None]
    previous_platforms: Mapped[list[str] | None]
    preferred_industries: Mapped[list[str] | None]
    min_test_duration_minutes: Mapped[int | None] = mapped_column(server_default=sa.text("10"))
    max_test_duration_minutes: Mapped[int | None] = mapped_column(server_default=sa.text("60"))
    max_tests_per_week: Mapped[int | None] = mapped_column(server_default=sa.text("10"))
    payment_method: Mapped[str | None] = mapped_column(server_default="stripe")
    stripe_account_id: Mapped[str | None]
    paypal_email: Mapped[str | None]
    tax_id: Mapped[str | None]
    id_verification_status: Mapped[str | None] = mapped_column(server_default="pending")
    background_check_status: Mapped[str | None] = mapped_column(server_default="not_required")
    nda_signed: Mapped[DefaultFalse | None]
    nda_signed_at: Mapped[datetime | None]
    total_ratings: Mapped[DefaultZero | None]
    avg_communication_rating: Mapped[float | None] = mapped_column(server_default=sa.text("0.0"))
    avg_quality_rating: Mapped[float | None] = mapped_column(server_default=sa.text("0.0"))
    avg_timeliness_rating: Mapped[float | None] = mapped_column(server_default=sa.text("0.0"))
    positive_feedback_count: Mapped[DefaultZero | None]
    negative_feedback_count: Mapped[DefaultZero | None]
    would_work_again_percent: Mapped[float | None] = mapped_column(server_default=sa.text("0.0"))
    badges: Mapped[list[str] | None] = mapped_column(server_default=sa.text("ARRAY[]::text[]"))
    tier: Mapped[str | None] = mapped_column(server_default="new")
    platform_fee_percent: Mapped[int | None] = mapped_column(server_default=sa.text("30"))
    is_flagged: Mapped[DefaultFalse | None]
    flagged_at: Mapped[datetime | None]
    flag_reason: Mapped[str | None]
    auto_disabled: Mapped[DefaultFalse | None]
    disabled_at: Mapped[datetime | None]
    disabled_reason: Mapped[str | None]
    last_rating_check: Mapped[datetime | None]
    total_earnings_usd: Mapped[Decimal | None] = mapped_column(sa.Numeric(10, 2), server_default=sa.text("0.00"))
    preferences: Mapped[JsonObject | None]
    stats: Mapped[JsonObject | None]
    tester_category: Mapped[TesterCategory | None] = mapped_column(server_default="human")
    ai_model_provider: Mapped[AIModelProvider | None]
    ai_model_version: Mapped[str | None]
    ai_configuration: Mapped[JsonObject | None]

    human_corrections: Mapped[list[HumanCorrection]] = relationship(back_populates="tester", passive_deletes=True)
    constitutional_rules: Mapped[list[ConstitutionalRule]] = relationship(
        back_populates="tester", cascade="all, delete", passive_deletes=True
    )
    velocity_analysis: Mapped[list[VelocityAnalysis]] = relationship(
        back_populates="tester", cascade="all, delete", passive_deletes=True
    )
    ai_tester_performance: Mapped[list[AITesterPerformance]] = relationship(
        back_populates="tester", cascade="all, delete", passive_deletes=True
    )


class UserSession(Base):
    __tablename__ = "user_sessions"
    __table_args__ = (
        sa.Index("idx_user_sessions_completion_status", "completion_status"),
        sa.Index("idx_user_sessions_started_at", sa.desc("started_at")),
        sa.Index("idx_user_sessions_url", "url"),
    )

    id: Mapped[UUIDPrimaryKey]
    session_id: Mapped[str] = mapped_column(unique=True)
    url: Mapped[str]
    user_agent: Mapped[str | None]
    viewport_width: Mapped[int | None]
    viewport_height: Mapped[int | None]
    device_type: Mapped[str | None]
    started_at: Mapped[TimestampNow | None]
    ended_at: Mapped[datetime | None]
    duration_seconds: Mapped[int | None]
    estimated_age_range: Mapped[str | None]
    estimated_tech_literacy: Mapped[str | None]
    total_clicks: Mapped[DefaultZero | None]
    total_scrolls: Mapped[DefaultZero | None]
    total_errors: Mapped[DefaultZero | None]
    total_hesitations: Mapped[DefaultZero | None]
    completion_status: Mapped[str | None]
    anonymized: Mapped[DefaultTrue | None]
    consent_given: Mapped[DefaultFalse | None]
    created_at: Mapped[TimestampNow | None]
