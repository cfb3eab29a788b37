"""The package's trigger functions and triggers (spec decisions 9 and 10), declared once.

The security drift (`alembic check`, `hitlai-schema status` and `verify`) compares the database with these
declarations: each trigger's presence, definition and enabled state, each function's definition and that
no API role nor PUBLIC may EXECUTE it. The revisions write the same objects out as SQL of their own
(frozen history).

Every function is SECURITY INVOKER with an empty search_path: it runs with the privileges of whoever writes
the row and names everything it uses by schema, so a writer's search_path cannot redirect it.
"""

from dataclasses import dataclass

from hitlai_schema.models import access
from hitlai_schema.models.base import Base

SCHEMA = "public"


@dataclass(frozen=True)
class TriggerFunction:
    """A PL/pgSQL function of the package that triggers run; `body` is what stands between AS $$ and $$."""

    name: str
    body: str

    @property
    def signature(self) -> str:
        return f"{SCHEMA}.{self.name}()"

    def create_sql(self, schema: str = SCHEMA, or_replace: bool = False) -> str:
        return (
            f"CREATE {'OR REPLACE ' if or_replace else ''}FUNCTION {schema}.{self.name}() RETURNS trigger "
            f"LANGUAGE plpgsql SECURITY INVOKER SET search_path = '' AS $$\n{self.body}\n$$"
        )

    def revoke_sql(self) -> str:
        """Named one by one: Supabase's old default privileges GRANT ALL on new functions to the API roles."""
        return f"REVOKE ALL ON FUNCTION {self.signature} FROM PUBLIC, {', '.join(access.API_ROLES)}"

    def drop_sql(self) -> str:
        return f"DROP FUNCTION {self.signature}"


@dataclass(frozen=True)
class Trigger:
    """A row trigger of an owned table; `timing` is what precedes ON, e.g. `BEFORE UPDATE OF email`."""

    name: str
    table: str
    timing: str
    function: TriggerFunction

    def create_sql(self, on: str | None = None) -> str:
        return (
            f"CREATE TRIGGER {self.name} {self.timing} ON {on or self.table} "
            f"FOR EACH ROW EXECUTE FUNCTION {self.function.signature}"
        )

    def drop_sql(self) -> str:
        return f"DROP TRIGGER {self.name} ON {self.table}"


ADVANCE_UPDATED_AT = TriggerFunction(
    "advance_updated_at",
    """BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END""",
)

# Decision 10: a user inserts their own subscription, yet the unsubscribe link is the server's to choose.
# Two uuids: 244 random bits.
DRAW_UNSUBSCRIBE_TOKEN = TriggerFunction(
    "api_status_subscriptions_draw_unsubscribe_token",
    """BEGIN
    IF NEW.unsubscribe_token IS NULL THEN
        NEW.unsubscribe_token := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
    END IF;
    RETURN NEW;
END""",
)

# A verification proves one address: a new address is unverified until the server verifies it, whoever
# changes it. The pending verification token went to the old address and the unsubscribe link too, so
# neither may act on the new one: the server sends a fresh verification, and a new link is drawn.
RESET_VERIFICATION = TriggerFunction(
    "api_status_subscriptions_reset_verification",
    """BEGIN
    IF NEW.email IS DISTINCT FROM OLD.email THEN
        NEW.verified := false;
        NEW.verified_at := NULL;
        NEW.verification_token := NULL;
        NEW.unsubscribe_token := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
    END IF;
    RETURN NEW;
END""",
)

FUNCTIONS = (ADVANCE_UPDATED_AT, DRAW_UNSUBSCRIBE_TOKEN, RESET_VERIFICATION)

# Decision 9: every Phase-5 table with an updated_at column; the core tables belong to each deployment.
UPDATED_AT_TABLES = tuple(
    table for table in access.PHASE5_TABLES if "updated_at" in Base.metadata.tables[table].columns
)

TRIGGERS = (
    *(
        Trigger(f"{table}_advance_updated_at", table, "BEFORE UPDATE", ADVANCE_UPDATED_AT)
        for table in UPDATED_AT_TABLES
    ),
    Trigger(
        "api_status_subscriptions_draw_unsubscribe_token",
        access.SUBSCRIPTIONS_TABLE,
        "BEFORE INSERT",
        DRAW_UNSUBSCRIBE_TOKEN,
    ),
    Trigger(
        "api_status_subscriptions_reset_verification",
        access.SUBSCRIPTIONS_TABLE,
        "BEFORE UPDATE OF email",
        RESET_VERIFICATION,
    ),
)
