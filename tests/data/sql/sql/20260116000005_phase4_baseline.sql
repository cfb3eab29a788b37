-- hitlai-schema revision 20260116000005: Phase-4 baseline: the Supabase compatibility layer, the two Phase-4 enums and the five core tables.
-- Upgrades an empty database -> 20260116000005, as one transaction.
-- Apply the files in order, each once: psql -v ON_ERROR_STOP=1 -f FILE, or paste it into
-- Supabase's SQL editor. Applied twice or out of order it stops and changes nothing.

BEGIN;

SET LOCAL lock_timeout = '5s';

SET LOCAL statement_timeout = '5min';

DO $guard$
DECLARE
    found text;
    core_found text[];
BEGIN
    IF to_regclass('public.alembic_version') IS NOT NULL THEN
        SELECT string_agg(version_num, ', ') INTO found FROM public.alembic_version;
    END IF;
    IF found IS NULL THEN
        core_found := ARRAY(SELECT name FROM unnest(ARRAY['companies', 'test_requests', 'test_runs', 'human_testers', 'user_sessions']::text[]) AS name WHERE to_regclass('public.' || name) IS NOT NULL);
        IF cardinality(core_found) > 0 THEN
            RAISE EXCEPTION 'this file creates the Phase 1-4 core tables, but the database already has %: it ran '
                'HitlAI''s Phase 1-4 SQL and is at the Phase-4 baseline 20260116000005; leave this file out, the next '
                'one records the baseline (hitlai-schema sql --from 20260116000005, alembic upgrade 20260116000005:head --sql)',
                array_to_string(core_found, ', ')
                USING HINT = 'nothing was changed';
        END IF;
    END IF;
    IF found IS DISTINCT FROM NULL THEN
        RAISE EXCEPTION 'this file upgrades % -> %, but the database is at %',
            'base', '20260116000005', coalesce(found, 'base (no alembic_version)')
            USING HINT = 'apply the files in order, each once; nothing was changed';
    END IF;
    IF found IS NULL AND to_regclass('public.alembic_version') IS NOT NULL THEN
        -- Left empty by a downgrade to base; the script creates it anew.
        DROP TABLE public.alembic_version;
    END IF;
END
$guard$;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 20260116000005

DO $compat$
DECLARE
    role_name text;
BEGIN
    FOREACH role_name IN ARRAY ARRAY['anon', 'authenticated', 'service_role'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role_name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN%s', role_name,
                           CASE WHEN role_name = 'service_role' THEN ' BYPASSRLS' ELSE '' END);
            EXECUTE format('COMMENT ON ROLE %I IS %L', role_name, 'hitlai-schema: Supabase compatibility layer (revision 20260116000005)');
        END IF;
    END LOOP;

    IF to_regnamespace('auth') IS NULL THEN
        CREATE SCHEMA auth;
        COMMENT ON SCHEMA auth IS 'hitlai-schema: Supabase compatibility layer (revision 20260116000005)';
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
        COMMENT ON TABLE auth.users IS 'hitlai-schema: Supabase compatibility layer (revision 20260116000005)';
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
        COMMENT ON FUNCTION auth.uid() IS 'hitlai-schema: Supabase compatibility layer (revision 20260116000005)';
    END IF;
END
$compat$;;

CREATE TYPE test_status AS ENUM ('pending', 'running', 'hitl_paused', 'completed', 'failed');

CREATE TYPE platform_type AS ENUM ('web', 'mobile');

CREATE TABLE companies (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    name TEXT NOT NULL, 
    slug TEXT NOT NULL, 
    logo_url TEXT, 
    website TEXT, 
    industry TEXT, 
    company_size TEXT, 
    plan_type TEXT DEFAULT 'free'::text, 
    monthly_test_quota INTEGER DEFAULT 10, 
    tests_used_this_month INTEGER DEFAULT 0, 
    settings JSONB DEFAULT '{}'::jsonb, 
    stripe_customer_id TEXT, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    preferences JSONB DEFAULT '{}'::jsonb, 
    CONSTRAINT companies_pkey PRIMARY KEY (id), 
    CONSTRAINT companies_slug_key UNIQUE (slug)
);

CREATE INDEX idx_companies_preferences ON companies USING gin (preferences);

CREATE INDEX idx_companies_slug ON companies (slug);

CREATE TABLE test_requests (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    company_id UUID, 
    created_by UUID, 
    title TEXT NOT NULL, 
    description TEXT, 
    url TEXT NOT NULL, 
    mission TEXT NOT NULL, 
    test_type TEXT NOT NULL, 
    personas JSONB NOT NULL, 
    test_dimensions JSONB, 
    required_testers INTEGER DEFAULT 0, 
    tester_requirements JSONB, 
    status TEXT DEFAULT 'draft'::text, 
    priority TEXT DEFAULT 'normal'::text, 
    ai_test_run_ids UUID[], 
    human_test_assignment_ids UUID[], 
    deadline TIMESTAMP WITH TIME ZONE, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    business_objective TEXT, 
    success_criteria TEXT, 
    business_goal TEXT, 
    target_audience JSONB DEFAULT '{}'::jsonb, 
    app_type TEXT, 
    industry TEXT, 
    app_stage TEXT, 
    traffic_volume TEXT, 
    critical_user_flows JSONB DEFAULT '[]'::jsonb, 
    known_issues JSONB DEFAULT '[]'::jsonb, 
    competitor_urls TEXT[], 
    benchmark_against TEXT, 
    focus_areas JSONB DEFAULT '[]'::jsonb, 
    avoid_testing TEXT[], 
    specific_concerns TEXT[], 
    required_devices TEXT[] DEFAULT ARRAY['desktop'::text], 
    required_browsers TEXT[] DEFAULT ARRAY['chrome'::text], 
    screen_sizes TEXT[] DEFAULT ARRAY['medium'::text], 
    recent_changes TEXT, 
    previous_test_results TEXT, 
    special_instructions TEXT, 
    budget_range TEXT, 
    urgency TEXT, 
    preferred_completion_date TIMESTAMP WITH TIME ZONE, 
    requested_deliverables JSONB DEFAULT '[]'::jsonb, 
    ai_percentage INTEGER DEFAULT 80, 
    human_percentage INTEGER DEFAULT 20, 
    payment_source VARCHAR(20) DEFAULT 'company'::character varying, 
    funding_reason VARCHAR(50), 
    admin_approved BOOLEAN DEFAULT false, 
    admin_reviewed_by UUID, 
    admin_reviewed_at TIMESTAMP WITHOUT TIME ZONE, 
    admin_notes TEXT, 
    estimated_cost_usd NUMERIC(10, 2), 
    actual_cost_usd NUMERIC(10, 2), 
    overall_satisfaction_rating INTEGER, 
    overall_feedback TEXT, 
    avg_tester_rating DOUBLE PRECISION, 
    num_testers_rated INTEGER DEFAULT 0, 
    avg_ai_rating DOUBLE PRECISION, 
    ai_accuracy_score DOUBLE PRECISION, 
    would_use_hitlai_again BOOLEAN, 
    nps_score INTEGER, 
    rated_at TIMESTAMP WITH TIME ZONE, 
    test_fixtures JSONB DEFAULT '{"coupons": [], "testData": [], "testCards": [], "loginCredentials": []}'::jsonb, 
    test_paths JSONB DEFAULT '{"happyPath": "", "negativePaths": []}'::jsonb, 
    CONSTRAINT test_requests_pkey PRIMARY KEY (id), 
    CONSTRAINT test_requests_admin_reviewed_by_fkey FOREIGN KEY(admin_reviewed_by) REFERENCES auth.users (id), 
    CONSTRAINT test_requests_company_id_fkey FOREIGN KEY(company_id) REFERENCES companies (id) ON DELETE CASCADE, 
    CONSTRAINT test_requests_created_by_fkey FOREIGN KEY(created_by) REFERENCES auth.users (id), 
    CONSTRAINT test_requests_ai_percentage_check CHECK (ai_percentage >= 0 AND ai_percentage <= 100), 
    CONSTRAINT test_requests_human_percentage_check CHECK (human_percentage >= 0 AND human_percentage <= 100), 
    CONSTRAINT test_requests_nps_score_check CHECK (nps_score >= -100 AND nps_score <= 100), 
    CONSTRAINT test_requests_overall_satisfaction_rating_check CHECK (overall_satisfaction_rating >= 1 AND overall_satisfaction_rating <= 5), 
    CONSTRAINT test_requests_payment_source_check CHECK (payment_source IN ('company', 'hitlai_funded', 'hybrid'))
);

CREATE INDEX idx_test_requests_app_type ON test_requests (app_type);

CREATE INDEX idx_test_requests_business_goal ON test_requests (business_goal);

CREATE INDEX idx_test_requests_company ON test_requests (company_id);

CREATE INDEX idx_test_requests_created_at ON test_requests (created_at DESC);

CREATE INDEX idx_test_requests_industry ON test_requests (industry);

CREATE INDEX idx_test_requests_status ON test_requests (status);

CREATE INDEX idx_test_requests_test_fixtures ON test_requests USING gin (test_fixtures);

CREATE INDEX idx_test_requests_test_paths ON test_requests USING gin (test_paths);

CREATE INDEX idx_test_requests_urgency ON test_requests (urgency);

CREATE TABLE test_runs (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    url TEXT NOT NULL, 
    mission TEXT NOT NULL, 
    persona TEXT NOT NULL, 
    platform platform_type NOT NULL, 
    status test_status DEFAULT 'pending'::test_status NOT NULL, 
    current_step_index INTEGER DEFAULT 0, 
    total_steps INTEGER DEFAULT 0, 
    failure_count INTEGER DEFAULT 0, 
    sentiment_score DOUBLE PRECISION, 
    crawl_context TEXT, 
    semantic_schema JSONB, 
    audit_results JSONB, 
    final_report TEXT, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    completed_at TIMESTAMP WITH TIME ZONE, 
    user_id UUID, 
    test_request_id UUID, 
    test_type TEXT DEFAULT 'ai_only'::text, 
    company_id UUID, 
    ai_confidence_score DOUBLE PRECISION, 
    human_validation_score DOUBLE PRECISION, 
    accuracy_rating DOUBLE PRECISION, 
    company_ai_rating INTEGER, 
    company_ai_feedback TEXT, 
    ai_was_helpful BOOLEAN, 
    platform_details JSONB, 
    test_config JSONB, 
    ai_metadata JSONB, 
    CONSTRAINT test_runs_pkey PRIMARY KEY (id), 
    CONSTRAINT test_runs_company_id_fkey FOREIGN KEY(company_id) REFERENCES companies (id) ON DELETE SET NULL, 
    CONSTRAINT test_runs_test_request_id_fkey FOREIGN KEY(test_request_id) REFERENCES test_requests (id) ON DELETE SET NULL, 
    CONSTRAINT test_runs_user_id_fkey FOREIGN KEY(user_id) REFERENCES auth.users (id) ON DELETE CASCADE, 
    CONSTRAINT test_runs_company_ai_rating_check CHECK (company_ai_rating >= 1 AND company_ai_rating <= 5), 
    CONSTRAINT test_runs_sentiment_score_check CHECK (sentiment_score >= 0 AND sentiment_score <= 1)
);

CREATE INDEX idx_test_runs_ai_metadata ON test_runs USING gin (ai_metadata);

CREATE INDEX idx_test_runs_company ON test_runs (company_id);

CREATE INDEX idx_test_runs_created_at ON test_runs (created_at DESC);

CREATE INDEX idx_test_runs_platform_details ON test_runs USING gin (platform_details);

CREATE INDEX idx_test_runs_status ON test_runs (status);

CREATE INDEX idx_test_runs_test_config ON test_runs USING gin (test_config);

CREATE INDEX idx_test_runs_test_request ON test_runs (test_request_id);

CREATE INDEX idx_test_runs_user_id ON test_runs (user_id);

CREATE TABLE human_testers (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    user_id UUID, 
    display_name TEXT NOT NULL, 
    bio TEXT, 
    avatar_url TEXT, 
    age INTEGER, 
    tech_literacy TEXT, 
    primary_device TEXT, 
    location_country TEXT, 
    languages TEXT[], 
    total_tests_completed INTEGER DEFAULT 0, 
    average_rating DOUBLE PRECISION DEFAULT 0.0, 
    specialties TEXT[], 
    is_available BOOLEAN DEFAULT true, 
    hourly_rate_usd DOUBLE PRECISION, 
    is_verified BOOLEAN DEFAULT false, 
    verified_at TIMESTAMP WITH TIME ZONE, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    gender TEXT, 
    location TEXT, 
    native_language TEXT, 
    education_level TEXT, 
    occupation TEXT, 
    tech_experience TEXT, 
    visual_impairment TEXT, 
    hearing_impairment TEXT, 
    motor_impairment TEXT, 
    cognitive_impairment TEXT, 
    uses_screen_reader BOOLEAN DEFAULT false, 
    uses_magnification BOOLEAN DEFAULT false, 
    uses_voice_control BOOLEAN DEFAULT false, 
    uses_keyboard_only BOOLEAN DEFAULT false, 
    color_blindness TEXT, 
    screen_size TEXT, 
    internet_speed TEXT, 
    browser_preference TEXT, 
    preferred_test_types TEXT[], 
    available_hours TEXT, 
    timezone TEXT, 
    consent_screen_recording BOOLEAN DEFAULT false, 
    consent_cursor_tracking BOOLEAN DEFAULT false, 
    consent_eye_tracking BOOLEAN DEFAULT false, 
    consent_camera_access BOOLEAN DEFAULT false, 
    consent_data_training BOOLEAN DEFAULT false, 
    total_ai_training_earnings NUMERIC(10, 2) DEFAULT 0.00, 
    ai_personas_trained INTEGER DEFAULT 0, 
    last_ai_payout_at TIMESTAMP WITH TIME ZONE, 
    email TEXT, 
    phone_number TEXT, 
    years_of_testing_experience INTEGER DEFAULT 0, 
    previous_platforms TEXT[], 
    preferred_industries TEXT[], 
    min_test_duration_minutes INTEGER DEFAULT 10, 
    max_test_duration_minutes INTEGER DEFAULT 60, 
    max_tests_per_week INTEGER DEFAULT 10, 
    payment_method TEXT DEFAULT 'stripe'::text, 
    stripe_account_id TEXT, 
    paypal_email TEXT, 
    tax_id TEXT, 
    id_verification_status TEXT DEFAULT 'pending'::text, 
    background_check_status TEXT DEFAULT 'not_required'::text, 
    nda_signed BOOLEAN DEFAULT false, 
    nda_signed_at TIMESTAMP WITH TIME ZONE, 
    total_ratings INTEGER DEFAULT 0, 
    avg_communication_rating DOUBLE PRECISION DEFAULT 0.0, 
    avg_quality_rating DOUBLE PRECISION DEFAULT 0.0, 
    avg_timeliness_rating DOUBLE PRECISION DEFAULT 0.0, 
    positive_feedback_count INTEGER DEFAULT 0, 
    negative_feedback_count INTEGER DEFAULT 0, 
    would_work_again_percent DOUBLE PRECISION DEFAULT 0.0, 
    badges TEXT[] DEFAULT ARRAY[]::text[], 
    tier TEXT DEFAULT 'new'::text, 
    platform_fee_percent INTEGER DEFAULT 30, 
    is_flagged BOOLEAN DEFAULT false, 
    flagged_at TIMESTAMP WITH TIME ZONE, 
    flag_reason TEXT, 
    auto_disabled BOOLEAN DEFAULT false, 
    disabled_at TIMESTAMP WITH TIME ZONE, 
    disabled_reason TEXT, 
    last_rating_check TIMESTAMP WITH TIME ZONE, 
    total_earnings_usd NUMERIC(10, 2) DEFAULT 0.00, 
    preferences JSONB DEFAULT '{}'::jsonb, 
    stats JSONB DEFAULT '{}'::jsonb, 
    CONSTRAINT human_testers_pkey PRIMARY KEY (id), 
    CONSTRAINT human_testers_user_id_fkey FOREIGN KEY(user_id) REFERENCES auth.users (id) ON DELETE CASCADE, 
    CONSTRAINT human_testers_user_id_key UNIQUE (user_id), 
    CONSTRAINT human_testers_background_check_status_check CHECK (background_check_status IN ('not_required', 'pending', 'passed', 'failed')), 
    CONSTRAINT human_testers_id_verification_status_check CHECK (id_verification_status IN ('pending', 'verified', 'rejected')), 
    CONSTRAINT human_testers_payment_method_check CHECK (payment_method IN ('stripe', 'paypal', 'equity', 'hybrid')), 
    CONSTRAINT human_testers_tier_check CHECK (tier IN ('new', 'verified', 'expert', 'master'))
);

CREATE INDEX idx_human_testers_ai_earnings ON human_testers (total_ai_training_earnings);

CREATE INDEX idx_human_testers_auto_disabled ON human_testers (auto_disabled) WHERE auto_disabled = true;

CREATE INDEX idx_human_testers_available ON human_testers (is_available) WHERE is_available = true;

CREATE INDEX idx_human_testers_earnings ON human_testers (total_earnings_usd);

CREATE INDEX idx_human_testers_email ON human_testers (email);

CREATE INDEX idx_human_testers_flagged ON human_testers (is_flagged) WHERE is_flagged = true;

CREATE INDEX idx_human_testers_tier ON human_testers (tier);

CREATE INDEX idx_human_testers_user ON human_testers (user_id);

CREATE INDEX idx_testers_preferences ON human_testers USING gin (preferences);

CREATE INDEX idx_testers_stats ON human_testers USING gin (stats);

CREATE TABLE user_sessions (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    session_id TEXT NOT NULL, 
    url TEXT NOT NULL, 
    user_agent TEXT, 
    viewport_width INTEGER, 
    viewport_height INTEGER, 
    device_type TEXT, 
    started_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    ended_at TIMESTAMP WITH TIME ZONE, 
    duration_seconds INTEGER, 
    estimated_age_range TEXT, 
    estimated_tech_literacy TEXT, 
    total_clicks INTEGER DEFAULT 0, 
    total_scrolls INTEGER DEFAULT 0, 
    total_errors INTEGER DEFAULT 0, 
    total_hesitations INTEGER DEFAULT 0, 
    completion_status TEXT, 
    anonymized BOOLEAN DEFAULT true, 
    consent_given BOOLEAN DEFAULT false, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT user_sessions_pkey PRIMARY KEY (id), 
    CONSTRAINT user_sessions_session_id_key UNIQUE (session_id)
);

CREATE INDEX idx_user_sessions_completion_status ON user_sessions (completion_status);

CREATE INDEX idx_user_sessions_started_at ON user_sessions (started_at DESC);

CREATE INDEX idx_user_sessions_url ON user_sessions (url);

ALTER TABLE companies ENABLE ROW LEVEL SECURITY;

ALTER TABLE test_requests ENABLE ROW LEVEL SECURITY;

ALTER TABLE test_runs ENABLE ROW LEVEL SECURITY;

ALTER TABLE human_testers ENABLE ROW LEVEL SECURITY;

ALTER TABLE user_sessions ENABLE ROW LEVEL SECURITY;

REVOKE ALL ON companies, test_requests, test_runs, human_testers, user_sessions FROM PUBLIC, anon, authenticated, service_role;

GRANT SELECT, INSERT, UPDATE, DELETE ON companies, test_requests, test_runs, human_testers, user_sessions TO service_role;

DO $mark$
DECLARE
    table_name text;
BEGIN
    FOREACH table_name IN ARRAY ARRAY['companies', 'test_requests', 'test_runs', 'human_testers', 'user_sessions'] LOOP
        EXECUTE format('COMMENT ON CONSTRAINT %I ON public.%I IS %L', table_name || '_pkey', table_name, 'hitlai-schema: created by revision 20260116000005 (Phase-4 baseline)');
    END LOOP;
    COMMENT ON TYPE public.test_status IS 'hitlai-schema: created by revision 20260116000005 (Phase-4 baseline)';
    COMMENT ON TYPE public.platform_type IS 'hitlai-schema: created by revision 20260116000005 (Phase-4 baseline)';
END
$mark$;;

INSERT INTO alembic_version (version_num) VALUES ('20260116000005') RETURNING alembic_version.version_num;

DO $close$
DECLARE
    grantees text;
BEGIN
    -- PUBLIC reaches every role; REVOKE at table level takes the column privileges with it.
    SELECT string_agg(DISTINCT CASE WHEN held.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(held.grantee)) END, ', ')
    INTO grantees
    FROM (SELECT relacl AS acl FROM pg_class WHERE oid = 'public.alembic_version'::regclass
          UNION ALL
          SELECT attacl FROM pg_attribute WHERE attrelid = 'public.alembic_version'::regclass) granted,
         aclexplode(granted.acl) held
    WHERE held.grantee = 0 OR pg_get_userbyid(held.grantee) IN ('anon', 'authenticated', 'service_role');
    IF grantees IS NOT NULL THEN
        EXECUTE 'REVOKE ALL ON public.alembic_version FROM ' || grantees;
    END IF;
    IF NOT (SELECT relrowsecurity FROM pg_class WHERE oid = 'public.alembic_version'::regclass) THEN
        ALTER TABLE public.alembic_version ENABLE ROW LEVEL SECURITY;
    END IF;
END
$close$;

COMMIT;

