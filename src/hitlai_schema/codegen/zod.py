"""`hitlai-schema types zod`: runtime validators (zod 4) of the rows an app inserts, from the models.

The rules are the pydantic schemas' (`hitlai_schema.schemas`), so a row passes in TypeScript exactly when it
passes in Python: the same columns (every one but the generated key and updated_at), required exactly when
NOT NULL without a default, null refused for NOT NULL, unknown keys refused, enum labels, CHECK ranges and
IN lists, numeric(p,s) rounded half away from zero and refused only when the rounded integer part overflows,
integer ranges, text without NUL, uuid as PostgreSQL reads it, ISO 8601 timestamps (with an offset for
timestamptz), jsonb holding only what PostgreSQL stores. `tables.<name>.Insert.parse(row)` returns the row as
PostgreSQL would store it; `Update` is the same with every column optional.

The output imports only zod; its types line up with `hitlai-schema types typescript`, so a parsed row is a
`TablesInsert<name>`.
"""

import argparse
import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from hitlai_schema.codegen import typescript
from hitlai_schema.codegen.pydantic_models import (
    ColumnCheck,
    column_checks,
    has_default,
    is_server_generated,
    mapped_models,
    table_of,
)
from hitlai_schema.models.enums import PG_ENUM_NAMES

HEADER = """// Runtime validators of the rows written to the tables hitlai-schema owns, generated from its models by
// "hitlai-schema types zod" (do not edit). Each refuses what PostgreSQL would refuse, as the package's pydantic
// schemas do, and returns the row as PostgreSQL stores it (numerics rounded to their scale):
//   const row = tables.click_events.Insert.parse(body)   // throws a ZodError naming each bad field
//   await supabase.from("click_events").insert(row)
import { z } from "zod"

export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

// PostgreSQL text holds no NUL character, and JSON carries no lone UTF-16 surrogate to it. (No lookbehind in
// the pattern: Safari before 16.4 cannot even load a module that has one.)
const WELL_FORMED = /^(?:[^\\uD800-\\uDFFF]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF])*$/

function storable(value: string): boolean {
  return !value.includes("\\u0000") && WELL_FORMED.test(value)
}

const text = z.string().refine(storable, "PostgreSQL text cannot hold the NUL character (\\\\u0000) or a lone surrogate")

// varchar(n) counts characters, not UTF-16 units.
function varchar(length: number) {
  return text.refine((value) => Array.from(value).length <= length, `Too long: at most ${length} characters`)
}

const integer = z.int().gte(-2147483648).lte(2147483647)
// bigint: JavaScript numbers are exact only up to 2^53, so only safe integers pass.
const bigint = z.int()

// The digits of a finite number as JSON.stringify writes them (PostgreSQL rounds this text), times 10^scale,
// rounded half away from zero: the digits of the numeric(precision, scale) value, without its point.
function scaledDigits(value: number, scale: number): string {
  const [mantissa = "", exponent = "0"] = String(Math.abs(value)).split("e")
  const [whole = "", fraction = ""] = mantissa.split(".")
  const digits = whole + fraction
  const kept = whole.length + Number(exponent) + scale
  if (kept >= digits.length) return digits + "0".repeat(kept - digits.length)
  const head = kept > 0 ? digits.slice(0, kept) : "0"
  if (kept < 0 || digits.charAt(kept) < "5") return head
  let carried = ""
  let index = head.length - 1
  while (index >= 0 && head.charAt(index) === "9") {
    carried = "0" + carried
    index -= 1
  }
  return index < 0 ? "1" + carried : head.slice(0, index) + String(Number(head.charAt(index)) + 1) + carried
}

// numeric(precision, scale): rounded to the scale as PostgreSQL rounds (half away from zero); refused only when
// the rounded value needs more than precision - scale digits before the point.
function numeric(precision: number, scale: number) {
  return z.number().transform((value, context) => {
    const digits = scaledDigits(value, scale).replace(/^0+(?=\\d)/, "")
    if (digits.length > precision) {
      context.issues.push({
        code: "custom",
        input: value,
        message:
          `numeric field overflow: numeric(${precision},${scale}) holds values that round to an absolute value` +
          ` less than ${10 ** (precision - scale)}`,
      })
      return z.NEVER
    }
    const padded = digits.padStart(scale + 1, "0")
    const rounded = Number(`${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`)
    // PostgreSQL has no negative zero.
    return value < 0 && rounded !== 0 ? -rounded : rounded
  })
}

// uuid as PostgreSQL reads it: 32 hex digits, a hyphen allowed after any group of four, optionally in braces.
const uuid = z
  .string()
  .regex(/^(?:[0-9a-f]{4}(?:-?[0-9a-f]{4}){7}|\\{[0-9a-f]{4}(?:-?[0-9a-f]{4}){7}\\})$/i, "Invalid UUID")

const timestamptz = z.iso.datetime({ offset: true })
const timestamp = z.iso
  .datetime({ local: true })
  .refine((value) => !/(?:z|[+-]\\d\\d:\\d\\d)$/i.test(value), "a timestamp without time zone takes no offset")
const date = z.iso.date()
const inet = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], "Invalid IP address or network")

function isJsonb(value: unknown): boolean {
  if (value === null || typeof value === "boolean") return true
  if (typeof value === "number") return Number.isFinite(value)
  if (typeof value === "string") return storable(value)
  if (Array.isArray(value)) return value.every(isJsonb)
  if (typeof value !== "object") return false
  const prototype = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return false
  return Object.entries(value).every(([key, item]) => storable(key) && (item === undefined || isJsonb(item)))
}

// A top-level null is SQL NULL, allowed only where the column is nullable.
const jsonb = z.custom<Json>(
  (value) => value !== null && isJsonb(value),
  "Invalid JSON for jsonb: finite numbers, text without NUL, plain objects and arrays",
)

function table<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const Insert = z.strictObject(shape)
  return { Insert, Update: Insert.partial() }
}
"""

_BOUND_METHODS = {"ge": "gte", "gt": "gt", "le": "lte", "lt": "lt"}


def _bounded(base: str, check: ColumnCheck) -> str:
    return base + "".join(f".{_BOUND_METHODS[name]}({value})" for name, value in check.bounds.items())


def value_schema(column_type: sa.types.TypeEngine[Any], check: ColumnCheck | None = None) -> str:
    """The zod expression, as source text, of the values PostgreSQL accepts for a column type (and check)."""
    check = check or ColumnCheck()
    if check.allowed is not None:
        return f"z.enum({json.dumps(check.allowed)})"
    if isinstance(column_type, sa.ARRAY):
        return f"z.array({value_schema(column_type.item_type)})"
    if isinstance(column_type, sa.Enum):
        return f"enums.{column_type.name}"
    if isinstance(column_type, sa.String):
        return "text" if column_type.length is None else f"varchar({column_type.length})"
    if isinstance(column_type, sa.BigInteger):
        return _bounded("bigint", check)
    if isinstance(column_type, sa.Integer):
        return _bounded("integer", check)
    if isinstance(column_type, sa.Double):
        return _bounded("z.number()", check)
    if isinstance(column_type, sa.Numeric):
        if column_type.precision is None:
            return _bounded("z.number()", check)
        rounded = f"numeric({column_type.precision}, {column_type.scale or 0})"
        # The CHECK judges the rounded value, as in PostgreSQL.
        return f"{rounded}.pipe({_bounded('z.number()', check)})" if check.bounds else rounded
    if isinstance(column_type, sa.Boolean):
        return "z.boolean()"
    if isinstance(column_type, sa.DateTime):
        return "timestamptz" if column_type.timezone else "timestamp"
    if isinstance(column_type, sa.Date):
        return "date"
    if isinstance(column_type, sa.Uuid):
        return "uuid"
    if isinstance(column_type, postgresql.JSONB):
        return "jsonb"
    if isinstance(column_type, postgresql.INET):
        return "inet"
    raise TypeError(f"no zod schema for the column type {column_type!r}")


def _field(column: sa.Column[Any], check: ColumnCheck | None) -> str:
    schema = value_schema(column.type, check)
    if column.nullable:
        schema += ".nullable().optional()"
    elif has_default(column):
        schema += ".optional()"
    return f"    {column.name}: {schema},"


def validators() -> str:
    """The TypeScript source: helpers, `enums` and `tables` (Insert and Update of every table)."""
    tables = sorted((table_of(model) for model in mapped_models()), key=lambda table: table.name)
    enums = sorted((name, [member.value for member in enum_class]) for enum_class, name in PG_ENUM_NAMES.items())
    lines = [
        "export const enums = {",
        *(f"  {name}: z.enum({json.dumps(labels)})," for name, labels in enums),
        "}",
        "",
        "export const tables = {",
    ]
    for table in tables:
        checks = column_checks(table)
        lines += [
            f"  {table.name}: table({{",
            *(_field(column, checks.get(column.name)) for column in table.columns if not is_server_generated(column)),
            "  }),",
        ]
    lines += [
        "}",
        "",
        "export type TableName = keyof typeof tables",
        'export type TableInsert<T extends TableName> = z.output<(typeof tables)[T]["Insert"]>',
        'export type TableUpdate<T extends TableName> = z.output<(typeof tables)[T]["Update"]>',
    ]
    return HEADER + "\n" + "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    return typescript.write(validators(), args.out)
