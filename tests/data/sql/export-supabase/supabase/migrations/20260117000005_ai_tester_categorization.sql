-- hitlai-schema revision 20260117000005: AI tester categorization: three enums, six tables, tester columns on human_testers and test_runs, reference data.
-- Upgrades 20260117000004 -> 20260117000005, as one transaction.
-- Apply the files in order, each once: psql -v ON_ERROR_STOP=1 -f FILE, or paste it into
-- Supabase's SQL editor. Applied twice or out of order it stops and changes nothing.


SET LOCAL lock_timeout = '5s';

SET LOCAL statement_timeout = '5min';

DO $guard$
DECLARE
    found text;
BEGIN
    IF to_regclass('public.alembic_version') IS NOT NULL THEN
        SELECT string_agg(version_num, ', ') INTO found FROM public.alembic_version;
    END IF;
    IF found IS DISTINCT FROM '20260117000004' THEN
        RAISE EXCEPTION 'this file upgrades % -> %, but the database is at %',
            '20260117000004', '20260117000005', coalesce(found, 'base (no alembic_version)')
            USING HINT = 'apply the files in order, each once; nothing was changed';
    END IF;
    IF found IS NULL AND to_regclass('public.alembic_version') IS NOT NULL THEN
        -- Left empty by a downgrade to base; the script creates it anew.
        DROP TABLE public.alembic_version;
    END IF;
END
$guard$;

-- Running upgrade 20260117000004 -> 20260117000005

CREATE TYPE tester_category AS ENUM ('human', 'ai_third_party', 'ai_hitl_trained');

CREATE TYPE ai_model_provider AS ENUM ('grok', 'openai_gpt4', 'openai_gpt4_turbo', 'gemini', 'claude', 'hitl_finetuned', 'hitl_selfhosted_mixtral', 'hitl_selfhosted_llama');

CREATE TYPE ai_capability_level AS ENUM ('basic', 'intermediate', 'advanced', 'expert', 'agi');

CREATE TABLE ai_tester_performance (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    tester_id UUID, 
    ai_model_provider ai_model_provider NOT NULL, 
    model_version TEXT NOT NULL, 
    period_start TIMESTAMP WITH TIME ZONE NOT NULL, 
    period_end TIMESTAMP WITH TIME ZONE NOT NULL, 
    total_tests_completed INTEGER DEFAULT 0, 
    avg_test_duration_minutes NUMERIC(6, 2), 
    avg_quality_score NUMERIC(3, 2), 
    issues_found INTEGER DEFAULT 0, 
    false_positives INTEGER DEFAULT 0, 
    false_negatives INTEGER DEFAULT 0, 
    accuracy_rate NUMERIC(5, 2), 
    human_corrections_count INTEGER DEFAULT 0, 
    correction_rate NUMERIC(5, 2), 
    total_cost_usd NUMERIC(10, 2), 
    cost_per_test_usd NUMERIC(8, 4), 
    tokens_used INTEGER, 
    vs_human_speed_ratio NUMERIC(5, 2), 
    vs_human_quality_ratio NUMERIC(5, 2), 
    vs_human_cost_ratio NUMERIC(5, 2), 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT ai_tester_performance_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE ai_tester_performance IS 'Performance of an AI tester over a period, beside comparable human testers';

CREATE INDEX idx_ai_tester_performance_period ON ai_tester_performance (period_start DESC);

CREATE INDEX idx_ai_tester_performance_provider ON ai_tester_performance (ai_model_provider);

CREATE INDEX idx_ai_tester_performance_tester ON ai_tester_performance (tester_id);

CREATE TABLE ai_vs_human_comparison (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    test_request_id UUID, 
    human_test_run_id UUID, 
    human_issues_found INTEGER, 
    human_test_duration_minutes INTEGER, 
    human_quality_score NUMERIC(3, 2), 
    ai_test_run_id UUID, 
    ai_model_provider ai_model_provider NOT NULL, 
    ai_issues_found INTEGER, 
    ai_test_duration_minutes INTEGER, 
    ai_quality_score NUMERIC(3, 2), 
    ai_cost_usd NUMERIC(8, 4), 
    issues_overlap INTEGER, 
    issues_only_human INTEGER, 
    issues_only_ai INTEGER, 
    agreement_rate NUMERIC(5, 2), 
    better_performer TEXT, 
    reasoning TEXT, 
    validated_by UUID, 
    validation_notes TEXT, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT ai_vs_human_comparison_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE ai_vs_human_comparison IS 'Side-by-side results of an AI and a human test run of the same request';

CREATE INDEX idx_ai_vs_human_comparison_provider ON ai_vs_human_comparison (ai_model_provider);

CREATE INDEX idx_ai_vs_human_comparison_test ON ai_vs_human_comparison (test_request_id);

CREATE INDEX idx_ai_vs_human_comparison_winner ON ai_vs_human_comparison (better_performer);

CREATE TABLE ai_tester_pricing (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    tester_category tester_category NOT NULL, 
    ai_model_provider ai_model_provider, 
    base_price_per_test_usd NUMERIC(8, 2) NOT NULL, 
    price_per_minute_usd NUMERIC(6, 4), 
    platform_fee_percent NUMERIC(5, 2) NOT NULL, 
    tester_payout_percent NUMERIC(5, 2) NOT NULL, 
    volume_discount_threshold INTEGER, 
    volume_discount_percent NUMERIC(5, 2), 
    effective_from TIMESTAMP WITH TIME ZONE NOT NULL, 
    effective_until TIMESTAMP WITH TIME ZONE, 
    is_active BOOLEAN DEFAULT true, 
    description TEXT, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT ai_tester_pricing_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE ai_tester_pricing IS 'Price per test and revenue split for each tester category and AI provider';

CREATE INDEX idx_ai_tester_pricing_active ON ai_tester_pricing (is_active) WHERE is_active = true;

CREATE INDEX idx_ai_tester_pricing_category ON ai_tester_pricing (tester_category);

CREATE INDEX idx_ai_tester_pricing_effective ON ai_tester_pricing (effective_from, effective_until);

CREATE INDEX idx_ai_tester_pricing_provider ON ai_tester_pricing (ai_model_provider);

CREATE TABLE ai_model_capabilities (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    ai_model_provider ai_model_provider NOT NULL, 
    model_version TEXT NOT NULL, 
    supports_web_testing BOOLEAN DEFAULT true, 
    supports_mobile_testing BOOLEAN DEFAULT false, 
    supports_accessibility BOOLEAN DEFAULT true, 
    supports_performance BOOLEAN DEFAULT true, 
    supports_security BOOLEAN DEFAULT false, 
    supported_test_types TEXT[] NOT NULL, 
    supported_languages TEXT[] NOT NULL, 
    max_test_duration_minutes INTEGER, 
    max_pages_per_test INTEGER, 
    requires_screenshots BOOLEAN DEFAULT true, 
    avg_response_time_seconds NUMERIC(6, 2), 
    context_window_tokens INTEGER, 
    typical_accuracy_rate NUMERIC(5, 2), 
    typical_false_positive_rate NUMERIC(5, 2), 
    cost_per_1k_tokens_usd NUMERIC(6, 4), 
    estimated_tokens_per_test INTEGER, 
    is_available BOOLEAN DEFAULT true, 
    is_recommended BOOLEAN DEFAULT false, 
    description TEXT, 
    strengths TEXT[], 
    weaknesses TEXT[], 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT ai_model_capabilities_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE ai_model_capabilities IS 'What each AI model version can test, at what accuracy and cost';

CREATE INDEX idx_ai_model_capabilities_available ON ai_model_capabilities (is_available) WHERE is_available = true;

CREATE INDEX idx_ai_model_capabilities_provider ON ai_model_capabilities (ai_model_provider);

CREATE INDEX idx_ai_model_capabilities_recommended ON ai_model_capabilities (is_recommended) WHERE is_recommended = true;

CREATE TABLE ai_tester_assignment_preferences (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    company_id UUID, 
    allow_ai_testers BOOLEAN DEFAULT true, 
    allow_third_party_ai BOOLEAN DEFAULT true, 
    allow_hitl_ai BOOLEAN DEFAULT true, 
    preferred_ai_providers ai_model_provider[], 
    blocked_ai_providers ai_model_provider[], 
    min_ai_quality_score NUMERIC(3, 2) DEFAULT 0.70, 
    require_human_validation BOOLEAN DEFAULT false, 
    max_cost_per_test_usd NUMERIC(8, 2), 
    prefer_cost_over_speed BOOLEAN DEFAULT false, 
    ai_for_test_types TEXT[], 
    human_only_for_test_types TEXT[], 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT ai_tester_assignment_preferences_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE ai_tester_assignment_preferences IS 'How a company wants tests split between AI and human testers';

CREATE UNIQUE INDEX idx_ai_tester_assignment_prefs_company ON ai_tester_assignment_preferences (company_id);

CREATE TABLE ai_capability_benchmarks (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    ai_model_capability_id UUID, 
    ai_model_provider ai_model_provider NOT NULL, 
    model_version TEXT NOT NULL, 
    benchmark_name TEXT NOT NULL, 
    benchmark_version TEXT, 
    test_type TEXT, 
    capability_level ai_capability_level NOT NULL, 
    score NUMERIC(5, 2) NOT NULL, 
    human_baseline_score NUMERIC(5, 2), 
    sample_size INTEGER, 
    passed BOOLEAN, 
    results JSONB DEFAULT '{}'::jsonb, 
    notes TEXT, 
    run_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT ai_capability_benchmarks_pkey PRIMARY KEY (id), 
    CONSTRAINT ai_capability_benchmarks_ai_model_capability_id_fkey FOREIGN KEY(ai_model_capability_id) REFERENCES ai_model_capabilities (id) ON DELETE SET NULL, 
    CONSTRAINT ai_capability_benchmarks_score_check CHECK (score >= 0 AND score <= 100), 
    CONSTRAINT ai_capability_benchmarks_human_baseline_score_check CHECK (human_baseline_score >= 0 AND human_baseline_score <= 100), 
    CONSTRAINT ai_capability_benchmarks_sample_size_check CHECK (sample_size > 0)
);

COMMENT ON TABLE ai_capability_benchmarks IS 'Benchmark results of AI model versions, with a human baseline';

CREATE INDEX idx_ai_capability_benchmarks_model ON ai_capability_benchmarks (ai_model_provider, model_version);

CREATE INDEX idx_ai_capability_benchmarks_benchmark ON ai_capability_benchmarks (benchmark_name, run_at DESC);

CREATE INDEX idx_ai_capability_benchmarks_level ON ai_capability_benchmarks (capability_level);

CREATE INDEX idx_ai_capability_benchmarks_capability ON ai_capability_benchmarks (ai_model_capability_id);

ALTER TABLE ai_tester_performance ENABLE ROW LEVEL SECURITY;

ALTER TABLE ai_vs_human_comparison ENABLE ROW LEVEL SECURITY;

ALTER TABLE ai_tester_pricing ENABLE ROW LEVEL SECURITY;

ALTER TABLE ai_model_capabilities ENABLE ROW LEVEL SECURITY;

ALTER TABLE ai_tester_assignment_preferences ENABLE ROW LEVEL SECURITY;

ALTER TABLE ai_capability_benchmarks ENABLE ROW LEVEL SECURITY;

CREATE POLICY catalog_reads_active_pricing ON ai_tester_pricing
           FOR SELECT TO authenticated USING (is_active);

CREATE POLICY catalog_reads_available_models ON ai_model_capabilities
           FOR SELECT TO authenticated USING (is_available);

CREATE POLICY catalog_reads_benchmarks ON ai_capability_benchmarks
           FOR SELECT TO authenticated USING (true);

INSERT INTO ai_tester_pricing (tester_category, ai_model_provider, base_price_per_test_usd, platform_fee_percent, tester_payout_percent, description, effective_from) VALUES ('human', NULL, 15.00, 20.00, 80.00, 'Human tester: a person runs the test', now()), ('ai_third_party', 'openai_gpt4', 5.00, 30.00, 0.00, 'OpenAI GPT-4 through its API', now()), ('ai_third_party', 'openai_gpt4_turbo', 3.00, 30.00, 0.00, 'OpenAI GPT-4 Turbo through its API', now()), ('ai_third_party', 'grok', 4.00, 30.00, 0.00, 'xAI Grok through its API', now()), ('ai_third_party', 'gemini', 4.50, 30.00, 0.00, 'Google Gemini through its API', now()), ('ai_third_party', 'claude', 5.50, 30.00, 0.00, 'Anthropic Claude through its API', now()), ('ai_hitl_trained', 'hitl_finetuned', 8.00, 100.00, 0.00, 'HitlAI model fine-tuned on human test sessions', now()), ('ai_hitl_trained', 'hitl_selfhosted_mixtral', 6.00, 100.00, 0.00, 'Self-hosted Mixtral trained on human test sessions', now()), ('ai_hitl_trained', 'hitl_selfhosted_llama', 6.50, 100.00, 0.00, 'Self-hosted Llama trained on human test sessions', now());

INSERT INTO ai_model_capabilities (ai_model_provider, model_version, supported_test_types, supported_languages, typical_accuracy_rate, context_window_tokens, cost_per_1k_tokens_usd, is_available, is_recommended) VALUES ('openai_gpt4', 'gpt-4-0125-preview', ARRAY['functional', 'usability', 'accessibility', 'content'], ARRAY['en', 'es', 'fr', 'de', 'pt', 'ja', 'zh'], 85.00, 128000, 0.03, true, true), ('grok', 'grok-1', ARRAY['functional', 'usability', 'content'], ARRAY['en'], 80.00, 8192, 0.02, true, false);

REVOKE ALL ON ai_tester_performance, ai_vs_human_comparison, ai_tester_pricing, ai_model_capabilities, ai_tester_assignment_preferences, ai_capability_benchmarks FROM anon, authenticated, service_role;

GRANT SELECT, INSERT, UPDATE, DELETE ON ai_tester_performance, ai_vs_human_comparison, ai_tester_pricing, ai_model_capabilities, ai_tester_assignment_preferences, ai_capability_benchmarks TO service_role;

GRANT SELECT ON ai_tester_pricing, ai_model_capabilities, ai_capability_benchmarks TO authenticated;

ALTER TABLE human_testers ADD COLUMN IF NOT EXISTS tester_category tester_category DEFAULT 'human'::tester_category;

ALTER TABLE human_testers ADD COLUMN IF NOT EXISTS ai_model_provider ai_model_provider;

ALTER TABLE human_testers ADD COLUMN IF NOT EXISTS ai_model_version text;

ALTER TABLE human_testers ADD COLUMN IF NOT EXISTS ai_configuration jsonb DEFAULT '{}'::jsonb;

ALTER TABLE test_runs ADD COLUMN IF NOT EXISTS tester_category tester_category;

ALTER TABLE test_runs ADD COLUMN IF NOT EXISTS ai_model_provider ai_model_provider;

ALTER TABLE test_runs ADD COLUMN IF NOT EXISTS ai_model_version text;

ALTER TABLE test_runs ADD COLUMN IF NOT EXISTS ai_tokens_used integer;

ALTER TABLE test_runs ADD COLUMN IF NOT EXISTS ai_cost_usd numeric(8,4);

ALTER TABLE test_runs ADD COLUMN IF NOT EXISTS ai_inference_time_ms integer;

ALTER TABLE ai_tester_performance ADD CONSTRAINT ai_tester_performance_tester_id_fkey FOREIGN KEY (tester_id) REFERENCES human_testers(id) ON DELETE CASCADE;

ALTER TABLE ai_vs_human_comparison ADD CONSTRAINT ai_vs_human_comparison_ai_test_run_id_fkey FOREIGN KEY (ai_test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE ai_vs_human_comparison ADD CONSTRAINT ai_vs_human_comparison_human_test_run_id_fkey FOREIGN KEY (human_test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE ai_vs_human_comparison ADD CONSTRAINT ai_vs_human_comparison_test_request_id_fkey FOREIGN KEY (test_request_id) REFERENCES test_requests(id) ON DELETE CASCADE;

ALTER TABLE ai_tester_assignment_preferences ADD CONSTRAINT ai_tester_assignment_preferences_company_id_fkey FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE CASCADE;

UPDATE alembic_version SET version_num='20260117000005' WHERE alembic_version.version_num = '20260117000004';



-- hitlai-schema: built CONCURRENTLY, outside any transaction (psql runs them one by one)


SET lock_timeout = '5s';


SET statement_timeout = '5min';


DO $invalid$
BEGIN
    IF EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass('public.idx_human_testers_ai_provider') AND NOT indisvalid) THEN
        RAISE NOTICE 'index idx_human_testers_ai_provider was left invalid by an interrupted build: rebuilding it';
        DROP INDEX public.idx_human_testers_ai_provider;
    END IF;
END
$invalid$;


CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_human_testers_ai_provider ON human_testers (ai_model_provider) WHERE ai_model_provider IS NOT NULL;


DO $invalid$
BEGIN
    IF EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass('public.idx_human_testers_category') AND NOT indisvalid) THEN
        RAISE NOTICE 'index idx_human_testers_category was left invalid by an interrupted build: rebuilding it';
        DROP INDEX public.idx_human_testers_category;
    END IF;
END
$invalid$;


CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_human_testers_category ON human_testers (tester_category);


DO $invalid$
BEGIN
    IF EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass('public.idx_test_runs_ai_provider') AND NOT indisvalid) THEN
        RAISE NOTICE 'index idx_test_runs_ai_provider was left invalid by an interrupted build: rebuilding it';
        DROP INDEX public.idx_test_runs_ai_provider;
    END IF;
END
$invalid$;


CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_test_runs_ai_provider ON test_runs (ai_model_provider) WHERE ai_model_provider IS NOT NULL;


DO $invalid$
BEGIN
    IF EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass('public.idx_test_runs_tester_category') AND NOT indisvalid) THEN
        RAISE NOTICE 'index idx_test_runs_tester_category was left invalid by an interrupted build: rebuilding it';
        DROP INDEX public.idx_test_runs_tester_category;
    END IF;
END
$invalid$;


CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_test_runs_tester_category ON test_runs (tester_category);


