-- hitlai-schema revision 20260117000005: its indexes on production tables, built without blocking writes.
-- Apply after 20260117000005_ai_tester_categorization.sql: psql -v ON_ERROR_STOP=1 -f FILE (each statement runs on its own;
-- in Supabase's SQL editor run them one at a time). Safe to run again: an index that exists is
-- skipped, one an interrupted build left INVALID is dropped and built anew.

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


