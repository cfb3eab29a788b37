"""AI tester categorization: three enums, six tables, tester columns on human_testers and test_runs, reference data.

Revision ID: 20260117000005
Revises: 20260117000004
Create Date: 2026-01-17 00:00:05
"""

from collections.abc import Sequence
from decimal import Decimal

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from hitlai_schema.runtime import online_ddl

revision: str = "20260117000005"
down_revision: str | None = "20260117000004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# In creation order: a table comes after the tables it references.
TABLES = (
    "ai_tester_performance",
    "ai_vs_human_comparison",
    "ai_tester_pricing",
    "ai_model_capabilities",
    "ai_tester_assignment_preferences",
    "ai_capability_benchmarks",
)

tester_category = postgresql.ENUM("human", "ai_third_party", "ai_hitl_trained", name="tester_category")
ai_model_provider = postgresql.ENUM(
    "grok",
    "openai_gpt4",
    "openai_gpt4_turbo",
    "gemini",
    "claude",
    "hitl_finetuned",
    "hitl_selfhosted_mixtral",
    "hitl_selfhosted_llama",
    name="ai_model_provider",
)
ai_capability_level = postgresql.ENUM("basic", "intermediate", "advanced", "expert", "agi", name="ai_capability_level")
ENUMS = (tester_category, ai_model_provider, ai_capability_level)

# Reference rows, written out here so that this revision inserts the same rows
# whatever later revisions or the models say.
PRICING = sa.table(
    "ai_tester_pricing",
    sa.column("tester_category", tester_category),
    sa.column("ai_model_provider", ai_model_provider),
    sa.column("base_price_per_test_usd", sa.Numeric()),
    sa.column("platform_fee_percent", sa.Numeric()),
    sa.column("tester_payout_percent", sa.Numeric()),
    sa.column("description", sa.Text()),
    sa.column("effective_from", sa.DateTime(timezone=True)),
)
PRICING_ROWS = (
    {
        "tester_category": "human",
        "ai_model_provider": None,
        "base_price_per_test_usd": Decimal("15.00"),
        "platform_fee_percent": Decimal("20.00"),
        "tester_payout_percent": Decimal("80.00"),
        "description": "Human tester: a person runs the test",
    },
    {
        "tester_category": "ai_third_party",
        "ai_model_provider": "openai_gpt4",
        "base_price_per_test_usd": Decimal("5.00"),
        "platform_fee_percent": Decimal("30.00"),
        "tester_payout_percent": Decimal("0.00"),
        "description": "OpenAI GPT-4 through its API",
    },
    {
        "tester_category": "ai_third_party",
        "ai_model_provider": "openai_gpt4_turbo",
        "base_price_per_test_usd": Decimal("3.00"),
        "platform_fee_percent": Decimal("30.00"),
        "tester_payout_percent": Decimal("0.00"),
        "description": "OpenAI GPT-4 Turbo through its API",
    },
    {
        "tester_category": "ai_third_party",
        "ai_model_provider": "grok",
        "base_price_per_test_usd": Decimal("4.00"),
        "platform_fee_percent": Decimal("30.00"),
        "tester_payout_percent": Decimal("0.00"),
        "description": "xAI Grok through its API",
    },
    {
        "tester_category": "ai_third_party",
        "ai_model_provider": "gemini",
        "base_price_per_test_usd": Decimal("4.50"),
        "platform_fee_percent": Decimal("30.00"),
        "tester_payout_percent": Decimal("0.00"),
        "description": "Google Gemini through its API",
    },
    {
        "tester_category": "ai_third_party",
        "ai_model_provider": "claude",
        "base_price_per_test_usd": Decimal("5.50"),
        "platform_fee_percent": Decimal("30.00"),
        "tester_payout_percent": Decimal("0.00"),
        "description": "Anthropic Claude through its API",
    },
    {
        "tester_category": "ai_hitl_trained",
        "ai_model_provider": "hitl_finetuned",
        "base_price_per_test_usd": Decimal("8.00"),
        "platform_fee_percent": Decimal("100.00"),
        "tester_payout_percent": Decimal("0.00"),
        "description": "HitlAI model fine-tuned on human test sessions",
    },
    {
        "tester_category": "ai_hitl_trained",
        "ai_model_provider": "hitl_selfhosted_mixtral",
        "base_price_per_test_usd": Decimal("6.00"),
        "platform_fee_percent": Decimal("100.00"),
        "tester_payout_percent": Decimal("0.00"),
        "description": "Self-hosted Mixtral trained on human test sessions",
    },
    {
        "tester_category": "ai_hitl_trained",
        "ai_model_provider": "hitl_selfhosted_llama",
        "base_price_per_test_usd": Decimal("6.50"),
        "platform_fee_percent": Decimal("100.00"),
        "tester_payout_percent": Decimal("0.00"),
        "description": "Self-hosted Llama trained on human test sessions",
    },
)
MODEL_CAPABILITIES = sa.table(
    "ai_model_capabilities",
    sa.column("ai_model_provider", ai_model_provider),
    sa.column("model_version", sa.Text()),
    sa.column("supported_test_types", postgresql.ARRAY(sa.Text())),
    sa.column("supported_languages", postgresql.ARRAY(sa.Text())),
    sa.column("typical_accuracy_rate", sa.Numeric()),
    sa.column("context_window_tokens", sa.Integer()),
    sa.column("cost_per_1k_tokens_usd", sa.Numeric()),
    sa.column("is_available", sa.Boolean()),
    sa.column("is_recommended", sa.Boolean()),
)
MODEL_CAPABILITY_ROWS = (
    {
        "ai_model_provider": "openai_gpt4",
        "model_version": "gpt-4-0125-preview",
        "supported_test_types": ["functional", "usability", "accessibility", "content"],
        "supported_languages": ["en", "es", "fr", "de", "pt", "ja", "zh"],
        "typical_accuracy_rate": Decimal("85.00"),
        "context_window_tokens": 128000,
        "cost_per_1k_tokens_usd": Decimal("0.03"),
        "is_available": True,
        "is_recommended": True,
    },
    {
        "ai_model_provider": "grok",
        "model_version": "grok-1",
        "supported_test_types": ["functional", "usability", "content"],
        "supported_languages": ["en"],
        "typical_accuracy_rate": Decimal("80.00"),
        "context_window_tokens": 8192,
        "cost_per_1k_tokens_usd": Decimal("0.02"),
        "is_available": True,
        "is_recommended": False,
    },
)

# The rows above by table: a downgrade does not count them as data it would delete.
REFERENCE_ROWS = ((PRICING, PRICING_ROWS), (MODEL_CAPABILITIES, MODEL_CAPABILITY_ROWS))

# The public model catalog: signed-in users may read what is offered; all else is service_role's.
POLICIES = (
    """CREATE POLICY catalog_reads_active_pricing ON ai_tester_pricing
           FOR SELECT TO authenticated USING (is_active)""",
    """CREATE POLICY catalog_reads_available_models ON ai_model_capabilities
           FOR SELECT TO authenticated USING (is_available)""",
    """CREATE POLICY catalog_reads_benchmarks ON ai_capability_benchmarks
           FOR SELECT TO authenticated USING (true)""",
)


# The tester columns on human_testers and test_runs, the foreign keys to tables production writes to, and
# the indexes on those tables: each made after this revision's tables exist, in a short transaction of its
# own or CONCURRENTLY (see hitlai_schema.runtime.online_ddl), so a live writer is never held up for long.
# ADD COLUMN with no default or a constant one only changes the catalog on PostgreSQL 11+: human_testers
# and test_runs, large in production, are not rewritten.
PRODUCTION_CHANGES = (
    online_ddl.add_column("human_testers", "tester_category", "tester_category DEFAULT 'human'::tester_category"),
    online_ddl.add_column("human_testers", "ai_model_provider", "ai_model_provider"),
    online_ddl.add_column("human_testers", "ai_model_version", "text"),
    online_ddl.add_column("human_testers", "ai_configuration", "jsonb DEFAULT '{}'::jsonb"),
    online_ddl.add_column("test_runs", "tester_category", "tester_category"),
    online_ddl.add_column("test_runs", "ai_model_provider", "ai_model_provider"),
    online_ddl.add_column("test_runs", "ai_model_version", "text"),
    online_ddl.add_column("test_runs", "ai_tokens_used", "integer"),
    online_ddl.add_column("test_runs", "ai_cost_usd", "numeric(8,4)"),
    online_ddl.add_column("test_runs", "ai_inference_time_ms", "integer"),
    online_ddl.foreign_key("ai_tester_performance", ["tester_id"], "human_testers", "CASCADE"),
    online_ddl.foreign_key("ai_vs_human_comparison", ["ai_test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("ai_vs_human_comparison", ["human_test_run_id"], "test_runs", "CASCADE"),
    online_ddl.foreign_key("ai_vs_human_comparison", ["test_request_id"], "test_requests", "CASCADE"),
    online_ddl.foreign_key("ai_tester_assignment_preferences", ["company_id"], "companies", "CASCADE"),
    online_ddl.index(
        "human_testers", "idx_human_testers_ai_provider", "(ai_model_provider) WHERE ai_model_provider IS NOT NULL"
    ),
    online_ddl.index("human_testers", "idx_human_testers_category", "(tester_category)"),
    online_ddl.index(
        "test_runs", "idx_test_runs_ai_provider", "(ai_model_provider) WHERE ai_model_provider IS NOT NULL"
    ),
    online_ddl.index("test_runs", "idx_test_runs_tester_category", "(tester_category)"),
)


def upgrade() -> None:
    """Create the enums and 6 tables, add tester columns to human_testers and test_runs, insert reference rows."""
    for enum in ENUMS:
        enum.create(op.get_bind())

    op.create_table(
        "ai_tester_performance",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("tester_id", sa.Uuid(), nullable=True),
        sa.Column("ai_model_provider", postgresql.ENUM(name="ai_model_provider", create_type=False), nullable=False),
        sa.Column("model_version", sa.Text(), nullable=False),
        sa.Column("period_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("period_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("total_tests_completed", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("avg_test_duration_minutes", sa.Numeric(precision=6, scale=2), nullable=True),
        sa.Column("avg_quality_score", sa.Numeric(precision=3, scale=2), nullable=True),
        sa.Column("issues_found", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("false_positives", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("false_negatives", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("accuracy_rate", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("human_corrections_count", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("correction_rate", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("total_cost_usd", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("cost_per_test_usd", sa.Numeric(precision=8, scale=4), nullable=True),
        sa.Column("tokens_used", sa.Integer(), nullable=True),
        sa.Column("vs_human_speed_ratio", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("vs_human_quality_ratio", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("vs_human_cost_ratio", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("ai_tester_performance_pkey")),
        comment="Performance of an AI tester over a period, beside comparable human testers",
    )
    op.create_index("idx_ai_tester_performance_period", "ai_tester_performance", [sa.text("period_start DESC")])
    op.create_index("idx_ai_tester_performance_provider", "ai_tester_performance", ["ai_model_provider"])
    op.create_index("idx_ai_tester_performance_tester", "ai_tester_performance", ["tester_id"])

    op.create_table(
        "ai_vs_human_comparison",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("test_request_id", sa.Uuid(), nullable=True),
        sa.Column("human_test_run_id", sa.Uuid(), nullable=True),
        sa.Column("human_issues_found", sa.Integer(), nullable=True),
        sa.Column("human_test_duration_minutes", sa.Integer(), nullable=True),
        sa.Column("human_quality_score", sa.Numeric(precision=3, scale=2), nullable=True),
        sa.Column("ai_test_run_id", sa.Uuid(), nullable=True),
        sa.Column("ai_model_provider", postgresql.ENUM(name="ai_model_provider", create_type=False), nullable=False),
        sa.Column("ai_issues_found", sa.Integer(), nullable=True),
        sa.Column("ai_test_duration_minutes", sa.Integer(), nullable=True),
        sa.Column("ai_quality_score", sa.Numeric(precision=3, scale=2), nullable=True),
        sa.Column("ai_cost_usd", sa.Numeric(precision=8, scale=4), nullable=True),
        sa.Column("issues_overlap", sa.Integer(), nullable=True),
        sa.Column("issues_only_human", sa.Integer(), nullable=True),
        sa.Column("issues_only_ai", sa.Integer(), nullable=True),
        sa.Column("agreement_rate", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("better_performer", sa.Text(), nullable=True),
        sa.Column("reasoning", sa.Text(), nullable=True),
        sa.Column("validated_by", sa.Uuid(), nullable=True),
        sa.Column("validation_notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("ai_vs_human_comparison_pkey")),
        comment="Side-by-side results of an AI and a human test run of the same request",
    )
    op.create_index("idx_ai_vs_human_comparison_provider", "ai_vs_human_comparison", ["ai_model_provider"])
    op.create_index("idx_ai_vs_human_comparison_test", "ai_vs_human_comparison", ["test_request_id"])
    op.create_index("idx_ai_vs_human_comparison_winner", "ai_vs_human_comparison", ["better_performer"])

    op.create_table(
        "ai_tester_pricing",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("tester_category", postgresql.ENUM(name="tester_category", create_type=False), nullable=False),
        sa.Column("ai_model_provider", postgresql.ENUM(name="ai_model_provider", create_type=False), nullable=True),
        sa.Column("base_price_per_test_usd", sa.Numeric(precision=8, scale=2), nullable=False),
        sa.Column("price_per_minute_usd", sa.Numeric(precision=6, scale=4), nullable=True),
        sa.Column("platform_fee_percent", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("tester_payout_percent", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("volume_discount_threshold", sa.Integer(), nullable=True),
        sa.Column("volume_discount_percent", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("effective_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("effective_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("ai_tester_pricing_pkey")),
        comment="Price per test and revenue split for each tester category and AI provider",
    )
    op.create_index(
        "idx_ai_tester_pricing_active", "ai_tester_pricing", ["is_active"], postgresql_where=sa.text("is_active = true")
    )
    op.create_index("idx_ai_tester_pricing_category", "ai_tester_pricing", ["tester_category"])
    op.create_index("idx_ai_tester_pricing_effective", "ai_tester_pricing", ["effective_from", "effective_until"])
    op.create_index("idx_ai_tester_pricing_provider", "ai_tester_pricing", ["ai_model_provider"])

    op.create_table(
        "ai_model_capabilities",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("ai_model_provider", postgresql.ENUM(name="ai_model_provider", create_type=False), nullable=False),
        sa.Column("model_version", sa.Text(), nullable=False),
        sa.Column("supports_web_testing", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("supports_mobile_testing", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("supports_accessibility", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("supports_performance", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("supports_security", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("supported_test_types", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("supported_languages", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("max_test_duration_minutes", sa.Integer(), nullable=True),
        sa.Column("max_pages_per_test", sa.Integer(), nullable=True),
        sa.Column("requires_screenshots", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("avg_response_time_seconds", sa.Numeric(precision=6, scale=2), nullable=True),
        sa.Column("context_window_tokens", sa.Integer(), nullable=True),
        sa.Column("typical_accuracy_rate", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("typical_false_positive_rate", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("cost_per_1k_tokens_usd", sa.Numeric(precision=6, scale=4), nullable=True),
        sa.Column("estimated_tokens_per_test", sa.Integer(), nullable=True),
        sa.Column("is_available", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("is_recommended", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("strengths", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("weaknesses", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("ai_model_capabilities_pkey")),
        comment="What each AI model version can test, at what accuracy and cost",
    )
    op.create_index(
        "idx_ai_model_capabilities_available",
        "ai_model_capabilities",
        ["is_available"],
        postgresql_where=sa.text("is_available = true"),
    )
    op.create_index("idx_ai_model_capabilities_provider", "ai_model_capabilities", ["ai_model_provider"])
    op.create_index(
        "idx_ai_model_capabilities_recommended",
        "ai_model_capabilities",
        ["is_recommended"],
        postgresql_where=sa.text("is_recommended = true"),
    )

    op.create_table(
        "ai_tester_assignment_preferences",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=True),
        sa.Column("allow_ai_testers", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("allow_third_party_ai", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("allow_hitl_ai", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column(
            "preferred_ai_providers",
            postgresql.ARRAY(postgresql.ENUM(name="ai_model_provider", create_type=False)),
            nullable=True,
        ),
        sa.Column(
            "blocked_ai_providers",
            postgresql.ARRAY(postgresql.ENUM(name="ai_model_provider", create_type=False)),
            nullable=True,
        ),
        sa.Column(
            "min_ai_quality_score", sa.Numeric(precision=3, scale=2), server_default=sa.text("0.70"), nullable=True
        ),
        sa.Column("require_human_validation", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("max_cost_per_test_usd", sa.Numeric(precision=8, scale=2), nullable=True),
        sa.Column("prefer_cost_over_speed", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("ai_for_test_types", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("human_only_for_test_types", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("ai_tester_assignment_preferences_pkey")),
        comment="How a company wants tests split between AI and human testers",
    )
    op.create_index(
        "idx_ai_tester_assignment_prefs_company", "ai_tester_assignment_preferences", ["company_id"], unique=True
    )

    op.create_table(
        "ai_capability_benchmarks",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("ai_model_capability_id", sa.Uuid(), nullable=True),
        sa.Column("ai_model_provider", postgresql.ENUM(name="ai_model_provider", create_type=False), nullable=False),
        sa.Column("model_version", sa.Text(), nullable=False),
        sa.Column("benchmark_name", sa.Text(), nullable=False),
        sa.Column("benchmark_version", sa.Text(), nullable=True),
        sa.Column("test_type", sa.Text(), nullable=True),
        sa.Column("capability_level", postgresql.ENUM(name="ai_capability_level", create_type=False), nullable=False),
        sa.Column("score", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("human_baseline_score", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("sample_size", sa.Integer(), nullable=True),
        sa.Column("passed", sa.Boolean(), nullable=True),
        sa.Column("results", postgresql.JSONB(), server_default=sa.text("'{}'::jsonb"), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("run_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("ai_capability_benchmarks_pkey")),
        sa.ForeignKeyConstraint(
            ["ai_model_capability_id"],
            ["ai_model_capabilities.id"],
            name=op.f("ai_capability_benchmarks_ai_model_capability_id_fkey"),
            ondelete="SET NULL",
        ),
        sa.CheckConstraint("score >= 0 AND score <= 100", name=op.f("ai_capability_benchmarks_score_check")),
        sa.CheckConstraint(
            "human_baseline_score >= 0 AND human_baseline_score <= 100",
            name=op.f("ai_capability_benchmarks_human_baseline_score_check"),
        ),
        sa.CheckConstraint("sample_size > 0", name=op.f("ai_capability_benchmarks_sample_size_check")),
        comment="Benchmark results of AI model versions, with a human baseline",
    )
    op.create_index(
        "idx_ai_capability_benchmarks_model", "ai_capability_benchmarks", ["ai_model_provider", "model_version"]
    )
    op.create_index(
        "idx_ai_capability_benchmarks_benchmark", "ai_capability_benchmarks", ["benchmark_name", sa.text("run_at DESC")]
    )
    op.create_index("idx_ai_capability_benchmarks_level", "ai_capability_benchmarks", ["capability_level"])
    op.create_index("idx_ai_capability_benchmarks_capability", "ai_capability_benchmarks", ["ai_model_capability_id"])

    for table in TABLES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    for policy in POLICIES:
        op.execute(policy)

    op.execute(PRICING.insert().values([{**row, "effective_from": sa.func.now()} for row in PRICING_ROWS]))
    op.execute(MODEL_CAPABILITIES.insert().values(list(MODEL_CAPABILITY_ROWS)))

    # Privileges (spec decision 5): the backend reaches every table, signed-in users may read the model
    # catalog (rows as the policies open them). REVOKE ALL first, so that a project still carrying
    # Supabase's old GRANT ALL default privileges ends like a new one. The core tables keep theirs.
    op.execute(f"REVOKE ALL ON {', '.join(TABLES)} FROM anon, authenticated, service_role")
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(TABLES)} TO service_role")
    op.execute("GRANT SELECT ON ai_tester_pricing, ai_model_capabilities, ai_capability_benchmarks TO authenticated")
    online_ddl.apply(PRODUCTION_CHANGES)


def downgrade() -> None:
    """Drop the tables (and their reference rows), the columns added to core tables, and the enums."""
    op.execute(f"REVOKE ALL ON {', '.join(TABLES)} FROM anon, authenticated, service_role")
    for table in reversed(TABLES):
        op.drop_table(table)
    # Indexes first: a partial index whose predicate uses an enum would otherwise pin it. IF EXISTS: an
    # upgrade stopped before it finished its production changes (see PRODUCTION_CHANGES) can be reverted too.
    op.drop_index("idx_test_runs_tester_category", table_name="test_runs", if_exists=True)
    op.drop_index("idx_test_runs_ai_provider", table_name="test_runs", if_exists=True)
    op.drop_column("test_runs", "ai_inference_time_ms", if_exists=True)
    op.drop_column("test_runs", "ai_cost_usd", if_exists=True)
    op.drop_column("test_runs", "ai_tokens_used", if_exists=True)
    op.drop_column("test_runs", "ai_model_version", if_exists=True)
    op.drop_column("test_runs", "ai_model_provider", if_exists=True)
    op.drop_column("test_runs", "tester_category", if_exists=True)
    op.drop_index("idx_human_testers_category", table_name="human_testers", if_exists=True)
    op.drop_index("idx_human_testers_ai_provider", table_name="human_testers", if_exists=True)
    op.drop_column("human_testers", "ai_configuration", if_exists=True)
    op.drop_column("human_testers", "ai_model_version", if_exists=True)
    op.drop_column("human_testers", "ai_model_provider", if_exists=True)
    op.drop_column("human_testers", "tester_category", if_exists=True)
    for enum in reversed(ENUMS):
        enum.drop(op.get_bind())
