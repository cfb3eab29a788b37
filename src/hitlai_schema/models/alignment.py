"""AI alignment: RLHF corrections, constitutional rules, red teaming, inference logs and AGI governance."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hitlai_schema.models.base import (
    Base,
    DefaultFalse,
    DefaultTrue,
    DefaultZero,
    JsonObject,
    TimestampNow,
    UpdatedAt,
    UUIDPrimaryKey,
)

if TYPE_CHECKING:
    from hitlai_schema.models.core import Company, HumanTester, TestRun


class AIAlignmentMetric(Base):
    __tablename__ = "ai_alignment_metrics"
    __table_args__ = (
        sa.CheckConstraint("alignment_score >= 0 AND alignment_score <= 1", name="alignment_score"),
        sa.Index("idx_alignment_metrics_measured_at", sa.desc("measured_at")),
        sa.Index("idx_alignment_metrics_version", "model_version"),
        {"comment": "Alignment, safety and bias scores measured for each AI model version"},
    )

    id: Mapped[UUIDPrimaryKey]
    model_version: Mapped[str]
    alignment_score: Mapped[Decimal | None] = mapped_column(sa.Numeric(3, 2))
    safety_violations: Mapped[DefaultZero | None]
    human_override_count: Mapped[DefaultZero | None]
    hallucination_rate: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 4))
    bias_score: Mapped[Decimal | None] = mapped_column(sa.Numeric(3, 2))
    measured_at: Mapped[TimestampNow | None]
    metrics: Mapped[JsonObject | None]
    created_at: Mapped[TimestampNow | None]


class HumanCorrection(Base):
    __tablename__ = "human_corrections"
    __table_args__ = (
        sa.CheckConstraint(
            "correction_quality_score >= 1 AND correction_quality_score <= 5", name="correction_quality_score"
        ),
        sa.Index("idx_human_corrections_test_run", "test_run_id"),
        sa.Index("idx_human_corrections_tester", "tester_id"),
        sa.Index(
            "idx_human_corrections_training",
            "used_for_training",
            postgresql_where=sa.text("used_for_training = true"),
        ),
        sa.Index("idx_human_corrections_type", "correction_type"),
        {"comment": "Corrections human testers made to AI findings, kept as RLHF training data"},
    )

    id: Mapped[UUIDPrimaryKey]
    test_run_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("test_runs.id", ondelete="CASCADE"))
    tester_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("human_testers.id", ondelete="SET NULL"))
    ai_finding: Mapped[str]
    ai_severity: Mapped[str | None]
    ai_confidence: Mapped[Decimal | None] = mapped_column(sa.Numeric(3, 2))
    corrected_finding: Mapped[str]
    corrected_severity: Mapped[str | None]
    correction_type: Mapped[str]
    correction_reasoning: Mapped[str | None]
    correction_quality_score: Mapped[int | None]
    verified_by: Mapped[uuid.UUID | None]
    verified_at: Mapped[datetime | None]
    used_for_training: Mapped[DefaultFalse | None]
    training_batch_id: Mapped[uuid.UUID | None]
    created_at: Mapped[TimestampNow | None]
    updated_at: Mapped[UpdatedAt | None]

    test_run: Mapped[TestRun | None] = relationship(back_populates="human_corrections")
    tester: Mapped[HumanTester | None] = relationship(back_populates="human_corrections")


class ConstitutionalRule(Base):
    __tablename__ = "constitutional_rules"
    __table_args__ = (
        sa.Index("idx_constitutional_rules_active", "is_active", postgresql_where=sa.text("is_active = true")),
        sa.Index(
            "idx_constitutional_rules_company",
            "company_id",
            postgresql_where=sa.text("company_id IS NOT NULL"),
        ),
        sa.Index("idx_constitutional_rules_level", "rule_level"),
        sa.Index("idx_constitutional_rules_priority", sa.desc("priority")),
        {"comment": "Rules the AI must obey, layered from platform-wide to company, tester and platform scope"},
    )

    id: Mapped[UUIDPrimaryKey]
    rule_level: Mapped[str]
    priority: Mapped[int] = mapped_column(server_default=sa.text("100"))
    company_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"))
    tester_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("human_testers.id", ondelete="CASCADE"))
    platform: Mapped[str | None]
    rule_name: Mapped[str]
    rule_description: Mapped[str]
    rule_type: Mapped[str]
    rule_condition: Mapped[dict[str, Any]]
    rule_action: Mapped[str]
    enforcement_level: Mapped[str] = mapped_column(server_default="strict")
    is_active: Mapped[DefaultTrue | None]
    created_by: Mapped[uuid.UUID | None]
    approved_by: Mapped[uuid.UUID | None]
    violation_count: Mapped[DefaultZero | None]
    last_violation_at: Mapped[datetime | None]
    created_at: Mapped[TimestampNow | None]
    updated_at: Mapped[UpdatedAt | None]

    company: Mapped[Company | None] = relationship(back_populates="constitutional_rules")
    tester: Mapped[HumanTester | None] = relationship(back_populates="constitutional_rules")
    constitutional_violations: Mapped[list[ConstitutionalViolation]] = relationship(
        back_populates="rule", cascade="all, delete", passive_deletes=True
    )


class ConstitutionalViolation(Base):
    __tablename__ = "constitutional_violations"
    __table_args__ = (
        sa.Index("idx_constitutional_violations_rule", "rule_id"),
        sa.Index("idx_constitutional_violations_severity", "violation_severity"),
        sa.Index("idx_constitutional_violations_test", "test_run_id"),
        sa.Index(
            "idx_constitutional_violations_unresolved",
            "resolved",
            postgresql_where=sa.text("resolved = false"),
        ),
        {"comment": "Each time an AI output broke a constitutional rule, and what was done about it"},
    )

    id: Mapped[UUIDPrimaryKey]
    rule_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("constitutional_rules.id", ondelete="CASCADE"))
    test_run_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("test_runs.id", ondelete="CASCADE"))
    violation_type: Mapped[str]
    violation_severity: Mapped[str]
    violation_description: Mapped[str]
    ai_output: Mapped[str | None]
    ai_confidence: Mapped[Decimal | None] = mapped_column(sa.Numeric(3, 2))
    action_taken: Mapped[str]
    resolved: Mapped[DefaultFalse | None]
    resolved_by: Mapped[uuid.UUID | None]
    resolved_at: Mapped[datetime | None]
    resolution_notes: Mapped[str | None]
    created_at: Mapped[TimestampNow | None]

    rule: Mapped[ConstitutionalRule | None] = relationship(back_populates="constitutional_violations")
    test_run: Mapped[TestRun | None] = relationship(back_populates="constitutional_violations")


class RedTeamTest(Base):
    __tablename__ = "red_team_tests"
    __table_args__ = (
        sa.Index("idx_red_team_tests_category", "test_category"),
        sa.Index("idx_red_team_tests_model", "model_version"),
        sa.Index("idx_red_team_tests_status", "test_status"),
        sa.Index(
            "idx_red_team_tests_vulnerability",
            "vulnerability_found",
            postgresql_where=sa.text("vulnerability_found = true"),
        ),
        {"comment": "Adversarial prompts and scenarios run against the AI to probe for weaknesses"},
    )

    id: Mapped[UUIDPrimaryKey]
    test_name: Mapped[str]
    test_category: Mapped[str]
    attack_vector: Mapped[str]
    test_description: Mapped[str]
    model_version: Mapped[str]
    test_input: Mapped[dict[str, Any]]
    expected_behavior: Mapped[str]
    test_status: Mapped[str] = mapped_column(server_default="pending")
    actual_output: Mapped[str | None]
    vulnerability_found: Mapped[DefaultFalse | None]
    severity: Mapped[str | None]
    executed_by: Mapped[uuid.UUID | None]
    executed_at: Mapped[datetime | None]
    execution_time_ms: Mapped[int | None]
    created_at: Mapped[TimestampNow | None]

    red_team_vulnerabilities: Mapped[list[RedTeamVulnerability]] = relationship(
        back_populates="test", cascade="all, delete", passive_deletes=True
    )


class RedTeamVulnerability(Base):
    __tablename__ = "red_team_vulnerabilities"
    __table_args__ = (
        sa.Index("idx_red_team_vulnerabilities_open", "status", postgresql_where=sa.text("status = 'open'::text")),
        sa.Index("idx_red_team_vulnerabilities_severity", "severity"),
        sa.Index("idx_red_team_vulnerabilities_status", "status"),
        sa.Index("idx_red_team_vulnerabilities_test", "test_id"),
        {"comment": "Weaknesses found by red-team tests, with severity and remediation status"},
    )

    id: Mapped[UUIDPrimaryKey]
    test_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("red_team_tests.id", ondelete="CASCADE"))
    vulnerability_type: Mapped[str]
    severity: Mapped[str]
    title: Mapped[str]
    description: Mapped[str]
    impact_description: Mapped[str]
    affected_models: Mapped[list[str]]
    reproducibility: Mapped[str]
    status: Mapped[str] = mapped_column(server_default="open")
    remediation_plan: Mapped[str | None]
    fixed_in_version: Mapped[str | None]
    fixed_by: Mapped[uuid.UUID | None]
    fixed_at: Mapped[datetime | None]
    reported_by: Mapped[uuid.UUID | None]
    assigned_to: Mapped[uuid.UUID | None]
    created_at: Mapped[TimestampNow | None]
    updated_at: Mapped[UpdatedAt | None]

    test: Mapped[RedTeamTest | None] = relationship(back_populates="red_team_vulnerabilities")


class AIInferenceLog(Base):
    __tablename__ = "ai_inference_logs"
    __table_args__ = (
        sa.CheckConstraint("human_rating >= 1 AND human_rating <= 5", name="human_rating"),
        sa.Index("idx_ai_inference_logs_created_at", sa.desc("created_at")),
        sa.Index(
            "idx_ai_inference_logs_flagged",
            "flagged_for_review",
            postgresql_where=sa.text("flagged_for_review = true"),
        ),
        sa.Index("idx_ai_inference_logs_model", "model_version"),
        sa.Index("idx_ai_inference_logs_test_run", "test_run_id"),
        {"comment": "One row per AI model call: prompt, response, tokens, cost and latency"},
    )

    id: Mapped[UUIDPrimaryKey]
    test_run_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("test_runs.id", ondelete="CASCADE"))
    model_version: Mapped[str]
    model_provider: Mapped[str]
    input_prompt: Mapped[str]
    input_tokens: Mapped[int | None]
    input_context: Mapped[dict[str, Any] | None]
    output_text: Mapped[str]
    output_tokens: Mapped[int | None]
    confidence_score: Mapped[Decimal | None] = mapped_column(sa.Numeric(3, 2))
    latency_ms: Mapped[int]
    cost_usd: Mapped[Decimal | None] = mapped_column(sa.Numeric(10, 6))
    flagged_for_review: Mapped[DefaultFalse | None]
    flag_reason: Mapped[str | None]
    human_reviewed: Mapped[DefaultFalse | None]
    human_rating: Mapped[int | None]
    constitutional_check_passed: Mapped[DefaultTrue | None]
    violated_rules: Mapped[list[uuid.UUID] | None]
    created_at: Mapped[TimestampNow | None]

    test_run: Mapped[TestRun | None] = relationship(back_populates="ai_inference_logs")
    quality_gate_checks: Mapped[list[QualityGateCheck]] = relationship(
        back_populates="inference_log", cascade="all, delete", passive_deletes=True
    )


class QualityGateCheck(Base):
    __tablename__ = "quality_gate_checks"
    __table_args__ = (
        sa.Index("idx_quality_gate_checks_failed", "passed", postgresql_where=sa.text("passed = false")),
        sa.Index("idx_quality_gate_checks_test_run", "test_run_id"),
        sa.Index("idx_quality_gate_checks_type", "gate_type"),
        {"comment": "Automated checks of AI output for hallucination, laziness and other quality failures"},
    )

    id: Mapped[UUIDPrimaryKey]
    test_run_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("test_runs.id", ondelete="CASCADE"))
    inference_log_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("ai_inference_logs.id", ondelete="CASCADE")
    )
    gate_type: Mapped[str]
    passed: Mapped[bool]
    confidence: Mapped[Decimal | None] = mapped_column(sa.Numeric(3, 2))
    score: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    issues_found: Mapped[list[str] | None]
    evidence: Mapped[dict[str, Any] | None]
    reasoning: Mapped[str | None]
    action: Mapped[str]
    created_at: Mapped[TimestampNow | None]

    inference_log: Mapped[AIInferenceLog | None] = relationship(back_populates="quality_gate_checks")
    test_run: Mapped[TestRun | None] = relationship(back_populates="quality_gate_checks")


class BiasDetectionResult(Base):
    __tablename__ = "bias_detection_results"
    __table_args__ = (
        sa.Index("idx_bias_detection_detected", "bias_detected", postgresql_where=sa.text("bias_detected = true")),
        sa.Index("idx_bias_detection_model", "model_version"),
        sa.Index("idx_bias_detection_test_run", "test_run_id"),
        {"comment": "Bias found in AI output for a test run, by bias type"},
    )

    id: Mapped[UUIDPrimaryKey]
    test_run_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("test_runs.id", ondelete="CASCADE"))
    model_version: Mapped[str]
    demographic_bias_score: Mapped[Decimal | None] = mapped_column(sa.Numeric(3, 2))
    platform_bias_score: Mapped[Decimal | None] = mapped_column(sa.Numeric(3, 2))
    language_bias_score: Mapped[Decimal | None] = mapped_column(sa.Numeric(3, 2))
    temporal_bias_score: Mapped[Decimal | None] = mapped_column(sa.Numeric(3, 2))
    overall_bias_score: Mapped[Decimal] = mapped_column(sa.Numeric(3, 2))
    bias_detected: Mapped[DefaultFalse | None]
    bias_categories: Mapped[list[str] | None]
    bias_evidence: Mapped[dict[str, Any] | None]
    affected_groups: Mapped[list[str] | None]
    mitigation_applied: Mapped[DefaultFalse | None]
    mitigation_strategy: Mapped[str | None]
    created_at: Mapped[TimestampNow | None]

    test_run: Mapped[TestRun | None] = relationship(back_populates="bias_detection_results")


class AGICapabilityMilestone(Base):
    __tablename__ = "agi_capability_milestones"
    __table_args__ = (
        sa.CheckConstraint("capability_level >= 1 AND capability_level <= 5", name="capability_level"),
        sa.Index("idx_agi_milestones_approved", "approved_for_deployment"),
        sa.Index("idx_agi_milestones_demonstrated", "demonstrated"),
        sa.Index("idx_agi_milestones_level", "capability_level"),
        {"comment": "Capability milestones the AI has reached or is measured against"},
    )

    id: Mapped[UUIDPrimaryKey]
    capability_name: Mapped[str]
    capability_level: Mapped[int]
    capability_description: Mapped[str]
    demonstrated: Mapped[DefaultFalse | None]
    validated_by: Mapped[uuid.UUID | None]
    validation_date: Mapped[datetime | None]
    validation_evidence: Mapped[str | None]
    safety_audit_passed: Mapped[DefaultFalse | None]
    alignment_verified: Mapped[DefaultFalse | None]
    red_team_passed: Mapped[DefaultFalse | None]
    approved_for_deployment: Mapped[DefaultFalse | None]
    approved_by: Mapped[uuid.UUID | None]
    approval_date: Mapped[datetime | None]
    monitoring_requirements: Mapped[dict[str, Any] | None]
    rollback_procedure: Mapped[str | None]
    created_at: Mapped[TimestampNow | None]
    updated_at: Mapped[UpdatedAt | None]

    agi_safety_decisions: Mapped[list[AGISafetyDecision]] = relationship(
        back_populates="capability_milestone", passive_deletes="all"
    )


class AGISafetyDecision(Base):
    __tablename__ = "agi_safety_decisions"
    __table_args__ = (
        sa.Index("idx_agi_safety_decisions_milestone", "capability_milestone_id"),
        sa.Index(
            "idx_agi_safety_decisions_review",
            "next_review_date",
            postgresql_where=sa.text("next_review_date IS NOT NULL"),
        ),
        sa.Index("idx_agi_safety_decisions_type", "decision_type"),
        {"comment": "Safety decisions taken before unlocking a capability, and who took them"},
    )

    id: Mapped[UUIDPrimaryKey]
    decision_type: Mapped[str]
    capability_milestone_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("agi_capability_milestones.id"))
    decision: Mapped[str]
    reasoning: Mapped[str]
    conditions: Mapped[dict[str, Any] | None]
    decided_by: Mapped[list[uuid.UUID]]
    unanimous: Mapped[bool]
    vote_breakdown: Mapped[dict[str, Any] | None]
    requires_review_in_days: Mapped[int | None]
    next_review_date: Mapped[date | None]
    created_at: Mapped[TimestampNow | None]

    capability_milestone: Mapped[AGICapabilityMilestone | None] = relationship(back_populates="agi_safety_decisions")
