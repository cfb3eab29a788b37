-- hitlai-schema revision 20260117000004: API health monitoring: probes, incidents, uptime, maintenance, alerts and the public status page (9 tables).
-- Upgrades 20260117000003 -> 20260117000004, as one transaction.
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
    IF found IS DISTINCT FROM '20260117000003' THEN
        RAISE EXCEPTION 'this file upgrades % -> %, but the database is at %',
            '20260117000003', '20260117000004', coalesce(found, 'base (no alembic_version)')
            USING HINT = 'apply the files in order, each once; nothing was changed';
    END IF;
    IF found IS NULL AND to_regclass('public.alembic_version') IS NOT NULL THEN
        -- Left empty by a downgrade to base; the script creates it anew.
        DROP TABLE public.alembic_version;
    END IF;
END
$guard$;

-- Running upgrade 20260117000003 -> 20260117000004

CREATE TABLE api_health_metrics (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    endpoint TEXT NOT NULL, 
    method TEXT NOT NULL, 
    is_healthy BOOLEAN NOT NULL, 
    status_code INTEGER, 
    response_time_ms INTEGER NOT NULL, 
    uptime_percent NUMERIC(5, 2), 
    error_count INTEGER DEFAULT 0, 
    error_rate NUMERIC(5, 2), 
    last_error_message TEXT, 
    last_error_at TIMESTAMP WITH TIME ZONE, 
    cost_per_request_usd NUMERIC(10, 6), 
    total_cost_usd NUMERIC(10, 2), 
    request_count INTEGER DEFAULT 0, 
    requests_per_minute NUMERIC(8, 2), 
    measured_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    window_start TIMESTAMP WITH TIME ZONE NOT NULL, 
    window_end TIMESTAMP WITH TIME ZONE NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT api_health_metrics_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE api_health_metrics IS 'Response time and status of each probe of a monitored API endpoint';

CREATE INDEX idx_api_health_metrics_endpoint ON api_health_metrics (endpoint);

CREATE INDEX idx_api_health_metrics_measured_at ON api_health_metrics (measured_at DESC);

CREATE INDEX idx_api_health_metrics_slow ON api_health_metrics (response_time_ms DESC) WHERE response_time_ms > 1000;

CREATE INDEX idx_api_health_metrics_unhealthy ON api_health_metrics (is_healthy) WHERE is_healthy = false;

CREATE TABLE api_incidents (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    endpoint TEXT NOT NULL, 
    incident_type TEXT NOT NULL, 
    severity TEXT NOT NULL, 
    status TEXT DEFAULT 'investigating'::text NOT NULL, 
    title TEXT NOT NULL, 
    description TEXT NOT NULL, 
    affected_users_count INTEGER, 
    affected_companies_count INTEGER, 
    impact_description TEXT, 
    started_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    identified_at TIMESTAMP WITH TIME ZONE, 
    resolved_at TIMESTAMP WITH TIME ZONE, 
    duration_minutes INTEGER, 
    root_cause TEXT, 
    resolution_steps TEXT, 
    resolved_by UUID, 
    public_message TEXT, 
    internal_notes TEXT, 
    notified_users BOOLEAN DEFAULT false, 
    notification_sent_at TIMESTAMP WITH TIME ZONE, 
    avg_response_time_ms INTEGER, 
    error_rate NUMERIC(5, 2), 
    requests_affected INTEGER, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT api_incidents_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE api_incidents IS 'Outages and degradations of monitored APIs, from detection to resolution';

CREATE INDEX idx_api_incidents_active ON api_incidents (status) WHERE status = ANY (ARRAY['investigating'::text, 'identified'::text, 'monitoring'::text]);

CREATE INDEX idx_api_incidents_endpoint ON api_incidents (endpoint);

CREATE INDEX idx_api_incidents_severity ON api_incidents (severity);

CREATE INDEX idx_api_incidents_started_at ON api_incidents (started_at DESC);

CREATE INDEX idx_api_incidents_status ON api_incidents (status);

CREATE TABLE api_endpoint_configs (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    endpoint TEXT NOT NULL, 
    method TEXT NOT NULL, 
    display_name TEXT NOT NULL, 
    description TEXT, 
    category TEXT, 
    health_check_enabled BOOLEAN DEFAULT true, 
    health_check_interval_seconds INTEGER DEFAULT 60, 
    health_check_timeout_ms INTEGER DEFAULT 5000, 
    response_time_warning_ms INTEGER DEFAULT 1000, 
    response_time_critical_ms INTEGER DEFAULT 3000, 
    error_rate_warning_percent NUMERIC(5, 2) DEFAULT 5.00, 
    error_rate_critical_percent NUMERIC(5, 2) DEFAULT 10.00, 
    sla_uptime_percent NUMERIC(5, 2) DEFAULT 99.90, 
    sla_response_time_ms INTEGER DEFAULT 500, 
    estimated_cost_per_request_usd NUMERIC(10, 6), 
    is_active BOOLEAN DEFAULT true, 
    is_public BOOLEAN DEFAULT false, 
    maintenance_mode BOOLEAN DEFAULT false, 
    maintenance_message TEXT, 
    maintenance_scheduled_start TIMESTAMP WITH TIME ZONE, 
    maintenance_scheduled_end TIMESTAMP WITH TIME ZONE, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT api_endpoint_configs_pkey PRIMARY KEY (id), 
    CONSTRAINT api_endpoint_configs_endpoint_key UNIQUE (endpoint)
);

COMMENT ON TABLE api_endpoint_configs IS 'Which API endpoints are monitored, how often, and their alert thresholds';

CREATE INDEX idx_api_endpoint_configs_active ON api_endpoint_configs (is_active) WHERE is_active = true;

CREATE INDEX idx_api_endpoint_configs_category ON api_endpoint_configs (category);

CREATE INDEX idx_api_endpoint_configs_maintenance ON api_endpoint_configs (maintenance_mode) WHERE maintenance_mode = true;

CREATE INDEX idx_api_endpoint_configs_public ON api_endpoint_configs (is_public) WHERE is_public = true;

CREATE TABLE api_status_subscriptions (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    email TEXT NOT NULL, 
    user_id UUID, 
    company_id UUID, 
    subscribe_to_all BOOLEAN DEFAULT true, 
    subscribed_endpoints TEXT[], 
    notify_on_incidents BOOLEAN DEFAULT true, 
    notify_on_maintenance BOOLEAN DEFAULT true, 
    notify_on_resolution BOOLEAN DEFAULT true, 
    min_severity TEXT DEFAULT 'minor'::text, 
    is_active BOOLEAN DEFAULT true, 
    verified BOOLEAN DEFAULT false, 
    verification_token TEXT, 
    verified_at TIMESTAMP WITH TIME ZONE, 
    unsubscribe_token TEXT NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT api_status_subscriptions_pkey PRIMARY KEY (id), 
    CONSTRAINT api_status_subscriptions_unsubscribe_token_key UNIQUE (unsubscribe_token)
);

COMMENT ON TABLE api_status_subscriptions IS 'Who is notified of status changes of which endpoints, and how';

CREATE INDEX idx_api_status_subscriptions_active ON api_status_subscriptions (is_active) WHERE is_active = true;

CREATE INDEX idx_api_status_subscriptions_company ON api_status_subscriptions (company_id);

CREATE INDEX idx_api_status_subscriptions_email ON api_status_subscriptions (email);

CREATE INDEX idx_api_status_subscriptions_unsubscribe ON api_status_subscriptions (unsubscribe_token);

CREATE INDEX idx_api_status_subscriptions_user ON api_status_subscriptions (user_id);

CREATE TABLE api_incident_updates (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    incident_id UUID, 
    status TEXT NOT NULL, 
    message TEXT NOT NULL, 
    posted_by UUID, 
    posted_by_name TEXT NOT NULL, 
    is_public BOOLEAN DEFAULT true, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT api_incident_updates_pkey PRIMARY KEY (id), 
    CONSTRAINT api_incident_updates_incident_id_fkey FOREIGN KEY(incident_id) REFERENCES api_incidents (id) ON DELETE CASCADE
);

COMMENT ON TABLE api_incident_updates IS 'Timeline of status updates posted for an incident';

CREATE INDEX idx_api_incident_updates_created_at ON api_incident_updates (created_at DESC);

CREATE INDEX idx_api_incident_updates_incident ON api_incident_updates (incident_id);

CREATE INDEX idx_api_incident_updates_public ON api_incident_updates (is_public) WHERE is_public = true;

CREATE TABLE api_uptime_summary (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    endpoint TEXT NOT NULL, 
    period_type TEXT NOT NULL, 
    period_start TIMESTAMP WITH TIME ZONE NOT NULL, 
    period_end TIMESTAMP WITH TIME ZONE NOT NULL, 
    uptime_percent NUMERIC(5, 2) NOT NULL, 
    total_checks INTEGER NOT NULL, 
    successful_checks INTEGER NOT NULL, 
    failed_checks INTEGER NOT NULL, 
    avg_response_time_ms INTEGER, 
    min_response_time_ms INTEGER, 
    max_response_time_ms INTEGER, 
    p50_response_time_ms INTEGER, 
    p95_response_time_ms INTEGER, 
    p99_response_time_ms INTEGER, 
    total_requests INTEGER, 
    successful_requests INTEGER, 
    failed_requests INTEGER, 
    error_rate NUMERIC(5, 2), 
    total_cost_usd NUMERIC(10, 2), 
    incident_count INTEGER DEFAULT 0, 
    total_downtime_minutes INTEGER DEFAULT 0, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT api_uptime_summary_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE api_uptime_summary IS 'Uptime and latency of each endpoint aggregated per period';

COMMENT ON COLUMN api_uptime_summary.period_type IS 'Length of the period summarised, such as daily or weekly';

CREATE INDEX idx_api_uptime_summary_endpoint ON api_uptime_summary (endpoint);

CREATE INDEX idx_api_uptime_summary_period ON api_uptime_summary (period_type, period_start DESC);

CREATE UNIQUE INDEX idx_api_uptime_summary_unique ON api_uptime_summary (endpoint, period_type, period_start);

CREATE INDEX idx_api_uptime_summary_uptime ON api_uptime_summary (uptime_percent);

CREATE TABLE api_maintenance_windows (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    title TEXT NOT NULL, 
    description TEXT NOT NULL, 
    affected_endpoints TEXT[] NOT NULL, 
    impact_level TEXT NOT NULL, 
    scheduled_start TIMESTAMP WITH TIME ZONE NOT NULL, 
    scheduled_end TIMESTAMP WITH TIME ZONE NOT NULL, 
    actual_start TIMESTAMP WITH TIME ZONE, 
    actual_end TIMESTAMP WITH TIME ZONE, 
    duration_minutes INTEGER, 
    status TEXT DEFAULT 'scheduled'::text NOT NULL, 
    public_message TEXT, 
    internal_notes TEXT, 
    notification_sent BOOLEAN DEFAULT false, 
    notification_sent_at TIMESTAMP WITH TIME ZONE, 
    reminder_sent BOOLEAN DEFAULT false, 
    reminder_sent_at TIMESTAMP WITH TIME ZONE, 
    created_by UUID, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT api_maintenance_windows_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE api_maintenance_windows IS 'Planned maintenance of monitored endpoints';

CREATE INDEX idx_api_maintenance_windows_scheduled ON api_maintenance_windows (scheduled_start DESC);

CREATE INDEX idx_api_maintenance_windows_status ON api_maintenance_windows (status);

CREATE TABLE api_alert_rules (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    rule_name TEXT NOT NULL, 
    description TEXT, 
    endpoint TEXT, 
    metric_type TEXT NOT NULL, 
    operator TEXT NOT NULL, 
    threshold_value NUMERIC(10, 2) NOT NULL, 
    duration_minutes INTEGER DEFAULT 5, 
    severity TEXT NOT NULL, 
    create_incident BOOLEAN DEFAULT false, 
    send_email BOOLEAN DEFAULT true, 
    send_slack BOOLEAN DEFAULT false, 
    notify_users UUID[], 
    notify_emails TEXT[], 
    is_active BOOLEAN DEFAULT true, 
    last_triggered_at TIMESTAMP WITH TIME ZONE, 
    trigger_count INTEGER DEFAULT 0, 
    created_by UUID, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT api_alert_rules_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE api_alert_rules IS 'Conditions on endpoint metrics that raise an alert';

CREATE INDEX idx_api_alert_rules_active ON api_alert_rules (is_active) WHERE is_active = true;

CREATE INDEX idx_api_alert_rules_endpoint ON api_alert_rules (endpoint);

CREATE INDEX idx_api_alert_rules_metric ON api_alert_rules (metric_type);

CREATE TABLE api_alert_history (
    id UUID DEFAULT gen_random_uuid() NOT NULL, 
    alert_rule_id UUID, 
    endpoint TEXT NOT NULL, 
    metric_type TEXT NOT NULL, 
    metric_value NUMERIC(10, 2) NOT NULL, 
    threshold_value NUMERIC(10, 2) NOT NULL, 
    severity TEXT NOT NULL, 
    incident_created BOOLEAN DEFAULT false, 
    incident_id UUID, 
    notifications_sent BOOLEAN DEFAULT false, 
    notification_details JSONB, 
    resolved BOOLEAN DEFAULT false, 
    resolved_at TIMESTAMP WITH TIME ZONE, 
    resolution_notes TEXT, 
    triggered_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), 
    CONSTRAINT api_alert_history_pkey PRIMARY KEY (id), 
    CONSTRAINT api_alert_history_alert_rule_id_fkey FOREIGN KEY(alert_rule_id) REFERENCES api_alert_rules (id) ON DELETE CASCADE, 
    CONSTRAINT api_alert_history_incident_id_fkey FOREIGN KEY(incident_id) REFERENCES api_incidents (id)
);

COMMENT ON TABLE api_alert_history IS 'Alerts raised by alert rules and their acknowledgement';

CREATE INDEX idx_api_alert_history_endpoint ON api_alert_history (endpoint);

CREATE INDEX idx_api_alert_history_rule ON api_alert_history (alert_rule_id);

CREATE INDEX idx_api_alert_history_triggered_at ON api_alert_history (triggered_at DESC);

CREATE INDEX idx_api_alert_history_unresolved ON api_alert_history (resolved) WHERE resolved = false;

ALTER TABLE api_health_metrics ENABLE ROW LEVEL SECURITY;

ALTER TABLE api_incidents ENABLE ROW LEVEL SECURITY;

ALTER TABLE api_endpoint_configs ENABLE ROW LEVEL SECURITY;

ALTER TABLE api_status_subscriptions ENABLE ROW LEVEL SECURITY;

ALTER TABLE api_incident_updates ENABLE ROW LEVEL SECURITY;

ALTER TABLE api_uptime_summary ENABLE ROW LEVEL SECURITY;

ALTER TABLE api_maintenance_windows ENABLE ROW LEVEL SECURITY;

ALTER TABLE api_alert_rules ENABLE ROW LEVEL SECURITY;

ALTER TABLE api_alert_history ENABLE ROW LEVEL SECURITY;

CREATE POLICY status_page_reads_uptime ON api_uptime_summary
           FOR SELECT TO anon, authenticated USING (true);

CREATE POLICY status_page_reads_public_endpoints ON api_endpoint_configs
           FOR SELECT TO anon, authenticated USING (is_public);

CREATE POLICY status_page_reads_public_updates ON api_incident_updates
           FOR SELECT TO anon, authenticated USING (is_public);

CREATE POLICY users_manage_own_subscriptions ON api_status_subscriptions
           FOR ALL TO authenticated
           USING (user_id = (select auth.uid())) WITH CHECK (user_id = (select auth.uid()));

REVOKE ALL ON api_health_metrics, api_incidents, api_endpoint_configs, api_status_subscriptions, api_incident_updates, api_uptime_summary, api_maintenance_windows, api_alert_rules, api_alert_history FROM anon, authenticated, service_role;

GRANT SELECT, INSERT, UPDATE, DELETE ON api_health_metrics, api_incidents, api_endpoint_configs, api_status_subscriptions, api_incident_updates, api_uptime_summary, api_maintenance_windows, api_alert_rules, api_alert_history TO service_role;

GRANT SELECT ON api_uptime_summary, api_endpoint_configs, api_incident_updates TO anon, authenticated;

GRANT SELECT, DELETE ON api_status_subscriptions TO authenticated;

GRANT INSERT (email, user_id, company_id, subscribe_to_all, subscribed_endpoints, notify_on_incidents, notify_on_maintenance, notify_on_resolution, min_severity, is_active, updated_at) ON api_status_subscriptions TO authenticated;

GRANT UPDATE (email, user_id, company_id, subscribe_to_all, subscribed_endpoints, notify_on_incidents, notify_on_maintenance, notify_on_resolution, min_severity, is_active, updated_at) ON api_status_subscriptions TO authenticated;

CREATE FUNCTION public.api_status_subscriptions_draw_unsubscribe_token() RETURNS trigger
           LANGUAGE plpgsql SET search_path = '' AS $$
           BEGIN
               IF NEW.unsubscribe_token IS NULL THEN
                   NEW.unsubscribe_token := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
               END IF;
               RETURN NEW;
           END
           $$;

REVOKE ALL ON FUNCTION public.api_status_subscriptions_draw_unsubscribe_token() FROM PUBLIC, anon, authenticated, service_role;

CREATE TRIGGER api_status_subscriptions_draw_unsubscribe_token
           BEFORE INSERT ON api_status_subscriptions
           FOR EACH ROW EXECUTE FUNCTION public.api_status_subscriptions_draw_unsubscribe_token();

ALTER TABLE api_status_subscriptions ADD CONSTRAINT api_status_subscriptions_company_id_fkey FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE CASCADE;

UPDATE alembic_version SET version_num='20260117000004' WHERE alembic_version.version_num = '20260117000003';

COMMIT;

