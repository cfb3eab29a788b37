"""AI alignment infrastructure: RLHF corrections, constitutional rules, red teaming, inference logs, AGI governance (11 tables).

Revision ID: 20260117000001
Revises: 20260116000005
Create Date: 2026-01-17 00:00:01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from hitlai_schema.runtime import online_ddl

revision: str = "20260117000001"
down_revision: str | None = "20260116000005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# In creation order: a table comes after the tables it references.
TABLES = (
    "ai_alignment_metrics",
    "human_corrections",
    "constitutional_rules",
    "constitutional_violations",
    "red_team_tests",
    "red_team_vulnerabilities",
    "ai_inference_logs",
    "quality_gate_checks",
    "bias_detection_results",
    "agi_capability_milestones",
    "agi_safety_decisions",
)


# Foreign keys to tables production writes to: added after this revision's tables exist, each in a short
# transaction of its own (see hitlai_schema.runtime.online_ddl), so a live writer is never held up for long.
PRODUCTION_CHANGES = (
    online_ddl.foreign_key("human_corrections", ["test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("human_corrections", ["tester_id"], "human_testers", "SET NULL"),
    online_ddl.foreign_key("constitutional_rules", ["company_id"], "companies", "CASCADE"),
    online_ddl.foreign_key("constitutional_rules", ["tester_id"], "human_testers", "CASCADE"),
    online_ddl.foreign_key("constitutional_violations", ["test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("ai_inference_logs", ["test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("quality_gate_checks", ["test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("bias_detection_results", ["test_run_id"], "test_runs", "CASCADE"),
)


def upgrade() -> None:
    """Create the 11 alignment tables with their indexes, and enable row-level security on each."""
    op.create_table(
        "ai_alignment_metrics",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("model_version", sa.Text(), nullable=False),
        sa.Column("alignment_score", sa.Numeric(precision=3, scale=2), nullable=True),
        sa.Column("safety_violations", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("human_override_count", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("hallucination_rate", sa.Numeric(precision=5, scale=4), nullable=True),
        sa.Column("bias_score", sa.Numeric(precision=3, scale=2), nullable=True),
        sa.Column("measured_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("metrics", postgresql.JSONB(), server_default=sa.text("'{}'::jsonb"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("ai_alignment_metrics_pkey")),
        sa.CheckConstraint(
            "alignment_score >= 0 AND alignment_score <= 1", name=op.f("ai_alignment_metrics_alignment_score_check")
        ),
        comment="Alignment, safety and bias scores measured for each AI model version",
    )
    op.create_index("idx_alignment_metrics_measured_at", "ai_alignment_metrics", [sa.text("measured_at DESC")])
    op.create_index("idx_alignment_metrics_version", "ai_alignment_metrics", ["model_version"])

    op.create_table(
        "human_corrections",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("tester_id", sa.Uuid(), nullable=True),
        sa.Column("ai_finding", sa.Text(), nullable=False),
        sa.Column("ai_severity", sa.Text(), nullable=True),
        sa.Column("ai_confidence", sa.Numeric(precision=3, scale=2), nullable=True),
        sa.Column("corrected_finding", sa.Text(), nullable=False),
        sa.Column("corrected_severity", sa.Text(), nullable=True),
        sa.Column("correction_type", sa.Text(), nullable=False),
        sa.Column("correction_reasoning", sa.Text(), nullable=True),
        sa.Column("correction_quality_score", sa.Integer(), nullable=True),
        sa.Column("verified_by", sa.Uuid(), nullable=True),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("used_for_training", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("training_batch_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("human_corrections_pkey")),
        sa.CheckConstraint(
            "correction_quality_score >= 1 AND correction_quality_score <= 5",
            name=op.f("human_corrections_correction_quality_score_check"),
        ),
        comment="Corrections human testers made to AI findings, kept as RLHF training data",
    )
    op.create_index("idx_human_corrections_test_run", "human_corrections", ["test_run_id"])
    op.create_index("idx_human_corrections_tester", "human_corrections", ["tester_id"])
    op.create_index(
        "idx_human_corrections_training",
        "human_corrections",
        ["used_for_training"],
        postgresql_where=sa.text("used_for_training = true"),
    )
    op.create_index("idx_human_corrections_type", "human_corrections", ["correction_type"])

    op.create_table(
        "constitutional_rules",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("rule_level", sa.Text(), nullable=False),
        sa.Column("priority", sa.Integer(), server_default=sa.text("100"), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=True),
        sa.Column("tester_id", sa.Uuid(), nullable=True),
        sa.Column("platform", sa.Text(), nullable=True),
        sa.Column("rule_name", sa.Text(), nullable=False),
        sa.Column("rule_description", sa.Text(), nullable=False),
        sa.Column("rule_type", sa.Text(), nullable=False),
        sa.Column("rule_condition", postgresql.JSONB(), nullable=False),
        sa.Column("rule_action", sa.Text(), nullable=False),
        sa.Column("enforcement_level", sa.Text(), server_default=sa.text("'strict'::text"), nullable=False),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("approved_by", sa.Uuid(), nullable=True),
        sa.Column("violation_count", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("last_violation_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("constitutional_rules_pkey")),
        comment="Rules the AI must obey, layered from platform-wide to company, tester and platform scope",
    )
    op.create_index(
        "idx_constitutional_rules_active",
        "constitutional_rules",
        ["is_active"],
        postgresql_where=sa.text("is_active = true"),
    )
    op.create_index(
        "idx_constitutional_rules_company",
        "constitutional_rules",
        ["company_id"],
        postgresql_where=sa.text("company_id IS NOT NULL"),
    )
    op.create_index("idx_constitutional_rules_level", "constitutional_rules", ["rule_level"])
    op.create_index("idx_constitutional_rules_priority", "constitutional_rules", [sa.text("priority DESC")])

    op.create_table(
        "constitutional_violations",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("rule_id", sa.Uuid(), nullable=True),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("violation_type", sa.Text(), nullable=False),
        sa.Column("violation_severity", sa.Text(), nullable=False),
        sa.Column("violation_description", sa.Text(), nullable=False),
        sa.Column("ai_output", sa.Text(), nullable=True),
        sa.Column("ai_confidence", sa.Numeric(precision=3, scale=2), nullable=True),
        sa.Column("action_taken", sa.Text(), nullable=False),
        sa.Column("resolved", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("resolved_by", sa.Uuid(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution_notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("constitutional_violations_pkey")),
        sa.ForeignKeyConstraint(
            ["rule_id"],
            ["constitutional_rules.id"],
            name=op.f("constitutional_violations_rule_id_fkey"),
            ondelete="CASCADE",
        ),
        comment="Each time an AI output broke a constitutional rule, and what was done about it",
    )
    op.create_index("idx_constitutional_violations_rule", "constitutional_violations", ["rule_id"])
    op.create_index("idx_constitutional_violations_severity", "constitutional_violations", ["violation_severity"])
    op.create_index("idx_constitutional_violations_test", "constitutional_violations", ["test_run_id"])
    op.create_index(
        "idx_constitutional_violations_unresolved",
        "constitutional_violations",
        ["resolved"],
        postgresql_where=sa.text("resolved = false"),
    )

    op.create_table(
        "red_team_tests",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("test_name", sa.Text(), nullable=False),
        sa.Column("test_category", sa.Text(), nullable=False),
        sa.Column("attack_vector", sa.Text(), nullable=False),
        sa.Column("test_description", sa.Text(), nullable=False),
        sa.Column("model_version", sa.Text(), nullable=False),
        sa.Column("test_input", postgresql.JSONB(), nullable=False),
        sa.Column("expected_behavior", sa.Text(), nullable=False),
        sa.Column("test_status", sa.Text(), server_default=sa.text("'pending'::text"), nullable=False),
        sa.Column("actual_output", sa.Text(), nullable=True),
        sa.Column("vulnerability_found", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("severity", sa.Text(), nullable=True),
        sa.Column("executed_by", sa.Uuid(), nullable=True),
        sa.Column("executed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("execution_time_ms", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("red_team_tests_pkey")),
        comment="Adversarial prompts and scenarios run against the AI to probe for weaknesses",
    )
    op.create_index("idx_red_team_tests_category", "red_team_tests", ["test_category"])
    op.create_index("idx_red_team_tests_model", "red_team_tests", ["model_version"])
    op.create_index("idx_red_team_tests_status", "red_team_tests", ["test_status"])
    op.create_index(
        "idx_red_team_tests_vulnerability",
        "red_team_tests",
        ["vulnerability_found"],
        postgresql_where=sa.text("vulnerability_found = true"),
    )

    op.create_table(
        "red_team_vulnerabilities",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("test_id", sa.Uuid(), nullable=True),
        sa.Column("vulnerability_type", sa.Text(), nullable=False),
        sa.Column("severity", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("impact_description", sa.Text(), nullable=False),
        sa.Column("affected_models", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("reproducibility", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), server_default=sa.text("'open'::text"), nullable=False),
        sa.Column("remediation_plan", sa.Text(), nullable=True),
        sa.Column("fixed_in_version", sa.Text(), nullable=True),
        sa.Column("fixed_by", sa.Uuid(), nullable=True),
        sa.Column("fixed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reported_by", sa.Uuid(), nullable=True),
        sa.Column("assigned_to", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("red_team_vulnerabilities_pkey")),
        sa.ForeignKeyConstraint(
            ["test_id"], ["red_team_tests.id"], name=op.f("red_team_vulnerabilities_test_id_fkey"), ondelete="CASCADE"
        ),
        comment="Weaknesses found by red-team tests, with severity and remediation status",
    )
    op.create_index(
        "idx_red_team_vulnerabilities_open",
        "red_team_vulnerabilities",
        ["status"],
        postgresql_where=sa.text("status = 'open'::text"),
    )
    op.create_index("idx_red_team_vulnerabilities_severity", "red_team_vulnerabilities", ["severity"])
    op.create_index("idx_red_team_vulnerabilities_status", "red_team_vulnerabilities", ["status"])
    op.create_index("idx_red_team_vulnerabilities_test", "red_team_vulnerabilities", ["test_id"])

    op.create_table(
        "ai_inference_logs",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("model_version", sa.Text(), nullable=False),
        sa.Column("model_provider", sa.Text(), nullable=False),
        sa.Column("input_prompt", sa.Text(), nullable=False),
        sa.Column("input_tokens", sa.Integer(), nullable=True),
        sa.Column("input_context", postgresql.JSONB(), nullable=True),
        sa.Column("output_text", sa.Text(), nullable=False),
        sa.Column("output_tokens", sa.Integer(), nullable=True),
        sa.Column("confidence_score", sa.Numeric(precision=3, scale=2), nullable=True),
        sa.Column("latency_ms", sa.Integer(), nullable=False),
        sa.Column("cost_usd", sa.Numeric(precision=10, scale=6), nullable=True),
        sa.Column("flagged_for_review", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("flag_reason", sa.Text(), nullable=True),
        sa.Column("human_reviewed", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("human_rating", sa.Integer(), nullable=True),
        sa.Column("constitutional_check_passed", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("violated_rules", postgresql.ARRAY(sa.Uuid()), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("ai_inference_logs_pkey")),
        sa.CheckConstraint(
            "human_rating >= 1 AND human_rating <= 5", name=op.f("ai_inference_logs_human_rating_check")
        ),
        comment="One row per AI model call: prompt, response, tokens, cost and latency",
    )
    op.create_index("idx_ai_inference_logs_created_at", "ai_inference_logs", [sa.text("created_at DESC")])
    op.create_index(
        "idx_ai_inference_logs_flagged",
        "ai_inference_logs",
        ["flagged_for_review"],
        postgresql_where=sa.text("flagged_for_review = true"),
    )
    op.create_index("idx_ai_inference_logs_model", "ai_inference_logs", ["model_version"])
    op.create_index("idx_ai_inference_logs_test_run", "ai_inference_logs", ["test_run_id"])

    op.create_table(
        "quality_gate_checks",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("inference_log_id", sa.Uuid(), nullable=True),
        sa.Column("gate_type", sa.Text(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("confidence", sa.Numeric(precision=3, scale=2), nullable=True),
        sa.Column("score", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("issues_found", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("evidence", postgresql.JSONB(), nullable=True),
        sa.Column("reasoning", sa.Text(), nullable=True),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("quality_gate_checks_pkey")),
        sa.ForeignKeyConstraint(
            ["inference_log_id"],
            ["ai_inference_logs.id"],
            name=op.f("quality_gate_checks_inference_log_id_fkey"),
            ondelete="CASCADE",
        ),
        comment="Automated checks of AI output for hallucination, laziness and other quality failures",
    )
    op.create_index(
        "idx_quality_gate_checks_failed", "quality_gate_checks", ["passed"], postgresql_where=sa.text("passed = false")
    )
    op.create_index("idx_quality_gate_checks_test_run", "quality_gate_checks", ["test_run_id"])
    op.create_index("idx_quality_gate_checks_type", "quality_gate_checks", ["gate_type"])

    op.create_table(
        "bias_detection_results",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("test_run_id", sa.Uuid(), nullable=True),
        sa.Column("model_version", sa.Text(), nullable=False),
        sa.Column("demographic_bias_score", sa.Numeric(precision=3, scale=2), nullable=True),
        sa.Column("platform_bias_score", sa.Numeric(precision=3, scale=2), nullable=True),
        sa.Column("language_bias_score", sa.Numeric(precision=3, scale=2), nullable=True),
        sa.Column("temporal_bias_score", sa.Numeric(precision=3, scale=2), nullable=True),
        sa.Column("overall_bias_score", sa.Numeric(precision=3, scale=2), nullable=False),
        sa.Column("bias_detected", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("bias_categories", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("bias_evidence", postgresql.JSONB(), nullable=True),
        sa.Column("affected_groups", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("mitigation_applied", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("mitigation_strategy", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("bias_detection_results_pkey")),
        comment="Bias found in AI output for a test run, by bias type",
    )
    op.create_index(
        "idx_bias_detection_detected",
        "bias_detection_results",
        ["bias_detected"],
        postgresql_where=sa.text("bias_detected = true"),
    )
    op.create_index("idx_bias_detection_model", "bias_detection_results", ["model_version"])
    op.create_index("idx_bias_detection_test_run", "bias_detection_results", ["test_run_id"])

    op.create_table(
        "agi_capability_milestones",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("capability_name", sa.Text(), nullable=False),
        sa.Column("capability_level", sa.Integer(), nullable=False),
        sa.Column("capability_description", sa.Text(), nullable=False),
        sa.Column("demonstrated", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("validated_by", sa.Uuid(), nullable=True),
        sa.Column("validation_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("validation_evidence", sa.Text(), nullable=True),
        sa.Column("safety_audit_passed", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("alignment_verified", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("red_team_passed", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("approved_for_deployment", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("approved_by", sa.Uuid(), nullable=True),
        sa.Column("approval_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("monitoring_requirements", postgresql.JSONB(), nullable=True),
        sa.Column("rollback_procedure", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("agi_capability_milestones_pkey")),
        sa.CheckConstraint(
            "capability_level >= 1 AND capability_level <= 5",
            name=op.f("agi_capability_milestones_capability_level_check"),
        ),
        comment="Capability milestones the AI has reached or is measured against",
    )
    op.create_index("idx_agi_milestones_approved", "agi_capability_milestones", ["approved_for_deployment"])
    op.create_index("idx_agi_milestones_demonstrated", "agi_capability_milestones", ["demonstrated"])
    op.create_index("idx_agi_milestones_level", "agi_capability_milestones", ["capability_level"])

    op.create_table(
        "agi_safety_decisions",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("decision_type", sa.Text(), nullable=False),
        sa.Column("capability_milestone_id", sa.Uuid(), nullable=True),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("reasoning", sa.Text(), nullable=False),
        sa.Column("conditions", postgresql.JSONB(), nullable=True),
        sa.Column("decided_by", postgresql.ARRAY(sa.Uuid()), nullable=False),
        sa.Column("unanimous", sa.Boolean(), nullable=False),
        sa.Column("vote_breakdown", postgresql.JSONB(), nullable=True),
        sa.Column("requires_review_in_days", sa.Integer(), nullable=True),
        sa.Column("next_review_date", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("agi_safety_decisions_pkey")),
        sa.ForeignKeyConstraint(
            ["capability_milestone_id"],
            ["agi_capability_milestones.id"],
            name=op.f("agi_safety_decisions_capability_milestone_id_fkey"),
        ),
        comment="Safety decisions taken before unlocking a capability, and who took them",
    )
    op.create_index("idx_agi_safety_decisions_milestone", "agi_safety_decisions", ["capability_milestone_id"])
    op.create_index(
        "idx_agi_safety_decisions_review",
        "agi_safety_decisions",
        ["next_review_date"],
        postgresql_where=sa.text("next_review_date IS NOT NULL"),
    )
    op.create_index("idx_agi_safety_decisions_type", "agi_safety_decisions", ["decision_type"])

    for table in TABLES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")

    # Privileges (spec decision 5): only the backend reaches these tables. REVOKE ALL first, so that a
    # project still carrying Supabase's old GRANT ALL default privileges ends like a new one.
    op.execute(f"REVOKE ALL ON {', '.join(TABLES)} FROM anon, authenticated, service_role")
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(TABLES)} TO service_role")
    # The migration history is the owner's alone. Done here, not in the baseline, because a Supabase
    # database is stamped at the baseline and never runs it. RLS with no policy also satisfies
    # Supabase's security advisor, which flags every table of public without it.
    op.execute("REVOKE ALL ON public.alembic_version FROM PUBLIC, anon, authenticated, service_role")
    op.execute("ALTER TABLE public.alembic_version ENABLE ROW LEVEL SECURITY")
    online_ddl.apply(PRODUCTION_CHANGES)


def downgrade() -> None:
    """Drop the tables, dependants first. alembic_version stays out of the API roles' reach."""
    op.execute(f"REVOKE ALL ON {', '.join(TABLES)} FROM anon, authenticated, service_role")
    for table in reversed(TABLES):
        op.drop_table(table)
