-- hitlai-schema revision 20260117000002: Monitoring and security: performance, agent runs, rate limits, circuit breakers, API calls, incidents (8 tables).
-- Upgrades 20260117000001 -> 20260117000002, as one transaction.
-- Apply the files in order, each once: psql -v ON_ERROR_STOP=1 -f FILE, or paste it into
-- Supabase's SQL editor. Applied twice or out of order it stops and changes nothing.
-- It sets aside Phase-4 tables (performance_metrics, agent_executions, api_rate_limits, api_call_logs) as <name>_legacy, and
-- refuses if one was written within the last 15min: its writer would fail (README, Upgrading a running HitlAI app).
-- To set them aside anyway, add before it: SET hitlai.allow_live_set_aside = on;
-- For another window: SET hitlai.live_window = '1h';


SET LOCAL lock_timeout = '5s';

SET LOCAL statement_timeout = '5min';

DO $guard$
DECLARE
    found text;
BEGIN
    IF to_regclass('public.alembic_version') IS NOT NULL THEN
        SELECT string_agg(version_num, ', ') INTO found FROM public.alembic_version;
    END IF;
    IF found IS DISTINCT FROM '20260117000001' THEN
        RAISE EXCEPTION 'this file upgrades % -> %, but the database is at %',
            '20260117000001', '20260117000002', coalesce(found, 'base (no alembic_version)')
            USING HINT = 'apply the files in order, each once; nothing was changed';
    END IF;
    IF found IS NULL AND to_regclass('public.alembic_version') IS NOT NULL THEN
        -- Left empty by a downgrade to base; the script creates it anew.
        DROP TABLE public.alembic_version;
    END IF;
END
$guard$;

DO $live_guard$
DECLARE
    allowed boolean;
    live_window interval;
    namesake record;
    row_count bigint;
    last_write timestamptz;
    live text[] := ARRAY[]::text[];
BEGIN
    BEGIN
        allowed := coalesce(nullif(current_setting('hitlai.allow_live_set_aside', true), ''), 'off')::boolean;
        live_window := coalesce(nullif(current_setting('hitlai.live_window', true), ''), '15min')::interval;
    EXCEPTION WHEN data_exception THEN
        RAISE EXCEPTION 'hitlai.allow_live_set_aside must be on or off and hitlai.live_window an interval such as 15min: %', SQLERRM
            USING ERRCODE = 'HL001';
    END;
    FOR namesake IN
SELECT 'performance_metrics'::text AS table_name,
       CASE WHEN to_regclass('public.performance_metrics') IS NULL THEN 'absent'
            WHEN cardinality(ARRAY(SELECT unnest(ARRAY['id', 'metric_type', 'endpoint', 'operation', 'duration_ms', 'success', 'error_message', 'memory_mb', 'cpu_percent', 'user_id', 'company_id', 'metadata', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.performance_metrics') AND attnum > 0 AND NOT attisdropped)) = 0 THEN 'phase5'
            WHEN cardinality(ARRAY(SELECT unnest(ARRAY['id', 'test_run_id', 'agent_name', 'operation', 'duration_ms', 'success', 'error_message', 'metadata', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.performance_metrics') AND attnum > 0 AND NOT attisdropped)) > 0 THEN 'neither'
            WHEN to_regclass('public.performance_metrics_legacy') IS NOT NULL THEN 'legacy_taken'
            ELSE 'phase4' END AS layout,
       (SELECT format('SELECT count(*) AS row_count, greatest(%s)::timestamptz AS last_write FROM public.%I',
                      coalesce(string_agg(format('max(%1$I) FILTER (WHERE %1$I <= now())', attname), ', '
                                          ORDER BY attnum), 'NULL'),
                      'performance_metrics')
        FROM pg_attribute
        LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum
        WHERE attrelid = to_regclass('public.performance_metrics') AND attnum > 0 AND NOT attisdropped
          AND atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype)
          AND (attname IN ('created_at', 'updated_at')
               OR pg_get_expr(adbin, adrelid) IN ('now()', 'CURRENT_TIMESTAMP', 'transaction_timestamp()', 'statement_timestamp()', 'clock_timestamp()', 'timezone(''utc''::text, now())'))
        HAVING to_regclass('public.performance_metrics') IS NOT NULL) AS measure
UNION ALL
SELECT 'agent_executions'::text AS table_name,
       CASE WHEN to_regclass('public.agent_executions') IS NULL THEN 'absent'
            WHEN cardinality(ARRAY(SELECT unnest(ARRAY['id', 'agent_name', 'agent_version', 'execution_type', 'test_run_id', 'company_id', 'started_at', 'completed_at', 'duration_ms', 'status', 'input_params', 'output_result', 'error_details', 'tokens_used', 'api_calls_made', 'cost_usd', 'output_quality_score', 'human_reviewed', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.agent_executions') AND attnum > 0 AND NOT attisdropped)) = 0 THEN 'phase5'
            WHEN cardinality(ARRAY(SELECT unnest(ARRAY['id', 'test_run_id', 'agent_name', 'status', 'started_at', 'completed_at', 'duration_ms', 'error_message', 'retry_count', 'metadata', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.agent_executions') AND attnum > 0 AND NOT attisdropped)) > 0 THEN 'neither'
            WHEN to_regclass('public.agent_executions_legacy') IS NOT NULL THEN 'legacy_taken'
            ELSE 'phase4' END AS layout,
       (SELECT format('SELECT count(*) AS row_count, greatest(%s)::timestamptz AS last_write FROM public.%I',
                      coalesce(string_agg(format('max(%1$I) FILTER (WHERE %1$I <= now())', attname), ', '
                                          ORDER BY attnum), 'NULL'),
                      'agent_executions')
        FROM pg_attribute
        LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum
        WHERE attrelid = to_regclass('public.agent_executions') AND attnum > 0 AND NOT attisdropped
          AND atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype)
          AND (attname IN ('created_at', 'updated_at')
               OR pg_get_expr(adbin, adrelid) IN ('now()', 'CURRENT_TIMESTAMP', 'transaction_timestamp()', 'statement_timestamp()', 'clock_timestamp()', 'timezone(''utc''::text, now())'))
        HAVING to_regclass('public.agent_executions') IS NOT NULL) AS measure
UNION ALL
SELECT 'api_rate_limits'::text AS table_name,
       CASE WHEN to_regclass('public.api_rate_limits') IS NULL THEN 'absent'
            WHEN cardinality(ARRAY(SELECT unnest(ARRAY['id', 'user_id', 'company_id', 'ip_address', 'endpoint', 'request_count', 'window_start', 'window_end', 'max_requests', 'window_minutes', 'is_blocked', 'blocked_until', 'created_at', 'updated_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.api_rate_limits') AND attnum > 0 AND NOT attisdropped)) = 0 THEN 'phase5'
            WHEN cardinality(ARRAY(SELECT unnest(ARRAY['id', 'user_id', 'company_id', 'endpoint', 'request_count', 'window_start', 'window_end', 'created_at', 'updated_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.api_rate_limits') AND attnum > 0 AND NOT attisdropped)) > 0 THEN 'neither'
            WHEN to_regclass('public.api_rate_limits_legacy') IS NOT NULL THEN 'legacy_taken'
            ELSE 'phase4' END AS layout,
       (SELECT format('SELECT count(*) AS row_count, greatest(%s)::timestamptz AS last_write FROM public.%I',
                      coalesce(string_agg(format('max(%1$I) FILTER (WHERE %1$I <= now())', attname), ', '
                                          ORDER BY attnum), 'NULL'),
                      'api_rate_limits')
        FROM pg_attribute
        LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum
        WHERE attrelid = to_regclass('public.api_rate_limits') AND attnum > 0 AND NOT attisdropped
          AND atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype)
          AND (attname IN ('created_at', 'updated_at')
               OR pg_get_expr(adbin, adrelid) IN ('now()', 'CURRENT_TIMESTAMP', 'transaction_timestamp()', 'statement_timestamp()', 'clock_timestamp()', 'timezone(''utc''::text, now())'))
        HAVING to_regclass('public.api_rate_limits') IS NOT NULL) AS measure
UNION ALL
SELECT 'api_call_logs'::text AS table_name,
       CASE WHEN to_regclass('public.api_call_logs') IS NULL THEN 'absent'
            WHEN cardinality(ARRAY(SELECT unnest(ARRAY['id', 'method', 'endpoint', 'path', 'query_params', 'user_id', 'company_id', 'ip_address', 'user_agent', 'request_body', 'response_status', 'response_body', 'duration_ms', 'auth_method', 'rate_limited', 'error_occurred', 'error_message', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.api_call_logs') AND attnum > 0 AND NOT attisdropped)) = 0 THEN 'phase5'
            WHEN cardinality(ARRAY(SELECT unnest(ARRAY['id', 'test_run_id', 'model', 'input_tokens', 'output_tokens', 'total_tokens', 'cost', 'latency_ms', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.api_call_logs') AND attnum > 0 AND NOT attisdropped)) > 0 THEN 'neither'
            WHEN to_regclass('public.api_call_logs_legacy') IS NOT NULL THEN 'legacy_taken'
            ELSE 'phase4' END AS layout,
       (SELECT format('SELECT count(*) AS row_count, greatest(%s)::timestamptz AS last_write FROM public.%I',
                      coalesce(string_agg(format('max(%1$I) FILTER (WHERE %1$I <= now())', attname), ', '
                                          ORDER BY attnum), 'NULL'),
                      'api_call_logs')
        FROM pg_attribute
        LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum
        WHERE attrelid = to_regclass('public.api_call_logs') AND attnum > 0 AND NOT attisdropped
          AND atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype)
          AND (attname IN ('created_at', 'updated_at')
               OR pg_get_expr(adbin, adrelid) IN ('now()', 'CURRENT_TIMESTAMP', 'transaction_timestamp()', 'statement_timestamp()', 'clock_timestamp()', 'timezone(''utc''::text, now())'))
        HAVING to_regclass('public.api_call_logs') IS NOT NULL) AS measure
    LOOP
        CONTINUE WHEN namesake.layout <> 'phase4';
        EXECUTE namesake.measure INTO row_count, last_write;
        IF last_write >= now() - live_window THEN
            live := live || format('%s (%s rows, last write %s UTC, %s ago)', namesake.table_name, row_count,
                                   to_char(last_write AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
                                   date_trunc('second', now() - last_write));
        END IF;
    END LOOP;
    IF cardinality(live) = 0 THEN
        RETURN;
    END IF;
    IF NOT allowed THEN
        RAISE EXCEPTION 'refusing to set aside Phase-4 tables written within the last %, whose writers would fail: %; '
            'nothing was changed', live_window, array_to_string(live, ', ')
            USING ERRCODE = 'HL001', HINT = 'move each writer to the Phase-5 layout or to <table>_legacy first (README, Upgrading a running HitlAI app; `hitlai-schema plan` shows what is live); to set them aside anyway: `hitlai-schema upgrade --allow-live-set-aside`, `alembic -x allow_live_set_aside=true`, HITLAI_ALLOW_LIVE_SET_ASIDE=true, or in SQL `SET hitlai.allow_live_set_aside = on;` before the file';
    END IF;
    RAISE NOTICE 'setting aside live Phase-4 tables as allowed by hitlai.allow_live_set_aside: %', array_to_string(live, ', ');
END
$live_guard$;

-- Running upgrade 20260117000001 -> 20260117000002

DO $set_aside$
DECLARE
    missing_phase5 text[];
    missing_phase4 text[];
    row_count bigint;
    name_to_rename text;
BEGIN
    IF to_regclass('public.performance_metrics') IS NULL THEN
        RETURN;
    END IF;
    missing_phase5 := ARRAY(SELECT unnest(ARRAY['id', 'metric_type', 'endpoint', 'operation', 'duration_ms', 'success', 'error_message', 'memory_mb', 'cpu_percent', 'user_id', 'company_id', 'metadata', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.performance_metrics') AND attnum > 0 AND NOT attisdropped);
    IF cardinality(missing_phase5) = 0 THEN
        RAISE NOTICE 'table performance_metrics already has the Phase-5 layout: left as it is';
        RETURN;
    END IF;
    missing_phase4 := ARRAY(SELECT unnest(ARRAY['id', 'test_run_id', 'agent_name', 'operation', 'duration_ms', 'success', 'error_message', 'metadata', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.performance_metrics') AND attnum > 0 AND NOT attisdropped);
    IF cardinality(missing_phase4) > 0 THEN
        RAISE EXCEPTION 'table performance_metrics has neither the Phase-4 nor the Phase-5 layout: '
            'it lacks Phase-5 columns % and Phase-4 columns %', missing_phase5, missing_phase4
            USING HINT = 'rename or drop it, then run the upgrade again';
    END IF;
    IF to_regclass('public.performance_metrics_legacy') IS NOT NULL THEN
        RAISE EXCEPTION 'cannot set aside table performance_metrics: a table performance_metrics_legacy already exists';
    END IF;

    -- Renaming a primary-key or unique constraint renames its index with it.
    FOR name_to_rename IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'public.performance_metrics'::regclass AND contype IN ('p', 'u', 'f', 'c', 'x')
    LOOP
        EXECUTE format('ALTER TABLE public.performance_metrics RENAME CONSTRAINT %I TO %I',
                       name_to_rename, name_to_rename || '_legacy');
    END LOOP;
    FOR name_to_rename IN
        SELECT index_class.relname FROM pg_index i JOIN pg_class index_class ON index_class.oid = i.indexrelid
        WHERE i.indrelid = 'public.performance_metrics'::regclass
          AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
    LOOP
        EXECUTE format('ALTER INDEX public.%I RENAME TO %I', name_to_rename, name_to_rename || '_legacy');
    END LOOP;
    ALTER TABLE public.performance_metrics RENAME TO performance_metrics_legacy;

    SELECT count(*) INTO row_count FROM public.performance_metrics_legacy;
    RAISE NOTICE 'set aside Phase-4 table performance_metrics as performance_metrics_legacy (% rows kept)', row_count;
END
$set_aside$;;

CREATE TABLE IF NOT EXISTS performance_metrics (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    metric_type TEXT NOT NULL, 
    endpoint TEXT, 
    operation TEXT, 
    duration_ms INTEGER NOT NULL, 
    success BOOLEAN NOT NULL, 
    error_message TEXT, 
    memory_mb INTEGER, 
    cpu_percent NUMERIC(5, 2), 
    user_id UUID, 
    company_id UUID, 
    metadata JSONB DEFAULT '{}'::jsonb, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT performance_metrics_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE performance_metrics IS 'System performance samples per component and metric';

CREATE INDEX IF NOT EXISTS idx_performance_metrics_created_at ON performance_metrics (created_at DESC);

CREATE INDEX IF NOT EXISTS idx_performance_metrics_duration ON performance_metrics (duration_ms DESC);

CREATE INDEX IF NOT EXISTS idx_performance_metrics_endpoint ON performance_metrics (endpoint);

CREATE INDEX IF NOT EXISTS idx_performance_metrics_failed ON performance_metrics (success) WHERE success = false;

CREATE INDEX IF NOT EXISTS idx_performance_metrics_type ON performance_metrics (metric_type);

DO $set_aside$
DECLARE
    missing_phase5 text[];
    missing_phase4 text[];
    row_count bigint;
    name_to_rename text;
BEGIN
    IF to_regclass('public.agent_executions') IS NULL THEN
        RETURN;
    END IF;
    missing_phase5 := ARRAY(SELECT unnest(ARRAY['id', 'agent_name', 'agent_version', 'execution_type', 'test_run_id', 'company_id', 'started_at', 'completed_at', 'duration_ms', 'status', 'input_params', 'output_result', 'error_details', 'tokens_used', 'api_calls_made', 'cost_usd', 'output_quality_score', 'human_reviewed', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.agent_executions') AND attnum > 0 AND NOT attisdropped);
    IF cardinality(missing_phase5) = 0 THEN
        RAISE NOTICE 'table agent_executions already has the Phase-5 layout: left as it is';
        RETURN;
    END IF;
    missing_phase4 := ARRAY(SELECT unnest(ARRAY['id', 'test_run_id', 'agent_name', 'status', 'started_at', 'completed_at', 'duration_ms', 'error_message', 'retry_count', 'metadata', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.agent_executions') AND attnum > 0 AND NOT attisdropped);
    IF cardinality(missing_phase4) > 0 THEN
        RAISE EXCEPTION 'table agent_executions has neither the Phase-4 nor the Phase-5 layout: '
            'it lacks Phase-5 columns % and Phase-4 columns %', missing_phase5, missing_phase4
            USING HINT = 'rename or drop it, then run the upgrade again';
    END IF;
    IF to_regclass('public.agent_executions_legacy') IS NOT NULL THEN
        RAISE EXCEPTION 'cannot set aside table agent_executions: a table agent_executions_legacy already exists';
    END IF;

    -- Renaming a primary-key or unique constraint renames its index with it.
    FOR name_to_rename IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'public.agent_executions'::regclass AND contype IN ('p', 'u', 'f', 'c', 'x')
    LOOP
        EXECUTE format('ALTER TABLE public.agent_executions RENAME CONSTRAINT %I TO %I',
                       name_to_rename, name_to_rename || '_legacy');
    END LOOP;
    FOR name_to_rename IN
        SELECT index_class.relname FROM pg_index i JOIN pg_class index_class ON index_class.oid = i.indexrelid
        WHERE i.indrelid = 'public.agent_executions'::regclass
          AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
    LOOP
        EXECUTE format('ALTER INDEX public.%I RENAME TO %I', name_to_rename, name_to_rename || '_legacy');
    END LOOP;
    ALTER TABLE public.agent_executions RENAME TO agent_executions_legacy;

    SELECT count(*) INTO row_count FROM public.agent_executions_legacy;
    RAISE NOTICE 'set aside Phase-4 table agent_executions as agent_executions_legacy (% rows kept)', row_count;
END
$set_aside$;;

CREATE TABLE IF NOT EXISTS agent_executions (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    agent_name TEXT NOT NULL, 
    agent_version TEXT NOT NULL, 
    execution_type TEXT NOT NULL, 
    test_run_id UUID, 
    company_id UUID, 
    started_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    completed_at TIMESTAMP WITH TIME ZONE, 
    duration_ms INTEGER, 
    status TEXT NOT NULL, 
    input_params JSONB NOT NULL, 
    output_result JSONB, 
    error_details TEXT, 
    tokens_used INTEGER, 
    api_calls_made INTEGER, 
    cost_usd NUMERIC(10, 6), 
    output_quality_score NUMERIC(3, 2), 
    human_reviewed BOOLEAN DEFAULT false, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT agent_executions_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE agent_executions IS 'Runs of the AI agents on test runs: status, timing, tokens and errors';

CREATE INDEX IF NOT EXISTS idx_agent_executions_agent ON agent_executions (agent_name);

CREATE INDEX IF NOT EXISTS idx_agent_executions_failed ON agent_executions (status) WHERE status = 'failed'::text;

CREATE INDEX IF NOT EXISTS idx_agent_executions_started_at ON agent_executions (started_at DESC);

CREATE INDEX IF NOT EXISTS idx_agent_executions_status ON agent_executions (status);

CREATE INDEX IF NOT EXISTS idx_agent_executions_test_run ON agent_executions (test_run_id);

DO $set_aside$
DECLARE
    missing_phase5 text[];
    missing_phase4 text[];
    row_count bigint;
    name_to_rename text;
BEGIN
    IF to_regclass('public.api_rate_limits') IS NULL THEN
        RETURN;
    END IF;
    missing_phase5 := ARRAY(SELECT unnest(ARRAY['id', 'user_id', 'company_id', 'ip_address', 'endpoint', 'request_count', 'window_start', 'window_end', 'max_requests', 'window_minutes', 'is_blocked', 'blocked_until', 'created_at', 'updated_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.api_rate_limits') AND attnum > 0 AND NOT attisdropped);
    IF cardinality(missing_phase5) = 0 THEN
        RAISE NOTICE 'table api_rate_limits already has the Phase-5 layout: left as it is';
        RETURN;
    END IF;
    missing_phase4 := ARRAY(SELECT unnest(ARRAY['id', 'user_id', 'company_id', 'endpoint', 'request_count', 'window_start', 'window_end', 'created_at', 'updated_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.api_rate_limits') AND attnum > 0 AND NOT attisdropped);
    IF cardinality(missing_phase4) > 0 THEN
        RAISE EXCEPTION 'table api_rate_limits has neither the Phase-4 nor the Phase-5 layout: '
            'it lacks Phase-5 columns % and Phase-4 columns %', missing_phase5, missing_phase4
            USING HINT = 'rename or drop it, then run the upgrade again';
    END IF;
    IF to_regclass('public.api_rate_limits_legacy') IS NOT NULL THEN
        RAISE EXCEPTION 'cannot set aside table api_rate_limits: a table api_rate_limits_legacy already exists';
    END IF;

    -- Renaming a primary-key or unique constraint renames its index with it.
    FOR name_to_rename IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'public.api_rate_limits'::regclass AND contype IN ('p', 'u', 'f', 'c', 'x')
    LOOP
        EXECUTE format('ALTER TABLE public.api_rate_limits RENAME CONSTRAINT %I TO %I',
                       name_to_rename, name_to_rename || '_legacy');
    END LOOP;
    FOR name_to_rename IN
        SELECT index_class.relname FROM pg_index i JOIN pg_class index_class ON index_class.oid = i.indexrelid
        WHERE i.indrelid = 'public.api_rate_limits'::regclass
          AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
    LOOP
        EXECUTE format('ALTER INDEX public.%I RENAME TO %I', name_to_rename, name_to_rename || '_legacy');
    END LOOP;
    ALTER TABLE public.api_rate_limits RENAME TO api_rate_limits_legacy;

    SELECT count(*) INTO row_count FROM public.api_rate_limits_legacy;
    RAISE NOTICE 'set aside Phase-4 table api_rate_limits as api_rate_limits_legacy (% rows kept)', row_count;
END
$set_aside$;;

CREATE TABLE IF NOT EXISTS api_rate_limits (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    user_id UUID, 
    company_id UUID, 
    ip_address INET, 
    endpoint TEXT NOT NULL, 
    request_count INTEGER DEFAULT 1 NOT NULL, 
    window_start TIMESTAMP WITH TIME ZONE NOT NULL, 
    window_end TIMESTAMP WITH TIME ZONE NOT NULL, 
    max_requests INTEGER NOT NULL, 
    window_minutes INTEGER NOT NULL, 
    is_blocked BOOLEAN DEFAULT false, 
    blocked_until TIMESTAMP WITH TIME ZONE, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT api_rate_limits_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE api_rate_limits IS 'Request counts per client and endpoint within a rate-limit window';

CREATE INDEX IF NOT EXISTS idx_api_rate_limits_blocked ON api_rate_limits (is_blocked) WHERE is_blocked = true;

CREATE INDEX IF NOT EXISTS idx_api_rate_limits_company ON api_rate_limits (company_id);

CREATE INDEX IF NOT EXISTS idx_api_rate_limits_endpoint ON api_rate_limits (endpoint);

CREATE INDEX IF NOT EXISTS idx_api_rate_limits_user ON api_rate_limits (user_id);

CREATE INDEX IF NOT EXISTS idx_api_rate_limits_window ON api_rate_limits (window_start, window_end);

CREATE TABLE velocity_analysis (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    session_id TEXT NOT NULL, 
    tester_id UUID, 
    test_run_id UUID, 
    total_interactions INTEGER NOT NULL, 
    time_span_seconds INTEGER NOT NULL, 
    interactions_per_minute NUMERIC(6, 2) NOT NULL, 
    click_velocity NUMERIC(6, 2), 
    scroll_velocity NUMERIC(6, 2), 
    typing_velocity NUMERIC(6, 2), 
    avg_time_between_actions_ms INTEGER, 
    min_time_between_actions_ms INTEGER, 
    max_time_between_actions_ms INTEGER, 
    stddev_time_between_actions_ms INTEGER, 
    uniform_timing_detected BOOLEAN DEFAULT false, 
    superhuman_speed_detected BOOLEAN DEFAULT false, 
    no_hesitation_detected BOOLEAN DEFAULT false, 
    perfect_accuracy_detected BOOLEAN DEFAULT false, 
    bot_probability_score NUMERIC(3, 2) NOT NULL, 
    is_likely_bot BOOLEAN NOT NULL, 
    confidence NUMERIC(3, 2) NOT NULL, 
    reasoning TEXT NOT NULL, 
    flagged_for_review BOOLEAN DEFAULT false, 
    reviewed_by UUID, 
    review_decision TEXT, 
    review_notes TEXT, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT velocity_analysis_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE velocity_analysis IS 'Speed of a tester''s actions during a test run, used to flag bots and fraud';

COMMENT ON COLUMN velocity_analysis.bot_probability_score IS 'Likelihood, from 0 to 1, that the actions were automated';

CREATE INDEX idx_velocity_analysis_bot_score ON velocity_analysis (bot_probability_score DESC);

CREATE INDEX idx_velocity_analysis_flagged ON velocity_analysis (flagged_for_review) WHERE flagged_for_review = true;

CREATE INDEX idx_velocity_analysis_likely_bot ON velocity_analysis (is_likely_bot) WHERE is_likely_bot = true;

CREATE INDEX idx_velocity_analysis_session ON velocity_analysis (session_id);

CREATE INDEX idx_velocity_analysis_test_run ON velocity_analysis (test_run_id);

CREATE INDEX idx_velocity_analysis_tester ON velocity_analysis (tester_id);

CREATE TABLE circuit_breaker_events (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    service_name TEXT NOT NULL, 
    operation TEXT NOT NULL, 
    event_type TEXT NOT NULL, 
    state_before TEXT NOT NULL, 
    state_after TEXT NOT NULL, 
    failure_count INTEGER NOT NULL, 
    failure_threshold INTEGER NOT NULL, 
    success_count INTEGER, 
    error_message TEXT, 
    error_stack TEXT, 
    opened_at TIMESTAMP WITH TIME ZONE, 
    will_retry_at TIMESTAMP WITH TIME ZONE, 
    requests_rejected INTEGER DEFAULT 0, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT circuit_breaker_events_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE circuit_breaker_events IS 'State changes of the circuit breakers that protect external services';

CREATE INDEX idx_circuit_breaker_events_created_at ON circuit_breaker_events (created_at DESC);

CREATE INDEX idx_circuit_breaker_events_opened ON circuit_breaker_events (event_type) WHERE event_type = 'opened'::text;

CREATE INDEX idx_circuit_breaker_events_service ON circuit_breaker_events (service_name);

CREATE INDEX idx_circuit_breaker_events_type ON circuit_breaker_events (event_type);

DO $set_aside$
DECLARE
    missing_phase5 text[];
    missing_phase4 text[];
    row_count bigint;
    name_to_rename text;
BEGIN
    IF to_regclass('public.api_call_logs') IS NULL THEN
        RETURN;
    END IF;
    missing_phase5 := ARRAY(SELECT unnest(ARRAY['id', 'method', 'endpoint', 'path', 'query_params', 'user_id', 'company_id', 'ip_address', 'user_agent', 'request_body', 'response_status', 'response_body', 'duration_ms', 'auth_method', 'rate_limited', 'error_occurred', 'error_message', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.api_call_logs') AND attnum > 0 AND NOT attisdropped);
    IF cardinality(missing_phase5) = 0 THEN
        RAISE NOTICE 'table api_call_logs already has the Phase-5 layout: left as it is';
        RETURN;
    END IF;
    missing_phase4 := ARRAY(SELECT unnest(ARRAY['id', 'test_run_id', 'model', 'input_tokens', 'output_tokens', 'total_tokens', 'cost', 'latency_ms', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.api_call_logs') AND attnum > 0 AND NOT attisdropped);
    IF cardinality(missing_phase4) > 0 THEN
        RAISE EXCEPTION 'table api_call_logs has neither the Phase-4 nor the Phase-5 layout: '
            'it lacks Phase-5 columns % and Phase-4 columns %', missing_phase5, missing_phase4
            USING HINT = 'rename or drop it, then run the upgrade again';
    END IF;
    IF to_regclass('public.api_call_logs_legacy') IS NOT NULL THEN
        RAISE EXCEPTION 'cannot set aside table api_call_logs: a table api_call_logs_legacy already exists';
    END IF;

    -- Renaming a primary-key or unique constraint renames its index with it.
    FOR name_to_rename IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'public.api_call_logs'::regclass AND contype IN ('p', 'u', 'f', 'c', 'x')
    LOOP
        EXECUTE format('ALTER TABLE public.api_call_logs RENAME CONSTRAINT %I TO %I',
                       name_to_rename, name_to_rename || '_legacy');
    END LOOP;
    FOR name_to_rename IN
        SELECT index_class.relname FROM pg_index i JOIN pg_class index_class ON index_class.oid = i.indexrelid
        WHERE i.indrelid = 'public.api_call_logs'::regclass
          AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
    LOOP
        EXECUTE format('ALTER INDEX public.%I RENAME TO %I', name_to_rename, name_to_rename || '_legacy');
    END LOOP;
    ALTER TABLE public.api_call_logs RENAME TO api_call_logs_legacy;

    SELECT count(*) INTO row_count FROM public.api_call_logs_legacy;
    RAISE NOTICE 'set aside Phase-4 table api_call_logs as api_call_logs_legacy (% rows kept)', row_count;
END
$set_aside$;;

CREATE TABLE IF NOT EXISTS api_call_logs (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    method TEXT NOT NULL, 
    endpoint TEXT NOT NULL, 
    path TEXT NOT NULL, 
    query_params JSONB, 
    user_id UUID, 
    company_id UUID, 
    ip_address INET, 
    user_agent TEXT, 
    request_body JSONB, 
    response_status INTEGER NOT NULL, 
    response_body JSONB, 
    duration_ms INTEGER NOT NULL, 
    auth_method TEXT, 
    rate_limited BOOLEAN DEFAULT false, 
    error_occurred BOOLEAN DEFAULT false, 
    error_message TEXT, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT api_call_logs_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE api_call_logs IS 'Calls to external APIs: provider, endpoint, status, duration and cost';

CREATE INDEX IF NOT EXISTS idx_api_call_logs_company ON api_call_logs (company_id);

CREATE INDEX IF NOT EXISTS idx_api_call_logs_created_at ON api_call_logs (created_at DESC);

CREATE INDEX IF NOT EXISTS idx_api_call_logs_endpoint ON api_call_logs (endpoint);

CREATE INDEX IF NOT EXISTS idx_api_call_logs_errors ON api_call_logs (error_occurred) WHERE error_occurred = true;

CREATE INDEX IF NOT EXISTS idx_api_call_logs_slow ON api_call_logs (duration_ms DESC) WHERE duration_ms > 1000;

CREATE INDEX IF NOT EXISTS idx_api_call_logs_status ON api_call_logs (response_status);

CREATE INDEX IF NOT EXISTS idx_api_call_logs_user ON api_call_logs (user_id);

CREATE TABLE security_incidents (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    incident_type TEXT NOT NULL, 
    severity TEXT NOT NULL, 
    title TEXT NOT NULL, 
    description TEXT NOT NULL, 
    user_id UUID, 
    company_id UUID, 
    ip_address INET, 
    evidence JSONB NOT NULL, 
    related_logs UUID[], 
    status TEXT DEFAULT 'open'::text NOT NULL, 
    action_taken TEXT, 
    resolved_by UUID, 
    resolved_at TIMESTAMP WITH TIME ZONE, 
    notified_users UUID[], 
    notified_at TIMESTAMP WITH TIME ZONE, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT security_incidents_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE security_incidents IS 'Security events detected on the platform and how they were handled';

CREATE INDEX idx_security_incidents_open ON security_incidents (status) WHERE status = ANY (ARRAY['open'::text, 'investigating'::text]);

CREATE INDEX idx_security_incidents_severity ON security_incidents (severity);

CREATE INDEX idx_security_incidents_status ON security_incidents (status);

CREATE INDEX idx_security_incidents_type ON security_incidents (incident_type);

CREATE INDEX idx_security_incidents_user ON security_incidents (user_id);

CREATE TABLE system_health_checks (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    service_name TEXT NOT NULL, 
    check_type TEXT NOT NULL, 
    is_healthy BOOLEAN NOT NULL, 
    response_time_ms INTEGER, 
    status_message TEXT, 
    error_details TEXT, 
    metrics JSONB DEFAULT '{}'::jsonb, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT system_health_checks_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE system_health_checks IS 'Periodic health probes of the platform''s own services';

CREATE INDEX idx_system_health_checks_created_at ON system_health_checks (created_at DESC);

CREATE INDEX idx_system_health_checks_service ON system_health_checks (service_name);

CREATE INDEX idx_system_health_checks_type ON system_health_checks (check_type);

CREATE INDEX idx_system_health_checks_unhealthy ON system_health_checks (is_healthy) WHERE is_healthy = false;

ALTER TABLE performance_metrics ENABLE ROW LEVEL SECURITY;

ALTER TABLE agent_executions ENABLE ROW LEVEL SECURITY;

ALTER TABLE api_rate_limits ENABLE ROW LEVEL SECURITY;

ALTER TABLE velocity_analysis ENABLE ROW LEVEL SECURITY;

ALTER TABLE circuit_breaker_events ENABLE ROW LEVEL SECURITY;

ALTER TABLE api_call_logs ENABLE ROW LEVEL SECURITY;

ALTER TABLE security_incidents ENABLE ROW LEVEL SECURITY;

ALTER TABLE system_health_checks ENABLE ROW LEVEL SECURITY;

REVOKE ALL ON performance_metrics, agent_executions, api_rate_limits, velocity_analysis, circuit_breaker_events, api_call_logs, security_incidents, system_health_checks FROM anon, authenticated, service_role;

GRANT SELECT, INSERT, UPDATE, DELETE ON performance_metrics, agent_executions, api_rate_limits, velocity_analysis, circuit_breaker_events, api_call_logs, security_incidents, system_health_checks TO service_role;

ALTER TABLE performance_metrics ADD CONSTRAINT performance_metrics_company_id_fkey FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE SET NULL;

ALTER TABLE agent_executions ADD CONSTRAINT agent_executions_company_id_fkey FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE SET NULL;

ALTER TABLE agent_executions ADD CONSTRAINT agent_executions_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE api_rate_limits ADD CONSTRAINT api_rate_limits_company_id_fkey FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE CASCADE;

ALTER TABLE velocity_analysis ADD CONSTRAINT velocity_analysis_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE velocity_analysis ADD CONSTRAINT velocity_analysis_tester_id_fkey FOREIGN KEY (tester_id) REFERENCES human_testers(id) ON DELETE CASCADE;

ALTER TABLE api_call_logs ADD CONSTRAINT api_call_logs_company_id_fkey FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE SET NULL;

ALTER TABLE security_incidents ADD CONSTRAINT security_incidents_company_id_fkey FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE SET NULL;

UPDATE alembic_version SET version_num='20260117000002' WHERE alembic_version.version_num = '20260117000001';


