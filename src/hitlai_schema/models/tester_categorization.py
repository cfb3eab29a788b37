"""Tester categorization: AI versus human testers, their pricing, capabilities and benchmarks."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hitlai_schema.models.base import (
    Base,
    DefaultFalse,
    DefaultTrue,
    DefaultZero,
    JsonObject,
    Policy,
    TimestampNow,
    UpdatedAt,
    UUIDPrimaryKey,
    policies,
)
from hitlai_schema.models.enums import AICapabilityLevel, AIModelProvider, TesterCategory

if TYPE_CHECKING:
    from hitlai_schema.models.core import Company, HumanTester, TestRequest, TestRun


class AITesterPerformance(Base):
    __tablename__ = "ai_tester_performance"
    __table_args__ = (
        sa.Index("idx_ai_tester_performance_period", sa.desc("period_start")),
        sa.Index("idx_ai_tester_performance_provider", "ai_model_provider"),
        sa.Index("idx_ai_tester_performance_tester", "tester_id"),
        {"comment": "Performance of an AI tester over a period, beside comparable human testers"},
    )

    id: Mapped[UUIDPrimaryKey]
    tester_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("human_testers.id", ondelete="CASCADE"))
    ai_model_provider: Mapped[AIModelProvider]
    model_version: Mapped[str]
    period_start: Mapped[datetime]
    period_end: Mapped[datetime]
    total_tests_completed: Mapped[DefaultZero | None]
    avg_test_duration_minutes: Mapped[Decimal | None] = mapped_column(sa.Numeric(6, 2))
    avg_quality_score: Mapped[Decimal | None] = mapped_column(sa.Numeric(3, 2))
    issues_found: Mapped[DefaultZero | None]
    false_positives: Mapped[DefaultZero | None]
    false_negatives: Mapped[DefaultZero | None]
    accuracy_rate: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    human_corrections_count: Mapped[DefaultZero | None]
    correction_rate: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    total_cost_usd: Mapped[Decimal | None] = mapped_column(sa.Numeric(10, 2))
    cost_per_test_usd: Mapped[Decimal | None] = mapped_column(sa.Numeric(8, 4))
    tokens_used: Mapped[int | None]
    vs_human_speed_ratio: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    vs_human_quality_ratio: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    vs_human_cost_ratio: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    created_at: Mapped[TimestampNow | None]

    tester: Mapped[HumanTester | None] = relationship(back_populates="ai_tester_performance")


class AIVsHumanComparison(Base):
    __tablename__ = "ai_vs_human_comparison"
    __table_args__ = (
        sa.Index("idx_ai_vs_human_comparison_provider", "ai_model_provider"),
        sa.Index("idx_ai_vs_human_comparison_test", "test_request_id"),
        sa.Index("idx_ai_vs_human_comparison_winner", "better_performer"),
        {"comment": "Side-by-side results of an AI and a human test run of the same request"},
    )

    id: Mapped[UUIDPrimaryKey]
    test_request_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("test_requests.id", ondelete="CASCADE"))
    human_test_run_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("test_runs.id", ondelete="CASCADE"))
    human_issues_found: Mapped[int | None]
    human_test_duration_minutes: Mapped[int | None]
    human_quality_score: Mapped[Decimal | None] = mapped_column(sa.Numeric(3, 2))
    ai_test_run_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("test_runs.id", ondelete="CASCADE"))
    ai_model_provider: Mapped[AIModelProvider]
    ai_issues_found: Mapped[int | None]
    ai_test_duration_minutes: Mapped[int | None]
    ai_quality_score: Mapped[Decimal | None] = mapped_column(sa.Numeric(3, 2))
    ai_cost_usd: Mapped[Decimal | None] = mapped_column(sa.Numeric(8, 4))
    issues_overlap: Mapped[int | None]
    issues_only_human: Mapped[int | None]
    issues_only_ai: Mapped[int | None]
    agreement_rate: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    better_performer: Mapped[str | None]
    reasoning: Mapped[str | None]
    validated_by: Mapped[uuid.UUID | None]
    validation_notes: Mapped[str | None]
    created_at: Mapped[TimestampNow | None]

    ai_test_run: Mapped[TestRun | None] = relationship(
        back_populates="ai_vs_human_comparison_as_ai", foreign_keys=[ai_test_run_id]
    )
    human_test_run: Mapped[TestRun | None] = relationship(
        back_populates="ai_vs_human_comparison_as_human", foreign_keys=[human_test_run_id]
    )
    test_request: Mapped[TestRequest | None] = relationship(back_populates="ai_vs_human_comparison")


class AITesterPricing(Base):
    __tablename__ = "ai_tester_pricing"
    __table_args__ = (
        sa.Index("idx_ai_tester_pricing_active", "is_active", postgresql_where=sa.text("is_active = true")),
        sa.Index("idx_ai_tester_pricing_category", "tester_category"),
        sa.Index("idx_ai_tester_pricing_effective", "effective_from", "effective_until"),
        sa.Index("idx_ai_tester_pricing_provider", "ai_model_provider"),
        {
            "comment": "Price per test and revenue split for each tester category and AI provider",
            "info": policies(Policy("catalog_reads_active_pricing", "SELECT", ("authenticated",), "is_active")),
        },
    )

    id: Mapped[UUIDPrimaryKey]
    tester_category: Mapped[TesterCategory]
    ai_model_provider: Mapped[AIModelProvider | None]
    base_price_per_test_usd: Mapped[Decimal] = mapped_column(sa.Numeric(8, 2))
    price_per_minute_usd: Mapped[Decimal | None] = mapped_column(sa.Numeric(6, 4))
    platform_fee_percent: Mapped[Decimal] = mapped_column(sa.Numeric(5, 2))
    tester_payout_percent: Mapped[Decimal] = mapped_column(sa.Numeric(5, 2))
    volume_discount_threshold: Mapped[int | None]
    volume_discount_percent: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    effective_from: Mapped[datetime]
    effective_until: Mapped[datetime | None]
    is_active: Mapped[DefaultTrue | None]
    description: Mapped[str | None]
    created_at: Mapped[TimestampNow | None]
    updated_at: Mapped[UpdatedAt | None]


class AIModelCapability(Base):
    __tablename__ = "ai_model_capabilities"
    __table_args__ = (
        sa.Index(
            "idx_ai_model_capabilities_available",
            "is_available",
            postgresql_where=sa.text("is_available = true"),
        ),
        sa.Index("idx_ai_model_capabilities_provider", "ai_model_provider"),
        sa.Index(
            "idx_ai_model_capabilities_recommended",
            "is_recommended",
            postgresql_where=sa.text("is_recommended = true"),
        ),
        {
            "comment": "What each AI model version can test, at what accuracy and cost",
            "info": policies(Policy("catalog_reads_available_models", "SELECT", ("authenticated",), "is_available")),
        },
    )

    id: Mapped[UUIDPrimaryKey]
    ai_model_provider: Mapped[AIModelProvider]
    model_version: Mapped[str]
    supports_web_testing: Mapped[DefaultTrue | None]
    supports_mobile_testing: Mapped[DefaultFalse | None]
    supports_accessibility: Mapped[DefaultTrue | None]
    supports_performance: Mapped[DefaultTrue | None]
    supports_security: Mapped[DefaultFalse | None]
    supported_test_types: Mapped[list[str]]
    supported_languages: Mapped[list[str]]
    max_test_duration_minutes: Mapped[int | None]
    max_pages_per_test: Mapped[int | None]
    requires_screenshots: Mapped[DefaultTrue | None]
    avg_response_time_seconds: Mapped[Decimal | None] = mapped_column(sa.Numeric(6, 2))
    context_window_tokens: Mapped[int | None]
    typical_accuracy_rate: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    typical_false_positive_rate: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    cost_per_1k_tokens_usd: Mapped[Decimal | None] = mapped_column(sa.Numeric(6, 4))
    estimated_tokens_per_test: Mapped[int | None]
    is_available: Mapped[DefaultTrue | None]
    is_recommended: Mapped[DefaultFalse | None]
    description: Mapped[str | None]
    strengths: Mapped[list[str] | None]
    weaknesses: Mapped[list[str] | None]
    created_at: Mapped[TimestampNow | None]
    updated_at: Mapped[UpdatedAt | None]

    ai_capability_benchmarks: Mapped[list[AICapabilityBenchmark]] = relationship(
        back_populates="ai_model_capability", passive_deletes=True
    )


class AITesterAssignmentPreference(Base):
    __tablename__ = "ai_tester_assignment_preferences"
    __table_args__ = (
        sa.Index("idx_ai_tester_assignment_prefs_company", "company_id", unique=True),
        {"comment": "How a company wants tests split between AI and human testers"},
    )

    id: Mapped[UUIDPrimaryKey]
    company_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"))
    allow_ai_testers: Mapped[DefaultTrue | None]
    allow_third_party_ai: Mapped[DefaultTrue | None]
    allow_hitl_ai: Mapped[DefaultTrue | None]
    preferred_ai_providers: Mapped[list[AIModelProvider] | None]
    blocked_ai_providers: Mapped[list[AIModelProvider] | None]
    min_ai_quality_score: Mapped[Decimal | None] = mapped_column(sa.Numeric(3, 2), server_default=sa.text("0.70"))
    require_human_validation: Mapped[DefaultFalse | None]
    max_cost_per_test_usd: Mapped[Decimal | None] = mapped_column(sa.Numeric(8, 2))
    prefer_cost_over_speed: Mapped[DefaultFalse | None]
    ai_for_test_types: Mapped[list[str] | None]
    human_only_for_test_types: Mapped[list[str] | None]
    created_at: Mapped[TimestampNow | None]
    updated_at: Mapped[UpdatedAt | None]

    company: Mapped[Company | None] = relationship(back_populates="ai_tester_assignment_preferences")


class AICapabilityBenchmark(Base):
    __tablename__ = "ai_capability_benchmarks"
    __table_args__ = (
        sa.CheckConstraint("score >= 0 AND score <= 100", name="score"),
        sa.CheckConstraint("human_baseline_score >= 0 AND human_baseline_score <= 100", name="human_baseline_score"),
        sa.CheckConstraint("sample_size > 0", name="sample_size"),
        sa.Index("idx_ai_capability_benchmarks_model", "ai_model_provider", "model_version"),
        sa.Index("idx_ai_capability_benchmarks_benchmark", "benchmark_name", sa.desc("run_at")),
        sa.Index("idx_ai_capability_benchmarks_level", "capability_level"),
        sa.Index("idx_ai_capability_benchmarks_capability", "ai_model_capability_id"),
        {
            "comment": "Benchmark results of AI model versions, with a human baseline",
            "info": policies(Policy("catalog_reads_benchmarks", "SELECT", ("authenticated",), "true")),
        },
    )

    id: Mapped[UUIDPrimaryKey]
    ai_model_capability_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("ai_model_capabilities.id", ondelete="SET NULL")
    )
    ai_model_provider: Mapped[AIModelProvider]
    model_version: Mapped[str]
    benchmark_name: Mapped[str]
    benchmark_version: Mapped[str | None]
    test_type: Mapped[str | None]
    capability_level: Mapped[AICapabilityLevel]
    score: Mapped[Decimal] = mapped_column(sa.Numeric(5, 2))
    human_baseline_score: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    sample_size: Mapped[int | None]
    passed: Mapped[bool | None]
    results: Mapped[JsonObject | None]
    notes: Mapped[str | None]
    run_at: Mapped[TimestampNow]
    created_at: Mapped[TimestampNow | None]

    ai_model_capability: Mapped[AIModelCapability | None] = relationship(back_populates="ai_capability_benchmarks")
