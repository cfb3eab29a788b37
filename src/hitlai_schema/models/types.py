"""What the generated `hitlai_schema.schemas` are made of: base classes and the PostgreSQL value types.

Each type refuses what PostgreSQL would refuse for its column type, so that a payload a schema accepts
is one the database stores (check constraints and NOT NULL are added per column by the generator).
"""

import decimal
import math
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Generic, TypeVar, cast

import sqlalchemy as sa
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    JsonValue,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, PydanticKnownError, core_schema

from hitlai_schema.models.base import Base

ModelT = TypeVar("ModelT", bound=Base)


def _postgres_string(value: str) -> str:
    if "\x00" in value:
        raise ValueError("PostgreSQL text cannot contain the NUL character (\\u0000)")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text must be valid Unicode (no lone surrogates)") from None
    return value


def _jsonb_value(value: JsonValue) -> JsonValue:
    """jsonb stores strings as PostgreSQL text and numbers as numeric: no NUL, no NaN or infinity."""
    if isinstance(value, str):
        _postgres_string(value)
    elif isinstance(value, float) and not math.isfinite(value):
        raise ValueError("JSON numbers must be finite (no NaN or infinity)")
    elif isinstance(value, list):
        for item in value:
            _jsonb_value(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _postgres_string(key)
            _jsonb_value(item)
    return value


def _not_null(value: Any) -> Any:
    if value is None:
        raise ValueError("null is refused: the column is NOT NULL")
    return value


def round_numeric(value: decimal.Decimal, precision: int, scale: int) -> decimal.Decimal:
    """value as PostgreSQL stores it in a numeric(precision, scale) column, or a numeric overflow error.

    PostgreSQL rounds to the scale, half away from zero (ROUND_HALF_UP in Python's terms), and refuses only a
    value whose rounded integer part needs more than precision - scale digits: 0.3333333333333333 is 0.3333
    in numeric(5,4), and 9.995 overflows numeric(3,2) since it rounds to 10.00.
    """
    whole_digits = precision - scale
    # Too large however it rounds; tested first so that quantize never meets an exponent such as 1E+400.
    overflows = value != 0 and value.adjusted() >= whole_digits
    if not overflows:
        # One digit more than the column holds: room for the carry of 9.995 -> 10.00, which then overflows.
        context = decimal.Context(prec=precision + 1, rounding=decimal.ROUND_HALF_UP)
        value = value.quantize(decimal.Decimal(1).scaleb(-scale), context=context)
        overflows = value != 0 and value.adjusted() >= whole_digits
    if overflows:
        raise PydanticCustomError(
            "decimal_whole_digits",
            "numeric field overflow: numeric({precision},{scale}) holds values that round to an absolute value"
            " less than {limit}",
            {"precision": precision, "scale": scale, "limit": 10**whole_digits},
        )
    # PostgreSQL has no negative zero: -0.001 is stored as 0.00.
    return abs(value) if value == 0 else value


@dataclass(frozen=True)
class Numeric:
    """A numeric(precision, scale) column: the value rounded as PostgreSQL stores it, then judged by the bounds of
    the column's CHECK (ge, gt, le, lt), which PostgreSQL too applies to the stored, rounded value.

    The bounds are checked here rather than by Field(ge=...) after the rounding: pydantic would enforce those,
    but write them into the JSON schema under their Python names instead of minimum and maximum.
    """

    precision: int
    scale: int
    ge: float | None = None
    gt: float | None = None
    le: float | None = None
    lt: float | None = None

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self.validate, handler(source))

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        json_schema = handler(schema)
        bounds = {"minimum": self.ge, "exclusiveMinimum": self.gt, "maximum": self.le, "exclusiveMaximum": self.lt}
        # A decimal is a JSON number or a string; the bounds belong to the number.
        for option in json_schema.get("anyOf", [json_schema]):
            if option.get("type") == "number":
                option.update({name: bound for name, bound in bounds.items() if bound is not None})
        return json_schema

    def validate(self, value: decimal.Decimal) -> decimal.Decimal:
        value = round_numeric(value, self.precision, self.scale)
        if self.ge is not None and not value >= self.ge:
            raise PydanticKnownError("greater_than_equal", {"ge": self.ge})
        if self.gt is not None and not value > self.gt:
            raise PydanticKnownError("greater_than", {"gt": self.gt})
        if self.le is not None and not value <= self.le:
            raise PydanticKnownError("less_than_equal", {"le": self.le})
        if self.lt is not None and not value < self.lt:
            raise PydanticKnownError("less_than", {"lt": self.lt})
        return value


PostgresText = AfterValidator(_postgres_string)
Text = Annotated[str, PostgresText]
Json = Annotated[JsonValue, AfterValidator(_jsonb_value)]
Int4 = Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]
Int8 = Annotated[int, Field(ge=-(2**63), le=2**63 - 1)]
# On every field of a NOT NULL column: null is refused in its own words (and, for a jsonb column,
# never becomes the JSON value null). A field whose column has a default may still be left out.
NotNull = BeforeValidator(_not_null)


class CreateSchema(BaseModel, Generic[ModelT]):
    """A new row as a client sends it: no server-generated key or timestamps, no unknown fields."""

    model_config = ConfigDict(extra="forbid")

    orm_class: ClassVar[type[Base]]

    def to_orm(self) -> ModelT:
        """The model instance to add to a Session; fields left out get the column defaults."""
        mapper = sa.inspect(self.orm_class)
        values = {}
        for name, value in self.model_dump(exclude_unset=True).items():
            column = mapper.local_table.c[name]
            values[mapper.get_property_by_column(column).key] = _orm_value(column, value)
        return cast(ModelT, self.orm_class(**values))


def _orm_value(column: sa.ColumnElement[Any], value: Any) -> Any:
    """A null the client sent explicitly is stored as NULL, as the Data API would store it.

    Given None, the ORM would leave a column with a server default out of the INSERT (so the default
    fires) and would write the JSON value null into a jsonb column; sa.null() is NULL in both.
    """
    if value is None and (column.server_default is not None or isinstance(column.type, sa.JSON)):
        return sa.null()
    return value


class ReadSchema(BaseModel):
    """A stored row, every column, read from a model instance or a result row."""

    model_config = ConfigDict(from_attributes=True)
