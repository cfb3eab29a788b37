"""Phase-4 baseline: the Supabase compatibility layer, the two Phase-4 enums and the five core tables.

A real Supabase database already at Phase 4 is stamped at this revision instead
of upgraded through it (see the README).

Revision ID: 20260116000005
Revises:
Create Date: 2026-01-16 00:00:05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "20260116000005"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written on everything this revision creates for the compatibility layer, so
# that the downgrade removes only what it made, never Supabase's own objects.
COMPAT_MARKER = "hitlai-schema: Supabase compatibility layer (revision 20260116000005)"

CORE_TABLES = ("companies", "test_requests", "test_runs", "human_testers", "user_sessions")

# Written on the primary keys of the core tables and on the two enums this revision
# creates. A deployment stamped at this revision has them from HitlAI's own SQL,
# unmarked: the downgrade drops only marked ones, so it never deletes data this
# package did not create. Table comments stay the deployment's; autogenerate
# compares those, not constraint or type comments.
CORE_MARKER = "hitlai-schema: created by revision 20260116000005 (Phase-4 baseline)"

test_status = postgresql.ENUM("pending", "running", "hitl_paused", "completed", "failed", name="test_status")
platform_type = postgresql.ENUM("web", "mobile", name="platform_type")

# On Supabase the migration role may not create anything in the auth schema,
# not even with IF NOT EXISTS: every object is tested for first, and nothing is
# issued when it is there. Roles are cluster-wide, the rest is per database.
CREATE_COMPAT_LAYER = f"""
DO $compat$
DECLARE
    role_name text;
BEGIN
    FOREACH role_name IN ARRAY ARRAY['anon', 'authenticated', 'service_role'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role_name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN%s', role_name,
                           CASE WHEN role_name = 'service_role' THEN ' BYPASSRLS' ELSE '' END);
            EXECUTE format('COMMENT ON ROLE %I IS %L', role_name, '{COMPAT_MARKER}');
        END IF;
    END LOOP;

    IF to_regnamespace('auth') IS NULL THEN
        CREATE SCHEMA auth;
        COMMENT ON SCHEMA auth IS '{COMPAT_MARKER}';
        -- As Supabase today: the API roles may use the schemas, but no default privileges hand them
        -- new tables of public (since 2026): every revision grants what it creates explicitly.
        GRANT USAGE ON SCHEMA public, auth TO anon, authenticated, service_role;
    END IF;

    IF to_regclass('auth.users') IS NULL THEN
        CREATE TABLE auth.users (
            id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
            email text,
            created_at timestamptz DEFAULT now()
        );
        COMMENT ON TABLE auth.users IS '{COMPAT_MARKER}';
    END IF;

    IF to_regprocedure('auth.uid()') IS NULL THEN
        -- The signed-in user's id, from the JWT claims PostgREST puts in the session: all claims as
        -- one JSON setting (PostgREST 9+), else the older one setting per claim. A fixed search_path
        -- keeps a caller's schemas from changing what the function calls.
        CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE SET search_path = '' AS $uid$
            SELECT coalesce(
                nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub',
                nullif(current_setting('request.jwt.claim.sub', true), '')
            )::uuid
        $uid$;
        COMMENT ON FUNCTION auth.uid() IS '{COMPAT_MARKER}';
    END IF;
END
$compat$;
"""

# A piece still used by something kept (a core table the downgrade left alone
# references auth.users) stays, and the log says so.
DROP_COMPAT_LAYER = f"""
DO $compat$
DECLARE
    role_name text;
BEGIN
    IF obj_description(to_regprocedure('auth.uid()'), 'pg_proc') = '{COMPAT_MARKER}' THEN
        DROP FUNCTION auth.uid();
    END IF;
    IF obj_description(to_regclass('auth.users'), 'pg_class') = '{COMPAT_MARKER}' THEN
        BEGIN
            DROP TABLE auth.users;
        EXCEPTION WHEN dependent_objects_still_exist THEN
            RAISE NOTICE 'kept auth.users: tables this downgrade left alone still reference it';
        END;
    END IF;
    IF obj_description(to_regnamespace('auth'), 'pg_namespace') = '{COMPAT_MARKER}' THEN
        BEGIN
            DROP SCHEMA auth;
            -- Earlier versions of this revision emulated Supabase's old default privileges; remove them too.
            ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM anon, authenticated, service_role;
            ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM anon, authenticated, service_role;
            ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON FUNCTIONS FROM anon, authenticated, service_role;
            REVOKE USAGE ON SCHEMA public FROM anon, authenticated, service_role;
        EXCEPTION WHEN dependent_objects_still_exist THEN
            RAISE NOTICE 'kept schema auth: it still holds objects';
        END;
    END IF;

    FOR role_name IN
        SELECT rolname FROM pg_roles
        WHERE rolname IN ('anon', 'authenticated', 'service_role')
          AND shobj_description(oid, 'pg_authid') = '{COMPAT_MARKER}'
    LOOP
        BEGIN
            EXECUTE format('DROP ROLE %I', role_name);
        EXCEPTION WHEN dependent_objects_still_exist THEN
            -- Another database of this cluster, or a kept core table, still uses the role.
            RAISE NOTICE 'kept role %: other objects still depend on it', role_name;
        END;
    END LOOP;
END
$compat$;
"""

MARK_CORE = f"""
DO $mark$
DECLARE
    table_name text;
BEGIN
    FOREACH table_name IN ARRAY ARRAY{list(CORE_TABLES)} LOOP
        EXECUTE format('COMMENT ON CONSTRAINT %I ON public.%I IS %L', table_name || '_pkey', table_name, '{CORE_MARKER}');
    END LOOP;
    COMMENT ON TYPE public.test_status IS '{CORE_MARKER}';
    COMMENT ON TYPE public.platform_type IS '{CORE_MARKER}';
END
$mark$;
"""

# Dependants first. A table without the marker came from HitlAI's own SQL and stays,
# and with it the enums its columns use.
DROP_MARKED_CORE = f"""
DO $core$
DECLARE
    table_name text;
    type_name text;
    kept text[] := ARRAY[]::text[];
BEGIN
    FOREACH table_name IN ARRAY ARRAY{list(reversed(CORE_TABLES))} LOOP
        IF EXISTS (SELECT FROM pg_constraint
                   WHERE conrelid = to_regclass('public.' || table_name) AND contype = 'p'
                     AND obj_description(oid, 'pg_constraint') = '{CORE_MARKER}') THEN
            EXECUTE format('DROP TABLE public.%I', table_name);
        ELSIF to_regclass('public.' || table_name) IS NOT NULL THEN
            kept := kept || table_name;
        END IF;
    END LOOP;
    FOREACH type_name IN ARRAY ARRAY['platform_type', 'test_status'] LOOP
        IF obj_description(to_regtype('public.' || type_name), 'pg_type') = '{CORE_MARKER}' THEN
            BEGIN
                EXECUTE format('DROP TYPE public.%I', type_name);
            EXCEPTION WHEN dependent_objects_still_exist THEN
                RAISE NOTICE 'kept type %: kept tables still use it', type_name;
            END;
        END IF;
    END LOOP;
    IF cardinality(kept) > 0 THEN
        RAISE NOTICE 'kept core tables % with their rows: this package did not create them (stamped database)',
            array_to_string(kept, ', ');
    END IF;
END
$core$;
"""


def upgrade() -> None:
    """Create the compatibility layer where absent, the enums test_status and platform_type, and the core tables."""
    op.execute(CREATE_COMPAT_LAYER)
    test_status.create(op.get_bind())
    platform_type.create(op.get_bind())

    op.create_table(
        "companies",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("slug", sa.Text(), nullable=False),
        sa.Column("logo_url", sa.Text(), nullable=True),
        sa.Column("website", sa.Text(), nullable=True),
        sa.Column("industry", sa.Text(), nullable=True),
        sa.Column("company_size", sa.Text(), nullable=True),
        sa.Column("plan_type", sa.Text(), server_default=sa.text("'free'::text"), nullable=True),
        sa.Column("monthly_test_quota", sa.Integer(), server_default=sa.text("10"), nullable=True),
        sa.Column("tests_used_this_month", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("settings", postgresql.JSONB(), server_default=sa.text("'{}'::jsonb"), nullable=True),
        sa.Column("stripe_customer_id", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("preferences", postgresql.JSONB(), server_default=sa.text("'{}'::jsonb"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("companies_pkey")),
        sa.UniqueConstraint("slug", name=op.f("companies_slug_key")),
    )
    op.create_index("idx_companies_preferences", "companies", ["preferences"], postgresql_using="gin")
    op.create_index("idx_companies_slug", "companies", ["slug"])

    op.create_table(
        "test_requests",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=True),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("mission", sa.Text(), nullable=False),
        sa.Column("test_type", sa.Text(), nullable=False),
        sa.Column("personas", postgresql.JSONB(), nullable=False),
        sa.Column("test_dimensions", postgresql.JSONB(), nullable=True),
        sa.Column("required_testers", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("tester_requirements", postgresql.JSONB(), nullable=True),
        sa.Column("status", sa.Text(), server_default=sa.text("'draft'::text"), nullable=True),
        sa.Column("priority", sa.Text(), server_default=sa.text("'normal'::text"), nullable=True),
        sa.Column("ai_test_run_ids", postgresql.ARRAY(sa.Uuid()), nullable=True),
        sa.Column("human_test_assignment_ids", postgresql.ARRAY(sa.Uuid()), nullable=True),
        sa.Column("deadline", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("business_objective", sa.Text(), nullable=True),
        sa.Column("success_criteria", sa.Text(), nullable=True),
        sa.Column("business_goal", sa.Text(), nullable=True),
        sa.Column("target_audience", postgresql.JSONB(), server_default=sa.text("'{}'::jsonb"), nullable=True),
        sa.Column("app_type", sa.Text(), nullable=True),
        sa.Column("industry", sa.Text(), nullable=True),
        sa.Column("app_stage", sa.Text(), nullable=True),
        sa.Column("traffic_volume", sa.Text(), nullable=True),
        sa.Column("critical_user_flows", postgresql.JSONB(), server_default=sa.text("'[]'::jsonb"), nullable=True),
        sa.Column("known_issues", postgresql.JSONB(), server_default=sa.text("'[]'::jsonb"), nullable=True),
        sa.Column("competitor_urls", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("benchmark_against", sa.Text(), nullable=True),
        sa.Column("focus_areas", postgresql.JSONB(), server_default=sa.text("'[]'::jsonb"), nullable=True),
        sa.Column("avoid_testing", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("specific_concerns", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column(
            "required_devices",
            postgresql.ARRAY(sa.Text()),
            server_default=sa.text("ARRAY['desktop'::text]"),
            nullable=True,
        ),
        sa.Column(
            "required_browsers",
            postgresql.ARRAY(sa.Text()),
            server_default=sa.text("ARRAY['chrome'::text]"),
            nullable=True,
        ),
        sa.Column(
            "screen_sizes",
            postgresql.ARRAY(sa.Text()),
            server_default=sa.text("ARRAY['medium'::text]"),
            nullable=True,
        ),
        sa.Column("recent_changes", sa.Text(), nullable=True),
        sa.Column("previous_test_results", sa.Text(), nullable=True),
        sa.Column("special_instructions", sa.Text(), nullable=True),
        sa.Column("budget_range", sa.Text(), nullable=True),
        sa.Column("urgency", sa.Text(), nullable=True),
        sa.Column("preferred_completion_date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("requested_deliverables", postgresql.JSONB(), server_default=sa.text("'[]'::jsonb"), nullable=True),
        sa.Column("ai_percentage", sa.Integer(), server_default=sa.text("80"), nullable=True),
        sa.Column("human_percentage", sa.Integer(), server_default=sa.text("20"), nullable=True),
        sa.Column(
            "payment_source",
            sa.String(length=20),
            server_default=sa.text("'company'::character varying"),
            nullable=True,
        ),
        sa.Column("funding_reason", sa.String(length=50), nullable=True),
        sa.Column("admin_approved", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("admin_reviewed_by", sa.Uuid(), nullable=True),
        sa.Column("admin_reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("admin_notes", sa.Text(), nullable=True),
        sa.Column("estimated_cost_usd", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("actual_cost_usd", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("overall_satisfaction_rating", sa.Integer(), nullable=True),
        sa.Column("overall_feedback", sa.Text(), nullable=True),
        sa.Column("avg_tester_rating", sa.Double(), nullable=True),
        sa.Column("num_testers_rated", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("avg_ai_rating", sa.Double(), nullable=True),
        sa.Column("ai_accuracy_score", sa.Double(), nullable=True),
        sa.Column("would_use_hitlai_again", sa.Boolean(), nullable=True),
        sa.Column("nps_score", sa.Integer(), nullable=True),
        sa.Column("rated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "test_fixtures",
            postgresql.JSONB(),
            server_default=sa.text(
                '\'{"coupons": [], "testData": [], "testCards": [], "loginCredentials": []}\'::jsonb'
            ),
            nullable=True,
        ),
        sa.Column(
            "test_paths",
            postgresql.JSONB(),
            server_default=sa.text('\'{"happyPath": "", "negativePaths": []}\'::jsonb'),
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("test_requests_pkey")),
        sa.ForeignKeyConstraint(
            ["admin_reviewed_by"], ["auth.users.id"], name=op.f("test_requests_admin_reviewed_by_fkey")
        ),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("test_requests_company_id_fkey"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["created_by"], ["auth.users.id"], name=op.f("test_requests_created_by_fkey")),
        sa.CheckConstraint(
            "ai_percentage >= 0 AND ai_percentage <= 100", name=op.f("test_requests_ai_percentage_check")
        ),
        sa.CheckConstraint(
            "human_percentage >= 0 AND human_percentage <= 100",
            name=op.f("test_requests_human_percentage_check"),
        ),
        sa.CheckConstraint("nps_score >= -100 AND nps_score <= 100", name=op.f("test_requests_nps_score_check")),
        sa.CheckConstraint(
            "overall_satisfaction_rating >= 1 AND overall_satisfaction_rating <= 5",
            name=op.f("test_requests_overall_satisfaction_rating_check"),
        ),
        sa.CheckConstraint(
            "payment_source IN ('company', 'hitlai_funded', 'hybrid')",
            name=op.f("test_requests_payment_source_check"),
        ),
    )
    op.create_index("idx_test_requests_app_type", "test_requests", ["app_type"])
    op.create_index("idx_test_requests_business_goal", "test_requests", ["business_goal"])
    op.create_index("idx_test_requests_company", "test_requests", ["company_id"])
    op.create_index("idx_test_requests_created_at", "test_requests", [sa.text("created_at DESC")])
    op.create_index("idx_test_requests_industry", "test_requests", ["industry"])
    op.create_index("idx_test_requests_status", "test_requests", ["status"])
    op.create_index("idx_test_requests_test_fixtures", "test_requests", ["test_fixtures"], postgresql_using="gin")
    op.create_index("idx_test_requests_test_paths", "test_requests", ["test_paths"], postgresql_using="gin")
    op.create_index("idx_test_requests_urgency", "test_requests", ["urgency"])

    op.create_table(
        "test_runs",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("mission", sa.Text(), nullable=False),
        sa.Column("persona", sa.Text(), nullable=False),
        sa.Column("platform", postgresql.ENUM(name="platform_type", create_type=False), nullable=False),
        sa.Column(
            "status",
            postgresql.ENUM(name="test_status", create_type=False),
            server_default=sa.text("'pending'::test_status"),
            nullable=False,
        ),
        sa.Column("current_step_index", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("total_steps", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("failure_count", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("sentiment_score", sa.Double(), nullable=True),
        sa.Column("crawl_context", sa.Text(), nullable=True),
        sa.Column("semantic_schema", postgresql.JSONB(), nullable=True),
        sa.Column("audit_results", postgresql.JSONB(), nullable=True),
        sa.Column("final_report", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("test_request_id", sa.Uuid(), nullable=True),
        sa.Column("test_type", sa.Text(), server_default=sa.text("'ai_only'::text"), nullable=True),
        sa.Column("company_id", sa.Uuid(), nullable=True),
        sa.Column("ai_confidence_score", sa.Double(), nullable=True),
        sa.Column("human_validation_score", sa.Double(), nullable=True),
        sa.Column("accuracy_rating", sa.Double(), nullable=True),
        sa.Column("company_ai_rating", sa.Integer(), nullable=True),
        sa.Column("company_ai_feedback", sa.Text(), nullable=True),
        sa.Column("ai_was_helpful", sa.Boolean(), nullable=True),
        sa.Column("platform_details", postgresql.JSONB(), nullable=True),
        sa.Column("test_config", postgresql.JSONB(), nullable=True),
        sa.Column("ai_metadata", postgresql.JSONB(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("test_runs_pkey")),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("test_runs_company_id_fkey"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["test_request_id"],
            ["test_requests.id"],
            name=op.f("test_runs_test_request_id_fkey"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["auth.users.id"], name=op.f("test_runs_user_id_fkey"), ondelete="CASCADE"
        ),
        sa.CheckConstraint(
            "company_ai_rating >= 1 AND company_ai_rating <= 5",
            name=op.f("test_runs_company_ai_rating_check"),
        ),
        sa.CheckConstraint(
            "sentiment_score >= 0 AND sentiment_score <= 1", name=op.f("test_runs_sentiment_score_check")
        ),
    )
    op.create_index("idx_test_runs_ai_metadata", "test_runs", ["ai_metadata"], postgresql_using="gin")
    op.create_index("idx_test_runs_company", "test_runs", ["company_id"])
    op.create_index("idx_test_runs_created_at", "test_runs", [sa.text("created_at DESC")])
    op.create_index("idx_test_runs_platform_details", "test_runs", ["platform_details"], postgresql_using="gin")
    op.create_index("idx_test_runs_status", "test_runs", ["status"])
    op.create_index("idx_test_runs_test_config", "test_runs", ["test_config"], postgresql_using="gin")
    op.create_index("idx_test_runs_test_request", "test_runs", ["test_request_id"])
    op.create_index("idx_test_runs_user_id", "test_runs", ["user_id"])

    op.create_table(
        "human_testers",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("bio", sa.Text(), nullable=True),
        sa.Column("avatar_url", sa.Text(), nullable=True),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("tech_literacy", sa.Text(), nullable=True),
        sa.Column("primary_device", sa.Text(), nullable=True),
        sa.Column("location_country", sa.Text(), nullable=True),
        sa.Column("languages", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("total_tests_completed", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("average_rating", sa.Double(), server_default=sa.text("0.0"), nullable=True),
        sa.Column("specialties", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("is_available", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("hourly_rate_usd", sa.Double(), nullable=True),
        sa.Column("is_verified", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("gender", sa.Text(), nullable=True),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("native_language", sa.Text(), nullable=True),
        sa.Column("education_level", sa.Text(), nullable=True),
        sa.Column("occupation", sa.Text(), nullable=True),
        sa.Column("tech_experience", sa.Text(), nullable=True),
        sa.Column("visual_impairment", sa.Text(), nullable=True),
        sa.Column("hearing_impairment", sa.Text(), nullable=True),
        sa.Column("motor_impairment", sa.Text(), nullable=True),
        sa.Column("cognitive_impairment", sa.Text(), nullable=True),
        sa.Column("uses_screen_reader", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("uses_magnification", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("uses_voice_control", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("uses_keyboard_only", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("color_blindness", sa.Text(), nullable=True),
        sa.Column("screen_size", sa.Text(), nullable=True),
        sa.Column("internet_speed", sa.Text(), nullable=True),
        sa.Column("browser_preference", sa.Text(), nullable=True),
        sa.Column("preferred_test_types", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("available_hours", sa.Text(), nullable=True),
        sa.Column("timezone", sa.Text(), nullable=True),
        sa.Column("consent_screen_recording", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("consent_cursor_tracking", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("consent_eye_tracking", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("consent_camera_access", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("consent_data_training", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column(
            "total_ai_training_earnings",
            sa.Numeric(precision=10, scale=2),
            server_default=sa.text("0.00"),
            nullable=True,
        ),
        sa.Column("ai_personas_trained", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("last_ai_payout_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("phone_number", sa.Text(), nullable=True),
        sa.Column("years_of_testing_experience", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("previous_platforms", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("preferred_industries", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("min_test_duration_minutes", sa.Integer(), server_default=sa.text("10"), nullable=True),
        sa.Column("max_test_duration_minutes", sa.Integer(), server_default=sa.text("60"), nullable=True),
        sa.Column("max_tests_per_week", sa.Integer(), server_default=sa.text("10"), nullable=True),
        sa.Column("payment_method", sa.Text(), server_default=sa.text("'stripe'::text"), nullable=True),
        sa.Column("stripe_account_id", sa.Text(), nullable=True),
        sa.Column("paypal_email", sa.Text(), nullable=True),
        sa.Column("tax_id", sa.Text(), nullable=True),
        sa.Column("id_verification_status", sa.Text(), server_default=sa.text("'pending'::text"), nullable=True),
        sa.Column(
            "background_check_status",
            sa.Text(),
            server_default=sa.text("'not_required'::text"),
            nullable=True,
        ),
        sa.Column("nda_signed", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("nda_signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("total_ratings", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("avg_communication_rating", sa.Double(), server_default=sa.text("0.0"), nullable=True),
        sa.Column("avg_quality_rating", sa.Double(), server_default=sa.text("0.0"), nullable=True),
        sa.Column("avg_timeliness_rating", sa.Double(), server_default=sa.text("0.0"), nullable=True),
        sa.Column("positive_feedback_count", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("negative_feedback_count", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("would_work_again_percent", sa.Double(), server_default=sa.text("0.0"), nullable=True),
        sa.Column("badges", postgresql.ARRAY(sa.Text()), server_default=sa.text("ARRAY[]::text[]"), nullable=True),
        sa.Column("tier", sa.Text(), server_default=sa.text("'new'::text"), nullable=True),
        sa.Column("platform_fee_percent", sa.Integer(), server_default=sa.text("30"), nullable=True),
        sa.Column("is_flagged", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("flagged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("flag_reason", sa.Text(), nullable=True),
        sa.Column("auto_disabled", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("disabled_reason", sa.Text(), nullable=True),
        sa.Column("last_rating_check", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "total_earnings_usd",
            sa.Numeric(precision=10, scale=2),
            server_default=sa.text("0.00"),
            nullable=True,
        ),
        sa.Column("preferences", postgresql.JSONB(), server_default=sa.text("'{}'::jsonb"), nullable=True),
        sa.Column("stats", postgresql.JSONB(), server_default=sa.text("'{}'::jsonb"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("human_testers_pkey")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["auth.users.id"], name=op.f("human_testers_user_id_fkey"), ondelete="CASCADE"
        ),
        sa.UniqueConstraint("user_id", name=op.f("human_testers_user_id_key")),
        sa.CheckConstraint(
            "background_check_status IN ('not_required', 'pending', 'passed', 'failed')",
            name=op.f("human_testers_background_check_status_check"),
        ),
        sa.CheckConstraint(
            "id_verification_status IN ('pending', 'verified', 'rejected')",
            name=op.f("human_testers_id_verification_status_check"),
        ),
        sa.CheckConstraint(
            "payment_method IN ('stripe', 'paypal', 'equity', 'hybrid')",
            name=op.f("human_testers_payment_method_check"),
        ),
        sa.CheckConstraint("tier IN ('new', 'verified', 'expert', 'master')", name=op.f("human_testers_tier_check")),
    )
    op.create_index("idx_human_testers_ai_earnings", "human_testers", ["total_ai_training_earnings"])
    op.create_index(
        "idx_human_testers_auto_disabled",
        "human_testers",
        ["auto_disabled"],
        postgresql_where=sa.text("auto_disabled = true"),
    )
    op.create_index(
        "idx_human_testers_available",
        "human_testers",
        ["is_available"],
        postgresql_where=sa.text("is_available = true"),
    )
    op.create_index("idx_human_testers_earnings", "human_testers", ["total_earnings_usd"])
    op.create_index("idx_human_testers_email", "human_testers", ["email"])
    op.create_index(
        "idx_human_testers_flagged",
        "human_testers",
        ["is_flagged"],
        postgresql_where=sa.text("is_flagged = true"),
    )
    op.create_index("idx_human_testers_tier", "human_testers", ["tier"])
    op.create_index("idx_human_testers_user", "human_testers", ["user_id"])
    op.create_index("idx_testers_preferences", "human_testers", ["preferences"], postgresql_using="gin")
    op.create_index("idx_testers_stats", "human_testers", ["stats"], postgresql_using="gin")

    op.create_table(
        "user_sessions",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("session_id", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("user_agent", sa.Text(), nullable=True),
        sa.Column("viewport_width", sa.Integer(), nullable=True),
        sa.Column("viewport_height", sa.Integer(), nullable=True),
        sa.Column("device_type", sa.Text(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("duration_seconds", sa.Integer(), nullable=True),
        sa.Column("estimated_age_range", sa.Text(), nullable=True),
        sa.Column("estimated_tech_literacy", sa.Text(), nullable=True),
        sa.Column("total_clicks", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("total_scrolls", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("total_errors", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("total_hesitations", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("completion_status", sa.Text(), nullable=True),
        sa.Column("anonymized", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("consent_given", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("user_sessions_pkey")),
        sa.UniqueConstraint("session_id", name=op.f("user_sessions_session_id_key")),
    )
    op.create_index("idx_user_sessions_completion_status", "user_sessions", ["completion_status"])
    op.create_index("idx_user_sessions_started_at", "user_sessions", [sa.text("started_at DESC")])
    op.create_index("idx_user_sessions_url", "user_sessions", ["url"])

    for table in CORE_TABLES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    # An older Supabase project's default privileges still GRANT ALL on each new table of public to the API roles,
    # TRUNCATE included, which row-level security does not stop: take everything back, then grant the backend
    # what it needs. With row-level security on and no policy, a grant to anon or authenticated would open nothing.
    op.execute(f"REVOKE ALL ON {', '.join(CORE_TABLES)} FROM PUBLIC, anon, authenticated, service_role")
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(CORE_TABLES)} TO service_role")
    op.execute(MARK_CORE)


def downgrade() -> None:
    """Drop what the upgrade created: the marked core tables and enums, and its part of the compatibility layer."""
    op.execute(DROP_MARKED_CORE)
    op.execute(DROP_COMPAT_LAYER)
