"""Pydantic schemas of every model: <Model>Create, what a client may send, and <Model>Read, a stored row.

Generated from the models by `python -m hitlai_schema.codegen.pydantic_models`: do not edit by hand.
"""

import datetime
import decimal
import uuid
from typing import Annotated, Literal

from pydantic import AliasChoices, AwareDatetime, Field, IPvAnyInterface, NaiveDatetime

from hitlai_schema.models import (
    alignment,
    api_health,
    core,
    enums,
    monitoring,
    session_recording,
    tester_categorization,
)
from hitlai_schema.models.types import CreateSchema, Int4, Int8, Json, NotNull, Numeric, PostgresText, ReadSchema, Text


class AGICapabilityMilestoneCreate(CreateSchema[alignment.AGICapabilityMilestone]):
    """A new agi_capability_milestones row."""

    orm_class = alignment.AGICapabilityMilestone

    capability_name: Annotated[Text, NotNull]
    capability_level: Annotated[Annotated[Int4, Field(ge=1, le=5)], NotNull]
    capability_description: Annotated[Text, NotNull]
    demonstrated: bool | None = None
    validated_by: uuid.UUID | None = None
    validation_date: AwareDatetime | None = None
    validation_evidence: Text | None = None
    safety_audit_passed: bool | None = None
    alignment_verified: bool | None = None
    red_team_passed: bool | None = None
    approved_for_deployment: bool | None = None
    approved_by: uuid.UUID | None = None
    approval_date: AwareDatetime | None = None
    monitoring_requirements: Json | None = None
    rollback_procedure: Text | None = None
    created_at: AwareDatetime | None = None


class AGICapabilityMilestoneRead(ReadSchema):
    """A stored agi_capability_milestones row."""

    id: uuid.UUID
    capability_name: Text
    capability_level: Annotated[Int4, Field(ge=1, le=5)]
    capability_description: Text
    demonstrated: bool | None
    validated_by: uuid.UUID | None
    validation_date: AwareDatetime | None
    validation_evidence: Text | None
    safety_audit_passed: bool | None
    alignment_verified: bool | None
    red_team_passed: bool | None
    approved_for_deployment: bool | None
    approved_by: uuid.UUID | None
    approval_date: AwareDatetime | None
    monitoring_requirements: Json | None
    rollback_procedure: Text | None
    created_at: AwareDatetime | None
    updated_at: AwareDatetime | None


class AGISafetyDecisionCreate(CreateSchema[alignment.AGISafetyDecision]):
    """A new agi_safety_decisions row."""

    orm_class = alignment.AGISafetyDecision

    decision_type: Annotated[Text, NotNull]
    capability_milestone_id: uuid.UUID | None = None
    decision: Annotated[Text, NotNull]
    reasoning: Annotated[Text, NotNull]
    conditions: Json | None = None
    decided_by: Annotated[list[uuid.UUID], NotNull]
    unanimous: Annotated[bool, NotNull]
    vote_breakdown: Json | None = None
    requires_review_in_days: Int4 | None = None
    next_review_date: datetime.date | None = None
    created_at: AwareDatetime | None = None


class AGISafetyDecisionRead(ReadSchema):
    """A stored agi_safety_decisions row."""

    id: uuid.UUID
    decision_type: Text
    capability_milestone_id: uuid.UUID | None
    decision: Text
    reasoning: Text
    conditions: Json | None
    decided_by: list[uuid.UUID]
    unanimous: bool
    vote_breakdown: Json | None
    requires_review_in_days: Int4 | None
    next_review_date: datetime.date | None
    created_at: AwareDatetime | None


class AIAlignmentMetricCreate(CreateSchema[alignment.AIAlignmentMetric]):
    """A new ai_alignment_metrics row."""

    orm_class = alignment.AIAlignmentMetric

    model_version: Annotated[Text, NotNull]
    alignment_score: Annotated[decimal.Decimal, Numeric(3, 2, ge=0, le=1)] | None = None
    safety_violations: Int4 | None = None
    human_override_count: Int4 | None = None
    hallucination_rate: Annotated[decimal.Decimal, Numeric(5, 4)] | None = None
    bias_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None = None
    measured_at: AwareDatetime | None = None
    metrics: Json | None = None
    created_at: AwareDatetime | None = None


class AIAlignmentMetricRead(ReadSchema):
    """A stored ai_alignment_metrics row."""

    id: uuid.UUID
    model_version: Text
    alignment_score: Annotated[decimal.Decimal, Numeric(3, 2, ge=0, le=1)] | None
    safety_violations: Int4 | None
    human_override_count: Int4 | None
    hallucination_rate: Annotated[decimal.Decimal, Numeric(5, 4)] | None
    bias_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None
    measured_at: AwareDatetime | None
    metrics: Json | None
    created_at: AwareDatetime | None


class AICapabilityBenchmarkCreate(CreateSchema[tester_categorization.AICapabilityBenchmark]):
    """A new ai_capability_benchmarks row."""

    orm_class = tester_categorization.AICapabilityBenchmark

    ai_model_capability_id: uuid.UUID | None = None
    ai_model_provider: Annotated[enums.AIModelProvider, NotNull]
    model_version: Annotated[Text, NotNull]
    benchmark_name: Annotated[Text, NotNull]
    benchmark_version: Text | None = None
    test_type: Text | None = None
    capability_level: Annotated[enums.AICapabilityLevel, NotNull]
    score: Annotated[Annotated[decimal.Decimal, Numeric(5, 2, ge=0, le=100)], NotNull]
    human_baseline_score: Annotated[decimal.Decimal, Numeric(5, 2, ge=0, le=100)] | None = None
    sample_size: Annotated[Int4, Field(gt=0)] | None = None
    passed: bool | None = None
    results: Json | None = None
    notes: Text | None = None
    run_at: Annotated[AwareDatetime | None, NotNull] = None
    created_at: AwareDatetime | None = None


class AICapabilityBenchmarkRead(ReadSchema):
    """A stored ai_capability_benchmarks row."""

    id: uuid.UUID
    ai_model_capability_id: uuid.UUID | None
    ai_model_provider: enums.AIModelProvider
    model_version: Text
    benchmark_name: Text
    benchmark_version: Text | None
    test_type: Text | None
    capability_level: enums.AICapabilityLevel
    score: Annotated[decimal.Decimal, Numeric(5, 2, ge=0, le=100)]
    human_baseline_score: Annotated[decimal.Decimal, Numeric(5, 2, ge=0, le=100)] | None
    sample_size: Annotated[Int4, Field(gt=0)] | None
    passed: bool | None
    results: Json | None
    notes: Text | None
    run_at: AwareDatetime
    created_at: AwareDatetime | None


class AIInferenceLogCreate(CreateSchema[alignment.AIInferenceLog]):
    """A new ai_inference_logs row."""

    orm_class = alignment.AIInferenceLog

    test_run_id: uuid.UUID | None = None
    model_version: Annotated[Text, NotNull]
    model_provider: Annotated[Text, NotNull]
    input_prompt: Annotated[Text, NotNull]
    input_tokens: Int4 | None = None
    input_context: Json | None = None
    output_text: Annotated[Text, NotNull]
    output_tokens: Int4 | None = None
    confidence_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None = None
    latency_ms: Annotated[Int4, NotNull]
    cost_usd: Annotated[decimal.Decimal, Numeric(10, 6)] | None = None
    flagged_for_review: bool | None = None
    flag_reason: Text | None = None
    human_reviewed: bool | None = None
    human_rating: Annotated[Int4, Field(ge=1, le=5)] | None = None
    constitutional_check_passed: bool | None = None
    violated_rules: list[uuid.UUID] | None = None
    created_at: AwareDatetime | None = None


class AIInferenceLogRead(ReadSchema):
    """A stored ai_inference_logs row."""

    id: uuid.UUID
    test_run_id: uuid.UUID | None
    model_version: Text
    model_provider: Text
    input_prompt: Text
    input_tokens: Int4 | None
    input_context: Json | None
    output_text: Text
    output_tokens: Int4 | None
    confidence_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None
    latency_ms: Int4
    cost_usd: Annotated[decimal.Decimal, Numeric(10, 6)] | None
    flagged_for_review: bool | None
    flag_reason: Text | None
    human_reviewed: bool | None
    human_rating: Annotated[Int4, Field(ge=1, le=5)] | None
    constitutional_check_passed: bool | None
    violated_rules: list[uuid.UUID] | None
    created_at: AwareDatetime | None


class AIModelCapabilityCreate(CreateSchema[tester_categorization.AIModelCapability]):
    """A new ai_model_capabilities row."""

    orm_class = tester_categorization.AIModelCapability

    ai_model_provider: Annotated[enums.AIModelProvider, NotNull]
    model_version: Annotated[Text, NotNull]
    supports_web_testing: bool | None = None
    supports_mobile_testing: bool | None = None
    supports_accessibility: bool | None = None
    supports_performance: bool | None = None
    supports_security: bool | None = None
    supported_test_types: Annotated[list[Text], NotNull]
    supported_languages: Annotated[list[Text], NotNull]
    max_test_duration_minutes: Int4 | None = None
    max_pages_per_test: Int4 | None = None
    requires_screenshots: bool | None = None
    avg_response_time_seconds: Annotated[decimal.Decimal, Numeric(6, 2)] | None = None
    context_window_tokens: Int4 | None = None
    typical_accuracy_rate: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    typical_false_positive_rate: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    cost_per_1k_tokens_usd: Annotated[decimal.Decimal, Numeric(6, 4)] | None = None
    estimated_tokens_per_test: Int4 | None = None
    is_available: bool | None = None
    is_recommended: bool | None = None
    description: Text | None = None
    strengths: list[Text] | None = None
    weaknesses: list[Text] | None = None
    created_at: AwareDatetime | None = None


class AIModelCapabilityRead(ReadSchema):
    """A stored ai_model_capabilities row."""

    id: uuid.UUID
    ai_model_provider: enums.AIModelProvider
    model_version: Text
    supports_web_testing: bool | None
    supports_mobile_testing: bool | None
    supports_accessibility: bool | None
    supports_performance: bool | None
    supports_security: bool | None
    supported_test_types: list[Text]
    supported_languages: list[Text]
    max_test_duration_minutes: Int4 | None
    max_pages_per_test: Int4 | None
    requires_screenshots: bool | None
    avg_response_time_seconds: Annotated[decimal.Decimal, Numeric(6, 2)] | None
    context_window_tokens: Int4 | None
    typical_accuracy_rate: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    typical_false_positive_rate: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    cost_per_1k_tokens_usd: Annotated[decimal.Decimal, Numeric(6, 4)] | None
    estimated_tokens_per_test: Int4 | None
    is_available: bool | None
    is_recommended: bool | None
    description: Text | None
    strengths: list[Text] | None
    weaknesses: list[Text] | None
    created_at: AwareDatetime | None
    updated_at: AwareDatetime | None


class AITesterAssignmentPreferenceCreate(CreateSchema[tester_categorization.AITesterAssignmentPreference]):
    """A new ai_tester_assignment_preferences row."""

    orm_class = tester_categorization.AITesterAssignmentPreference

    company_id: uuid.UUID | None = None
    allow_ai_testers: bool | None = None
    allow_third_party_ai: bool | None = None
    allow_hitl_ai: bool | None = None
    preferred_ai_providers: list[enums.AIModelProvider] | None = None
    blocked_ai_providers: list[enums.AIModelProvider] | None = None
    min_ai_quality_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None = None
    require_human_validation: bool | None = None
    max_cost_per_test_usd: Annotated[decimal.Decimal, Numeric(8, 2)] | None = None
    prefer_cost_over_speed: bool | None = None
    ai_for_test_types: list[Text] | None = None
    human_only_for_test_types: list[Text] | None = None
    created_at: AwareDatetime | None = None


class AITesterAssignmentPreferenceRead(ReadSchema):
    """A stored ai_tester_assignment_preferences row."""

    id: uuid.UUID
    company_id: uuid.UUID | None
    allow_ai_testers: bool | None
    allow_third_party_ai: bool | None
    allow_hitl_ai: bool | None
    preferred_ai_providers: list[enums.AIModelProvider] | None
    blocked_ai_providers: list[enums.AIModelProvider] | None
    min_ai_quality_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None
    require_human_validation: bool | None
    max_cost_per_test_usd: Annotated[decimal.Decimal, Numeric(8, 2)] | None
    prefer_cost_over_speed: bool | None
    ai_for_test_types: list[Text] | None
    human_only_for_test_types: list[Text] | None
    created_at: AwareDatetime | None
    updated_at: AwareDatetime | None


class AITesterPerformanceCreate(CreateSchema[tester_categorization.AITesterPerformance]):
    """A new ai_tester_performance row."""

    orm_class = tester_categorization.AITesterPerformance

    tester_id: uuid.UUID | None = None
    ai_model_provider: Annotated[enums.AIModelProvider, NotNull]
    model_version: Annotated[Text, NotNull]
    period_start: Annotated[AwareDatetime, NotNull]
    period_end: Annotated[AwareDatetime, NotNull]
    total_tests_completed: Int4 | None = None
    avg_test_duration_minutes: Annotated[decimal.Decimal, Numeric(6, 2)] | None = None
    avg_quality_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None = None
    issues_found: Int4 | None = None
    false_positives: Int4 | None = None
    false_negatives: Int4 | None = None
    accuracy_rate: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    human_corrections_count: Int4 | None = None
    correction_rate: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    total_cost_usd: Annotated[decimal.Decimal, Numeric(10, 2)] | None = None
    cost_per_test_usd: Annotated[decimal.Decimal, Numeric(8, 4)] | None = None
    tokens_used: Int4 | None = None
    vs_human_speed_ratio: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    vs_human_quality_ratio: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    vs_human_cost_ratio: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    created_at: AwareDatetime | None = None


class AITesterPerformanceRead(ReadSchema):
    """A stored ai_tester_performance row."""

    id: uuid.UUID
    tester_id: uuid.UUID | None
    ai_model_provider: enums.AIModelProvider
    model_version: Text
    period_start: AwareDatetime
    period_end: AwareDatetime
    total_tests_completed: Int4 | None
    avg_test_duration_minutes: Annotated[decimal.Decimal, Numeric(6, 2)] | None
    avg_quality_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None
    issues_found: Int4 | None
    false_positives: Int4 | None
    false_negatives: Int4 | None
    accuracy_rate: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    human_corrections_count: Int4 | None
    correction_rate: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    total_cost_usd: Annotated[decimal.Decimal, Numeric(10, 2)] | None
    cost_per_test_usd: Annotated[decimal.Decimal, Numeric(8, 4)] | None
    tokens_used: Int4 | None
    vs_human_speed_ratio: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    vs_human_quality_ratio: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    vs_human_cost_ratio: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    created_at: AwareDatetime | None


class AITesterPricingCreate(CreateSchema[tester_categorization.AITesterPricing]):
    """A new ai_tester_pricing row."""

    orm_class = tester_categorization.AITesterPricing

    tester_category: Annotated[enums.TesterCategory, NotNull]
    ai_model_provider: enums.AIModelProvider | None = None
    base_price_per_test_usd: Annotated[Annotated[decimal.Decimal, Numeric(8, 2)], NotNull]
    price_per_minute_usd: Annotated[decimal.Decimal, Numeric(6, 4)] | None = None
    platform_fee_percent: Annotated[Annotated[decimal.Decimal, Numeric(5, 2)], NotNull]
    tester_payout_percent: Annotated[Annotated[decimal.Decimal, Numeric(5, 2)], NotNull]
    volume_discount_threshold: Int4 | None = None
    volume_discount_percent: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    effective_from: Annotated[AwareDatetime, NotNull]
    effective_until: AwareDatetime | None = None
    is_active: bool | None = None
    description: Text | None = None
    created_at: AwareDatetime | None = None


class AITesterPricingRead(ReadSchema):
    """A stored ai_tester_pricing row."""

    id: uuid.UUID
    tester_category: enums.TesterCategory
    ai_model_provider: enums.AIModelProvider | None
    base_price_per_test_usd: Annotated[decimal.Decimal, Numeric(8, 2)]
    price_per_minute_usd: Annotated[decimal.Decimal, Numeric(6, 4)] | None
    platform_fee_percent: Annotated[decimal.Decimal, Numeric(5, 2)]
    tester_payout_percent: Annotated[decimal.Decimal, Numeric(5, 2)]
    volume_discount_threshold: Int4 | None
    volume_discount_percent: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    effective_from: AwareDatetime
    effective_until: AwareDatetime | None
    is_active: bool | None
    description: Text | None
    created_at: AwareDatetime | None
    updated_at: AwareDatetime | None


class AIVsHumanComparisonCreate(CreateSchema[tester_categorization.AIVsHumanComparison]):
    """A new ai_vs_human_comparison row."""

    orm_class = tester_categorization.AIVsHumanComparison

    test_request_id: uuid.UUID | None = None
    human_test_run_id: uuid.UUID | None = None
    human_issues_found: Int4 | None = None
    human_test_duration_minutes: Int4 | None = None
    human_quality_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None = None
    ai_test_run_id: uuid.UUID | None = None
    ai_model_provider: Annotated[enums.AIModelProvider, NotNull]
    ai_issues_found: Int4 | None = None
    ai_test_duration_minutes: Int4 | None = None
    ai_quality_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None = None
    ai_cost_usd: Annotated[decimal.Decimal, Numeric(8, 4)] | None = None
    issues_overlap: Int4 | None = None
    issues_only_human: Int4 | None = None
    issues_only_ai: Int4 | None = None
    agreement_rate: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    better_performer: Text | None = None
    reasoning: Text | None = None
    validated_by: uuid.UUID | None = None
    validation_notes: Text | None = None
    created_at: AwareDatetime | None = None


class AIVsHumanComparisonRead(ReadSchema):
    """A stored ai_vs_human_comparison row."""

    id: uuid.UUID
    test_request_id: uuid.UUID | None
    human_test_run_id: uuid.UUID | None
    human_issues_found: Int4 | None
    human_test_duration_minutes: Int4 | None
    human_quality_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None
    ai_test_run_id: uuid.UUID | None
    ai_model_provider: enums.AIModelProvider
    ai_issues_found: Int4 | None
    ai_test_duration_minutes: Int4 | None
    ai_quality_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None
    ai_cost_usd: Annotated[decimal.Decimal, Numeric(8, 4)] | None
    issues_overlap: Int4 | None
    issues_only_human: Int4 | None
    issues_only_ai: Int4 | None
    agreement_rate: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    better_performer: Text | None
    reasoning: Text | None
    validated_by: uuid.UUID | None
    validation_notes: Text | None
    created_at: AwareDatetime | None


class APIAlertHistoryCreate(CreateSchema[api_health.APIAlertHistory]):
    """A new api_alert_history row."""

    orm_class = api_health.APIAlertHistory

    alert_rule_id: uuid.UUID | None = None
    endpoint: Annotated[Text, NotNull]
    metric_type: Annotated[Text, NotNull]
    metric_value: Annotated[Annotated[decimal.Decimal, Numeric(10, 2)], NotNull]
    threshold_value: Annotated[Annotated[decimal.Decimal, Numeric(10, 2)], NotNull]
    severity: Annotated[Text, NotNull]
    incident_created: bool | None = None
    incident_id: uuid.UUID | None = None
    notifications_sent: bool | None = None
    notification_details: Json | None = None
    resolved: bool | None = None
    resolved_at: AwareDatetime | None = None
    resolution_notes: Text | None = None
    triggered_at: Annotated[AwareDatetime, NotNull]
    created_at: AwareDatetime | None = None


class APIAlertHistoryRead(ReadSchema):
    """A stored api_alert_history row."""

    id: uuid.UUID
    alert_rule_id: uuid.UUID | None
    endpoint: Text
    metric_type: Text
    metric_value: Annotated[decimal.Decimal, Numeric(10, 2)]
    threshold_value: Annotated[decimal.Decimal, Numeric(10, 2)]
    severity: Text
    incident_created: bool | None
    incident_id: uuid.UUID | None
    notifications_sent: bool | None
    notification_details: Json | None
    resolved: bool | None
    resolved_at: AwareDatetime | None
    resolution_notes: Text | None
    triggered_at: AwareDatetime
    created_at: AwareDatetime | None


class APIAlertRuleCreate(CreateSchema[api_health.APIAlertRule]):
    """A new api_alert_rules row."""

    orm_class = api_health.APIAlertRule

    rule_name: Annotated[Text, NotNull]
    description: Text | None = None
    endpoint: Text | None = None
    metric_type: Annotated[Text, NotNull]
    operator: Annotated[Text, NotNull]
    threshold_value: Annotated[Annotated[decimal.Decimal, Numeric(10, 2)], NotNull]
    duration_minutes: Int4 | None = None
    severity: Annotated[Text, NotNull]
    create_incident: bool | None = None
    send_email: bool | None = None
    send_slack: bool | None = None
    notify_users: list[uuid.UUID] | None = None
    notify_emails: list[Text] | None = None
    is_active: bool | None = None
    last_triggered_at: AwareDatetime | None = None
    trigger_count: Int4 | None = None
    created_by: uuid.UUID | None = None
    created_at: AwareDatetime | None = None


class APIAlertRuleRead(ReadSchema):
    """A stored api_alert_rules row."""

    id: uuid.UUID
    rule_name: Text
    description: Text | None
    endpoint: Text | None
    metric_type: Text
    operator: Text
    threshold_value: Annotated[decimal.Decimal, Numeric(10, 2)]
    duration_minutes: Int4 | None
    severity: Text
    create_incident: bool | None
    send_email: bool | None
    send_slack: bool | None
    notify_users: list[uuid.UUID] | None
    notify_emails: list[Text] | None
    is_active: bool | None
    last_triggered_at: AwareDatetime | None
    trigger_count: Int4 | None
    created_by: uuid.UUID | None
    created_at: AwareDatetime | None
    updated_at: AwareDatetime | None


class APICallLogCreate(CreateSchema[monitoring.APICallLog]):
    """A new api_call_logs row."""

    orm_class = monitoring.APICallLog

    method: Annotated[Text, NotNull]
    endpoint: Annotated[Text, NotNull]
    path: Annotated[Text, NotNull]
    query_params: Json | None = None
    user_id: uuid.UUID | None = None
    company_id: uuid.UUID | None = None
    ip_address: IPvAnyInterface | None = None
    user_agent: Text | None = None
    request_body: Json | None = None
    response_status: Annotated[Int4, NotNull]
    response_body: Json | None = None
    duration_ms: Annotated[Int4, NotNull]
    auth_method: Text | None = None
    rate_limited: bool | None = None
    error_occurred: bool | None = None
    error_message: Text | None = None
    created_at: Annotated[AwareDatetime | None, NotNull] = None


class APICallLogRead(ReadSchema):
    """A stored api_call_logs row."""

    id: uuid.UUID
    method: Text
    endpoint: Text
    path: Text
    query_params: Json | None
    user_id: uuid.UUID | None
    company_id: uuid.UUID | None
    ip_address: IPvAnyInterface | None
    user_agent: Text | None
    request_body: Json | None
    response_status: Int4
    response_body: Json | None
    duration_ms: Int4
    auth_method: Text | None
    rate_limited: bool | None
    error_occurred: bool | None
    error_message: Text | None
    created_at: AwareDatetime


class APIEndpointConfigCreate(CreateSchema[api_health.APIEndpointConfig]):
    """A new api_endpoint_configs row."""

    orm_class = api_health.APIEndpointConfig

    endpoint: Annotated[Text, NotNull]
    method: Annotated[Text, NotNull]
    display_name: Annotated[Text, NotNull]
    description: Text | None = None
    category: Text | None = None
    health_check_enabled: bool | None = None
    health_check_interval_seconds: Int4 | None = None
    health_check_timeout_ms: Int4 | None = None
    response_time_warning_ms: Int4 | None = None
    response_time_critical_ms: Int4 | None = None
    error_rate_warning_percent: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    error_rate_critical_percent: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    sla_uptime_percent: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    sla_response_time_ms: Int4 | None = None
    estimated_cost_per_request_usd: Annotated[decimal.Decimal, Numeric(10, 6)] | None = None
    is_active: bool | None = None
    is_public: bool | None = None
    maintenance_mode: bool | None = None
    maintenance_message: Text | None = None
    maintenance_scheduled_start: AwareDatetime | None = None
    maintenance_scheduled_end: AwareDatetime | None = None
    created_at: AwareDatetime | None = None


class APIEndpointConfigRead(ReadSchema):
    """A stored api_endpoint_configs row."""

    id: uuid.UUID
    endpoint: Text
    method: Text
    display_name: Text
    description: Text | None
    category: Text | None
    health_check_enabled: bool | None
    health_check_interval_seconds: Int4 | None
    health_check_timeout_ms: Int4 | None
    response_time_warning_ms: Int4 | None
    response_time_critical_ms: Int4 | None
    error_rate_warning_percent: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    error_rate_critical_percent: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    sla_uptime_percent: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    sla_response_time_ms: Int4 | None
    estimated_cost_per_request_usd: Annotated[decimal.Decimal, Numeric(10, 6)] | None
    is_active: bool | None
    is_public: bool | None
    maintenance_mode: bool | None
    maintenance_message: Text | None
    maintenance_scheduled_start: AwareDatetime | None
    maintenance_scheduled_end: AwareDatetime | None
    created_at: AwareDatetime | None
    updated_at: AwareDatetime | None


class APIHealthMetricCreate(CreateSchema[api_health.APIHealthMetric]):
    """A new api_health_metrics row."""

    orm_class = api_health.APIHealthMetric

    endpoint: Annotated[Text, NotNull]
    method: Annotated[Text, NotNull]
    is_healthy: Annotated[bool, NotNull]
    status_code: Int4 | None = None
    response_time_ms: Annotated[Int4, NotNull]
    uptime_percent: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    error_count: Int4 | None = None
    error_rate: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    last_error_message: Text | None = None
    last_error_at: AwareDatetime | None = None
    cost_per_request_usd: Annotated[decimal.Decimal, Numeric(10, 6)] | None = None
    total_cost_usd: Annotated[decimal.Decimal, Numeric(10, 2)] | None = None
    request_count: Int4 | None = None
    requests_per_minute: Annotated[decimal.Decimal, Numeric(8, 2)] | None = None
    measured_at: Annotated[AwareDatetime, NotNull]
    window_start: Annotated[AwareDatetime, NotNull]
    window_end: Annotated[AwareDatetime, NotNull]
    created_at: AwareDatetime | None = None


class APIHealthMetricRead(ReadSchema):
    """A stored api_health_metrics row."""

    id: uuid.UUID
    endpoint: Text
    method: Text
    is_healthy: bool
    status_code: Int4 | None
    response_time_ms: Int4
    uptime_percent: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    error_count: Int4 | None
    error_rate: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    last_error_message: Text | None
    last_error_at: AwareDatetime | None
    cost_per_request_usd: Annotated[decimal.Decimal, Numeric(10, 6)] | None
    total_cost_usd: Annotated[decimal.Decimal, Numeric(10, 2)] | None
    request_count: Int4 | None
    requests_per_minute: Annotated[decimal.Decimal, Numeric(8, 2)] | None
    measured_at: AwareDatetime
    window_start: AwareDatetime
    window_end: AwareDatetime
    created_at: AwareDatetime | None


class APIIncidentCreate(CreateSchema[api_health.APIIncident]):
    """A new api_incidents row."""

    orm_class = api_health.APIIncident

    endpoint: Annotated[Text, NotNull]
    incident_type: Annotated[Text, NotNull]
    severity: Annotated[Text, NotNull]
    status: Annotated[Text | None, NotNull] = None
    title: Annotated[Text, NotNull]
    description: Annotated[Text, NotNull]
    affected_users_count: Int4 | None = None
    affected_companies_count: Int4 | None = None
    impact_description: Text | None = None
    started_at: Annotated[AwareDatetime, NotNull]
    identified_at: AwareDatetime | None = None
    resolved_at: AwareDatetime | None = None
    duration_minutes: Int4 | None = None
    root_cause: Text | None = None
    resolution_steps: Text | None = None
    resolved_by: uuid.UUID | None = None
    public_message: Text | None = None
    internal_notes: Text | None = None
    notified_users: bool | None = None
    notification_sent_at: AwareDatetime | None = None
    avg_response_time_ms: Int4 | None = None
    error_rate: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    requests_affected: Int4 | None = None
    created_at: AwareDatetime | None = None


class APIIncidentRead(ReadSchema):
    """A stored api_incidents row."""

    id: uuid.UUID
    endpoint: Text
    incident_type: Text
    severity: Text
    status: Text
    title: Text
    description: Text
    affected_users_count: Int4 | None
    affected_companies_count: Int4 | None
    impact_description: Text | None
    started_at: AwareDatetime
    identified_at: AwareDatetime | None
    resolved_at: AwareDatetime | None
    duration_minutes: Int4 | None
    root_cause: Text | None
    resolution_steps: Text | None
    resolved_by: uuid.UUID | None
    public_message: Text | None
    internal_notes: Text | None
    notified_users: bool | None
    notification_sent_at: AwareDatetime | None
    avg_response_time_ms: Int4 | None
    error_rate: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    requests_affected: Int4 | None
    created_at: AwareDatetime | None
    updated_at: AwareDatetime | None


class APIIncidentUpdateCreate(CreateSchema[api_health.APIIncidentUpdate]):
    """A new api_incident_updates row."""

    orm_class = api_health.APIIncidentUpdate

    incident_id: uuid.UUID | None = None
    status: Annotated[Text, NotNull]
    message: Annotated[Text, NotNull]
    posted_by: uuid.UUID | None = None
    posted_by_name: Annotated[Text, NotNull]
    is_public: bool | None = None
    created_at: AwareDatetime | None = None


class APIIncidentUpdateRead(ReadSchema):
    """A stored api_incident_updates row."""

    id: uuid.UUID
    incident_id: uuid.UUID | None
    status: Text
    message: Text
    posted_by: uuid.UUID | None
    posted_by_name: Text
    is_public: bool | None
    created_at: AwareDatetime | None


class APIMaintenanceWindowCreate(CreateSchema[api_health.APIMaintenanceWindow]):
    """A new api_maintenance_windows row."""

    orm_class = api_health.APIMaintenanceWindow

    title: Annotated[Text, NotNull]
    description: Annotated[Text, NotNull]
    affected_endpoints: Annotated[list[Text], NotNull]
    impact_level: Annotated[Text, NotNull]
    scheduled_start: Annotated[AwareDatetime, NotNull]
    scheduled_end: Annotated[AwareDatetime, NotNull]
    actual_start: AwareDatetime | None = None
    actual_end: AwareDatetime | None = None
    duration_minutes: Int4 | None = None
    status: Annotated[Text | None, NotNull] = None
    public_message: Text | None = None
    internal_notes: Text | None = None
    notification_sent: bool | None = None
    notification_sent_at: AwareDatetime | None = None
    reminder_sent: bool | None = None
    reminder_sent_at: AwareDatetime | None = None
    created_by: uuid.UUID | None = None
    created_at: AwareDatetime | None = None


class APIMaintenanceWindowRead(ReadSchema):
    """A stored api_maintenance_windows row."""

    id: uuid.UUID
    title: Text
    description: Text
    affected_endpoints: list[Text]
    impact_level: Text
    scheduled_start: AwareDatetime
    scheduled_end: AwareDatetime
    actual_start: AwareDatetime | None
    actual_end: AwareDatetime | None
    duration_minutes: Int4 | None
    status: Text
    public_message: Text | None
    internal_notes: Text | None
    notification_sent: bool | None
    notification_sent_at: AwareDatetime | None
    reminder_sent: bool | None
    reminder_sent_at: AwareDatetime | None
    created_by: uuid.UUID | None
    created_at: AwareDatetime | None
    updated_at: AwareDatetime | None


class APIRateLimitCreate(CreateSchema[monitoring.APIRateLimit]):
    """A new api_rate_limits row."""

    orm_class = monitoring.APIRateLimit

    user_id: uuid.UUID | None = None
    company_id: uuid.UUID | None = None
    ip_address: IPvAnyInterface | None = None
    endpoint: Annotated[Text, NotNull]
    request_count: Annotated[Int4 | None, NotNull] = None
    window_start: Annotated[AwareDatetime, NotNull]
    window_end: Annotated[AwareDatetime, NotNull]
    max_requests: Annotated[Int4, NotNull]
    window_minutes: Annotated[Int4, NotNull]
    is_blocked: bool | None = None
    blocked_until: AwareDatetime | None = None
    created_at: AwareDatetime | None = None


class APIRateLimitRead(ReadSchema):
    """A stored api_rate_limits row."""

    id: uuid.UUID
    user_id: uuid.UUID | None
    company_id: uuid.UUID | None
    ip_address: IPvAnyInterface | None
    endpoint: Text
    request_count: Int4
    window_start: AwareDatetime
    window_end: AwareDatetime
    max_requests: Int4
    window_minutes: Int4
    is_blocked: bool | None
    blocked_until: AwareDatetime | None
    created_at: AwareDatetime | None
    updated_at: AwareDatetime | None


class APIStatusSubscriptionCreate(CreateSchema[api_health.APIStatusSubscription]):
    """A new api_status_subscriptions row."""

    orm_class = api_health.APIStatusSubscription

    email: Annotated[Text, NotNull]
    user_id: uuid.UUID | None = None
    company_id: uuid.UUID | None = None
    subscribe_to_all: bool | None = None
    subscribed_endpoints: list[Text] | None = None
    notify_on_incidents: bool | None = None
    notify_on_maintenance: bool | None = None
    notify_on_resolution: bool | None = None
    min_severity: Text | None = None
    is_active: bool | None = None
    verified: bool | None = None
    verification_token: Text | None = None
    verified_at: AwareDatetime | None = None
    unsubscribe_token: Annotated[Text | None, NotNull] = None
    created_at: AwareDatetime | None = None


class APIStatusSubscriptionRead(ReadSchema):
    """A stored api_status_subscriptions row."""

    id: uuid.UUID
    email: Text
    user_id: uuid.UUID | None
    company_id: uuid.UUID | None
    subscribe_to_all: bool | None
    subscribed_endpoints: list[Text] | None
    notify_on_incidents: bool | None
    notify_on_maintenance: bool | None
    notify_on_resolution: bool | None
    min_severity: Text | None
    is_active: bool | None
    verified: bool | None
    verification_token: Text | None
    verified_at: AwareDatetime | None
    unsubscribe_token: Text
    created_at: AwareDatetime | None
    updated_at: AwareDatetime | None


class APIUptimeSummaryCreate(CreateSchema[api_health.APIUptimeSummary]):
    """A new api_uptime_summary row."""

    orm_class = api_health.APIUptimeSummary

    endpoint: Annotated[Text, NotNull]
    period_type: Annotated[Text, NotNull]
    period_start: Annotated[AwareDatetime, NotNull]
    period_end: Annotated[AwareDatetime, NotNull]
    uptime_percent: Annotated[Annotated[decimal.Decimal, Numeric(5, 2)], NotNull]
    total_checks: Annotated[Int4, NotNull]
    successful_checks: Annotated[Int4, NotNull]
    failed_checks: Annotated[Int4, NotNull]
    avg_response_time_ms: Int4 | None = None
    min_response_time_ms: Int4 | None = None
    max_response_time_ms: Int4 | None = None
    p50_response_time_ms: Int4 | None = None
    p95_response_time_ms: Int4 | None = None
    p99_response_time_ms: Int4 | None = None
    total_requests: Int4 | None = None
    successful_requests: Int4 | None = None
    failed_requests: Int4 | None = None
    error_rate: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    total_cost_usd: Annotated[decimal.Decimal, Numeric(10, 2)] | None = None
    incident_count: Int4 | None = None
    total_downtime_minutes: Int4 | None = None
    created_at: AwareDatetime | None = None


class APIUptimeSummaryRead(ReadSchema):
    """A stored api_uptime_summary row."""

    id: uuid.UUID
    endpoint: Text
    period_type: Text
    period_start: AwareDatetime
    period_end: AwareDatetime
    uptime_percent: Annotated[decimal.Decimal, Numeric(5, 2)]
    total_checks: Int4
    successful_checks: Int4
    failed_checks: Int4
    avg_response_time_ms: Int4 | None
    min_response_time_ms: Int4 | None
    max_response_time_ms: Int4 | None
    p50_response_time_ms: Int4 | None
    p95_response_time_ms: Int4 | None
    p99_response_time_ms: Int4 | None
    total_requests: Int4 | None
    successful_requests: Int4 | None
    failed_requests: Int4 | None
    error_rate: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    total_cost_usd: Annotated[decimal.Decimal, Numeric(10, 2)] | None
    incident_count: Int4 | None
    total_downtime_minutes: Int4 | None
    created_at: AwareDatetime | None


class AgentExecutionCreate(CreateSchema[monitoring.AgentExecution]):
    """A new agent_executions row."""

    orm_class = monitoring.AgentExecution

    agent_name: Annotated[Text, NotNull]
    agent_version: Annotated[Text, NotNull]
    execution_type: Annotated[Text, NotNull]
    test_run_id: uuid.UUID | None = None
    company_id: uuid.UUID | None = None
    started_at: Annotated[AwareDatetime, NotNull]
    completed_at: AwareDatetime | None = None
    duration_ms: Int4 | None = None
    status: Annotated[Text, NotNull]
    input_params: Annotated[Json, NotNull]
    output_result: Json | None = None
    error_details: Text | None = None
    tokens_used: Int4 | None = None
    api_calls_made: Int4 | None = None
    cost_usd: Annotated[decimal.Decimal, Numeric(10, 6)] | None = None
    output_quality_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None = None
    human_reviewed: bool | None = None
    created_at: AwareDatetime | None = None


class AgentExecutionRead(ReadSchema):
    """A stored agent_executions row."""

    id: uuid.UUID
    agent_name: Text
    agent_version: Text
    execution_type: Text
    test_run_id: uuid.UUID | None
    company_id: uuid.UUID | None
    started_at: AwareDatetime
    completed_at: AwareDatetime | None
    duration_ms: Int4 | None
    status: Text
    input_params: Json
    output_result: Json | None
    error_details: Text | None
    tokens_used: Int4 | None
    api_calls_made: Int4 | None
    cost_usd: Annotated[decimal.Decimal, Numeric(10, 6)] | None
    output_quality_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None
    human_reviewed: bool | None
    created_at: AwareDatetime | None


class BiasDetectionResultCreate(CreateSchema[alignment.BiasDetectionResult]):
    """A new bias_detection_results row."""

    orm_class = alignment.BiasDetectionResult

    test_run_id: uuid.UUID | None = None
    model_version: Annotated[Text, NotNull]
    demographic_bias_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None = None
    platform_bias_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None = None
    language_bias_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None = None
    temporal_bias_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None = None
    overall_bias_score: Annotated[Annotated[decimal.Decimal, Numeric(3, 2)], NotNull]
    bias_detected: bool | None = None
    bias_categories: list[Text] | None = None
    bias_evidence: Json | None = None
    affected_groups: list[Text] | None = None
    mitigation_applied: bool | None = None
    mitigation_strategy: Text | None = None
    created_at: AwareDatetime | None = None


class BiasDetectionResultRead(ReadSchema):
    """A stored bias_detection_results row."""

    id: uuid.UUID
    test_run_id: uuid.UUID | None
    model_version: Text
    demographic_bias_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None
    platform_bias_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None
    language_bias_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None
    temporal_bias_score: Annotated[decimal.Decimal, Numeric(3, 2)] | None
    overall_bias_score: Annotated[decimal.Decimal, Numeric(3, 2)]
    bias_detected: bool | None
    bias_categories: list[Text] | None
    bias_evidence: Json | None
    affected_groups: list[Text] | None
    mitigation_applied: bool | None
    mitigation_strategy: Text | None
    created_at: AwareDatetime | None


class CircuitBreakerEventCreate(CreateSchema[monitoring.CircuitBreakerEvent]):
    """A new circuit_breaker_events row."""

    orm_class = monitoring.CircuitBreakerEvent

    service_name: Annotated[Text, NotNull]
    operation: Annotated[Text, NotNull]
    event_type: Annotated[Text, NotNull]
    state_before: Annotated[Text, NotNull]
    state_after: Annotated[Text, NotNull]
    failure_count: Annotated[Int4, NotNull]
    failure_threshold: Annotated[Int4, NotNull]
    success_count: Int4 | None = None
    error_message: Text | None = None
    error_stack: Text | None = None
    opened_at: AwareDatetime | None = None
    will_retry_at: AwareDatetime | None = None
    requests_rejected: Int4 | None = None
    created_at: AwareDatetime | None = None


class CircuitBreakerEventRead(ReadSchema):
    """A stored circuit_breaker_events row."""

    id: uuid.UUID
    service_name: Text
    operation: Text
    event_type: Text
    state_before: Text
    state_after: Text
    failure_count: Int4
    failure_threshold: Int4
    success_count: Int4 | None
    error_message: Text | None
    error_stack: Text | None
    opened_at: AwareDatetime | None
    will_retry_at: AwareDatetime | None
    requests_rejected: Int4 | None
    created_at: AwareDatetime | None


class ClickEventCreate(CreateSchema[session_recording.ClickEvent]):
    """A new click_events row."""

    orm_class = session_recording.ClickEvent

    user_session_id: uuid.UUID | None = None
    test_run_id: uuid.UUID | None = None
    page_performance_id: uuid.UUID | None = None
    element_tag: Annotated[Text, NotNull]
    element_id: Text | None = None
    element_class: Text | None = None
    element_text: Text | None = None
    element_selector: Text | None = None
    click_x: Annotated[Int4, NotNull]
    click_y: Annotated[Int4, NotNull]
    viewport_x: Int4 | None = None
    viewport_y: Int4 | None = None
    button: Int4 | None = None
    is_double_click: bool | None = None
    timestamp_ms: Annotated[Int8, NotNull]
    time_since_page_load_ms: Int4 | None = None
    time_since_last_click_ms: Int4 | None = None
    created_at: Annotated[AwareDatetime | None, NotNull] = None


class ClickEventRead(ReadSchema):
    """A stored click_events row."""

    id: uuid.UUID
    user_session_id: uuid.UUID | None
    test_run_id: uuid.UUID | None
    page_performance_id: uuid.UUID | None
    element_tag: Text
    element_id: Text | None
    element_class: Text | None
    element_text: Text | None
    element_selector: Text | None
    click_x: Int4
    click_y: Int4
    viewport_x: Int4 | None
    viewport_y: Int4 | None
    button: Int4 | None
    is_double_click: bool | None
    timestamp_ms: Int8
    time_since_page_load_ms: Int4 | None
    time_since_last_click_ms: Int4 | None
    created_at: AwareDatetime


class CompanyCreate(CreateSchema[core.Company]):
    """A new companies row."""

    orm_class = core.Company

    name: Annotated[Text, NotNull]
    slug: Annotated[Text, NotNull]
    logo_url: Text | None = None
    website: Text | None = None
    industry: Text | None = None
    company_size: Text | None = None
    plan_type: Text | None = None
    monthly_test_quota: Int4 | None = None
    tests_used_this_month: Int4 | None = None
    settings: Json | None = None
    stripe_customer_id: Text | None = None
    created_at: AwareDatetime | None = None
    preferences: Json | None = None


class CompanyRead(ReadSchema):
    """A stored companies row."""

    id: uuid.UUID
    name: Text
    slug: Text
    logo_url: Text | None
    website: Text | None
    industry: Text | None
    company_size: Text | None
    plan_type: Text | None
    monthly_test_quota: Int4 | None
    tests_used_this_month: Int4 | None
    settings: Json | None
    stripe_customer_id: Text | None
    created_at: AwareDatetime | None
    updated_at: AwareDatetime | None
    preferences: Json | None


class ConsoleLogCreate(CreateSchema[session_recording.ConsoleLog]):
    """A new console_logs row."""

    orm_class = session_recording.ConsoleLog

    user_session_id: uuid.UUID | None = None
    test_run_id: uuid.UUID | None = None
    page_performance_id: uuid.UUID | None = None
    log_level: Annotated[Text, NotNull]
    message: Annotated[Text, NotNull]
    source_file: Text | None = None
    line_number: Int4 | None = None
    column_number: Int4 | None = None
    stack_trace: Text | None = None
    timestamp_ms: Annotated[Int8, NotNull]
    created_at: Annotated[AwareDatetime | None, NotNull] = None


class ConsoleLogRead(ReadSchema):
    """A stored console_logs row."""

    id: uuid.UUID
    user_session_id: uuid.UUID | None
    test_run_id: uuid.UUID | None
    page_performance_id: uuid.UUID | None
    log_level: Text
    message: Text
    source_file: Text | None
    line_number: Int4 | None
    column_number: Int4 | None
    stack_trace: Text | None
    timestamp_ms: Int8
    created_at: AwareDatetime


class ConstitutionalRuleCreate(CreateSchema[alignment.ConstitutionalRule]):
    """A new constitutional_rules row."""

    orm_class = alignment.ConstitutionalRule

    rule_level: Annotated[Text, NotNull]
    priority: Annotated[Int4 | None, NotNull] = None
    company_id: uuid.UUID | None = None
    tester_id: uuid.UUID | None = None
    platform: Text | None = None
    rule_name: Annotated[Text, NotNull]
    rule_description: Annotated[Text, NotNull]
    rule_type: Annotated[Text, NotNull]
    rule_condition: Annotated[Json, NotNull]
    rule_action: Annotated[Text, NotNull]
    enforcement_level: Annotated[Text | None, NotNull] = None
    is_active: bool | None = None
    created_by: uuid.UUID | None = None
    approved_by: uuid.UUID | None = None
    violation_count: Int4 | None = None
    last_violation_at: AwareDatetime | None = None
    created_at: AwareDatetime | None = None


class ConstitutionalRuleRead(ReadSchema):
    """A stored constitutional_rules row."""

    id: uuid.UUID
    rule_level: Text
    priority: Int4
    company_id: uuid.UUID | None
    tester_id: uuid.UUID | None
    platform: Text | None
    rule_name: Text
    rule_description: Text
    rule_type: Text
    rule_condition: Json
    rule_action: Text
    enforcement_level: Text
    is_active: bool | None
    created_by: uuid.UUID | None
    approved_by: uuid.UUID | None
    violation_count: Int4 | None
    last_violation_at: AwareDatetime | None
    created_at: AwareDatetime | None
    updated_at: AwareDatetime | None


class ConstitutionalViolationCreate(CreateSchema[alignment.ConstitutionalViolation]):
    """A new constitutional_violations row."""

    orm_class = alignment.ConstitutionalViolation

    rule_id: uuid.UUID | None = None
    test_run_id: uuid.UUID | None = None
    violation_type: Annotated[Text, NotNull]
    violation_severity: Annotated[Text, NotNull]
    violation_description: Annotated[Text, NotNull]
    ai_output: Text | None = None
    ai_confidence: Annotated[decimal.Decimal, Numeric(3, 2)] | None = None
    action_taken: Annotated[Text, NotNull]
    resolved: bool | None = None
    resolved_by: uuid.UUID | None = None
    resolved_at: AwareDatetime | None = None
    resolution_notes: Text | None = None
    created_at: AwareDatetime | None = None


class ConstitutionalViolationRead(ReadSchema):
    """A stored constitutional_violations row."""

    id: uuid.UUID
    rule_id: uuid.UUID | None
    test_run_id: uuid.UUID | None
    violation_type: Text
    violation_severity: Text
    violation_description: Text
    ai_output: Text | None
    ai_confidence: Annotated[decimal.Decimal, Numeric(3, 2)] | None
    action_taken: Text
    resolved: bool | None
    resolved_by: uuid.UUID | None
    resolved_at: AwareDatetime | None
    resolution_notes: Text | None
    created_at: AwareDatetime | None


class ElementVisibilityCreate(CreateSchema[session_recording.ElementVisibility]):
    """A new element_visibility row."""

    orm_class = session_recording.ElementVisibility

    user_session_id: uuid.UUID | None = None
    test_run_id: uuid.UUID | None = None
    page_performance_id: uuid.UUID | None = None
    element_selector: Annotated[Text, NotNull]
    element_text: Text | None = None
    element_type: Text | None = None
    became_visible: Annotated[bool, NotNull]
    visibility_percent: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    element_x: Int4 | None = None
    element_y: Int4 | None = None
    element_width: Int4 | None = None
    element_height: Int4 | None = None
    timestamp_ms: Annotated[Int8, NotNull]
    time_visible_ms: Int4 | None = None
    created_at: Annotated[AwareDatetime | None, NotNull] = None


class ElementVisibilityRead(ReadSchema):
    """A stored element_visibility row."""

    id: uuid.UUID
    user_session_id: uuid.UUID | None
    test_run_id: uuid.UUID | None
    page_performance_id: uuid.UUID | None
    element_selector: Text
    element_text: Text | None
    element_type: Text | None
    became_visible: bool
    visibility_percent: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    element_x: Int4 | None
    element_y: Int4 | None
    element_width: Int4 | None
    element_height: Int4 | None
    timestamp_ms: Int8
    time_visible_ms: Int4 | None
    created_at: AwareDatetime


class FormInteractionCreate(CreateSchema[session_recording.FormInteraction]):
    """A new form_interactions row."""

    orm_class = session_recording.FormInteraction

    user_session_id: uuid.UUID | None = None
    test_run_id: uuid.UUID | None = None
    page_performance_id: uuid.UUID | None = None
    form_id: Text | None = None
    form_name: Text | None = None
    form_action: Text | None = None
    field_name: Annotated[Text, NotNull]
    field_type: Annotated[Text, NotNull]
    field_label: Text | None = None
    interaction_type: Annotated[Text, NotNull]
    field_value_length: Int4 | None = None
    is_valid: bool | None = None
    validation_message: Text | None = None
    timestamp_ms: Annotated[Int8, NotNull]
    time_in_field_ms: Int4 | None = None
    created_at: Annotated[AwareDatetime | None, NotNull] = None


class FormInteractionRead(ReadSchema):
    """A stored form_interactions row."""

    id: uuid.UUID
    user_session_id: uuid.UUID | None
    test_run_id: uuid.UUID | None
    page_performance_id: uuid.UUID | None
    form_id: Text | None
    form_name: Text | None
    form_action: Text | None
    field_name: Text
    field_type: Text
    field_label: Text | None
    interaction_type: Text
    field_value_length: Int4 | None
    is_valid: bool | None
    validation_message: Text | None
    timestamp_ms: Int8
    time_in_field_ms: Int4 | None
    created_at: AwareDatetime


class HumanCorrectionCreate(CreateSchema[alignment.HumanCorrection]):
    """A new human_corrections row."""

    orm_class = alignment.HumanCorrection

    test_run_id: uuid.UUID | None = None
    tester_id: uuid.UUID | None = None
    ai_finding: Annotated[Text, NotNull]
    ai_severity: Text | None = None
    ai_confidence: Annotated[decimal.Decimal, Numeric(3, 2)] | None = None
    corrected_finding: Annotated[Text, NotNull]
    corrected_severity: Text | None = None
    correction_type: Annotated[Text, NotNull]
    correction_reasoning: Text | None = None
    correction_quality_score: Annotated[Int4, Field(ge=1, le=5)] | None = None
    verified_by: uuid.UUID | None = None
    verified_at: AwareDatetime | None = None
    used_for_training: bool | None = None
    training_batch_id: uuid.UUID | None = None
    created_at: AwareDatetime | None = None


class HumanCorrectionRead(ReadSchema):
    """A stored human_corrections row."""

    id: uuid.UUID
    test_run_id: uuid.UUID | None
    tester_id: uuid.UUID | None
    ai_finding: Text
    ai_severity: Text | None
    ai_confidence: Annotated[decimal.Decimal, Numeric(3, 2)] | None
    corrected_finding: Text
    corrected_severity: Text | None
    correction_type: Text
    correction_reasoning: Text | None
    correction_quality_score: Annotated[Int4, Field(ge=1, le=5)] | None
    verified_by: uuid.UUID | None
    verified_at: AwareDatetime | None
    used_for_training: bool | None
    training_batch_id: uuid.UUID | None
    created_at: AwareDatetime | None
    updated_at: AwareDatetime | None


class HumanTesterCreate(CreateSchema[core.HumanTester]):
    """A new human_testers row."""

    orm_class = core.HumanTester

    user_id: uuid.UUID | None = None
    display_name: Annotated[Text, NotNull]
    bio: Text | None = None
    avatar_url: Text | None = None
    age: Int4 | None = None
    tech_literacy: Text | None = None
    primary_device: Text | None = None
    location_country: Text | None = None
    languages: list[Text] | None = None
    total_tests_completed: Int4 | None = None
    average_rating: float | None = None
    specialties: list[Text] | None = None
    is_available: bool | None = None
    hourly_rate_usd: float | None = None
    is_verified: bool | None = None
    verified_at: AwareDatetime | None = None
    created_at: AwareDatetime | None = None
    gender: Text | None = None
    location: Text | None = None
    native_language: Text | None = None
    education_level: Text | None = None
    occupation: Text | None = None
    tech_experience: Text | None = None
    visual_impairment: Text | None = None
    hearing_impairment: Text | None = None
    motor_impairment: Text | None = None
    cognitive_impairment: Text | None = None
    uses_screen_reader: bool | None = None
    uses_magnification: bool | None = None
    uses_voice_control: bool | None = None
    uses_keyboard_only: bool | None = None
    color_blindness: Text | None = None
    screen_size: Text | None = None
    internet_speed: Text | None = None
    browser_preference: Text | None = None
    preferred_test_types: list[Text] | None = None
    available_hours: Text | None = None
    timezone: Text | None = None
    consent_screen_recording: bool | None = None
    consent_cursor_tracking: bool | None = None
    consent_eye_tracking: bool | None = None
    consent_camera_access: bool | None = None
    consent_data_training: bool | None = None
    total_ai_training_earnings: Annotated[decimal.Decimal, Numeric(10, 2)] | None = None
    ai_personas_trained: Int4 | None = None
    last_ai_payout_at: AwareDatetime | None = None
    email: Text | None = None
    phone_number: Text | None = None
    years_of_testing_experience: Int4 | None = None
    previous_platforms: list[Text] | None = None
    preferred_industries: list[Text] | None = None
    min_test_duration_minutes: Int4 | None = None
    max_test_duration_minutes: Int4 | None = None
    max_tests_per_week: Int4 | None = None
    payment_method: Literal["stripe", "paypal", "equity", "hybrid"] | None = None
    stripe_account_id: Text | None = None
    paypal_email: Text | None = None
    tax_id: Text | None = None
    id_verification_status: Literal["pending", "verified", "rejected"] | None = None
    background_check_status: Literal["not_required", "pending", "passed", "failed"] | None = None
    nda_signed: bool | None = None
    nda_signed_at: AwareDatetime | None = None
    total_ratings: Int4 | None = None
    avg_communication_rating: float | None = None
    avg_quality_rating: float | None = None
    avg_timeliness_rating: float | None = None
    positive_feedback_count: Int4 | None = None
    negative_feedback_count: Int4 | None = None
    would_work_again_percent: float | None = None
    badges: list[Text] | None = None
    tier: Literal["new", "verified", "expert", "master"] | None = None
    platform_fee_percent: Int4 | None = None
    is_flagged: bool | None = None
    flagged_at: AwareDatetime | None = None
    flag_reason: Text | None = None
    auto_disabled: bool | None = None
    disabled_at: AwareDatetime | None = None
    disabled_reason: Text | None = None
    last_rating_check: AwareDatetime | None = None
    total_earnings_usd: Annotated[decimal.Decimal, Numeric(10, 2)] | None = None
    preferences: Json | None = None
    stats: Json | None = None
    tester_category: enums.TesterCategory | None = None
    ai_model_provider: enums.AIModelProvider | None = None
    ai_model_version: Text | None = None
    ai_configuration: Json | None = None


class HumanTesterRead(ReadSchema):
    """A stored human_testers row."""

    id: uuid.UUID
    user_id: uuid.UUID | None
    display_name: Text
    bio: Text | None
    avatar_url: Text | None
    age: Int4 | None
    tech_literacy: Text | None
    primary_device: Text | None
    location_country: Text | None
    languages: list[Text] | None
    total_tests_completed: Int4 | None
    average_rating: float | None
    specialties: list[Text] | None
    is_available: bool | None
    hourly_rate_usd: float | None
    is_verified: bool | None
    verified_at: AwareDatetime | None
    created_at: AwareDatetime | None
    updated_at: AwareDatetime | None
    gender: Text | None
    location: Text | None
    native_language: Text | None
    education_level: Text | None
    occupation: Text | None
    tech_experience: Text | None
    visual_impairment: Text | None
    hearing_impairment: Text | None
    motor_impairment: Text | None
    cognitive_impairment: Text | None
    uses_screen_reader: bool | None
    uses_magnification: bool | None
    uses_voice_control: bool | None
    uses_keyboard_only: bool | None
    color_blindness: Text | None
    screen_size: Text | None
    internet_speed: Text | None
    browser_preference: Text | None
    preferred_test_types: list[Text] | None
    available_hours: Text | None
    timezone: Text | None
    consent_screen_recording: bool | None
    consent_cursor_tracking: bool | None
    consent_eye_tracking: bool | None
    consent_camera_access: bool | None
    consent_data_training: bool | None
    total_ai_training_earnings: Annotated[decimal.Decimal, Numeric(10, 2)] | None
    ai_personas_trained: Int4 | None
    last_ai_payout_at: AwareDatetime | None
    email: Text | None
    phone_number: Text | None
    years_of_testing_experience: Int4 | None
    previous_platforms: list[Text] | None
    preferred_industries: list[Text] | None
    min_test_duration_minutes: Int4 | None
    max_test_duration_minutes: Int4 | None
    max_tests_per_week: Int4 | None
    payment_method: Literal["stripe", "paypal", "equity", "hybrid"] | None
    stripe_account_id: Text | None
    paypal_email: Text | None
    tax_id: Text | None
    id_verification_status: Literal["pending", "verified", "rejected"] | None
    background_check_status: Literal["not_required", "pending", "passed", "failed"] | None
    nda_signed: bool | None
    nda_signed_at: AwareDatetime | None
    total_ratings: Int4 | None
    avg_communication_rating: float | None
    avg_quality_rating: float | None
    avg_timeliness_rating: float | None
    positive_feedback_count: Int4 | None
    negative_feedback_count: Int4 | None
    would_work_again_percent: float | None
    badges: list[Text] | None
    tier: Literal["new", "verified", "expert", "master"] | None
    platform_fee_percent: Int4 | None
    is_flagged: bool | None
    flagged_at: AwareDatetime | None
    flag_reason: Text | None
    auto_disabled: bool | None
    disabled_at: AwareDatetime | None
    disabled_reason: Text | None
    last_rating_check: AwareDatetime | None
    total_earnings_usd: Annotated[decimal.Decimal, Numeric(10, 2)] | None
    preferences: Json | None
    stats: Json | None
    tester_category: enums.TesterCategory | None
    ai_model_provider: enums.AIModelProvider | None
    ai_model_version: Text | None
    ai_configuration: Json | None


class JavascriptErrorCreate(CreateSchema[session_recording.JavascriptError]):
    """A new javascript_errors row."""

    orm_class = session_recording.JavascriptError

    user_session_id: uuid.UUID | None = None
    test_run_id: uuid.UUID | None = None
    page_performance_id: uuid.UUID | None = None
    error_message: Annotated[Text, NotNull]
    error_type: Text | None = None
    source_file: Text | None = None
    line_number: Int4 | None = None
    column_number: Int4 | None = None
    stack_trace: Text | None = None
    user_agent: Text | None = None
    url: Annotated[Text, NotNull]
    timestamp_ms: Annotated[Int8, NotNull]
    created_at: Annotated[AwareDatetime | None, NotNull] = None


class JavascriptErrorRead(ReadSchema):
    """A stored javascript_errors row."""

    id: uuid.UUID
    user_session_id: uuid.UUID | None
    test_run_id: uuid.UUID | None
    page_performance_id: uuid.UUID | None
    error_message: Text
    error_type: Text | None
    source_file: Text | None
    line_number: Int4 | None
    column_number: Int4 | None
    stack_trace: Text | None
    user_agent: Text | None
    url: Text
    timestamp_ms: Int8
    created_at: AwareDatetime


class KeyboardEventCreate(CreateSchema[session_recording.KeyboardEvent]):
    """A new keyboard_events row."""

    orm_class = session_recording.KeyboardEvent

    user_session_id: uuid.UUID | None = None
    test_run_id: uuid.UUID | None = None
    page_performance_id: uuid.UUID | None = None
    event_type: Annotated[Text, NotNull]
    key_code: Int4 | None = None
    key_name: Text | None = None
    ctrl_key: bool | None = None
    alt_key: bool | None = None
    shift_key: bool | None = None
    meta_key: bool | None = None
    target_element: Text | None = None
    is_in_form: bool | None = None
    timestamp_ms: Annotated[Int8, NotNull]
    time_since_last_key_ms: Int4 | None = None
    created_at: Annotated[AwareDatetime | None, NotNull] = None


class KeyboardEventRead(ReadSchema):
    """A stored keyboard_events row."""

    id: uuid.UUID
    user_session_id: uuid.UUID | None
    test_run_id: uuid.UUID | None
    page_performance_id: uuid.UUID | None
    event_type: Text
    key_code: Int4 | None
    key_name: Text | None
    ctrl_key: bool | None
    alt_key: bool | None
    shift_key: bool | None
    meta_key: bool | None
    target_element: Text | None
    is_in_form: bool | None
    timestamp_ms: Int8
    time_since_last_key_ms: Int4 | None
    created_at: AwareDatetime


class MouseMovementCreate(CreateSchema[session_recording.MouseMovement]):
    """A new mouse_movements row."""

    orm_class = session_recording.MouseMovement

    user_session_id: uuid.UUID | None = None
    test_run_id: uuid.UUID | None = None
    page_performance_id: uuid.UUID | None = None
    positions: Annotated[Json, NotNull]
    total_distance_pixels: Int4 | None = None
    avg_speed_pixels_per_second: Annotated[decimal.Decimal, Numeric(8, 2)] | None = None
    max_speed_pixels_per_second: Annotated[decimal.Decimal, Numeric(8, 2)] | None = None
    is_smooth: bool | None = None
    has_hesitation: bool | None = None
    hesitation_count: Int4 | None = None
    started_at: Annotated[AwareDatetime, NotNull]
    ended_at: Annotated[AwareDatetime, NotNull]
    duration_ms: Annotated[Int4, NotNull]
    created_at: Annotated[AwareDatetime | None, NotNull] = None


class MouseMovementRead(ReadSchema):
    """A stored mouse_movements row."""

    id: uuid.UUID
    user_session_id: uuid.UUID | None
    test_run_id: uuid.UUID | None
    page_performance_id: uuid.UUID | None
    positions: Json
    total_distance_pixels: Int4 | None
    avg_speed_pixels_per_second: Annotated[decimal.Decimal, Numeric(8, 2)] | None
    max_speed_pixels_per_second: Annotated[decimal.Decimal, Numeric(8, 2)] | None
    is_smooth: bool | None
    has_hesitation: bool | None
    hesitation_count: Int4 | None
    started_at: AwareDatetime
    ended_at: AwareDatetime
    duration_ms: Int4
    created_at: AwareDatetime


class NetworkRequestCreate(CreateSchema[session_recording.NetworkRequest]):
    """A new network_requests row."""

    orm_class = session_recording.NetworkRequest

    user_session_id: uuid.UUID | None = None
    test_run_id: uuid.UUID | None = None
    page_performance_id: uuid.UUID | None = None
    url: Annotated[Text, NotNull]
    method: Annotated[Text, NotNull]
    request_type: Text | None = None
    status_code: Int4 | None = None
    response_size_bytes: Int4 | None = None
    started_at: Annotated[AwareDatetime, NotNull]
    completed_at: AwareDatetime | None = None
    duration_ms: Int4 | None = None
    dns_lookup_ms: Int4 | None = None
    tcp_connect_ms: Int4 | None = None
    tls_handshake_ms: Int4 | None = None
    time_to_first_byte_ms: Int4 | None = None
    download_ms: Int4 | None = None
    success: bool | None = None
    error_message: Text | None = None
    created_at: Annotated[AwareDatetime | None, NotNull] = None


class NetworkRequestRead(ReadSchema):
    """A stored network_requests row."""

    id: uuid.UUID
    user_session_id: uuid.UUID | None
    test_run_id: uuid.UUID | None
    page_performance_id: uuid.UUID | None
    url: Text
    method: Text
    request_type: Text | None
    status_code: Int4 | None
    response_size_bytes: Int4 | None
    started_at: AwareDatetime
    completed_at: AwareDatetime | None
    duration_ms: Int4 | None
    dns_lookup_ms: Int4 | None
    tcp_connect_ms: Int4 | None
    tls_handshake_ms: Int4 | None
    time_to_first_byte_ms: Int4 | None
    download_ms: Int4 | None
    success: bool | None
    error_message: Text | None
    created_at: AwareDatetime


class PagePerformanceCreate(CreateSchema[session_recording.PagePerformance]):
    """A new page_performance row."""

    orm_class = session_recording.PagePerformance

    user_session_id: uuid.UUID | None = None
    test_run_id: uuid.UUID | None = None
    url: Annotated[Text, NotNull]
    page_title: Text | None = None
    dom_content_loaded_ms: Int4 | None = None
    load_complete_ms: Int4 | None = None
    first_paint_ms: Int4 | None = None
    first_contentful_paint_ms: Int4 | None = None
    largest_contentful_paint_ms: Int4 | None = None
    time_to_interactive_ms: Int4 | None = None
    total_resources: Int4 | None = None
    total_size_bytes: Int8 | None = None
    js_size_bytes: Int8 | None = None
    css_size_bytes: Int8 | None = None
    image_size_bytes: Int8 | None = None
    entered_at: Annotated[AwareDatetime, NotNull]
    exited_at: AwareDatetime | None = None
    time_on_page_seconds: Int4 | None = None
    visible_time_seconds: Int4 | None = None
    hidden_time_seconds: Int4 | None = None
    exit_type: Text | None = None
    viewport_width: Int4 | None = None
    viewport_height: Int4 | None = None
    device_pixel_ratio: Annotated[decimal.Decimal, Numeric(3, 2)] | None = None
    created_at: AwareDatetime | None = None


class PagePerformanceRead(ReadSchema):
    """A stored page_performance row."""

    id: uuid.UUID
    user_session_id: uuid.UUID | None
    test_run_id: uuid.UUID | None
    url: Text
    page_title: Text | None
    dom_content_loaded_ms: Int4 | None
    load_complete_ms: Int4 | None
    first_paint_ms: Int4 | None
    first_contentful_paint_ms: Int4 | None
    largest_contentful_paint_ms: Int4 | None
    time_to_interactive_ms: Int4 | None
    total_resources: Int4 | None
    total_size_bytes: Int8 | None
    js_size_bytes: Int8 | None
    css_size_bytes: Int8 | None
    image_size_bytes: Int8 | None
    entered_at: AwareDatetime
    exited_at: AwareDatetime | None
    time_on_page_seconds: Int4 | None
    visible_time_seconds: Int4 | None
    hidden_time_seconds: Int4 | None
    exit_type: Text | None
    viewport_width: Int4 | None
    viewport_height: Int4 | None
    device_pixel_ratio: Annotated[decimal.Decimal, Numeric(3, 2)] | None
    created_at: AwareDatetime | None


class PerformanceMetricCreate(CreateSchema[monitoring.PerformanceMetric]):
    """A new performance_metrics row."""

    orm_class = monitoring.PerformanceMetric

    metric_type: Annotated[Text, NotNull]
    endpoint: Text | None = None
    operation: Text | None = None
    duration_ms: Annotated[Int4, NotNull]
    success: Annotated[bool, NotNull]
    error_message: Text | None = None
    memory_mb: Int4 | None = None
    cpu_percent: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    user_id: uuid.UUID | None = None
    company_id: uuid.UUID | None = None
    metadata: Json | None = None
    created_at: Annotated[AwareDatetime | None, NotNull] = None


class PerformanceMetricRead(ReadSchema):
    """A stored performance_metrics row."""

    id: uuid.UUID
    metric_type: Text
    endpoint: Text | None
    operation: Text | None
    duration_ms: Int4
    success: bool
    error_message: Text | None
    memory_mb: Int4 | None
    cpu_percent: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    user_id: uuid.UUID | None
    company_id: uuid.UUID | None
    metadata: Json | None = Field(validation_alias=AliasChoices("metadata_", "metadata"))
    created_at: AwareDatetime


class QualityGateCheckCreate(CreateSchema[alignment.QualityGateCheck]):
    """A new quality_gate_checks row."""

    orm_class = alignment.QualityGateCheck

    test_run_id: uuid.UUID | None = None
    inference_log_id: uuid.UUID | None = None
    gate_type: Annotated[Text, NotNull]
    passed: Annotated[bool, NotNull]
    confidence: Annotated[decimal.Decimal, Numeric(3, 2)] | None = None
    score: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    issues_found: list[Text] | None = None
    evidence: Json | None = None
    reasoning: Text | None = None
    action: Annotated[Text, NotNull]
    created_at: AwareDatetime | None = None


class QualityGateCheckRead(ReadSchema):
    """A stored quality_gate_checks row."""

    id: uuid.UUID
    test_run_id: uuid.UUID | None
    inference_log_id: uuid.UUID | None
    gate_type: Text
    passed: bool
    confidence: Annotated[decimal.Decimal, Numeric(3, 2)] | None
    score: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    issues_found: list[Text] | None
    evidence: Json | None
    reasoning: Text | None
    action: Text
    created_at: AwareDatetime | None


class RageClickIncidentCreate(CreateSchema[session_recording.RageClickIncident]):
    """A new rage_click_incidents row."""

    orm_class = session_recording.RageClickIncident

    user_session_id: uuid.UUID | None = None
    test_run_id: uuid.UUID | None = None
    page_performance_id: uuid.UUID | None = None
    click_count: Annotated[Int4, NotNull]
    time_span_ms: Annotated[Int4, NotNull]
    element_tag: Annotated[Text, NotNull]
    element_id: Text | None = None
    element_class: Text | None = None
    element_text: Text | None = None
    element_selector: Text | None = None
    area_x: Annotated[Int4, NotNull]
    area_y: Annotated[Int4, NotNull]
    area_radius: Annotated[Int4, NotNull]
    likely_cause: Text | None = None
    started_at: Annotated[AwareDatetime, NotNull]
    ended_at: Annotated[AwareDatetime, NotNull]
    click_event_ids: list[uuid.UUID] | None = None
    created_at: Annotated[AwareDatetime | None, NotNull] = None


class RageClickIncidentRead(ReadSchema):
    """A stored rage_click_incidents row."""

    id: uuid.UUID
    user_session_id: uuid.UUID | None
    test_run_id: uuid.UUID | None
    page_performance_id: uuid.UUID | None
    click_count: Int4
    time_span_ms: Int4
    element_tag: Text
    element_id: Text | None
    element_class: Text | None
    element_text: Text | None
    element_selector: Text | None
    area_x: Int4
    area_y: Int4
    area_radius: Int4
    likely_cause: Text | None
    started_at: AwareDatetime
    ended_at: AwareDatetime
    click_event_ids: list[uuid.UUID] | None
    created_at: AwareDatetime


class RedTeamTestCreate(CreateSchema[alignment.RedTeamTest]):
    """A new red_team_tests row."""

    orm_class = alignment.RedTeamTest

    test_name: Annotated[Text, NotNull]
    test_category: Annotated[Text, NotNull]
    attack_vector: Annotated[Text, NotNull]
    test_description: Annotated[Text, NotNull]
    model_version: Annotated[Text, NotNull]
    test_input: Annotated[Json, NotNull]
    expected_behavior: Annotated[Text, NotNull]
    test_status: Annotated[Text | None, NotNull] = None
    actual_output: Text | None = None
    vulnerability_found: bool | None = None
    severity: Text | None = None
    executed_by: uuid.UUID | None = None
    executed_at: AwareDatetime | None = None
    execution_time_ms: Int4 | None = None
    created_at: AwareDatetime | None = None


class RedTeamTestRead(ReadSchema):
    """A stored red_team_tests row."""

    id: uuid.UUID
    test_name: Text
    test_category: Text
    attack_vector: Text
    test_description: Text
    model_version: Text
    test_input: Json
    expected_behavior: Text
    test_status: Text
    actual_output: Text | None
    vulnerability_found: bool | None
    severity: Text | None
    executed_by: uuid.UUID | None
    executed_at: AwareDatetime | None
    execution_time_ms: Int4 | None
    created_at: AwareDatetime | None


class RedTeamVulnerabilityCreate(CreateSchema[alignment.RedTeamVulnerability]):
    """A new red_team_vulnerabilities row."""

    orm_class = alignment.RedTeamVulnerability

    test_id: uuid.UUID | None = None
    vulnerability_type: Annotated[Text, NotNull]
    severity: Annotated[Text, NotNull]
    title: Annotated[Text, NotNull]
    description: Annotated[Text, NotNull]
    impact_description: Annotated[Text, NotNull]
    affected_models: Annotated[list[Text], NotNull]
    reproducibility: Annotated[Text, NotNull]
    status: Annotated[Text | None, NotNull] = None
    remediation_plan: Text | None = None
    fixed_in_version: Text | None = None
    fixed_by: uuid.UUID | None = None
    fixed_at: AwareDatetime | None = None
    reported_by: uuid.UUID | None = None
    assigned_to: uuid.UUID | None = None
    created_at: AwareDatetime | None = None


class RedTeamVulnerabilityRead(ReadSchema):
    """A stored red_team_vulnerabilities row."""

    id: uuid.UUID
    test_id: uuid.UUID | None
    vulnerability_type: Text
    severity: Text
    title: Text
    description: Text
    impact_description: Text
    affected_models: list[Text]
    reproducibility: Text
    status: Text
    remediation_plan: Text | None
    fixed_in_version: Text | None
    fixed_by: uuid.UUID | None
    fixed_at: AwareDatetime | None
    reported_by: uuid.UUID | None
    assigned_to: uuid.UUID | None
    created_at: AwareDatetime | None
    updated_at: AwareDatetime | None


class ScrollEventCreate(CreateSchema[session_recording.ScrollEvent]):
    """A new scroll_events row."""

    orm_class = session_recording.ScrollEvent

    user_session_id: uuid.UUID | None = None
    test_run_id: uuid.UUID | None = None
    page_performance_id: uuid.UUID | None = None
    scroll_x: Annotated[Int4, NotNull]
    scroll_y: Annotated[Int4, NotNull]
    scroll_depth_percent: Annotated[decimal.Decimal, Numeric(5, 2)] | None = None
    viewport_height: Annotated[Int4, NotNull]
    document_height: Annotated[Int4, NotNull]
    timestamp_ms: Annotated[Int8, NotNull]
    time_since_page_load_ms: Int4 | None = None
    created_at: Annotated[AwareDatetime | None, NotNull] = None


class ScrollEventRead(ReadSchema):
    """A stored scroll_events row."""

    id: uuid.UUID
    user_session_id: uuid.UUID | None
    test_run_id: uuid.UUID | None
    page_performance_id: uuid.UUID | None
    scroll_x: Int4
    scroll_y: Int4
    scroll_depth_percent: Annotated[decimal.Decimal, Numeric(5, 2)] | None
    viewport_height: Int4
    document_height: Int4
    timestamp_ms: Int8
    time_since_page_load_ms: Int4 | None
    created_at: AwareDatetime


class SecurityIncidentCreate(CreateSchema[monitoring.SecurityIncident]):
    """A new security_incidents row."""

    orm_class = monitoring.SecurityIncident

    incident_type: Annotated[Text, NotNull]
    severity: Annotated[Text, NotNull]
    title: Annotated[Text, NotNull]
    description: Annotated[Text, NotNull]
    user_id: uuid.UUID | None = None
    company_id: uuid.UUID | None = None
    ip_address: IPvAnyInterface | None = None
    evidence: Annotated[Json, NotNull]
    related_logs: list[uuid.UUID] | None = None
    status: Annotated[Text | None, NotNull] = None
    action_taken: Text | None = None
    resolved_by: uuid.UUID | None = None
    resolved_at: AwareDatetime | None = None
    notified_users: list[uuid.UUID] | None = None
    notified_at: AwareDatetime | None = None
    created_at: AwareDatetime | None = None


class SecurityIncidentRead(ReadSchema):
    """A stored security_incidents row."""

    id: uuid.UUID
    incident_type: Text
    severity: Text
    title: Text
    description: Text
    user_id: uuid.UUID | None
    company_id: uuid.UUID | None
    ip_address: IPvAnyInterface | None
    evidence: Json
    related_logs: list[uuid.UUID] | None
    status: Text
    action_taken: Text | None
    resolved_by: uuid.UUID | None
    resolved_at: AwareDatetime | None
    notified_users: list[uuid.UUID] | None
    notified_at: AwareDatetime | None
    created_at: AwareDatetime | None
    updated_at: AwareDatetime | None


class SystemHealthCheckCreate(CreateSchema[monitoring.SystemHealthCheck]):
    """A new system_health_checks row."""

    orm_class = monitoring.SystemHealthCheck

    service_name: Annotated[Text, NotNull]
    check_type: Annotated[Text, NotNull]
    is_healthy: Annotated[bool, NotNull]
    response_time_ms: Int4 | None = None
    status_message: Text | None = None
    error_details: Text | None = None
    metrics: Json | None = None
    created_at: AwareDatetime | None = None


class SystemHealthCheckRead(ReadSchema):
    """A stored system_health_checks row."""

    id: uuid.UUID
    service_name: Text
    check_type: Text
    is_healthy: bool
    response_time_ms: Int4 | None
    status_message: Text | None
    error_details: Text | None
    metrics: Json | None
    created_at: AwareDatetime | None


class TestRequestCreate(CreateSchema[core.TestRequest]):
    """A new test_requests row."""

    orm_class = core.TestRequest

    company_id: uuid.UUID | None = None
    created_by: uuid.UUID | None = None
    title: Annotated[Text, NotNull]
    description: Text | None = None
    url: Annotated[Text, NotNull]
    mission: Annotated[Text, NotNull]
    test_type: Annotated[Text, NotNull]
    personas: Annotated[Json, NotNull]
    test_dimensions: Json | None = None
    required_testers: Int4 | None = None
    tester_requirements: Json | None = None
    status: Text | None = None
    priority: Text | None = None
    ai_test_run_ids: list[uuid.UUID] | None = None
    human_test_assignment_ids: list[uuid.UUID] | None = None
    deadline: AwareDatetime | None = None
    created_at: AwareDatetime | None = None
    business_objective: Text | None = None
    success_criteria: Text | None = None
    business_goal: Text | None = None
    target_audience: Json | None = None
    app_type: Text | None = None
    industry: Text | None = None
    app_stage: Text | None = None
    traffic_volume: Text | None = None
    critical_user_flows: Json | None = None
    known_issues: Json | None = None
    competitor_urls: list[Text] | None = None
    benchmark_against: Text | None = None
    focus_areas: Json | None = None
    avoid_testing: list[Text] | None = None
    specific_concerns: list[Text] | None = None
    required_devices: list[Text] | None = None
    required_browsers: list[Text] | None = None
    screen_sizes: list[Text] | None = None
    recent_changes: Text | None = None
    previous_test_results: Text | None = None
    special_instructions: Text | None = None
    budget_range: Text | None = None
    urgency: Text | None = None
    preferred_completion_date: AwareDatetime | None = None
    requested_deliverables: Json | None = None
    ai_percentage: Annotated[Int4, Field(ge=0, le=100)] | None = None
    human_percentage: Annotated[Int4, Field(ge=0, le=100)] | None = None
    payment_source: Literal["company", "hitlai_funded", "hybrid"] | None = None
    funding_reason: Annotated[str, Field(max_length=50), PostgresText] | None = None
    admin_approved: bool | None = None
    admin_reviewed_by: uuid.UUID | None = None
    admin_reviewed_at: NaiveDatetime | None = None
    admin_notes: Text | None = None
    estimated_cost_usd: Annotated[decimal.Decimal, Numeric(10, 2)] | None = None
    actual_cost_usd: Annotated[decimal.Decimal, Numeric(10, 2)] | None = None
    overall_satisfaction_rating: Annotated[Int4, Field(ge=1, le=5)] | None = None
    overall_feedback: Text | None = None
    avg_tester_rating: float | None = None
    num_testers_rated: Int4 | None = None
    avg_ai_rating: float | None = None
    ai_accuracy_score: float | None = None
    would_use_hitlai_again: bool | None = None
    nps_score: Annotated[Int4, Field(ge=-100, le=100)] | None = None
    rated_at: AwareDatetime | None = None
    test_fixtures: Json | None = None
    test_paths: Json | None = None


class TestRequestRead(ReadSchema):
    """A stored test_requests row."""

    id: uuid.UUID
    company_id: uuid.UUID | None
    created_by: uuid.UUID | None
    title: Text
    description: Text | None
    url: Text
    mission: Text
    test_type: Text
    personas: Json
    test_dimensions: Json | None
    required_testers: Int4 | None
    tester_requirements: Json | None
    status: Text | None
    priority: Text | None
    ai_test_run_ids: list[uuid.UUID] | None
    human_test_assignment_ids: list[uuid.UUID] | None
    deadline: AwareDatetime | None
    created_at: AwareDatetime | None
    updated_at: AwareDatetime | None
    business_objective: Text | None
    success_criteria: Text | None
    business_goal: Text | None
    target_audience: Json | None
    app_type: Text | None
    industry: Text | None
    app_stage: Text | None
    traffic_volume: Text | None
    critical_user_flows: Json | None
    known_issues: Json | None
    competitor_urls: list[Text] | None
    benchmark_against: Text | None
    focus_areas: Json | None
    avoid_testing: list[Text] | None
    specific_concerns: list[Text] | None
    required_devices: list[Text] | None
    required_browsers: list[Text] | None
    screen_sizes: list[Text] | None
    recent_changes: Text | None
    previous_test_results: Text | None
    special_instructions: Text | None
    budget_range: Text | None
    urgency: Text | None
    preferred_completion_date: AwareDatetime | None
    requested_deliverables: Json | None
    ai_percentage: Annotated[Int4, Field(ge=0, le=100)] | None
    human_percentage: Annotated[Int4, Field(ge=0, le=100)] | None
    payment_source: Literal["company", "hitlai_funded", "hybrid"] | None
    funding_reason: Annotated[str, Field(max_length=50), PostgresText] | None
    admin_approved: bool | None
    admin_reviewed_by: uuid.UUID | None
    admin_reviewed_at: NaiveDatetime | None
    admin_notes: Text | None
    estimated_cost_usd: Annotated[decimal.Decimal, Numeric(10, 2)] | None
    actual_cost_usd: Annotated[decimal.Decimal, Numeric(10, 2)] | None
    overall_satisfaction_rating: Annotated[Int4, Field(ge=1, le=5)] | None
    overall_feedback: Text | None
    avg_tester_rating: float | None
    num_testers_rated: Int4 | None
    avg_ai_rating: float | None
    ai_accuracy_score: float | None
    would_use_hitlai_again: bool | None
    nps_score: Annotated[Int4, Field(ge=-100, le=100)] | None
    rated_at: AwareDatetime | None
    test_fixtures: Json | None
    test_paths: Json | None


class TestRunCreate(CreateSchema[core.TestRun]):
    """A new test_runs row."""

    orm_class = core.TestRun

    url: Annotated[Text, NotNull]
    mission: Annotated[Text, NotNull]
    persona: Annotated[Text, NotNull]
    platform: Annotated[enums.PlatformType, NotNull]
    status: Annotated[enums.TestStatus | None, NotNull] = None
    current_step_index: Int4 | None = None
    total_steps: Int4 | None = None
    failure_count: Int4 | None = None
    sentiment_score: Annotated[float, Field(ge=0, le=1)] | None = None
    crawl_context: Text | None = None
    semantic_schema: Json | None = None
    audit_results: Json | None = None
    final_report: Text | None = None
    created_at: AwareDatetime | None = None
    completed_at: AwareDatetime | None = None
    user_id: uuid.UUID | None = None
    test_request_id: uuid.UUID | None = None
    test_type: Text | None = None
    company_id: uuid.UUID | None = None
    ai_confidence_score: float | None = None
    human_validation_score: float | None = None
    accuracy_rating: float | None = None
    company_ai_rating: Annotated[Int4, Field(ge=1, le=5)] | None = None
    company_ai_feedback: Text | None = None
    ai_was_helpful: bool | None = None
    platform_details: Json | None = None
    test_config: Json | None = None
    ai_metadata: Json | None = None
    tester_category: enums.TesterCategory | None = None
    ai_model_provider: enums.AIModelProvider | None = None
    ai_model_version: Text | None = None
    ai_tokens_used: Int4 | None = None
    ai_cost_usd: Annotated[decimal.Decimal, Numeric(8, 4)] | None = None
    ai_inference_time_ms: Int4 | None = None


class TestRunRead(ReadSchema):
    """A stored test_runs row."""

    id: uuid.UUID
    url: Text
    mission: Text
    persona: Text
    platform: enums.PlatformType
    status: enums.TestStatus
    current_step_index: Int4 | None
    total_steps: Int4 | None
    failure_count: Int4 | None
    sentiment_score: Annotated[float, Field(ge=0, le=1)] | None
    crawl_context: Text | None
    semantic_schema: Json | None
    audit_results: Json | None
    final_report: Text | None
    created_at: AwareDatetime | None
    updated_at: AwareDatetime | None
    completed_at: AwareDatetime | None
    user_id: uuid.UUID | None
    test_request_id: uuid.UUID | None
    test_type: Text | None
    company_id: uuid.UUID | None
    ai_confidence_score: float | None
    human_validation_score: float | None
    accuracy_rating: float | None
    company_ai_rating: Annotated[Int4, Field(ge=1, le=5)] | None
    company_ai_feedback: Text | None
    ai_was_helpful: bool | None
    platform_details: Json | None
    test_config: Json | None
    ai_metadata: Json | None
    tester_category: enums.TesterCategory | None
    ai_model_provider: enums.AIModelProvider | None
    ai_model_version: Text | None
    ai_tokens_used: Int4 | None
    ai_cost_usd: Annotated[decimal.Decimal, Numeric(8, 4)] | None
    ai_inference_time_ms: Int4 | None


class UserSessionCreate(CreateSchema[core.UserSession]):
    """A new user_sessions row."""

    orm_class = core.UserSession

    session_id: Annotated[Text, NotNull]
    url: Annotated[Text, NotNull]
    user_agent: Text | None = None
    viewport_width: Int4 | None = None
    viewport_height: Int4 | None = None
    device_type: Text | None = None
    started_at: AwareDatetime | None = None
    ended_at: AwareDatetime | None = None
    duration_seconds: Int4 | None = None
    estimated_age_range: Text | None = None
    estimated_tech_literacy: Text | None = None
    total_clicks: Int4 | None = None
    total_scrolls: Int4 | None = None
    total_errors: Int4 | None = None
    total_hesitations: Int4 | None = None
    completion_status: Text | None = None
    anonymized: bool | None = None
    consent_given: bool | None = None
    created_at: AwareDatetime | None = None


class UserSessionRead(ReadSchema):
    """A stored user_sessions row."""

    id: uuid.UUID
    session_id: Text
    url: Text
    user_agent: Text | None
    viewport_width: Int4 | None
    viewport_height: Int4 | None
    device_type: Text | None
    started_at: AwareDatetime | None
    ended_at: AwareDatetime | None
    duration_seconds: Int4 | None
    estimated_age_range: Text | None
    estimated_tech_literacy: Text | None
    total_clicks: Int4 | None
    total_scrolls: Int4 | None
    total_errors: Int4 | None
    total_hesitations: Int4 | None
    completion_status: Text | None
    anonymized: bool | None
    consent_given: bool | None
    created_at: AwareDatetime | None


class VelocityAnalysisCreate(CreateSchema[monitoring.VelocityAnalysis]):
    """A new velocity_analysis row."""

    orm_class = monitoring.VelocityAnalysis

    session_id: Annotated[Text, NotNull]
    tester_id: uuid.UUID | None = None
    test_run_id: uuid.UUID | None = None
    total_interactions: Annotated[Int4, NotNull]
    time_span_seconds: Annotated[Int4, NotNull]
    interactions_per_minute: Annotated[Annotated[decimal.Decimal, Numeric(6, 2)], NotNull]
    click_velocity: Annotated[decimal.Decimal, Numeric(6, 2)] | None = None
    scroll_velocity: Annotated[decimal.Decimal, Numeric(6, 2)] | None = None
    typing_velocity: Annotated[decimal.Decimal, Numeric(6, 2)] | None = None
    avg_time_between_actions_ms: Int4 | None = None
    min_time_between_actions_ms: Int4 | None = None
    max_time_between_actions_ms: Int4 | None = None
    stddev_time_between_actions_ms: Int4 | None = None
    uniform_timing_detected: bool | None = None
    superhuman_speed_detected: bool | None = None
    no_hesitation_detected: bool | None = None
    perfect_accuracy_detected: bool | None = None
    bot_probability_score: Annotated[Annotated[decimal.Decimal, Numeric(3, 2)], NotNull]
    is_likely_bot: Annotated[bool, NotNull]
    confidence: Annotated[Annotated[decimal.Decimal, Numeric(3, 2)], NotNull]
    reasoning: Annotated[Text, NotNull]
    flagged_for_review: bool | None = None
    reviewed_by: uuid.UUID | None = None
    review_decision: Text | None = None
    review_notes: Text | None = None
    created_at: AwareDatetime | None = None


class VelocityAnalysisRead(ReadSchema):
    """A stored velocity_analysis row."""

    id: uuid.UUID
    session_id: Text
    tester_id: uuid.UUID | None
    test_run_id: uuid.UUID | None
    total_interactions: Int4
    time_span_seconds: Int4
    interactions_per_minute: Annotated[decimal.Decimal, Numeric(6, 2)]
    click_velocity: Annotated[decimal.Decimal, Numeric(6, 2)] | None
    scroll_velocity: Annotated[decimal.Decimal, Numeric(6, 2)] | None
    typing_velocity: Annotated[decimal.Decimal, Numeric(6, 2)] | None
    avg_time_between_actions_ms: Int4 | None
    min_time_between_actions_ms: Int4 | None
    max_time_between_actions_ms: Int4 | None
    stddev_time_between_actions_ms: Int4 | None
    uniform_timing_detected: bool | None
    superhuman_speed_detected: bool | None
    no_hesitation_detected: bool | None
    perfect_accuracy_detected: bool | None
    bot_probability_score: Annotated[decimal.Decimal, Numeric(3, 2)]
    is_likely_bot: bool
    confidence: Annotated[decimal.Decimal, Numeric(3, 2)]
    reasoning: Text
    flagged_for_review: bool | None
    reviewed_by: uuid.UUID | None
    review_decision: Text | None
    review_notes: Text | None
    created_at: AwareDatetime | None


class VisibilityChangeCreate(CreateSchema[session_recording.VisibilityChange]):
    """A new visibility_changes row."""

    orm_class = session_recording.VisibilityChange

    user_session_id: uuid.UUID | None = None
    test_run_id: uuid.UUID | None = None
    page_performance_id: uuid.UUID | None = None
    became_visible: Annotated[bool, NotNull]
    visibility_state: Annotated[Text, NotNull]
    duration_visible_ms: Int4 | None = None
    timestamp_ms: Annotated[Int8, NotNull]
    created_at: Annotated[AwareDatetime | None, NotNull] = None


class VisibilityChangeRead(ReadSchema):
    """A stored visibility_changes row."""

    id: uuid.UUID
    user_session_id: uuid.UUID | None
    test_run_id: uuid.UUID | None
    page_performance_id: uuid.UUID | None
    became_visible: bool
    visibility_state: Text
    duration_visible_ms: Int4 | None
    timestamp_ms: Int8
    created_at: AwareDatetime


__all__ = [
    "AGICapabilityMilestoneCreate",
    "AGICapabilityMilestoneRead",
    "AGISafetyDecisionCreate",
    "AGISafetyDecisionRead",
    "AIAlignmentMetricCreate",
    "AIAlignmentMetricRead",
    "AICapabilityBenchmarkCreate",
    "AICapabilityBenchmarkRead",
    "AIInferenceLogCreate",
    "AIInferenceLogRead",
    "AIModelCapabilityCreate",
    "AIModelCapabilityRead",
    "AITesterAssignmentPreferenceCreate",
    "AITesterAssignmentPreferenceRead",
    "AITesterPerformanceCreate",
    "AITesterPerformanceRead",
    "AITesterPricingCreate",
    "AITesterPricingRead",
    "AIVsHumanComparisonCreate",
    "AIVsHumanComparisonRead",
    "APIAlertHistoryCreate",
    "APIAlertHistoryRead",
    "APIAlertRuleCreate",
    "APIAlertRuleRead",
    "APICallLogCreate",
    "APICallLogRead",
    "APIEndpointConfigCreate",
    "APIEndpointConfigRead",
    "APIHealthMetricCreate",
    "APIHealthMetricRead",
    "APIIncidentCreate",
    "APIIncidentRead",
    "APIIncidentUpdateCreate",
    "APIIncidentUpdateRead",
    "APIMaintenanceWindowCreate",
    "APIMaintenanceWindowRead",
    "APIRateLimitCreate",
    "APIRateLimitRead",
    "APIStatusSubscriptionCreate",
    "APIStatusSubscriptionRead",
    "APIUptimeSummaryCreate",
    "APIUptimeSummaryRead",
    "AgentExecutionCreate",
    "AgentExecutionRead",
    "BiasDetectionResultCreate",
    "BiasDetectionResultRead",
    "CircuitBreakerEventCreate",
    "CircuitBreakerEventRead",
    "ClickEventCreate",
    "ClickEventRead",
    "CompanyCreate",
    "CompanyRead",
    "ConsoleLogCreate",
    "ConsoleLogRead",
    "ConstitutionalRuleCreate",
    "ConstitutionalRuleRead",
    "ConstitutionalViolationCreate",
    "ConstitutionalViolationRead",
    "ElementVisibilityCreate",
    "ElementVisibilityRead",
    "FormInteractionCreate",
    "FormInteractionRead",
    "HumanCorrectionCreate",
    "HumanCorrectionRead",
    "HumanTesterCreate",
    "HumanTesterRead",
    "JavascriptErrorCreate",
    "JavascriptErrorRead",
    "KeyboardEventCreate",
    "KeyboardEventRead",
    "MouseMovementCreate",
    "MouseMovementRead",
    "NetworkRequestCreate",
    "NetworkRequestRead",
    "PagePerformanceCreate",
    "PagePerformanceRead",
    "PerformanceMetricCreate",
    "PerformanceMetricRead",
    "QualityGateCheckCreate",
    "QualityGateCheckRead",
    "RageClickIncidentCreate",
    "RageClickIncidentRead",
    "RedTeamTestCreate",
    "RedTeamTestRead",
    "RedTeamVulnerabilityCreate",
    "RedTeamVulnerabilityRead",
    "ScrollEventCreate",
    "ScrollEventRead",
    "SecurityIncidentCreate",
    "SecurityIncidentRead",
    "SystemHealthCheckCreate",
    "SystemHealthCheckRead",
    "TestRequestCreate",
    "TestRequestRead",
    "TestRunCreate",
    "TestRunRead",
    "UserSessionCreate",
    "UserSessionRead",
    "VelocityAnalysisCreate",
    "VelocityAnalysisRead",
    "VisibilityChangeCreate",
    "VisibilityChangeRead",
]
