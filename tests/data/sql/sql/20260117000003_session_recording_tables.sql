-- hitlai-schema revision 20260117000003: Session recording: page performance and every kind of user interaction event (12 tables).
-- Upgrades 20260117000002 -> 20260117000003, as one transaction.
-- Apply the files in order, each once: psql -v ON_ERROR_STOP=1 -f FILE, or paste it into
-- Supabase's SQL editor. Applied twice or out of order it stops and changes nothing.
-- It sets aside Phase-4 tables (page_performance, scroll_events, click_events, form_interactions, rage_click_incidents) as <name>_legacy, and
-- refuses if one was written within the last 15min: its writer would fail (README, Upgrading a running HitlAI app).
-- To set them aside anyway, add before it: SET hitlai.allow_live_set_aside = on;
-- For another window: SET hitlai.live_window = '1h';

BEGIN;

SET LOCAL lock_timeout = '5s';

SET LOCAL statement_timeout = '5min';

DO $guard$
DECLARE
    found text;
BEGIN
    IF to_regclass('public.alembic_version') IS NOT NULL THEN
        SELECT string_agg(version_num, ', ') INTO found FROM public.alembic_version;
    END IF;
    IF found IS DISTINCT FROM '20260117000002' THEN
        RAISE EXCEPTION 'this file upgrades % -> %, but the database is at %',
            '20260117000002', '20260117000003', coalesce(found, 'base (no alembic_version)')
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
SELECT 'page_performance'::text AS table_name,
       CASE WHEN to_regclass('public.page_performance') IS NULL THEN 'absent'
            WHEN cardinality(ARRAY(SELECT unnest(ARRAY['id', 'user_session_id', 'test_run_id', 'url', 'page_title', 'dom_content_loaded_ms', 'load_complete_ms', 'first_paint_ms', 'first_contentful_paint_ms', 'largest_contentful_paint_ms', 'time_to_interactive_ms', 'total_resources', 'total_size_bytes', 'js_size_bytes', 'css_size_bytes', 'image_size_bytes', 'entered_at', 'exited_at', 'time_on_page_seconds', 'visible_time_seconds', 'hidden_time_seconds', 'exit_type', 'viewport_width', 'viewport_height', 'device_pixel_ratio', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.page_performance') AND attnum > 0 AND NOT attisdropped)) = 0 THEN 'phase5'
            WHEN cardinality(ARRAY(SELECT unnest(ARRAY['id', 'session_id', 'page_url', 'page_title', 'referrer', 'dns_lookup_time', 'tcp_connection_time', 'tls_negotiation_time', 'request_time', 'response_time', 'dom_processing_time', 'dom_content_loaded_time', 'page_load_time', 'first_paint_time', 'first_contentful_paint_time', 'largest_contentful_paint_time', 'page_entered_at', 'page_exited_at', 'time_on_page_seconds', 'was_visible', 'total_visible_time_seconds', 'total_hidden_time_seconds', 'exit_type', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.page_performance') AND attnum > 0 AND NOT attisdropped)) > 0 THEN 'neither'
            WHEN to_regclass('public.page_performance_legacy') IS NOT NULL THEN 'legacy_taken'
            ELSE 'phase4' END AS layout,
       (SELECT format('SELECT count(*) AS row_count, greatest(%s)::timestamptz AS last_write FROM public.%I',
                      coalesce(string_agg(format('max(%1$I) FILTER (WHERE %1$I <= now())', attname), ', '
                                          ORDER BY attnum), 'NULL'),
                      'page_performance')
        FROM pg_attribute
        LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum
        WHERE attrelid = to_regclass('public.page_performance') AND attnum > 0 AND NOT attisdropped
          AND atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype)
          AND (attname IN ('created_at', 'updated_at')
               OR pg_get_expr(adbin, adrelid) IN ('now()', 'CURRENT_TIMESTAMP', 'transaction_timestamp()', 'statement_timestamp()', 'clock_timestamp()', 'timezone(''utc''::text, now())'))
        HAVING to_regclass('public.page_performance') IS NOT NULL) AS measure
UNION ALL
SELECT 'scroll_events'::text AS table_name,
       CASE WHEN to_regclass('public.scroll_events') IS NULL THEN 'absent'
            WHEN cardinality(ARRAY(SELECT unnest(ARRAY['id', 'user_session_id', 'test_run_id', 'page_performance_id', 'scroll_x', 'scroll_y', 'scroll_depth_percent', 'viewport_height', 'document_height', 'timestamp_ms', 'time_since_page_load_ms', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.scroll_events') AND attnum > 0 AND NOT attisdropped)) = 0 THEN 'phase5'
            WHEN cardinality(ARRAY(SELECT unnest(ARRAY['id', 'session_id', 'page_url', 'timestamp', 'scroll_x', 'scroll_y', 'viewport_width', 'viewport_height', 'document_width', 'document_height', 'scroll_depth_percentage', 'scroll_direction', 'scroll_velocity', 'scroll_type', 'element_in_view', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.scroll_events') AND attnum > 0 AND NOT attisdropped)) > 0 THEN 'neither'
            WHEN to_regclass('public.scroll_events_legacy') IS NOT NULL THEN 'legacy_taken'
            ELSE 'phase4' END AS layout,
       (SELECT format('SELECT count(*) AS row_count, greatest(%s)::timestamptz AS last_write FROM public.%I',
                      coalesce(string_agg(format('max(%1$I) FILTER (WHERE %1$I <= now())', attname), ', '
                                          ORDER BY attnum), 'NULL'),
                      'scroll_events')
        FROM pg_attribute
        LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum
        WHERE attrelid = to_regclass('public.scroll_events') AND attnum > 0 AND NOT attisdropped
          AND atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype)
          AND (attname IN ('created_at', 'updated_at')
               OR pg_get_expr(adbin, adrelid) IN ('now()', 'CURRENT_TIMESTAMP', 'transaction_timestamp()', 'statement_timestamp()', 'clock_timestamp()', 'timezone(''utc''::text, now())'))
        HAVING to_regclass('public.scroll_events') IS NOT NULL) AS measure
UNION ALL
SELECT 'click_events'::text AS table_name,
       CASE WHEN to_regclass('public.click_events') IS NULL THEN 'absent'
            WHEN cardinality(ARRAY(SELECT unnest(ARRAY['id', 'user_session_id', 'test_run_id', 'page_performance_id', 'element_tag', 'element_id', 'element_class', 'element_text', 'element_selector', 'click_x', 'click_y', 'viewport_x', 'viewport_y', 'button', 'is_double_click', 'timestamp_ms', 'time_since_page_load_ms', 'time_since_last_click_ms', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.click_events') AND attnum > 0 AND NOT attisdropped)) = 0 THEN 'phase5'
            WHEN cardinality(ARRAY(SELECT unnest(ARRAY['id', 'session_id', 'page_url', 'timestamp', 'x', 'y', 'button', 'click_type', 'target_element', 'target_selector', 'target_text', 'target_href', 'target_id', 'target_class', 'is_rage_click', 'rage_click_count', 'time_since_last_click', 'element_visible', 'element_clickable', 'element_disabled', 'navigation_occurred', 'error_occurred', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.click_events') AND attnum > 0 AND NOT attisdropped)) > 0 THEN 'neither'
            WHEN to_regclass('public.click_events_legacy') IS NOT NULL THEN 'legacy_taken'
            ELSE 'phase4' END AS layout,
       (SELECT format('SELECT count(*) AS row_count, greatest(%s)::timestamptz AS last_write FROM public.%I',
                      coalesce(string_agg(format('max(%1$I) FILTER (WHERE %1$I <= now())', attname), ', '
                                          ORDER BY attnum), 'NULL'),
                      'click_events')
        FROM pg_attribute
        LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum
        WHERE attrelid = to_regclass('public.click_events') AND attnum > 0 AND NOT attisdropped
          AND atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype)
          AND (attname IN ('created_at', 'updated_at')
               OR pg_get_expr(adbin, adrelid) IN ('now()', 'CURRENT_TIMESTAMP', 'transaction_timestamp()', 'statement_timestamp()', 'clock_timestamp()', 'timezone(''utc''::text, now())'))
        HAVING to_regclass('public.click_events') IS NOT NULL) AS measure
UNION ALL
SELECT 'form_interactions'::text AS table_name,
       CASE WHEN to_regclass('public.form_interactions') IS NULL THEN 'absent'
            WHEN cardinality(ARRAY(SELECT unnest(ARRAY['id', 'user_session_id', 'test_run_id', 'page_performance_id', 'form_id', 'form_name', 'form_action', 'field_name', 'field_type', 'field_label', 'interaction_type', 'field_value_length', 'is_valid', 'validation_message', 'timestamp_ms', 'time_in_field_ms', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.form_interactions') AND attnum > 0 AND NOT attisdropped)) = 0 THEN 'phase5'
            WHEN cardinality(ARRAY(SELECT unnest(ARRAY['id', 'session_id', 'page_url', 'form_id', 'form_name', 'form_action', 'field_name', 'field_type', 'field_label', 'interaction_type', 'timestamp', 'time_to_first_input', 'time_in_field', 'character_count', 'backspace_count', 'paste_detected', 'validation_error', 'error_message', 'field_completed', 'form_submitted', 'form_abandoned', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.form_interactions') AND attnum > 0 AND NOT attisdropped)) > 0 THEN 'neither'
            WHEN to_regclass('public.form_interactions_legacy') IS NOT NULL THEN 'legacy_taken'
            ELSE 'phase4' END AS layout,
       (SELECT format('SELECT count(*) AS row_count, greatest(%s)::timestamptz AS last_write FROM public.%I',
                      coalesce(string_agg(format('max(%1$I) FILTER (WHERE %1$I <= now())', attname), ', '
                                          ORDER BY attnum), 'NULL'),
                      'form_interactions')
        FROM pg_attribute
        LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum
        WHERE attrelid = to_regclass('public.form_interactions') AND attnum > 0 AND NOT attisdropped
          AND atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype)
          AND (attname IN ('created_at', 'updated_at')
               OR pg_get_expr(adbin, adrelid) IN ('now()', 'CURRENT_TIMESTAMP', 'transaction_timestamp()', 'statement_timestamp()', 'clock_timestamp()', 'timezone(''utc''::text, now())'))
        HAVING to_regclass('public.form_interactions') IS NOT NULL) AS measure
UNION ALL
SELECT 'rage_click_incidents'::text AS table_name,
       CASE WHEN to_regclass('public.rage_click_incidents') IS NULL THEN 'absent'
            WHEN cardinality(ARRAY(SELECT unnest(ARRAY['id', 'user_session_id', 'test_run_id', 'page_performance_id', 'click_count', 'time_span_ms', 'element_tag', 'element_id', 'element_class', 'element_text', 'element_selector', 'area_x', 'area_y', 'area_radius', 'likely_cause', 'started_at', 'ended_at', 'click_event_ids', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.rage_click_incidents') AND attnum > 0 AND NOT attisdropped)) = 0 THEN 'phase5'
            WHEN cardinality(ARRAY(SELECT unnest(ARRAY['id', 'session_id', 'page_url', 'timestamp', 'x', 'y', 'click_count', 'time_window_ms', 'clicks_per_second', 'target_element', 'target_selector', 'likely_cause', 'element_was_clickable', 'element_was_visible', 'screenshot_url', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.rage_click_incidents') AND attnum > 0 AND NOT attisdropped)) > 0 THEN 'neither'
            WHEN to_regclass('public.rage_click_incidents_legacy') IS NOT NULL THEN 'legacy_taken'
            ELSE 'phase4' END AS layout,
       (SELECT format('SELECT count(*) AS row_count, greatest(%s)::timestamptz AS last_write FROM public.%I',
                      coalesce(string_agg(format('max(%1$I) FILTER (WHERE %1$I <= now())', attname), ', '
                                          ORDER BY attnum), 'NULL'),
                      'rage_click_incidents')
        FROM pg_attribute
        LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum
        WHERE attrelid = to_regclass('public.rage_click_incidents') AND attnum > 0 AND NOT attisdropped
          AND atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype)
          AND (attname IN ('created_at', 'updated_at')
               OR pg_get_expr(adbin, adrelid) IN ('now()', 'CURRENT_TIMESTAMP', 'transaction_timestamp()', 'statement_timestamp()', 'clock_timestamp()', 'timezone(''utc''::text, now())'))
        HAVING to_regclass('public.rage_click_incidents') IS NOT NULL) AS measure
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

-- Running upgrade 20260117000002 -> 20260117000003

DO $set_aside$
DECLARE
    missing_phase5 text[];
    missing_phase4 text[];
    row_count bigint;
    name_to_rename text;
BEGIN
    IF to_regclass('public.page_performance') IS NULL THEN
        RETURN;
    END IF;
    missing_phase5 := ARRAY(SELECT unnest(ARRAY['id', 'user_session_id', 'test_run_id', 'url', 'page_title', 'dom_content_loaded_ms', 'load_complete_ms', 'first_paint_ms', 'first_contentful_paint_ms', 'largest_contentful_paint_ms', 'time_to_interactive_ms', 'total_resources', 'total_size_bytes', 'js_size_bytes', 'css_size_bytes', 'image_size_bytes', 'entered_at', 'exited_at', 'time_on_page_seconds', 'visible_time_seconds', 'hidden_time_seconds', 'exit_type', 'viewport_width', 'viewport_height', 'device_pixel_ratio', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.page_performance') AND attnum > 0 AND NOT attisdropped);
    IF cardinality(missing_phase5) = 0 THEN
        RAISE NOTICE 'table page_performance already has the Phase-5 layout: left as it is';
        RETURN;
    END IF;
    missing_phase4 := ARRAY(SELECT unnest(ARRAY['id', 'session_id', 'page_url', 'page_title', 'referrer', 'dns_lookup_time', 'tcp_connection_time', 'tls_negotiation_time', 'request_time', 'response_time', 'dom_processing_time', 'dom_content_loaded_time', 'page_load_time', 'first_paint_time', 'first_contentful_paint_time', 'largest_contentful_paint_time', 'page_entered_at', 'page_exited_at', 'time_on_page_seconds', 'was_visible', 'total_visible_time_seconds', 'total_hidden_time_seconds', 'exit_type', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.page_performance') AND attnum > 0 AND NOT attisdropped);
    IF cardinality(missing_phase4) > 0 THEN
        RAISE EXCEPTION 'table page_performance has neither the Phase-4 nor the Phase-5 layout: '
            'it lacks Phase-5 columns % and Phase-4 columns %', missing_phase5, missing_phase4
            USING HINT = 'rename or drop it, then run the upgrade again';
    END IF;
    IF to_regclass('public.page_performance_legacy') IS NOT NULL THEN
        RAISE EXCEPTION 'cannot set aside table page_performance: a table page_performance_legacy already exists';
    END IF;

    -- Renaming a primary-key or unique constraint renames its index with it.
    FOR name_to_rename IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'public.page_performance'::regclass AND contype IN ('p', 'u', 'f', 'c', 'x')
    LOOP
        EXECUTE format('ALTER TABLE public.page_performance RENAME CONSTRAINT %I TO %I',
                       name_to_rename, name_to_rename || '_legacy');
    END LOOP;
    FOR name_to_rename IN
        SELECT index_class.relname FROM pg_index i JOIN pg_class index_class ON index_class.oid = i.indexrelid
        WHERE i.indrelid = 'public.page_performance'::regclass
          AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
    LOOP
        EXECUTE format('ALTER INDEX public.%I RENAME TO %I', name_to_rename, name_to_rename || '_legacy');
    END LOOP;
    ALTER TABLE public.page_performance RENAME TO page_performance_legacy;

    SELECT count(*) INTO row_count FROM public.page_performance_legacy;
    RAISE NOTICE 'set aside Phase-4 table page_performance as page_performance_legacy (% rows kept)', row_count;
END
$set_aside$;;

CREATE TABLE IF NOT EXISTS page_performance (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    user_session_id UUID, 
    test_run_id UUID, 
    url TEXT NOT NULL, 
    page_title TEXT, 
    dom_content_loaded_ms INTEGER, 
    load_complete_ms INTEGER, 
    first_paint_ms INTEGER, 
    first_contentful_paint_ms INTEGER, 
    largest_contentful_paint_ms INTEGER, 
    time_to_interactive_ms INTEGER, 
    total_resources INTEGER, 
    total_size_bytes BIGINT, 
    js_size_bytes BIGINT, 
    css_size_bytes BIGINT, 
    image_size_bytes BIGINT, 
    entered_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    exited_at TIMESTAMP WITH TIME ZONE, 
    time_on_page_seconds INTEGER, 
    visible_time_seconds INTEGER, 
    hidden_time_seconds INTEGER, 
    exit_type TEXT, 
    viewport_width INTEGER, 
    viewport_height INTEGER, 
    device_pixel_ratio NUMERIC(3, 2), 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT page_performance_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE page_performance IS 'Load timings and Core Web Vitals of each page visited during a session';

COMMENT ON COLUMN page_performance.user_session_id IS 'The recorded session this row belongs to; a plain uuid with no foreign key';

CREATE INDEX IF NOT EXISTS idx_page_performance_created_at ON page_performance (created_at DESC);

CREATE INDEX IF NOT EXISTS idx_page_performance_lcp ON page_performance (largest_contentful_paint_ms);

CREATE INDEX IF NOT EXISTS idx_page_performance_session ON page_performance (user_session_id);

CREATE INDEX IF NOT EXISTS idx_page_performance_test_run ON page_performance (test_run_id);

CREATE INDEX IF NOT EXISTS idx_page_performance_url ON page_performance (url);

DO $set_aside$
DECLARE
    missing_phase5 text[];
    missing_phase4 text[];
    row_count bigint;
    name_to_rename text;
BEGIN
    IF to_regclass('public.scroll_events') IS NULL THEN
        RETURN;
    END IF;
    missing_phase5 := ARRAY(SELECT unnest(ARRAY['id', 'user_session_id', 'test_run_id', 'page_performance_id', 'scroll_x', 'scroll_y', 'scroll_depth_percent', 'viewport_height', 'document_height', 'timestamp_ms', 'time_since_page_load_ms', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.scroll_events') AND attnum > 0 AND NOT attisdropped);
    IF cardinality(missing_phase5) = 0 THEN
        RAISE NOTICE 'table scroll_events already has the Phase-5 layout: left as it is';
        RETURN;
    END IF;
    missing_phase4 := ARRAY(SELECT unnest(ARRAY['id', 'session_id', 'page_url', 'timestamp', 'scroll_x', 'scroll_y', 'viewport_width', 'viewport_height', 'document_width', 'document_height', 'scroll_depth_percentage', 'scroll_direction', 'scroll_velocity', 'scroll_type', 'element_in_view', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.scroll_events') AND attnum > 0 AND NOT attisdropped);
    IF cardinality(missing_phase4) > 0 THEN
        RAISE EXCEPTION 'table scroll_events has neither the Phase-4 nor the Phase-5 layout: '
            'it lacks Phase-5 columns % and Phase-4 columns %', missing_phase5, missing_phase4
            USING HINT = 'rename or drop it, then run the upgrade again';
    END IF;
    IF to_regclass('public.scroll_events_legacy') IS NOT NULL THEN
        RAISE EXCEPTION 'cannot set aside table scroll_events: a table scroll_events_legacy already exists';
    END IF;

    -- Renaming a primary-key or unique constraint renames its index with it.
    FOR name_to_rename IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'public.scroll_events'::regclass AND contype IN ('p', 'u', 'f', 'c', 'x')
    LOOP
        EXECUTE format('ALTER TABLE public.scroll_events RENAME CONSTRAINT %I TO %I',
                       name_to_rename, name_to_rename || '_legacy');
    END LOOP;
    FOR name_to_rename IN
        SELECT index_class.relname FROM pg_index i JOIN pg_class index_class ON index_class.oid = i.indexrelid
        WHERE i.indrelid = 'public.scroll_events'::regclass
          AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
    LOOP
        EXECUTE format('ALTER INDEX public.%I RENAME TO %I', name_to_rename, name_to_rename || '_legacy');
    END LOOP;
    ALTER TABLE public.scroll_events RENAME TO scroll_events_legacy;

    SELECT count(*) INTO row_count FROM public.scroll_events_legacy;
    RAISE NOTICE 'set aside Phase-4 table scroll_events as scroll_events_legacy (% rows kept)', row_count;
END
$set_aside$;;

CREATE TABLE IF NOT EXISTS scroll_events (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    user_session_id UUID, 
    test_run_id UUID, 
    page_performance_id UUID, 
    scroll_x INTEGER NOT NULL, 
    scroll_y INTEGER NOT NULL, 
    scroll_depth_percent NUMERIC(5, 2), 
    viewport_height INTEGER NOT NULL, 
    document_height INTEGER NOT NULL, 
    timestamp_ms BIGINT NOT NULL, 
    time_since_page_load_ms INTEGER, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT scroll_events_pkey PRIMARY KEY (id), 
    CONSTRAINT scroll_events_page_performance_id_fkey FOREIGN KEY(page_performance_id) REFERENCES page_performance (id) ON DELETE CASCADE
);

COMMENT ON TABLE scroll_events IS 'Scroll positions and depth recorded on a page';

COMMENT ON COLUMN scroll_events.user_session_id IS 'The recorded session this row belongs to; a plain uuid with no foreign key';

CREATE INDEX IF NOT EXISTS idx_scroll_events_page ON scroll_events (page_performance_id);

CREATE INDEX IF NOT EXISTS idx_scroll_events_session ON scroll_events (user_session_id);

CREATE INDEX IF NOT EXISTS idx_scroll_events_test_run ON scroll_events (test_run_id);

CREATE INDEX IF NOT EXISTS idx_scroll_events_timestamp ON scroll_events (timestamp_ms);

DO $set_aside$
DECLARE
    missing_phase5 text[];
    missing_phase4 text[];
    row_count bigint;
    name_to_rename text;
BEGIN
    IF to_regclass('public.click_events') IS NULL THEN
        RETURN;
    END IF;
    missing_phase5 := ARRAY(SELECT unnest(ARRAY['id', 'user_session_id', 'test_run_id', 'page_performance_id', 'element_tag', 'element_id', 'element_class', 'element_text', 'element_selector', 'click_x', 'click_y', 'viewport_x', 'viewport_y', 'button', 'is_double_click', 'timestamp_ms', 'time_since_page_load_ms', 'time_since_last_click_ms', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.click_events') AND attnum > 0 AND NOT attisdropped);
    IF cardinality(missing_phase5) = 0 THEN
        RAISE NOTICE 'table click_events already has the Phase-5 layout: left as it is';
        RETURN;
    END IF;
    missing_phase4 := ARRAY(SELECT unnest(ARRAY['id', 'session_id', 'page_url', 'timestamp', 'x', 'y', 'button', 'click_type', 'target_element', 'target_selector', 'target_text', 'target_href', 'target_id', 'target_class', 'is_rage_click', 'rage_click_count', 'time_since_last_click', 'element_visible', 'element_clickable', 'element_disabled', 'navigation_occurred', 'error_occurred', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.click_events') AND attnum > 0 AND NOT attisdropped);
    IF cardinality(missing_phase4) > 0 THEN
        RAISE EXCEPTION 'table click_events has neither the Phase-4 nor the Phase-5 layout: '
            'it lacks Phase-5 columns % and Phase-4 columns %', missing_phase5, missing_phase4
            USING HINT = 'rename or drop it, then run the upgrade again';
    END IF;
    IF to_regclass('public.click_events_legacy') IS NOT NULL THEN
        RAISE EXCEPTION 'cannot set aside table click_events: a table click_events_legacy already exists';
    END IF;

    -- Renaming a primary-key or unique constraint renames its index with it.
    FOR name_to_rename IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'public.click_events'::regclass AND contype IN ('p', 'u', 'f', 'c', 'x')
    LOOP
        EXECUTE format('ALTER TABLE public.click_events RENAME CONSTRAINT %I TO %I',
                       name_to_rename, name_to_rename || '_legacy');
    END LOOP;
    FOR name_to_rename IN
        SELECT index_class.relname FROM pg_index i JOIN pg_class index_class ON index_class.oid = i.indexrelid
        WHERE i.indrelid = 'public.click_events'::regclass
          AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
    LOOP
        EXECUTE format('ALTER INDEX public.%I RENAME TO %I', name_to_rename, name_to_rename || '_legacy');
    END LOOP;
    ALTER TABLE public.click_events RENAME TO click_events_legacy;

    SELECT count(*) INTO row_count FROM public.click_events_legacy;
    RAISE NOTICE 'set aside Phase-4 table click_events as click_events_legacy (% rows kept)', row_count;
END
$set_aside$;;

CREATE TABLE IF NOT EXISTS click_events (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    user_session_id UUID, 
    test_run_id UUID, 
    page_performance_id UUID, 
    element_tag TEXT NOT NULL, 
    element_id TEXT, 
    element_class TEXT, 
    element_text TEXT, 
    element_selector TEXT, 
    click_x INTEGER NOT NULL, 
    click_y INTEGER NOT NULL, 
    viewport_x INTEGER, 
    viewport_y INTEGER, 
    button INTEGER, 
    is_double_click BOOLEAN DEFAULT false, 
    timestamp_ms BIGINT NOT NULL, 
    time_since_page_load_ms INTEGER, 
    time_since_last_click_ms INTEGER, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT click_events_pkey PRIMARY KEY (id), 
    CONSTRAINT click_events_page_performance_id_fkey FOREIGN KEY(page_performance_id) REFERENCES page_performance (id) ON DELETE CASCADE
);

COMMENT ON TABLE click_events IS 'Clicks recorded on a page, with the element clicked';

COMMENT ON COLUMN click_events.user_session_id IS 'The recorded session this row belongs to; a plain uuid with no foreign key';

CREATE INDEX IF NOT EXISTS idx_click_events_element ON click_events (element_tag, element_id);

CREATE INDEX IF NOT EXISTS idx_click_events_page ON click_events (page_performance_id);

CREATE INDEX IF NOT EXISTS idx_click_events_session ON click_events (user_session_id);

CREATE INDEX IF NOT EXISTS idx_click_events_test_run ON click_events (test_run_id);

CREATE INDEX IF NOT EXISTS idx_click_events_timestamp ON click_events (timestamp_ms);

DO $set_aside$
DECLARE
    missing_phase5 text[];
    missing_phase4 text[];
    row_count bigint;
    name_to_rename text;
BEGIN
    IF to_regclass('public.form_interactions') IS NULL THEN
        RETURN;
    END IF;
    missing_phase5 := ARRAY(SELECT unnest(ARRAY['id', 'user_session_id', 'test_run_id', 'page_performance_id', 'form_id', 'form_name', 'form_action', 'field_name', 'field_type', 'field_label', 'interaction_type', 'field_value_length', 'is_valid', 'validation_message', 'timestamp_ms', 'time_in_field_ms', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.form_interactions') AND attnum > 0 AND NOT attisdropped);
    IF cardinality(missing_phase5) = 0 THEN
        RAISE NOTICE 'table form_interactions already has the Phase-5 layout: left as it is';
        RETURN;
    END IF;
    missing_phase4 := ARRAY(SELECT unnest(ARRAY['id', 'session_id', 'page_url', 'form_id', 'form_name', 'form_action', 'field_name', 'field_type', 'field_label', 'interaction_type', 'timestamp', 'time_to_first_input', 'time_in_field', 'character_count', 'backspace_count', 'paste_detected', 'validation_error', 'error_message', 'field_completed', 'form_submitted', 'form_abandoned', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.form_interactions') AND attnum > 0 AND NOT attisdropped);
    IF cardinality(missing_phase4) > 0 THEN
        RAISE EXCEPTION 'table form_interactions has neither the Phase-4 nor the Phase-5 layout: '
            'it lacks Phase-5 columns % and Phase-4 columns %', missing_phase5, missing_phase4
            USING HINT = 'rename or drop it, then run the upgrade again';
    END IF;
    IF to_regclass('public.form_interactions_legacy') IS NOT NULL THEN
        RAISE EXCEPTION 'cannot set aside table form_interactions: a table form_interactions_legacy already exists';
    END IF;

    -- Renaming a primary-key or unique constraint renames its index with it.
    FOR name_to_rename IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'public.form_interactions'::regclass AND contype IN ('p', 'u', 'f', 'c', 'x')
    LOOP
        EXECUTE format('ALTER TABLE public.form_interactions RENAME CONSTRAINT %I TO %I',
                       name_to_rename, name_to_rename || '_legacy');
    END LOOP;
    FOR name_to_rename IN
        SELECT index_class.relname FROM pg_index i JOIN pg_class index_class ON index_class.oid = i.indexrelid
        WHERE i.indrelid = 'public.form_interactions'::regclass
          AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
    LOOP
        EXECUTE format('ALTER INDEX public.%I RENAME TO %I', name_to_rename, name_to_rename || '_legacy');
    END LOOP;
    ALTER TABLE public.form_interactions RENAME TO form_interactions_legacy;

    SELECT count(*) INTO row_count FROM public.form_interactions_legacy;
    RAISE NOTICE 'set aside Phase-4 table form_interactions as form_interactions_legacy (% rows kept)', row_count;
END
$set_aside$;;

CREATE TABLE IF NOT EXISTS form_interactions (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    user_session_id UUID, 
    test_run_id UUID, 
    page_performance_id UUID, 
    form_id TEXT, 
    form_name TEXT, 
    form_action TEXT, 
    field_name TEXT NOT NULL, 
    field_type TEXT NOT NULL, 
    field_label TEXT, 
    interaction_type TEXT NOT NULL, 
    field_value_length INTEGER, 
    is_valid BOOLEAN, 
    validation_message TEXT, 
    timestamp_ms BIGINT NOT NULL, 
    time_in_field_ms INTEGER, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT form_interactions_pkey PRIMARY KEY (id), 
    CONSTRAINT form_interactions_page_performance_id_fkey FOREIGN KEY(page_performance_id) REFERENCES page_performance (id) ON DELETE CASCADE
);

COMMENT ON TABLE form_interactions IS 'Interactions with form fields: focus, input, errors and abandonment';

COMMENT ON COLUMN form_interactions.user_session_id IS 'The recorded session this row belongs to; a plain uuid with no foreign key';

CREATE INDEX IF NOT EXISTS idx_form_interactions_page ON form_interactions (page_performance_id);

CREATE INDEX IF NOT EXISTS idx_form_interactions_session ON form_interactions (user_session_id);

CREATE INDEX IF NOT EXISTS idx_form_interactions_test_run ON form_interactions (test_run_id);

CREATE INDEX IF NOT EXISTS idx_form_interactions_timestamp ON form_interactions (timestamp_ms);

CREATE INDEX IF NOT EXISTS idx_form_interactions_type ON form_interactions (interaction_type);

DO $set_aside$
DECLARE
    missing_phase5 text[];
    missing_phase4 text[];
    row_count bigint;
    name_to_rename text;
BEGIN
    IF to_regclass('public.rage_click_incidents') IS NULL THEN
        RETURN;
    END IF;
    missing_phase5 := ARRAY(SELECT unnest(ARRAY['id', 'user_session_id', 'test_run_id', 'page_performance_id', 'click_count', 'time_span_ms', 'element_tag', 'element_id', 'element_class', 'element_text', 'element_selector', 'area_x', 'area_y', 'area_radius', 'likely_cause', 'started_at', 'ended_at', 'click_event_ids', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.rage_click_incidents') AND attnum > 0 AND NOT attisdropped);
    IF cardinality(missing_phase5) = 0 THEN
        RAISE NOTICE 'table rage_click_incidents already has the Phase-5 layout: left as it is';
        RETURN;
    END IF;
    missing_phase4 := ARRAY(SELECT unnest(ARRAY['id', 'session_id', 'page_url', 'timestamp', 'x', 'y', 'click_count', 'time_window_ms', 'clicks_per_second', 'target_element', 'target_selector', 'likely_cause', 'element_was_clickable', 'element_was_visible', 'screenshot_url', 'created_at']::text[]) EXCEPT SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass('public.rage_click_incidents') AND attnum > 0 AND NOT attisdropped);
    IF cardinality(missing_phase4) > 0 THEN
        RAISE EXCEPTION 'table rage_click_incidents has neither the Phase-4 nor the Phase-5 layout: '
            'it lacks Phase-5 columns % and Phase-4 columns %', missing_phase5, missing_phase4
            USING HINT = 'rename or drop it, then run the upgrade again';
    END IF;
    IF to_regclass('public.rage_click_incidents_legacy') IS NOT NULL THEN
        RAISE EXCEPTION 'cannot set aside table rage_click_incidents: a table rage_click_incidents_legacy already exists';
    END IF;

    -- Renaming a primary-key or unique constraint renames its index with it.
    FOR name_to_rename IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'public.rage_click_incidents'::regclass AND contype IN ('p', 'u', 'f', 'c', 'x')
    LOOP
        EXECUTE format('ALTER TABLE public.rage_click_incidents RENAME CONSTRAINT %I TO %I',
                       name_to_rename, name_to_rename || '_legacy');
    END LOOP;
    FOR name_to_rename IN
        SELECT index_class.relname FROM pg_index i JOIN pg_class index_class ON index_class.oid = i.indexrelid
        WHERE i.indrelid = 'public.rage_click_incidents'::regclass
          AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
    LOOP
        EXECUTE format('ALTER INDEX public.%I RENAME TO %I', name_to_rename, name_to_rename || '_legacy');
    END LOOP;
    ALTER TABLE public.rage_click_incidents RENAME TO rage_click_incidents_legacy;

    SELECT count(*) INTO row_count FROM public.rage_click_incidents_legacy;
    RAISE NOTICE 'set aside Phase-4 table rage_click_incidents as rage_click_incidents_legacy (% rows kept)', row_count;
END
$set_aside$;;

CREATE TABLE IF NOT EXISTS rage_click_incidents (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    user_session_id UUID, 
    test_run_id UUID, 
    page_performance_id UUID, 
    click_count INTEGER NOT NULL, 
    time_span_ms INTEGER NOT NULL, 
    element_tag TEXT NOT NULL, 
    element_id TEXT, 
    element_class TEXT, 
    element_text TEXT, 
    element_selector TEXT, 
    area_x INTEGER NOT NULL, 
    area_y INTEGER NOT NULL, 
    area_radius INTEGER NOT NULL, 
    likely_cause TEXT, 
    started_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    ended_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    click_event_ids UUID[], 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT rage_click_incidents_pkey PRIMARY KEY (id), 
    CONSTRAINT rage_click_incidents_page_performance_id_fkey FOREIGN KEY(page_performance_id) REFERENCES page_performance (id) ON DELETE CASCADE
);

COMMENT ON TABLE rage_click_incidents IS 'Bursts of repeated clicks on one spot, a sign of user frustration';

COMMENT ON COLUMN rage_click_incidents.user_session_id IS 'The recorded session this row belongs to; a plain uuid with no foreign key';

CREATE INDEX IF NOT EXISTS idx_rage_click_incidents_created_at ON rage_click_incidents (created_at DESC);

CREATE INDEX IF NOT EXISTS idx_rage_click_incidents_element ON rage_click_incidents (element_selector);

CREATE INDEX IF NOT EXISTS idx_rage_click_incidents_page ON rage_click_incidents (page_performance_id);

CREATE INDEX IF NOT EXISTS idx_rage_click_incidents_session ON rage_click_incidents (user_session_id);

CREATE INDEX IF NOT EXISTS idx_rage_click_incidents_test_run ON rage_click_incidents (test_run_id);

CREATE TABLE mouse_movements (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    user_session_id UUID, 
    test_run_id UUID, 
    page_performance_id UUID, 
    positions JSONB NOT NULL, 
    total_distance_pixels INTEGER, 
    avg_speed_pixels_per_second NUMERIC(8, 2), 
    max_speed_pixels_per_second NUMERIC(8, 2), 
    is_smooth BOOLEAN, 
    has_hesitation BOOLEAN, 
    hesitation_count INTEGER, 
    started_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    ended_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    duration_ms INTEGER NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT mouse_movements_pkey PRIMARY KEY (id), 
    CONSTRAINT mouse_movements_page_performance_id_fkey FOREIGN KEY(page_performance_id) REFERENCES page_performance (id) ON DELETE CASCADE
);

COMMENT ON TABLE mouse_movements IS 'Sampled mouse paths and hesitations on a page';

COMMENT ON COLUMN mouse_movements.user_session_id IS 'The recorded session this row belongs to; a plain uuid with no foreign key';

CREATE INDEX idx_mouse_movements_created_at ON mouse_movements (created_at DESC);

CREATE INDEX idx_mouse_movements_page ON mouse_movements (page_performance_id);

CREATE INDEX idx_mouse_movements_session ON mouse_movements (user_session_id);

CREATE INDEX idx_mouse_movements_test_run ON mouse_movements (test_run_id);

CREATE TABLE keyboard_events (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    user_session_id UUID, 
    test_run_id UUID, 
    page_performance_id UUID, 
    event_type TEXT NOT NULL, 
    key_code INTEGER, 
    key_name TEXT, 
    ctrl_key BOOLEAN DEFAULT false, 
    alt_key BOOLEAN DEFAULT false, 
    shift_key BOOLEAN DEFAULT false, 
    meta_key BOOLEAN DEFAULT false, 
    target_element TEXT, 
    is_in_form BOOLEAN DEFAULT false, 
    timestamp_ms BIGINT NOT NULL, 
    time_since_last_key_ms INTEGER, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT keyboard_events_pkey PRIMARY KEY (id), 
    CONSTRAINT keyboard_events_page_performance_id_fkey FOREIGN KEY(page_performance_id) REFERENCES page_performance (id) ON DELETE CASCADE
);

COMMENT ON TABLE keyboard_events IS 'Key presses recorded on a page, without the characters typed';

COMMENT ON COLUMN keyboard_events.user_session_id IS 'The recorded session this row belongs to; a plain uuid with no foreign key';

CREATE INDEX idx_keyboard_events_page ON keyboard_events (page_performance_id);

CREATE INDEX idx_keyboard_events_session ON keyboard_events (user_session_id);

CREATE INDEX idx_keyboard_events_test_run ON keyboard_events (test_run_id);

CREATE INDEX idx_keyboard_events_timestamp ON keyboard_events (timestamp_ms);

CREATE TABLE visibility_changes (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    user_session_id UUID, 
    test_run_id UUID, 
    page_performance_id UUID, 
    became_visible BOOLEAN NOT NULL, 
    visibility_state TEXT NOT NULL, 
    duration_visible_ms INTEGER, 
    timestamp_ms BIGINT NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT visibility_changes_pkey PRIMARY KEY (id), 
    CONSTRAINT visibility_changes_page_performance_id_fkey FOREIGN KEY(page_performance_id) REFERENCES page_performance (id) ON DELETE CASCADE
);

COMMENT ON TABLE visibility_changes IS 'Times the page was hidden or shown again (tab switches)';

COMMENT ON COLUMN visibility_changes.user_session_id IS 'The recorded session this row belongs to; a plain uuid with no foreign key';

CREATE INDEX idx_visibility_changes_page ON visibility_changes (page_performance_id);

CREATE INDEX idx_visibility_changes_session ON visibility_changes (user_session_id);

CREATE INDEX idx_visibility_changes_test_run ON visibility_changes (test_run_id);

CREATE INDEX idx_visibility_changes_timestamp ON visibility_changes (timestamp_ms);

CREATE TABLE network_requests (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    user_session_id UUID, 
    test_run_id UUID, 
    page_performance_id UUID, 
    url TEXT NOT NULL, 
    method TEXT NOT NULL, 
    request_type TEXT, 
    status_code INTEGER, 
    response_size_bytes INTEGER, 
    started_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    completed_at TIMESTAMP WITH TIME ZONE, 
    duration_ms INTEGER, 
    dns_lookup_ms INTEGER, 
    tcp_connect_ms INTEGER, 
    tls_handshake_ms INTEGER, 
    time_to_first_byte_ms INTEGER, 
    download_ms INTEGER, 
    success BOOLEAN, 
    error_message TEXT, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT network_requests_pkey PRIMARY KEY (id), 
    CONSTRAINT network_requests_page_performance_id_fkey FOREIGN KEY(page_performance_id) REFERENCES page_performance (id) ON DELETE CASCADE
);

COMMENT ON TABLE network_requests IS 'Network requests the page made, with timing and status';

COMMENT ON COLUMN network_requests.user_session_id IS 'The recorded session this row belongs to; a plain uuid with no foreign key';

CREATE INDEX idx_network_requests_failed ON network_requests (success) WHERE success = false;

CREATE INDEX idx_network_requests_page ON network_requests (page_performance_id);

CREATE INDEX idx_network_requests_session ON network_requests (user_session_id);

CREATE INDEX idx_network_requests_slow ON network_requests (duration_ms DESC) WHERE duration_ms > 1000;

CREATE INDEX idx_network_requests_test_run ON network_requests (test_run_id);

CREATE INDEX idx_network_requests_type ON network_requests (request_type);

CREATE TABLE console_logs (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    user_session_id UUID, 
    test_run_id UUID, 
    page_performance_id UUID, 
    log_level TEXT NOT NULL, 
    message TEXT NOT NULL, 
    source_file TEXT, 
    line_number INTEGER, 
    column_number INTEGER, 
    stack_trace TEXT, 
    timestamp_ms BIGINT NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT console_logs_pkey PRIMARY KEY (id), 
    CONSTRAINT console_logs_page_performance_id_fkey FOREIGN KEY(page_performance_id) REFERENCES page_performance (id) ON DELETE CASCADE
);

COMMENT ON TABLE console_logs IS 'Browser console messages emitted by the page';

COMMENT ON COLUMN console_logs.user_session_id IS 'The recorded session this row belongs to; a plain uuid with no foreign key';

CREATE INDEX idx_console_logs_errors ON console_logs (log_level) WHERE log_level = 'error'::text;

CREATE INDEX idx_console_logs_level ON console_logs (log_level);

CREATE INDEX idx_console_logs_page ON console_logs (page_performance_id);

CREATE INDEX idx_console_logs_session ON console_logs (user_session_id);

CREATE INDEX idx_console_logs_test_run ON console_logs (test_run_id);

CREATE INDEX idx_console_logs_timestamp ON console_logs (timestamp_ms);

CREATE TABLE javascript_errors (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    user_session_id UUID, 
    test_run_id UUID, 
    page_performance_id UUID, 
    error_message TEXT NOT NULL, 
    error_type TEXT, 
    source_file TEXT, 
    line_number INTEGER, 
    column_number INTEGER, 
    stack_trace TEXT, 
    user_agent TEXT, 
    url TEXT NOT NULL, 
    timestamp_ms BIGINT NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT javascript_errors_pkey PRIMARY KEY (id), 
    CONSTRAINT javascript_errors_page_performance_id_fkey FOREIGN KEY(page_performance_id) REFERENCES page_performance (id) ON DELETE CASCADE
);

COMMENT ON TABLE javascript_errors IS 'Uncaught JavaScript errors raised on the page';

COMMENT ON COLUMN javascript_errors.user_session_id IS 'The recorded session this row belongs to; a plain uuid with no foreign key';

CREATE INDEX idx_javascript_errors_created_at ON javascript_errors (created_at DESC);

CREATE INDEX idx_javascript_errors_page ON javascript_errors (page_performance_id);

CREATE INDEX idx_javascript_errors_session ON javascript_errors (user_session_id);

CREATE INDEX idx_javascript_errors_test_run ON javascript_errors (test_run_id);

CREATE INDEX idx_javascript_errors_type ON javascript_errors (error_type);

CREATE TABLE element_visibility (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    user_session_id UUID, 
    test_run_id UUID, 
    page_performance_id UUID, 
    element_selector TEXT NOT NULL, 
    element_text TEXT, 
    element_type TEXT, 
    became_visible BOOLEAN NOT NULL, 
    visibility_percent NUMERIC(5, 2), 
    element_x INTEGER, 
    element_y INTEGER, 
    element_width INTEGER, 
    element_height INTEGER, 
    timestamp_ms BIGINT NOT NULL, 
    time_visible_ms INTEGER, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT element_visibility_pkey PRIMARY KEY (id), 
    CONSTRAINT element_visibility_page_performance_id_fkey FOREIGN KEY(page_performance_id) REFERENCES page_performance (id) ON DELETE CASCADE
);

COMMENT ON TABLE element_visibility IS 'How long each tracked element stayed in the viewport';

COMMENT ON COLUMN element_visibility.user_session_id IS 'The recorded session this row belongs to; a plain uuid with no foreign key';

CREATE INDEX idx_element_visibility_page ON element_visibility (page_performance_id);

CREATE INDEX idx_element_visibility_selector ON element_visibility (element_selector);

CREATE INDEX idx_element_visibility_session ON element_visibility (user_session_id);

CREATE INDEX idx_element_visibility_test_run ON element_visibility (test_run_id);

CREATE INDEX idx_element_visibility_timestamp ON element_visibility (timestamp_ms);

ALTER TABLE page_performance ENABLE ROW LEVEL SECURITY;

ALTER TABLE scroll_events ENABLE ROW LEVEL SECURITY;

ALTER TABLE click_events ENABLE ROW LEVEL SECURITY;

ALTER TABLE form_interactions ENABLE ROW LEVEL SECURITY;

ALTER TABLE rage_click_incidents ENABLE ROW LEVEL SECURITY;

ALTER TABLE mouse_movements ENABLE ROW LEVEL SECURITY;

ALTER TABLE keyboard_events ENABLE ROW LEVEL SECURITY;

ALTER TABLE visibility_changes ENABLE ROW LEVEL SECURITY;

ALTER TABLE network_requests ENABLE ROW LEVEL SECURITY;

ALTER TABLE console_logs ENABLE ROW LEVEL SECURITY;

ALTER TABLE javascript_errors ENABLE ROW LEVEL SECURITY;

ALTER TABLE element_visibility ENABLE ROW LEVEL SECURITY;

REVOKE ALL ON page_performance, scroll_events, click_events, form_interactions, rage_click_incidents, mouse_movements, keyboard_events, visibility_changes, network_requests, console_logs, javascript_errors, element_visibility FROM anon, authenticated, service_role;

GRANT SELECT, INSERT, UPDATE, DELETE ON page_performance, scroll_events, click_events, form_interactions, rage_click_incidents, mouse_movements, keyboard_events, visibility_changes, network_requests, console_logs, javascript_errors, element_visibility TO service_role;

ALTER TABLE page_performance ADD CONSTRAINT page_performance_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE scroll_events ADD CONSTRAINT scroll_events_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE click_events ADD CONSTRAINT click_events_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE form_interactions ADD CONSTRAINT form_interactions_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE rage_click_incidents ADD CONSTRAINT rage_click_incidents_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE mouse_movements ADD CONSTRAINT mouse_movements_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE keyboard_events ADD CONSTRAINT keyboard_events_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE visibility_changes ADD CONSTRAINT visibility_changes_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE network_requests ADD CONSTRAINT network_requests_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE console_logs ADD CONSTRAINT console_logs_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE javascript_errors ADD CONSTRAINT javascript_errors_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

ALTER TABLE element_visibility ADD CONSTRAINT element_visibility_test_run_id_fkey FOREIGN KEY (test_run_id) REFERENCES test_runs(id) ON DELETE CASCADE;

UPDATE alembic_version SET version_num='20260117000003' WHERE alembic_version.version_num = '20260117000002';

COMMIT;

