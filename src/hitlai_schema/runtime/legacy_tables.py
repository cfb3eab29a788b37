"""SQL the revisions use to set aside Phase-4 tables whose names Phase 5 reuses.

Revisions 20260117000002 and 20260117000003 call these; they are history, so the
SQL they produce must not change meaning. It is plain SQL run inside the
migration (no Python-side inspection), so `alembic upgrade --sql` still yields
one script that works on an empty database and on a Phase-4 one alike.
"""

from collections.abc import Sequence

LEGACY_SUFFIX = "_legacy"


def _sql_array(names: Sequence[str]) -> str:
    return "ARRAY[" + ", ".join(f"'{name}'" for name in names) + "]::text[]"


def missing_columns_sql(table: str, columns: Sequence[str]) -> str:
    """A text[] expression: which of `columns` public.`table` lacks (all of them if there is no such table).

    This is how a layout is recognised, by the set-aside and by `hitlai-schema plan` and the live-table guard alike.
    """
    return (
        f"ARRAY(SELECT unnest({_sql_array(columns)}) EXCEPT SELECT attname::text FROM pg_attribute "
        f"WHERE attrelid = to_regclass('public.{table}') AND attnum > 0 AND NOT attisdropped)"
    )


def set_aside_legacy_table(table: str, phase5_columns: Sequence[str], phase4_columns: Sequence[str]) -> str:
    """Rename a Phase-4 `table` to `<table>_legacy`, with its constraints and indexes, keeping every row.

    A table that already has every Phase-5 column is left alone (the Phase-5 SQL
    was run by hand). One with neither layout stops the migration, naming what
    differs, and the migration's transaction rolls back whole. Index and
    constraint names are schema-wide, so they get the suffix too.
    """
    legacy = table + LEGACY_SUFFIX
    return f"""
DO $set_aside$
DECLARE
    missing_phase5 text[];
    missing_phase4 text[];
    row_count bigint;
    name_to_rename text;
BEGIN
    IF to_regclass('public.{table}') IS NULL THEN
        RETURN;
    END IF;
    missing_phase5 := {missing_columns_sql(table, phase5_columns)};
    IF cardinality(missing_phase5) = 0 THEN
        RAISE NOTICE 'table {table} already has the Phase-5 layout: left as it is';
        RETURN;
    END IF;
    missing_phase4 := {missing_columns_sql(table, phase4_columns)};
    IF cardinality(missing_phase4) > 0 THEN
        RAISE EXCEPTION 'table {table} has neither the Phase-4 nor the Phase-5 layout: '
            'it lacks Phase-5 columns % and Phase-4 columns %', missing_phase5, missing_phase4
            USING HINT = 'rename or drop it, then run the upgrade again';
    END IF;
    IF to_regclass('public.{legacy}') IS NOT NULL THEN
        RAISE EXCEPTION 'cannot set aside table {table}: a table {legacy} already exists';
    END IF;

    -- Renaming a primary-key or unique constraint renames its index with it.
    FOR name_to_rename IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'public.{table}'::regclass AND contype IN ('p', 'u', 'f', 'c', 'x')
    LOOP
        EXECUTE format('ALTER TABLE public.{table} RENAME CONSTRAINT %I TO %I',
                       name_to_rename, name_to_rename || '{LEGACY_SUFFIX}');
    END LOOP;
    FOR name_to_rename IN
        SELECT index_class.relname FROM pg_index i JOIN pg_class index_class ON index_class.oid = i.indexrelid
        WHERE i.indrelid = 'public.{table}'::regclass
          AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
    LOOP
        EXECUTE format('ALTER INDEX public.%I RENAME TO %I', name_to_rename, name_to_rename || '{LEGACY_SUFFIX}');
    END LOOP;
    ALTER TABLE public.{table} RENAME TO {legacy};

    SELECT count(*) INTO row_count FROM public.{legacy};
    RAISE NOTICE 'set aside Phase-4 table {table} as {legacy} (% rows kept)', row_count;
END
$set_aside$;
"""


def restore_legacy_table(table: str) -> str:
    """Undo set_aside_legacy_table, once the Phase-5 `table` has been dropped; nothing if none was set aside."""
    legacy = table + LEGACY_SUFFIX
    return f"""
DO $restore$
DECLARE
    name_to_rename text;
BEGIN
    IF to_regclass('public.{legacy}') IS NULL THEN
        RETURN;
    END IF;
    ALTER TABLE public.{legacy} RENAME TO {table};
    FOR name_to_rename IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'public.{table}'::regclass AND right(conname, length('{LEGACY_SUFFIX}')) = '{LEGACY_SUFFIX}'
    LOOP
        EXECUTE format('ALTER TABLE public.{table} RENAME CONSTRAINT %I TO %I',
                       name_to_rename, left(name_to_rename, -length('{LEGACY_SUFFIX}')));
    END LOOP;
    FOR name_to_rename IN
        SELECT index_class.relname FROM pg_index i JOIN pg_class index_class ON index_class.oid = i.indexrelid
        WHERE i.indrelid = 'public.{table}'::regclass
          AND right(index_class.relname, length('{LEGACY_SUFFIX}')) = '{LEGACY_SUFFIX}'
    LOOP
        EXECUTE format('ALTER INDEX public.%I RENAME TO %I',
                       name_to_rename, left(name_to_rename, -length('{LEGACY_SUFFIX}')));
    END LOOP;
    RAISE NOTICE 'restored Phase-4 table {table} from {legacy}';
END
$restore$;
"""
