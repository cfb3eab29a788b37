"""What the generated `hitlai_schema.schemas` are made of: base classes and the PostgreSQL value types.

Each type refuses what PostgreSQL would refuse for its column type, so that a payload a schema accepts
is one the database stores (check constraints and NOT NULL are added per column by the generator).
"""

import math
from typing import Annotated, Any, ClassVar, Generic, TypeVar, cast

import sqlalchemy as sa
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, JsonValue

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
