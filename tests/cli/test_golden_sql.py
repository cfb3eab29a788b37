"""Every revision's SQL, as `hitlai-schema sql` and `export-supabase` write it, is pinned (see tests/golden_sql.py)."""

import difflib

from tests.support.golden_sql import GOLDEN, files, generate


def test_every_sql_file_equals_its_pinned_copy(tmp_path):
    generate(tmp_path)
    written, pinned = files(tmp_path), files(GOLDEN)
    assert sorted(written) == sorted(pinned), "files added or removed: run `make golden-sql` if intended"
    for name, content in written.items():
        if content != pinned[name]:
            diff = difflib.unified_diff(
                pinned[name].decode().splitlines(), content.decode().splitlines(), name, "now", lineterm="", n=1
            )
            raise AssertionError(f"{name} changed (run `make golden-sql` if intended):\n" + "\n".join(list(diff)[:40]))
