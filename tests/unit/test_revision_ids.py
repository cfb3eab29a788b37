from datetime import UTC, datetime

from hitlai_schema.runtime.revision_ids import next_revision_id


def test_the_current_utc_second():
    assert next_revision_id(set(), datetime(2026, 12, 2, 10, 0, 59, 999, tzinfo=UTC)) == "20261202100059"


def test_taken_seconds_are_skipped():
    now = datetime(2026, 12, 2, 10, 0, 59, tzinfo=UTC)
    assert next_revision_id({"20261202100059", "20261202100100"}, now) == "20261202100101"


def test_never_before_the_latest_taken_id():
    now = datetime(2026, 12, 2, 10, 0, 0, tzinfo=UTC)
    assert next_revision_id({"20261204213200", "20260117000005", "not_a_timestamp"}, now) == "20261204213201"
