"""`hitlai-schema types typescript`: the tables' types for supabase-js, from the models, no database needed.

The output has the shape `supabase gen types typescript` produces (`Database["public"]["Tables"][name]`
with `Row`, `Insert`, `Update` and `Relationships`, then `Enums`), so `createClient<Database>(...)`
types every `.from(name)` call. Like supabase's, tables and columns are in alphabetical order.
"""

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from hitlai_schema.codegen.pydantic_models import has_default, mapped_models, table_of
from hitlai_schema.models.enums import PG_ENUM_NAMES

HEADER = """export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]
"""

# Supabase's shorthands for one table's or enum's types, for the public schema.
FOOTER = """type PublicSchema = Database["public"]

export type Tables<T extends keyof PublicSchema["Tables"]> = PublicSchema["Tables"][T]["Row"]
export type TablesInsert<T extends keyof PublicSchema["Tables"]> = PublicSchema["Tables"][T]["Insert"]
export type TablesUpdate<T extends keyof PublicSchema["Tables"]> = PublicSchema["Tables"][T]["Update"]
export type Enums<T extends keyof PublicSchema["Enums"]> = PublicSchema["Enums"][T]

// An app with tables, views and functions of its own merges these types with what
// "supabase gen types typescript" writes for its whole project, and gives the result to createClient:
//   import type { Database as Generated } from "./supabase"
//   import type { MergeDatabase } from "./database"
//   type Database = MergeDatabase<Generated>
// Schema by schema, section by section (Tables, Views, Functions, Enums, CompositeTypes), an entry defined
// here replaces the generated one of the same name; every other generated entry is kept as it is.
type MergeEntries<Generated, Ours> = {
  [K in keyof Generated | keyof Ours]: K extends keyof Ours ? Ours[K] : K extends keyof Generated ? Generated[K] : never
}

type MergeSchema<Generated, Ours> = {
  [Section in keyof Generated | keyof Ours]: Section extends keyof Ours
    ? Section extends keyof Generated
      ? MergeEntries<Generated[Section], Ours[Section]>
      : Ours[Section]
    : Section extends keyof Generated
      ? Generated[Section]
      : never
}

export type MergeDatabase<Generated, Ours = Database> = {
  [Schema in keyof Generated | keyof Ours]: Schema extends keyof Ours
    ? Schema extends keyof Generated
      ? MergeSchema<Generated[Schema], Ours[Schema]>
      : Ours[Schema]
    : Schema extends keyof Generated
      ? Generated[Schema]
      : never
}
"""

_NONE = "[_ in never]: never"


def ts_type(column_type: sa.types.TypeEngine[Any]) -> str:
    """The TypeScript type of a column's values as PostgREST sends them (JSON)."""
    if isinstance(column_type, sa.ARRAY):
        return f"{ts_type(column_type.item_type)}[]"
    if isinstance(column_type, sa.Enum):
        return f'Database["public"]["Enums"]["{column_type.name}"]'
    if isinstance(column_type, sa.JSON):
        return "Json"
    if isinstance(column_type, sa.Boolean):
        return "boolean"
    # numeric is a number to supabase-js too (PostgREST sends it unquoted).
    if isinstance(column_type, sa.Integer | sa.Numeric | sa.Float):
        return "number"
    # Text, uuid, timestamps, dates and inet all travel as strings.
    return "string"


def _block(name: str, lines: list[str], indent: int) -> list[str]:
    pad = " " * indent
    if not lines:
        return [f"{pad}{name}: {{", f"{pad}  {_NONE}", f"{pad}}}"]
    return [f"{pad}{name}: {{", *lines, f"{pad}}}"]


def _relationships(table: sa.Table, indent: int) -> list[str]:
    pad = " " * indent
    unique_column_sets = [
        {column.name for column in constraint.columns}
        for constraint in table.constraints
        if isinstance(constraint, sa.UniqueConstraint | sa.PrimaryKeyConstraint)
    ]
    entries: list[str] = []
    keys = sorted(table.foreign_key_constraints, key=lambda fk: str(fk.name))
    for fk in keys:
        referred = fk.referred_table
        if referred.schema is not None:
            continue  # auth.users and the like are not in the public schema's types
        columns = [column.name for column in fk.columns]
        referenced = [element.column.name for element in fk.elements]
        entries += [
            f"{pad}  {{",
            f'{pad}    foreignKeyName: "{fk.name}"',
            f"{pad}    columns: {json.dumps(columns)}",
            f"{pad}    isOneToOne: {'true' if set(columns) in unique_column_sets else 'false'}",
            f'{pad}    referencedRelation: "{referred.name}"',
            f"{pad}    referencedColumns: {json.dumps(referenced)}",
            f"{pad}  }},",
        ]
    if not entries:
        return [f"{pad}Relationships: []"]
    return [f"{pad}Relationships: [", *entries, f"{pad}]"]


def _table(table: sa.Table, indent: int) -> list[str]:
    pad = " " * (indent + 4)
    columns = sorted(table.columns, key=lambda column: column.name)
    row, insert, update = [], [], []
    for column in columns:
        value = ts_type(column.type) + (" | null" if column.nullable else "")
        optional = "?" if column.nullable or has_default(column) else ""
        row.append(f"{pad}{column.name}: {value}")
        insert.append(f"{pad}{column.name}{optional}: {value}")
        update.append(f"{pad}{column.name}?: {value}")
    return _block(
        table.name,
        [
            *_block("Row", row, indent + 2),
            *_block("Insert", insert, indent + 2),
            *_block("Update", update, indent + 2),
            *_relationships(table, indent + 2),
        ],
        indent,
    )


def database_type() -> str:
    """The TypeScript source: `Json`, `Database` and supabase's shorthand types."""
    tables = sorted((table_of(model) for model in mapped_models()), key=lambda table: table.name)
    enums = sorted((name, [member.value for member in enum_class]) for enum_class, name in PG_ENUM_NAMES.items())
    enum_lines = [f"      {name}: {' | '.join(map(json.dumps, labels))}" for name, labels in enums]
    lines = [
        "export type Database = {",
        "  public: {",
        *_block("Tables", [line for table in tables for line in _table(table, 6)], 4),
        *_block("Views", [], 4),
        *_block("Functions", [], 4),
        *_block("Enums", enum_lines, 4),
        *_block("CompositeTypes", [], 4),
        "  }",
        "}",
    ]
    constants = [
        "export const Constants = {",
        "  public: {",
        "    Enums: {",
        *(f"      {name}: {json.dumps(labels)}," for name, labels in enums),
        "    },",
        "  },",
        "} as const",
    ]
    return "\n".join([HEADER, *lines, "", FOOTER, *constants]) + "\n"


def write(source: str, out: Path | None) -> int:
    """To the file out (its path printed), or to standard output."""
    if out is None:
        sys.stdout.write(source)
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(source)
    print(out)
    return 0


def run(args: argparse.Namespace) -> int:
    return write(database_type(), args.out)
