"""Revision ids are UTC timestamps, YYYYMMDDHHMMSS, as Supabase names its migration files."""

from collections.abc import Collection
from datetime import UTC, datetime, timedelta

FORMAT = "%Y%m%d%H%M%S"


def next_revision_id(taken: Collection[str], now: datetime | None = None) -> str:
    """The current UTC second, or the first later second no revision has taken yet."""
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    while (candidate := moment.strftime(FORMAT)) in taken:
        moment += timedelta(seconds=1)
    return candidate
