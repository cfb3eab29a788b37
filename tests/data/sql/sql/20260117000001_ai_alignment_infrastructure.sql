-- hitlai-schema revision 20260117000001: AI alignment infrastructure: RLHF corrections, constitutional rules, red teaming, inference logs, AGI governance (11 tables).
-- Upgrades 20260116000005 -> 20260117000001, as one transaction.
-- Apply the files in order, each once: psql -v ON_ERROR_STOP=1 -f FILE, or paste it into
-- Supabase's SQL editor. Applied twice or out of order it stops and changes nothing.

BEGIN;

SET LOCAL lock_timeout = '5s';

SET LOCAL statement_timeout = '5min';

DO $guard$
DECLARE
    found text;
    core_missing text[];
BEGIN
    IF to_regclass('public.alembic_version') IS NOT NULL THEN
        SELECT string_agg(version_num, ', ') INTO found FROM public.alembic_version;
    END IF;
    IF found IS NULL THEN
        core_missing := ARRAY(SELECT name FROM unnest(ARRAY['companies', 'test_requests', 'test_runs', 'human_testers', 'user_sessions']::text[]) AS name WHERE to_regclass('public.' || name) IS NULL);
        IF cardinality(core_missing) = 0 THEN
            -- HitlAI's Phase 1-4 SQL ran here, never this package's baseline: record the baseline.
            CREATE TABLE IF NOT EXISTS public.alembic_version (version_num varchar(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
            INSERT INTO public.alembic_version (version_num) VALUES ('20260116000005');
            found := '20260116000005';
            RAISE NOTICE 'recorded the Phase-4 baseline 20260116000005 in alembic_version: the database has the '
                'Phase 1-4 core tables and no revision';
        END IF;
    END IF;
    IF found IS DISTINCT FROM '20260116000005' THEN
        RAISE EXCEPTION 'this file upgrades % -> %, but the database is at %',
            '20260116000005', '20260117000001', coalesce(found, 'base (no alembic_version, and of the Phase 1-4 core tables it lacks ' || array_to_string(core_missing, ', ') || ')')
            USING HINT = 'apply the files in order, each once; nothing was changed';
    END IF;
    IF found IS NULL AND to_regclass('public.alembic_version') IS NOT NULL THEN
        -- Left empty by a downgrade to base; the script creates it anew.
        DROP TABLE public.alembic_version;
    END IF;
END
$guard$;

-- Running upgrade 20260116000005 -> 20260117000001

CREATE TABLE ai_alignment_metrics (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    model_version TEXT NOT NULL, 
    alignment_score NUMERIC(3, 2), 
    safety_violations INTEGER DEFAULT 0, 
    human_override_count INTEGER DEFAULT 0, 
    hallucination_rate NUMERIC(5, 4), 
    bias_score NUMERIC(3, 2), 
    measured_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    metrics JSONB DEFAULT '{}'::jsonb, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT ai_alignment_metrics_pkey PRIMARY KEY (id), 
    CONSTRAINT ai_alignment_metrics_alignment_score_check CHECK (alignment_score >= 0 AND alignment_score <= 1)
);

COMMENT ON TABLE ai_alignment_metrics IS 'Alignment, safety and bias scores measured for each AI model version';

CREATE INDEX idx_alignment_metrics_measured_at ON ai_alignment_metrics (measured_at DESC);

CREATE INDEX idx_alignment_metrics_version ON ai_alignment_metrics (model_version);

CREATE TABLE human_corrections (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    test_run_id UUID, 
    tester_id UUID, 
    ai_finding TEXT NOT NULL, 
    ai_severity TEXT, 
    ai_confidence NUMERIC(3, 2), 
    corrected_finding TEXT NOT NULL, 
    corrected_severity TEXT, 
    correction_type TEXT NOT NULL, 
    correction_reasoning TEXT, 
    correction_quality_score INTEGER, 
    verified_by UUID, 
    verified_at TIMESTAMP WITH TIME ZONE, 
    used_for_training BOOLEAN DEFAULT false, 
    training_batch_id UUID, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT human_corrections_pkey PRIMARY KEY (id), 
    CONSTRAINT human_corrections_correction_quality_score_check CHECK (correction_quality_score >= 1 AND correction_quality_score <= 5)
);

COMMENT ON TABLE human_corrections IS 'Corrections human testers made to AI findings, kept as RLHF training data';

CREATE INDEX idx_human_corrections_test_run ON human_corrections (test_run_id);

CREATE INDEX idx_human_corrections_tester ON human_corrections (tester_id);

CREATE INDEX idx_human_corrections_training ON human_corrections (used_for_training) WHERE used_for_training = true;

CREATE INDEX idx_human_corrections_type ON human_corrections (correction_type);

CREATE TABLE constitutional_rules (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    rule_level TEXT NOT NULL, 
    priority INTEGER DEFAULT 100 NOT NULL, 
    company_id UUID, 
    tester_id UUID, 
    platform TEXT, 
    rule_name TEXT NOT NULL, 
    rule_description TEXT NOT NULL, 
    rule_type TEXT NOT NULL, 
    rule_condition JSONB NOT NULL, 
    rule_action TEXT NOT NULL, 
    enforcement_level TEXT DEFAULT 'strict'::text NOT NULL, 
    is_active BOOLEAN DEFAULT true, 
    created_by UUID, 
    approved_by UUID, 
    violation_count INTEGER DEFAULT 0, 
    last_violation_at TIMESTAMP WITH TIME ZONE, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT constitutional_rules_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE constitutional_rules IS 'Rules the AI must obey, layered from platform-wide to company, tester and platform scope';

CREATE INDEX idx_constitutional_rules_active ON constitutional_rules (is_active) WHERE is_active = true;

CREATE INDEX idx_constitutional_rules_company ON constitutional_rules (company_id) WHERE company_id IS NOT NULL;

CREATE INDEX idx_constitutional_rules_level ON constitutional_rules (rule_level);

CREATE INDEX idx_constitutional_rules_priority ON constitutional_rules (priority DESC);

CREATE TABLE constitutional_violations (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    rule_id UUID, 
    test_run_id UUID, 
    violation_type TEXT NOT NULL, 
    violation_severity TEXT NOT NULL, 
    violation_description TEXT NOT NULL, 
    ai_output TEXT, 
    ai_confidence NUMERIC(3, 2), 
    action_taken TEXT NOT NULL, 
    resolved BOOLEAN DEFAULT false, 
    resolved_by UUID, 
    resolved_at TIMESTAMP WITH TIME ZONE, 
    resolution_notes TEXT, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT constitutional_violations_pkey PRIMARY KEY (id), 
    CONSTRAINT constitutional_violations_rule_id_fkey FOREIGN KEY(rule_id) REFERENCES constitutional_rules (id) ON DELETE CASCADE
);

COMMENT ON TABLE constitutional_violations IS 'Each time an AI output broke a constitutional rule, and what was done about it';

CREATE INDEX idx_constitutional_violations_rule ON constitutional_violations (rule_id);

CREATE INDEX idx_constitutional_violations_severity ON constitutional_violations (violation_severity);

CREATE INDEX idx_constitutional_violations_test ON constitutional_violations (test_run_id);

CREATE INDEX idx_constitutional_violations_unresolved ON constitutional_violations (resolved) WHERE resolved = false;

CREATE TABLE red_team_tests (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    test_name TEXT NOT NULL, 
    test_category TEXT NOT NULL, 
    attack_vector TEXT NOT NULL, 
    test_description TEXT NOT NULL, 
    model_version TEXT NOT NULL, 
    test_input JSONB NOT NULL, 
    expected_behavior TEXT NOT NULL, 
    test_status TEXT DEFAULT 'pending'::text NOT NULL, 
    actual_output TEXT, 
    vulnerability_found BOOLEAN DEFAULT false, 
    severity TEXT, 
    executed_by UUID, 
    executed_at TIMESTAMP WITH TIME ZONE, 
    execution_time_ms INTEGER, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT red_team_tests_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE red_team_tests IS 'Adversarial prompts and scenarios run against the AI to probe for weaknesses';

CREATE INDEX idx_red_team_tests_category ON red_team_tests (test_category);

CREATE INDEX idx_red_team_tests_model ON red_team_tests (model_version);

CREATE INDEX idx_red_team_tests_status ON red_team_tests (test_status);

CREATE INDEX idx_red_team_tests_vulnerability ON red_team_tests (vulnerability_found) WHERE vulnerability_found = true;

CREATE TABLE red_team_vulnerabilities (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    test_id UUID, 
    vulnerability_type TEXT NOT NULL, 
    severity TEXT NOT NULL, 
    title TEXT NOT NULL, 
    description TEXT NOT NULL, 
    impact_description TEXT NOT NULL, 
    affected_models TEXT[] NOT NULL, 
    reproducibility TEXT NOT NULL, 
    status TEXT DEFAULT 'open'::text NOT NULL, 
    remediation_plan TEXT, 
    fixed_in_version TEXT, 
    fixed_by UUID, 
    fixed_at TIMESTAMP WITH TIME ZONE, 
    reported_by UUID, 
    assigned_to UUID, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT red_team_vulnerabilities_pkey PRIMARY KEY (id), 
    CONSTRAINT red_team_vulnerabilities_test_id_fkey FOREIGN KEY(test_id) REFERENCES red_team_tests (id) ON DELETE CASCADE
);

COMMENT ON TABLE red_team_vulnerabilities IS 'Weaknesses found by red-team tests, with severity and remediation status';

CREATE INDEX idx_red_team_vulnerabilities_open ON red_team_vulnerabilities (status) WHERE status = 'open'::text;

CREATE INDEX idx_red_team_vulnerabilities_severity ON red_team_vulnerabilities (severity);

CREATE INDEX idx_red_team_vulnerabilities_status ON red_team_vulnerabilities (status);

CREATE INDEX idx_red_team_vulnerabilities_test ON red_team_vulnerabilities (test_id);

CREATE TABLE ai_inference_logs (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    test_run_id UUID, 
    model_version TEXT NOT NULL, 
    model_provider TEXT NOT NULL, 
    input_prompt TEXT NOT NULL, 
    input_tokens INTEGER, 
    input_context JSONB, 
    output_text TEXT NOT NULL, 
    output_tokens INTEGER, 
    confidence_score NUMERIC(3, 2), 
    latency_ms INTEGER NOT NULL, 
    cost_usd NUMERIC(10, 6), 
    flagged_for_review BOOLEAN DEFAULT false, 
    flag_reason TEXT, 
    human_reviewed BOOLEAN DEFAULT false, 
    human_rating INTEGER, 
    constitutional_check_passed BOOLEAN DEFAULT true, 
    violated_rules UUID[], 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT ai_inference_logs_pkey PRIMARY KEY (id), 
    CONSTRAINT ai_inference_logs_human_rating_check CHECK (human_rating >= 1 AND human_rating <= 5)
);

COMMENT ON TABLE ai_inference_logs IS 'One row per AI model call: prompt, response, tokens, cost and latency';

CREATE INDEX idx_ai_inference_logs_created_at ON ai_inference_logs (created_at DESC);

CREATE INDEX idx_ai_inference_logs_flagged ON ai_inference_logs (flagged_for_review) WHERE flagged_for_review = true;

CREATE INDEX idx_ai_inference_logs_model ON ai_inference_logs (model_version);

CREATE INDEX idx_ai_inference_logs_test_run ON ai_inference_logs (test_run_id);

CREATE TABLE quality_gate_checks (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    test_run_id UUID, 
    inference_log_id UUID, 
    gate_type TEXT NOT NULL, 
    passed BOOLEAN NOT NULL, 
    confidence NUMERIC(3, 2), 
    score NUMERIC(5, 2), 
    issues_found TEXT[], 
    evidence JSONB, 
    reasoning TEXT, 
    action TEXT NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT quality_gate_checks_pkey PRIMARY KEY (id), 
    CONSTRAINT quality_gate_checks_inference_log_id_fkey FOREIGN KEY(inference_log_id) REFERENCES ai_inference_logs (id) ON DELETE CASCADE
);

COMMENT ON TABLE quality_gate_checks IS 'Automated checks of AI output for hallucination, laziness and other quality failures';

CREATE INDEX idx_quality_gate_checks_failed ON quality_gate_checks (passed) WHERE passed = false;

CREATE INDEX idx_quality_gate_checks_test_run ON quality_gate_checks (test_run_id);

CREATE INDEX idx_quality_gate_checks_type ON quality_gate_checks (gate_type);

CREATE TABLE bias_detection_results (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    test_run_id UUID, 
    model_version TEXT NOT NULL, 
    demographic_bias_score NUMERIC(3, 2), 
    platform_bias_score NUMERIC(3, 2), 
    language_bias_score NUMERIC(3, 2), 
    temporal_bias_score NUMERIC(3, 2), 
    overall_bias_score NUMERIC(3, 2) NOT NULL, 
    bias_detected BOOLEAN DEFAULT false, 
    bias_categories TEXT[], 
    bias_evidence JSONB, 
    affected_groups TEXT[], 
    mitigation_applied BOOLEAN DEFAULT false, 
    mitigation_strategy TEXT, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT bias_detection_results_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE bias_detection_results IS 'Bias found in AI output for a test run, by bias type';

CREATE INDEX idx_bias_detection_detected ON bias_detection_results (bias_detected) WHERE bias_detected = true;

CREATE INDEX idx_bias_detection_model ON bias_detection_results (model_version);

CREATE INDEX idx_bias_detection_test_run ON bias_detection_results (test_run_id);

CREATE TABLE agi_capability_milestones (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    capability_name TEXT NOT NULL, 
    capability_level INTEGER NOT NULL, 
    capability_description TEXT NOT NULL, 
    demonstrated BOOLEAN DEFAULT false, 
    validated_by UUID, 
    validation_date TIMESTAMP WITH TIME ZONE, 
    validation_evidence TEXT, 
    safety_audit_passed BOOLEAN DEFAULT false, 
    alignment_verified BOOLEAN DEFAULT false, 
    red_team_passed BOOLEAN DEFAULT false, 
    approved_for_deployment BOOLEAN DEFAULT false, 
    approved_by UUID, 
    approval_date TIMESTAMP WITH TIME ZONE, 
    monitoring_requirements JSONB, 
    rollback_procedure TEXT, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT agi_capability_milestones_pkey PRIMARY KEY (id), 
    CONSTRAINT agi_capability_milestones_capability_level_check CHECK (capability_level >= 1 AND capability_level <= 5)
);

COMMENT ON TABLE agi_capability_milestones IS 'Capability milestones the AI has reached or is measured against';

CREATE INDEX idx_agi_milestones_approved ON agi_capability_milestones (approved_for_deployment);

CREATE INDEX idx_agi_milestones_demonstrated ON agi_capability_milestones (demonstrated);

CREATE INDEX idx_agi_milestones_level ON agi_capability_milestones (capability_level);

CREATE TABLE agi_safety_decisions (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    decision_type TEXT NOT NULL, 
    capability_milestone_id UUID, 
    decision TEXT NOT NULL, 
    reasoning TEXT NOT NULL, 
    conditions JSONB, 
    decided_by UUID[] NOT NULL, 
    unanimous BOOLEAN NOT NULL, 
    vote_breakdown JSONB, 
    requires_review_in_days INTEGER, 
    next_review_date DATE, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT agi_safety_decisions_pkey PRIMARY KEY (id), 
    CONSTRAINT agi_safety_decisions_capability_milestone_id_fkey FOREIGN KEY(capability_milestone_id) REFERENCES agi_capability_milestones (id)
);

COMMENT ON TABLE agi_safety_decisions IS 'Safety decisions taken before unlocking a capability, and who took them';

CREATE INDEX idx_agi_safety_decisions_milestone ON agi_safety_decisions (capability_milestone_id);

CREATE INDEX idx_agi_safety_decisions_review ON agi_safety_decisions (next_review_date) WHERE next_review_date IS NOT NULL;

CREATE INDEX idx_agi_safety_decisions_type ON agi_safety_decisions (decision_type);

ALTER TABLE ai_alignment_metrics ENABLE ROW LEVEL SECURITY;

ALTER TABLE human_corrections ENABLE ROW LEVEL SECURITY;

ALTER TABLE constitutional_rules ENABLE ROW LEVEL SECURITY;

ALTER TABLE constitutional_violations ENABLE ROW LEVEL SECURITY;

ALTER TABLE red_team_tests ENABLE ROW LEVEL SECURITY;

ALTER TABLE red_team_vulnerabilities ENABLE ROW LEVEL SECURITY;

ALTER TABLE ai_inference_logs ENABLE ROW LEVEL SECURITY;

ALTER TABLE quality_gate_checks ENABLE ROW LEVEL SECURITY;

ALTER TABLE bias_detection_results ENABLE ROW LEVEL SECURITY;

ALTER TABLE agi_capability_milestones ENABLE ROW LEVEL SECURITY;

ALTER TABLE agi_safety_decisions ENABLE ROW LEVEL SECURITY;

REVOKE ALL ON ai_alignment_metrics, human_corrections, constitutional_rules, constitutional_violations, red_team_tests, red_team_vulnerabilities, ai_inference_logs, quality_gate_checks, bias_detection_results, agi_capability_milestones, agi_safety_decisions FROM anon, authenticated, service_role;

GRANT SELECT, INSERT, UPDATE, DELETE ON ai_alignment_metrics, human_corrections, constitutional_rules, constitutional_violations, red_team_tests, red_team_vulnerabilities, ai_inference_logs, quality_gate_checks, bias_detection_results, agi_capability_milestones, agi_safety_decisions TO service_role;

REVOKE ALL ON public.alembic_version FROM PUBLIC, anon, authenticated, service_role;

ALTER TABLE public.alembic_version ENABLE ROW LEVEL SECURITY;

ALTER TABLE human_corrections ADD CONSTRAINT human_corrections_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE human_corrections ADD CONSTRAINT human_corrections_tester_id_fkey FOREIGN KEY (tester_id) REFERENCES human_testers(id) ON DELETE SET NULL;

ALTER TABLE constitutional_rules ADD CONSTRAINT constitutional_rules_company_id_fkey FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE CASCADE;

ALTER TABLE constitutional_rules ADD CONSTRAINT constitutional_rules_tester_id_fkey FOREIGN KEY (tester_id) REFERENCES human_testers(id) ON DELETE CASCADE;

ALTER TABLE constitutional_violations ADD CONSTRAINT constitutional_violations_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE ai_inference_logs ADD CONSTRAINT ai_inference_logs_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE quality_gate_checks ADD CONSTRAINT quality_gate_checks_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE bias_detection_results ADD CONSTRAINT bias_detection_results_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

UPDATE alembic_version SET version_num='20260117000001' WHERE alembic_version.version_num = '20260116000005';

COMMIT;

