-- hitlai-schema revision 20261204213100: updated_at advances on every UPDATE, whoever writes: one trigger function, a BEFORE UPDATE trigger per table.
-- Upgrades 20261204213000 -> 20261204213100, as one transaction.
-- Apply the files in order, each once: psql -v ON_ERROR_STOP=1 -f FILE, or paste it into
-- Supabase's SQL editor. Applied twice or out of order it stops and changes nothing.

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
    IF found IS DISTINCT FROM '20261204213000' THEN
        RAISE EXCEPTION 'this file upgrades % -> %, but the database is at %',
            '20261204213000', '20261204213100', coalesce(found, 'base (no alembic_version)')
            USING HINT = 'apply the files in order, each once; nothing was changed';
    END IF;
    IF found IS NULL AND to_regclass('public.alembic_version') IS NOT NULL THEN
        -- Left empty by a downgrade to base; the script creates it anew.
        DROP TABLE public.alembic_version;
    END IF;
END
$guard$;

-- Running upgrade 20261204213000 -> 20261204213100

CREATE FUNCTION public.advance_updated_at() RETURNS trigger
           LANGUAGE plpgsql SECURITY INVOKER SET search_path = '' AS $$
           BEGIN
               NEW.updated_at := now();
               RETURN NEW;
           END
           $$;

REVOKE ALL ON FUNCTION public.advance_updated_at() FROM PUBLIC, anon, authenticated, service_role;

CREATE TRIGGER agi_capability_milestones_advance_updated_at BEFORE UPDATE ON agi_capability_milestones FOR EACH ROW EXECUTE FUNCTION public.advance_updated_at();

CREATE TRIGGER ai_model_capabilities_advance_updated_at BEFORE UPDATE ON ai_model_capabilities FOR EACH ROW EXECUTE FUNCTION public.advance_updated_at();

CREATE TRIGGER ai_tester_assignment_preferences_advance_updated_at BEFORE UPDATE ON ai_tester_assignment_preferences FOR EACH ROW EXECUTE FUNCTION public.advance_updated_at();

CREATE TRIGGER ai_tester_pricing_advance_updated_at BEFORE UPDATE ON ai_tester_pricing FOR EACH ROW EXECUTE FUNCTION public.advance_updated_at();

CREATE TRIGGER api_alert_rules_advance_updated_at BEFORE UPDATE ON api_alert_rules FOR EACH ROW EXECUTE FUNCTION public.advance_updated_at();

CREATE TRIGGER api_endpoint_configs_advance_updated_at BEFORE UPDATE ON api_endpoint_configs FOR EACH ROW EXECUTE FUNCTION public.advance_updated_at();

CREATE TRIGGER api_incidents_advance_updated_at BEFORE UPDATE ON api_incidents FOR EACH ROW EXECUTE FUNCTION public.advance_updated_at();

CREATE TRIGGER api_maintenance_windows_advance_updated_at BEFORE UPDATE ON api_maintenance_windows FOR EACH ROW EXECUTE FUNCTION public.advance_updated_at();

CREATE TRIGGER api_rate_limits_advance_updated_at BEFORE UPDATE ON api_rate_limits FOR EACH ROW EXECUTE FUNCTION public.advance_updated_at();

CREATE TRIGGER api_status_subscriptions_advance_updated_at BEFORE UPDATE ON api_status_subscriptions FOR EACH ROW EXECUTE FUNCTION public.advance_updated_at();

CREATE TRIGGER constitutional_rules_advance_updated_at BEFORE UPDATE ON constitutional_rules FOR EACH ROW EXECUTE FUNCTION public.advance_updated_at();

CREATE TRIGGER human_corrections_advance_updated_at BEFORE UPDATE ON human_corrections FOR EACH ROW EXECUTE FUNCTION public.advance_updated_at();

CREATE TRIGGER red_team_vulnerabilities_advance_updated_at BEFORE UPDATE ON red_team_vulnerabilities FOR EACH ROW EXECUTE FUNCTION public.advance_updated_at();

CREATE TRIGGER security_incidents_advance_updated_at BEFORE UPDATE ON security_incidents FOR EACH ROW EXECUTE FUNCTION public.advance_updated_at();

UPDATE alembic_version SET version_num='20261204213100' WHERE alembic_version.version_num = '20261204213000';

COMMIT;

