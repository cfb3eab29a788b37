"""Splitting offline SQL: the transaction, the concurrent builds after it, and the lines the Supabase CLI adds itself."""

from hitlai_schema.runtime import online_ddl
from hitlai_schema.runtime.sql_files import queries, split_concurrent, without_transaction_lines

TRANSACTION = "BEGIN;\n\nCREATE TABLE t (id int);\n\nCOMMIT;\n"
CONCURRENT = (
    f"\n{online_ddl.CONCURRENT_MARKER}\nSET lock_timeout = '5s';\n\n"
    "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (id);\n\nCREATE INDEX CONCURRENTLY IF NOT EXISTS j ON t (id);\n"
)


def test_a_revision_without_concurrent_builds_is_left_whole():
    assert split_concurrent(TRANSACTION) == (TRANSACTION, "")


def test_concurrent_builds_are_split_off_after_the_transaction():
    transactional, concurrent = split_concurrent(TRANSACTION + CONCURRENT)
    assert transactional == TRANSACTION
    assert concurrent.startswith(online_ddl.CONCURRENT_MARKER)
    assert "CREATE INDEX CONCURRENTLY IF NOT EXISTS i" in concurrent


def test_queries_send_the_transaction_whole_then_each_build_alone():
    sent = queries(TRANSACTION + CONCURRENT)
    assert sent[0] == TRANSACTION
    assert sent[1:] == [
        "SET lock_timeout = '5s'",
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (id)",
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS j ON t (id);",
    ]


def test_queries_skip_a_transaction_of_comments_only():
    assert queries("-- nothing\n" + CONCURRENT)[0] == "SET lock_timeout = '5s'"


def test_the_supabase_cli_gets_no_begin_or_commit():
    assert without_transaction_lines(TRANSACTION) == "\nCREATE TABLE t (id int);\n\n"
