"""Months and ages as `hitlai-schema partitions` reads them, without a database."""

import datetime

import pytest

from hitlai_schema.runtime import partitions
from hitlai_schema.runtime.partitions import Age, Month


def test_months():
    assert Month.parse("2026-1") == Month(2026, 1)
    assert Month(2026, 11).plus(3) == Month(2027, 2) and Month(2026, 1).plus(-1) == Month(2025, 12)
    assert Month(2026, 12).partition_name("click_events") == "click_events_p202612"
    assert (Month(2026, 12).start, Month(2026, 12).end) == (
        datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC),
        datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC),
    )
    late_evening = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=-2)))
    assert Month.of(late_evening) == Month(2027, 1)  # a UTC month
    assert partitions.months_between(Month(2026, 11), Month(2027, 1)) == [
        Month(2026, 11),
        Month(2026, 12),
        Month(2027, 1),
    ]
    with pytest.raises(partitions.PartitionError, match="must be a month written YYYY-MM"):
        Month.parse("2026-13")


def test_ages():
    now = datetime.datetime(2026, 3, 31, 12, tzinfo=datetime.UTC)
    assert Age.parse("1 month").before(now) == datetime.datetime(2026, 2, 28, 12, tzinfo=datetime.UTC)
    assert Age.parse("6months").before(now) == datetime.datetime(2025, 9, 30, 12, tzinfo=datetime.UTC)
    assert Age.parse("1y").before(now) == datetime.datetime(2025, 3, 31, 12, tzinfo=datetime.UTC)
    assert Age.parse("180d").before(now) == now - datetime.timedelta(days=180)
    assert Age.parse("2w").before(now) == now - datetime.timedelta(days=14)
    assert Age.parse("36h").before(now) == now - datetime.timedelta(hours=36)
    with pytest.raises(partitions.PartitionError):
        Age.parse("180")  # a bare number: days? milliseconds? refused


def test_partition_maintenance_names_the_same_api_roles_as_the_access_matrix():
    from hitlai_schema.models import access
    from hitlai_schema.runtime import partitions

    assert partitions.API_ROLES == access.API_ROLES
