"""The pydantic schemas: generated from the models, and agreeing with PostgreSQL on what a row may hold.

Payloads are built from the spec's catalog (tests/data/catalog.json, PostgreSQL's own column types and
deparsed checks), not from the models, so the schemas are checked against an independent description.
"""

import datetime
import decimal
import json
import re
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from pydantic_core import to_json
from sqlalchemy.orm import Session

from hitlai_schema import schemas
from hitlai_schema.codegen import pydantic_models
from tests.support.rows import checked_column, insert_parent, insert_row, out_of_range_value
from tests.support.spec import CATALOG, CORE_TABLES, PHASE5_TABLES, TRIGGER_FILLED, table_spec

TABLES = CORE_TABLES + PHASE5_TABLES
MODELS = {pydantic_models.table_of(model).name: model for model in pydantic_models.mapped_models()}
ENUMS: dict[str, list[str]] = CATALOG["enums"]
# Never in a Create schema: the generated key and updated_at, which the database sets.
SERVER_GENERATED = {"id", "updated_at"}
UTC = datetime.UTC


def create_schema(table: str) -> Any:
    return getattr(schemas, f"{MODELS[table].__name__}Create")


def read_schema(table: str) -> Any:
    return getattr(schemas, f"{MODELS[table].__name__}Read")


def column_checks(table: str, column: str) -> list[str]:
    return [
        check["expression"]
        for check in table_spec(table)["check_constraints"]
        if checked_column(table, check["name"]) == column
    ]


def foreign_key_columns(table: str) -> dict[str, str]:
    return {fk["columns"][0]: fk["references"].split("(")[0] for fk in table_spec(table)["foreign_keys"]}


# --- the generated module ---


def test_schemas_module_is_generated_from_the_models():
    """Generated in a fresh process, as `python -m hitlai_schema.codegen.pydantic_models` runs: no model mapped yet."""
    generated = subprocess.run(
        [
            sys.executable,
            "-c",
            "from hitlai_schema.codegen import pydantic_models; print(pydantic_models.generate(), end='')",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert Path(schemas.__file__).read_text() == generated, "run: python -m hitlai_schema.codegen.pydantic_models"


@pytest.mark.parametrize("table", TABLES)
def test_every_table_has_a_create_and_a_read_schema(table):
    columns = [column["name"] for column in table_spec(table)["columns"]]
    assert list(read_schema(table).model_fields) == columns
    assert list(create_schema(table).model_fields) == [c for c in columns if c not in SERVER_GENERATED]
    required = {
        column["name"]
        for column in table_spec(table)["columns"]
        if not column["nullable"]
        and "default" not in column
        and column["name"] not in SERVER_GENERATED
        and (table, column["name"]) not in TRIGGER_FILLED
    }
    assert {name for name, field in create_schema(table).model_fields.items() if field.is_required()} == required


# --- valid rows: generated from the catalog, accepted by the schema and stored unchanged ---

TEXT_CHARACTERS = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
TIMEZONES = st.sampled_from(
    [UTC, datetime.timezone(datetime.timedelta(hours=5, minutes=30)), datetime.timezone(-datetime.timedelta(hours=8))]
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.floats(-1e9, 1e9) | st.text(TEXT_CHARACTERS),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(TEXT_CHARACTERS), children, max_size=3),
    max_leaves=6,
)


def allowed_values(expression: str) -> list[str]:
    """The labels of an `x = ANY (ARRAY['a'::text, ...])` check, as PostgreSQL deparses IN lists."""
    return re.findall(r"'([^']*)'::(?:text|character varying)", expression) if "= ANY (" in expression else []


def bounds(expressions: list[str]) -> dict[str, float]:
    """{">=": 0, "<=": 1, ...} from PostgreSQL's deparsed checks such as ((x >= '-100'::integer))."""
    return {
        operator: float(number)
        for expression in expressions
        for operator, number in re.findall(r"(>=|<=|>|<) \(?'?(-?[\d.]+)'?", expression)
    }


def value_strategy(sql_type: str, checks: list[str]) -> st.SearchStrategy[Any]:
    allowed = [value for expression in checks for value in allowed_values(expression)]
    if allowed:
        return st.sampled_from(allowed)
    if sql_type.endswith("[]"):
        return st.lists(value_strategy(sql_type[:-2], []), max_size=3)
    if sql_type in ENUMS:
        return st.sampled_from(ENUMS[sql_type])
    limits = bounds(checks)
    if sql_type in ("integer", "bigint"):
        bits = 31 if sql_type == "integer" else 63
        low = limits[">="] if ">=" in limits else limits[">"] + 1 if ">" in limits else -(2**bits)
        return st.integers(int(low), int(limits.get("<=", 2**bits - 1)))
    if sql_type == "double precision":
        return st.floats(limits.get(">="), limits.get("<="), allow_nan=False, allow_infinity=False)
    if numeric := re.fullmatch(r"numeric\((\d+),(\d+)\)", sql_type):
        precision, scale = int(numeric[1]), int(numeric[2])
        largest = decimal.Decimal(10) ** (precision - scale) - decimal.Decimal(10) ** -scale
        low = max(-largest, decimal.Decimal(str(limits.get(">=", -largest))))
        high = min(largest, decimal.Decimal(str(limits.get("<=", largest))))
        return st.decimals(low, high, places=scale, allow_nan=False, allow_infinity=False)
    if varchar := re.fullmatch(r"character varying\((\d+)\)", sql_type):
        return st.text(TEXT_CHARACTERS, max_size=int(varchar[1]))
    strategies: dict[str, st.SearchStrategy[Any]] = {
        "text": st.text(TEXT_CHARACTERS, max_size=12),
        "uuid": st.uuids(),
        "boolean": st.booleans(),
        "date": st.dates(),
        # Within years PostgreSQL and Python both print the same way in every time zone.
        "timestamp with time zone": st.datetimes(
            datetime.datetime(1900, 1, 1), datetime.datetime(2200, 1, 1), timezones=TIMEZONES
        ),
        "timestamp without time zone": st.datetimes(datetime.datetime(1900, 1, 1), datetime.datetime(2200, 1, 1)),
        # A top-level null is SQL NULL to the schema (as to the Data API), never the JSON value null.
        "jsonb": JSON.filter(lambda document: document is not None),
        "inet": st.ip_addresses().map(str),
    }
    return strategies[sql_type]


def payload_strategy(table: str, parents: dict[str, uuid.UUID]) -> st.SearchStrategy[dict[str, Any]]:
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for column in table_spec(table)["columns"]:
        name = column["name"]
        # created_at has tests of its own: on a partitioned table (decision 8) only a month with a partition fits.
        if name in SERVER_GENERATED or name == "created_at":
            continue
        if name in parents:
            value = st.just(parents[name])
        else:
            value = value_strategy(column["type"], column_checks(table, name))
        if column["nullable"]:
            optional[name] = st.none() | value
        elif "default" in column:
            optional[name] = value
        else:
            required[name] = value
    return st.fixed_dictionaries(required, optional=optional)


@pytest.mark.parametrize("table", TABLES)
def test_valid_rows_pass_the_schema_and_read_back_equal(head, table):
    parents = {column: insert_parent(head, referenced) for column, referenced in foreign_key_columns(table).items()}
    create, read = create_schema(table), read_schema(table)
    stored_table = MODELS[table].__table__

    @settings(max_examples=8, deadline=None, database=None, derandomize=True)
    @given(payload_strategy(table, parents))
    def round_trip(payload: dict[str, Any]) -> None:
        sent = create.model_validate(payload)
        with Session(bind=head, join_transaction_mode="create_savepoint") as session:
            row = sent.to_orm()
            session.add(row)
            session.flush()
            stored = head.execute(sa.select(stored_table).where(stored_table.c.id == row.id)).one()
            from_database = read.model_validate(stored)
            session.refresh(row)
            assert read.model_validate(row) == from_database
        given_fields = sent.model_dump(exclude_unset=True)
        assert {name: getattr(from_database, name) for name in given_fields} == given_fields

    round_trip()


# --- bad rows: the schema refuses them before any SQL, and PostgreSQL refuses the same row ---


def sample(column: dict[str, Any]) -> Any:
    sql_type = column["type"]
    if sql_type.endswith("[]"):
        return []
    if sql_type in ENUMS:
        return ENUMS[sql_type][0]
    samples = {
        "uuid": uuid.uuid4(),
        "integer": 1,
        "bigint": 1,
        "double precision": 1.0,
        "boolean": True,
        "date": datetime.date(2026, 1, 17),
        "timestamp with time zone": datetime.datetime(2026, 1, 17, 12, tzinfo=UTC),
        "timestamp without time zone": datetime.datetime(2026, 1, 17, 12),
        "jsonb": {},
        "inet": "127.0.0.1",
    }
    if sql_type.startswith("numeric"):
        return decimal.Decimal("1")
    return samples.get(sql_type, "sample")


def minimal_payload(table: str) -> dict[str, Any]:
    return {
        column["name"]: sample(column)
        for column in table_spec(table)["columns"]
        if not column["nullable"] and "default" not in column and column["name"] not in SERVER_GENERATED
    }


def schema_errors(table: str, payload: dict[str, Any]) -> list[dict[str, Any]]:
    with pytest.raises(ValidationError) as refused:
        create_schema(table).model_validate(payload)
    return refused.value.errors()


def database_refusal(connection: sa.Connection, table: str, payload: dict[str, Any]) -> sa.exc.DBAPIError:
    with pytest.raises(sa.exc.DBAPIError) as refused, connection.begin_nested():
        insert_row(connection, table, table_spec(table), payload)
    return refused.value


CHECKS = [(table, check) for table in TABLES for check in table_spec(table)["check_constraints"]]


@pytest.mark.parametrize(("table", "check"), CHECKS, ids=[check["name"] for _, check in CHECKS])
def test_a_check_violation_is_refused_by_schema_and_database(head, table, check):
    column = checked_column(table, check["name"])
    bad = out_of_range_value(check["expression"])
    payload = {**minimal_payload(table), column: bad}

    (error,) = schema_errors(table, payload)
    assert error["loc"] == (column,)
    if isinstance(bad, str):
        assert error["type"] == "literal_error"
        assert all(f"'{value}'" in error["msg"] for value in allowed_values(check["expression"]))
    else:
        assert error["type"] in ("greater_than_equal", "greater_than", "less_than_equal")
        assert re.search(r"than (or equal to )?-?\d", error["msg"])

    refused = database_refusal(head, table, payload)
    assert refused.orig.diag.constraint_name == check["name"]


ENUM_COLUMNS = [
    (table, column["name"], column["type"])
    for table in TABLES
    for column in table_spec(table)["columns"]
    if column["type"].removesuffix("[]") in ENUMS
]


@pytest.mark.parametrize(("table", "column", "sql_type"), ENUM_COLUMNS, ids=[f"{t}.{c}" for t, c, _ in ENUM_COLUMNS])
def test_a_label_outside_the_enum_is_refused_by_schema_and_database(head, table, column, sql_type):
    is_array = sql_type.endswith("[]")
    payload = {**minimal_payload(table), column: ["not-a-label"] if is_array else "not-a-label"}

    (error,) = schema_errors(table, payload)
    assert error["loc"] == ((column, 0) if is_array else (column,))
    assert error["type"] == "enum"
    assert all(f"'{label}'" in error["msg"] for label in ENUMS[sql_type.removesuffix("[]")])

    refused = database_refusal(head, table, payload)
    assert f'invalid input value for enum {sql_type.removesuffix("[]")}: "not-a-label"' in str(refused.orig)


NOT_NULL_COLUMNS = [
    (table, column["name"], "default" in column)
    for table in TABLES
    for column in table_spec(table)["columns"]
    if not column["nullable"] and column["name"] not in SERVER_GENERATED
]


@pytest.mark.parametrize(
    ("table", "column", "has_default"), NOT_NULL_COLUMNS, ids=[f"{t}.{c}" for t, c, _ in NOT_NULL_COLUMNS]
)
def test_null_in_a_not_null_column_is_refused_by_schema_and_database(head, table, column, has_default):
    payload = {**minimal_payload(table), column: None}
    (error,) = schema_errors(table, payload)
    assert error["loc"] == (column,)
    assert "NOT NULL" in error["msg"]
    if (table, column) in TRIGGER_FILLED:
        return  # the database draws a value for NULL; test_tables checks that an update to NULL is refused
    refused = database_refusal(head, table, payload)
    if column == "created_at" and "partition_by" in table_spec(table):
        # PostgreSQL routes the row before it checks NOT NULL, and no month takes a NULL.
        assert f'no partition of relation "{table}" found for row' in str(refused.orig)
    else:
        assert f'null value in column "{column}"' in str(refused.orig)

    if not has_default:
        left_out = {name: value for name, value in payload.items() if name != column}
        (error,) = schema_errors(table, left_out)
        assert (error["loc"], error["type"]) == ((column,), "missing")
        refused = database_refusal(head, table, left_out)
        assert f'null value in column "{column}"' in str(refused.orig)


def first_column(predicate: Any) -> tuple[str, str]:
    return next(
        (table, column["name"])
        for table in TABLES
        for column in table_spec(table)["columns"]
        if predicate(column["type"]) and not column_checks(table, column["name"])
    )


TYPE_LIMITS = [
    (*first_column(lambda t: t == "character varying(50)"), "x" * 51, "string_too_long", "value too long"),
    (*first_column(lambda t: t == "numeric(3,2)"), decimal.Decimal("10"), "decimal_whole_digits", "overflow"),
    (*first_column(lambda t: t == "integer"), 2**31, "less_than_equal", "out of range"),
    (*first_column(lambda t: t == "bigint"), 2**63, "less_than_equal", "out of range"),
    (*first_column(lambda t: t == "text"), "a\x00b", "value_error", "NUL"),
    (*first_column(lambda t: t == "jsonb"), {"a": "\x00"}, "value_error", "unsupported Unicode escape"),
]


@pytest.mark.parametrize(
    ("table", "column", "bad", "schema_rule", "database_says"),
    TYPE_LIMITS,
    ids=[f"{t}.{c}" for t, c, *_ in TYPE_LIMITS],
)
def test_a_value_the_column_type_cannot_hold_is_refused_by_schema_and_database(
    head, table, column, bad, schema_rule, database_says
):
    payload = {**minimal_payload(table), column: bad}
    (error,) = schema_errors(table, payload)
    assert (error["loc"], error["type"]) == ((column,), schema_rule)
    assert database_says in str(database_refusal(head, table, payload))


def test_a_client_body_is_refused_field_by_field():
    body = (
        '{"element_tag": "button", "click_x": 1, "click_y": "two", "timestamp_ms": 5,'
        ' "updated_at": "2026-01-17T12:00:00Z", "page_performance_id": "not-a-uuid"}'
    )
    with pytest.raises(ValidationError) as refused:
        schemas.ClickEventCreate.model_validate_json(body)
    assert {error["loc"]: error["type"] for error in refused.value.errors()} == {
        ("click_y",): "int_parsing",
        ("updated_at",): "extra_forbidden",
        ("page_performance_id",): "uuid_parsing",
    }


def test_a_timestamp_without_a_time_zone_is_refused_for_timestamptz():
    naive = datetime.datetime(2026, 1, 17, 12)
    with pytest.raises(ValidationError, match="timezone"):
        schemas.PagePerformanceCreate(url="https://example.com", entered_at=naive)
    aware = schemas.PagePerformanceCreate(url="https://example.com", entered_at=naive.replace(tzinfo=UTC))
    assert aware.entered_at.tzinfo is UTC


# --- numeric(p,s): rounded to the scale as PostgreSQL rounds, refused only on overflow or by a CHECK ---


def numeric_shape(sql_type: str) -> tuple[int, int] | None:
    shape = re.fullmatch(r"numeric\((\d+),(\d+)\)", sql_type)
    return (int(shape[1]), int(shape[2])) if shape else None


NUMERIC_COLUMNS = [
    (table, column["name"], shape)
    for table in TABLES
    for column in table_spec(table)["columns"]
    if (shape := numeric_shape(column["type"]))
]
# One column of each shape without a CHECK, where only the type decides.
UNCHECKED_NUMERIC = {
    shape: (table, column) for table, column, shape in reversed(NUMERIC_COLUMNS) if not column_checks(table, column)
}
SHAPES = sorted(UNCHECKED_NUMERIC)
SHAPE_IDS = [f"numeric({precision},{scale})" for precision, scale in SHAPES]


def unit(scale: int) -> decimal.Decimal:
    """The smallest step of a numeric with this scale."""
    return decimal.Decimal(1).scaleb(-scale)


def numeric_payload(table: str, column: str, number_text: str) -> bytes:
    """A JSON body with the number written exactly as given, as a client (JavaScript's JSON.stringify) sends it."""
    base = to_json({name: value for name, value in minimal_payload(table).items() if name != column})
    return base[:-1] + (b", " if base != b"{}" else b"") + f'"{column}": {number_text}}}'.encode()


def schema_numeric(table: str, column: str, number_text: str) -> str:
    """What the schema makes of the number: the value as text, or the type of its one error."""
    try:
        validated = create_schema(table).model_validate_json(numeric_payload(table, column, number_text))
    except ValidationError as refused:
        (error,) = refused.errors()
        assert error["loc"] == (column,)
        return error["type"]
    return str(getattr(validated, column))


def postgresql_numeric(connection: sa.Connection, shape: tuple[int, int], number_text: str) -> str:
    """What PostgreSQL makes of the same text cast to numeric(p,s): the value as text, or the error's SQLSTATE."""
    precision, scale = shape
    try:
        with connection.begin_nested():
            value = connection.execute(
                sa.text(f"SELECT CAST(:number AS numeric({precision},{scale}))"), {"number": number_text}
            ).scalar_one()
    except sa.exc.DataError as refused:
        assert refused.orig.sqlstate == "22003", refused  # numeric_value_out_of_range
        return "decimal_whole_digits"
    return str(value)


@pytest.mark.parametrize("shape", SHAPES, ids=SHAPE_IDS)
def test_a_numeric_is_rounded_half_away_from_zero_and_stored_so(head, shape):
    precision, scale = shape
    table, column = UNCHECKED_NUMERIC[shape]
    step, largest = unit(scale), decimal.Decimal(10) ** (precision - scale) - unit(scale)
    rounded = {
        step / 2: step,
        -step / 2: -step,
        step * decimal.Decimal("0.49"): 0,
        -step * decimal.Decimal("0.49"): 0,
        largest + step * decimal.Decimal("0.49"): largest,
        -largest - step * decimal.Decimal("0.49"): -largest,
        decimal.Decimal("0.3333333333333333"): decimal.Decimal("0.3333333333333333").quantize(step),
    }
    parents = {name: insert_parent(head, referenced) for name, referenced in foreign_key_columns(table).items()}
    for sent, expected in rounded.items():
        payload = {**minimal_payload(table), **parents, column: sent}
        row = create_schema(table).model_validate(payload)
        assert getattr(row, column) == expected and getattr(row, column).as_tuple().exponent == -scale, sent
        with Session(bind=head, join_transaction_mode="create_savepoint") as session:
            stored = row.to_orm()
            session.add(stored)
            session.flush()
            session.refresh(stored)
            assert getattr(stored, column) == expected, sent


@pytest.mark.parametrize("shape", SHAPES, ids=SHAPE_IDS)
def test_a_numeric_that_overflows_once_rounded_is_refused_in_one_clear_line(head, shape):
    precision, scale = shape
    table, column = UNCHECKED_NUMERIC[shape]
    limit = 10 ** (precision - scale)
    # Below the limit, but it rounds to it, as 9.995 rounds to 10.00 in numeric(3,2).
    for overflowing in (limit - unit(scale) / 2, -limit + unit(scale) / 2, decimal.Decimal("1e400")):
        (error,) = schema_errors(table, {**minimal_payload(table), column: overflowing})
        assert (error["loc"], error["type"]) == ((column,), "decimal_whole_digits")
        assert error["msg"] == (
            f"numeric field overflow: numeric({precision},{scale}) holds values that round to an absolute value"
            f" less than {limit}"
        )
        assert "numeric field overflow" in str(
            database_refusal(head, table, {**minimal_payload(table), column: overflowing})
        )


NUMERIC_BOUNDS = [
    (table, column, operator, decimal.Decimal(str(number)), shape)
    for table, column, shape in NUMERIC_COLUMNS
    for operator, number in bounds(column_checks(table, column)).items()
]


@pytest.mark.parametrize(
    ("table", "column", "operator", "bound", "shape"),
    NUMERIC_BOUNDS,
    ids=[f"{table}.{column} {operator} {bound}" for table, column, operator, bound, _ in NUMERIC_BOUNDS],
)
def test_a_check_judges_the_rounded_value(head, table, column, operator, bound, shape):
    """For numeric(3,2) with CHECK (x <= 1): 1.004 is stored as 1.00 and passes, 1.005 becomes 1.01 and fails."""
    assert operator in ("<=", ">="), "a strict bound needs cases of its own"
    step = unit(shape[1]) if operator == "<=" else -unit(shape[1])
    passes, fails = bound + step * decimal.Decimal("0.4"), bound + step / 2
    parents = {name: insert_parent(head, referenced) for name, referenced in foreign_key_columns(table).items()}

    row = create_schema(table).model_validate({**minimal_payload(table), **parents, column: passes})
    assert getattr(row, column) == bound
    with Session(bind=head, join_transaction_mode="create_savepoint") as session:
        stored = row.to_orm()
        session.add(stored)
        session.flush()
        session.refresh(stored)
        assert getattr(stored, column) == bound

    payload = {**minimal_payload(table), **parents, column: fails}
    (error,) = schema_errors(table, payload)
    assert (error["loc"], error["type"]) == (
        (column,),
        "less_than_equal" if operator == "<=" else "greater_than_equal",
    )
    assert database_refusal(head, table, payload).orig.diag.constraint_name == f"{table}_{column}_check"


def number_texts(shape: tuple[int, int]) -> st.SearchStrategy[str]:
    """JSON numbers around every rounding position of the shape, its overflow limit included."""
    precision, scale = shape
    limit = 10 ** (precision - scale)
    step = unit(scale)
    ties = st.integers(-2 * limit * 10**scale, 2 * limit * 10**scale).map(lambda n: str((2 * n + 1) * step / 2))
    finer = st.decimals(-2 * limit, 2 * limit, places=scale + 3, allow_nan=False, allow_infinity=False).map(str)
    # What JavaScript's JSON.stringify writes for a computed rate: the shortest text of a double.
    doubles = st.floats(-2 * limit, 2 * limit, allow_nan=False).map(json.dumps)
    return st.one_of(ties, finer, doubles)


@pytest.mark.parametrize("shape", SHAPES, ids=SHAPE_IDS)
def test_a_numeric_is_what_postgresql_makes_of_the_same_text(head, shape):
    table, column = UNCHECKED_NUMERIC[shape]

    @settings(max_examples=150, deadline=None, database=None, derandomize=True)
    @given(number_texts(shape))
    def agree(number_text: str) -> None:
        assert schema_numeric(table, column, number_text) == postgresql_numeric(head, shape, number_text)

    agree()


def test_a_rate_computed_in_javascript_is_stored_rounded():
    """The payload of issue 20, refused before: PostgreSQL stores 0.3333 and 0.56."""
    metric = schemas.AIAlignmentMetricCreate.model_validate_json(
        '{"model_version": "gpt-4", "hallucination_rate": 0.3333333333333333, "alignment_score": 0.555}'
    )
    assert (metric.hallucination_rate, metric.alignment_score) == (decimal.Decimal("0.3333"), decimal.Decimal("0.56"))


# --- created_at: a writer may say when the event happened; left out, the server's clock decides ---

CREATED_AT_TABLES = [t for t in TABLES if any(column["name"] == "created_at" for column in table_spec(t)["columns"])]


@pytest.mark.parametrize("table", CREATED_AT_TABLES)
def test_created_at_may_be_sent_and_defaults_to_the_server_clock(head, table):
    create, model = create_schema(table), MODELS[table]
    assert not create.model_fields["created_at"].is_required()
    parents = {name: insert_parent(head, referenced) for name, referenced in foreign_key_columns(table).items()}
    payload = {**minimal_payload(table), **parents}
    # A moment ago, in another time zone: within the current month, which every partitioned table has.
    happened = datetime.datetime.now(UTC).replace(microsecond=0) - datetime.timedelta(seconds=1)
    sent = happened.astimezone(datetime.timezone(datetime.timedelta(hours=5, minutes=30))).isoformat()

    with_time = create.model_validate_json(to_json(payload)[:-1] + f', "created_at": "{sent}"}}'.encode())
    left_out = create.model_validate(payload)
    # exclude_unset, as to_orm and bulk writers dump: only a created_at the client sent is written.
    assert with_time.model_dump(exclude_unset=True)["created_at"] == happened
    assert "created_at" not in left_out.model_dump(exclude_unset=True)

    server_now = head.execute(sa.select(sa.func.now())).scalar_one()
    for row, expected in ((with_time, happened), (left_out, server_now)):
        with Session(bind=head, join_transaction_mode="create_savepoint") as session:
            stored = row.to_orm()
            session.add(stored)
            session.flush()
            created_at = head.execute(sa.select(model.__table__.c.created_at).where(model.__table__.c.id == stored.id))
            assert created_at.scalar_one() == expected


def test_a_numeric_publishes_its_check_bounds_in_the_json_schema():
    """What FastAPI and other OpenAPI writers show: the CHECK as JSON Schema's minimum and maximum."""
    score = schemas.AICapabilityBenchmarkCreate.model_json_schema()["properties"]["score"]
    assert {"type": "number", "minimum": 0, "maximum": 100} in score["anyOf"]
