"""`alembic_version` out of the API roles' reach after every run: upgrade, downgrade and stamp, online and offline.

Supabase's Data API serves every table of `public` its roles hold privileges on, and on an older project default
privileges still GRANT ALL on each new table, `alembic_version` included: through the public anon key anyone could
read the history or rewrite it (`version_num = '<head>'` makes the next upgrade skip every revision). Revision
20260117000001 closes it, but a database stamped at the baseline runs no revision before it, so the runtime
closes it itself, after each step, in the step's transaction (see `close_after_step`).
"""

from typing import Any

from alembic.runtime.migration import MigrationContext, MigrationInfo

VERSION_TABLE = "alembic_version"

# Only what is wrong is changed: a run that finds it closed takes no lock on it.
CLOSE_VERSION_TABLE = f"""DO $close$
DECLARE
    grantees text;
BEGIN
    -- PUBLIC reaches every role; REVOKE at table level takes the column privileges with it.
    SELECT string_agg(DISTINCT CASE WHEN held.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(held.grantee)) END, ', ')
    INTO grantees
    FROM (SELECT relacl AS acl FROM pg_class WHERE oid = 'public.{VERSION_TABLE}'::regclass
          UNION ALL
          SELECT attacl FROM pg_attribute WHERE attrelid = 'public.{VERSION_TABLE}'::regclass) granted,
         aclexplode(granted.acl) held
    WHERE held.grantee = 0 OR pg_get_userbyid(held.grantee) IN ('anon', 'authenticated', 'service_role');
    IF grantees IS NOT NULL THEN
        EXECUTE 'REVOKE ALL ON public.{VERSION_TABLE} FROM ' || grantees;
    END IF;
    IF NOT (SELECT relrowsecurity FROM pg_class WHERE oid = 'public.{VERSION_TABLE}'::regclass) THEN
        ALTER TABLE public.{VERSION_TABLE} ENABLE ROW LEVEL SECURITY;
    END IF;
END
$close$"""


def close_after_step(*, ctx: MigrationContext, step: MigrationInfo, **_: Any) -> None:
    """An `on_version_apply` callback: runs once Alembic has written the step's revision, in its transaction.

    Offline, a script only creates the table when it starts from an empty database (its first step has no
    source revision); a script that starts later finds the table as the files before it left it.
    """
    if ctx.as_sql and step.source_revision_ids:
        return
    ctx.execute(CLOSE_VERSION_TABLE)
