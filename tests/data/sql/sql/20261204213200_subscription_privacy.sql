-- hitlai-schema revision 20261204213200: Subscription privacy: users cannot read their tokens, and a changed e-mail address is unverified again.
-- Upgrades 20261204213100 -> 20261204213200, as one transaction.
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
    IF found IS DISTINCT FROM '20261204213100' THEN
        RAISE EXCEPTION 'this file upgrades % -> %, but the database is at %',
            '20261204213100', '20261204213200', coalesce(found, 'base (no alembic_version)')
            USING HINT = 'apply the files in order, each once; nothing was changed';
    END IF;
    IF found IS NULL AND to_regclass('public.alembic_version') IS NOT NULL THEN
        -- Left empty by a downgrade to base; the script creates it anew.
        DROP TABLE public.alembic_version;
    END IF;
END
$guard$;

-- Running upgrade 20261204213100 -> 20261204213200

REVOKE SELECT ON api_status_subscriptions FROM authenticated;

GRANT SELECT (id, email, user_id, company_id, subscribe_to_all, subscribed_endpoints, notify_on_incidents, notify_on_maintenance, notify_on_resolution, min_severity, is_active, verified, verified_at, created_at, updated_at) ON api_status_subscriptions TO authenticated;

CREATE FUNCTION public.api_status_subscriptions_reset_verification() RETURNS trigger
           LANGUAGE plpgsql SECURITY INVOKER SET search_path = '' AS $$
           BEGIN
               IF NEW.email IS DISTINCT FROM OLD.email THEN
                   NEW.verified := false;
                   NEW.verified_at := NULL;
                   NEW.verification_token := NULL;
                   NEW.unsubscribe_token := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
               END IF;
               RETURN NEW;
           END
           $$;

REVOKE ALL ON FUNCTION public.api_status_subscriptions_reset_verification() FROM PUBLIC, anon, authenticated, service_role;

CREATE TRIGGER api_status_subscriptions_reset_verification
           BEFORE UPDATE OF email ON api_status_subscriptions
           FOR EACH ROW EXECUTE FUNCTION public.api_status_subscriptions_reset_verification();

UPDATE alembic_version SET version_num='20261204213200' WHERE alembic_version.version_num = '20261204213100';

COMMIT;

