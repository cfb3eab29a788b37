"""Revision ids are UTC timestamps, YYYYMMDDHHMMSS, as Supabase names its migration files."""

from collections.abc import Collection
from datetime import UTC, datetime, timedelta

FORMAT = "%Y%m%d%H%M%S"


def next_revision_id(taken: Collection[str], now: datetime | None = None) -> str:
    """The current UTC second, or the first later second no revision has taken yet; never before the latest taken
    id, since the Supabase CLI applies files in the order of their timestamps (the chain's order)."""
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    latest = max(
        (datetime.strptime(rev, FORMAT).replace(tzinfo=UTC) for rev in taken if is_timestamp(rev)), default=None
    )
    if latest is not None and latest >= moment:
        moment = latest + timedelta(seconds=1)
    while (candidate := moment.strftime(FORMAT)) in taken:
        moment += timedelta(seconds=1)
    return candidate


def is_timestamp(revision: str) -> bool:
    try:
        datetime.strptime(revision, FORMAT)
    except ValueError:
        return False
    return len(revision) == 14
