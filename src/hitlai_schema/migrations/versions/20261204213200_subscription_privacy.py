"""Subscription privacy: users cannot read their tokens, and a changed e-mail address is unverified again.

Revision ID: 20261204213200
Revises: 20261204213100
Create Date: 2026-12-04 21:32:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261204213200"
down_revision: str | None = "20261204213100"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every column of api_status_subscriptions but the two tokens, which prove a subscription and carry the
# e-mail unsubscribe link: reading them would let a user verify an address they do not hold.
READABLE_COLUMNS = (
    "id, email, user_id, company_id, subscribe_to_all, subscribed_endpoints, notify_on_incidents, "
    "notify_on_maintenance, notify_on_resolution, min_severity, is_active, verified, verified_at, "
    "created_at, updated_at"
)


def upgrade() -> None:
    """authenticated reads every column of its subscriptions but the tokens; an e-mail change resets verification."""
    # A table-level REVOKE also takes back column grants of the same privilege, so it comes first.
    op.execute("REVOKE SELECT ON api_status_subscriptions FROM authenticated")
    op.execute(f"GRANT SELECT ({READABLE_COLUMNS}) ON api_status_subscriptions TO authenticated")

    # A verification proves one address, so a new address starts unverified whoever writes it; the pending
    # verification token and the unsubscribe link went to the old address, so they must not work for the new one.
    op.execute(
        """CREATE FUNCTION public.api_status_subscriptions_reset_verification() RETURNS trigger
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
           $$"""
    )
    op.execute(
        "REVOKE ALL ON FUNCTION public.api_status_subscriptions_reset_verification() "
        "FROM PUBLIC, anon, authenticated, service_role"
    )
    op.execute(
        """CREATE TRIGGER api_status_subscriptions_reset_verification
           BEFORE UPDATE OF email ON api_status_subscriptions
           FOR EACH ROW EXECUTE FUNCTION public.api_status_subscriptions_reset_verification()"""
    )


def downgrade() -> None:
    """Drop the reset trigger and its function; authenticated reads every column of its subscriptions again."""
    op.execute("DROP TRIGGER api_status_subscriptions_reset_verification ON api_status_subscriptions")
    op.execute("DROP FUNCTION public.api_status_subscriptions_reset_verification()")
    # Revoking the table-level privilege takes the column grants with it.
    op.execute("REVOKE SELECT ON api_status_subscriptions FROM authenticated")
    op.execute("GRANT SELECT ON api_status_subscriptions TO authenticated")
