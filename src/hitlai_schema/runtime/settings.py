"""The settings of a migration run, read and validated once, in one place, for every entry point.

Each comes from `alembic -x name=value`, else the dict a caller hands over (`alembic_config(settings=...)`,
which is how `hitlai-schema` passes its flags), else the environment variable HITLAI_<NAME>, else its
default. A bad value stops the run before anything else happens, in one line naming the setting and the
form it takes, online and offline alike.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from hitlai_schema.runtime.errors import MigrationError

Kind = Literal["duration", "interval", "boolean", "attempts"]

# PostgreSQL's own units for its timeout settings; a bare number would silently mean milliseconds there.
DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)\s*$")
SECONDS_PER_UNIT = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "min": 60.0, "h": 3600.0, "d": 86400.0}
# The live window is an SQL interval, which also takes words (3 days, 1 hour).
INTERVAL = re.compile(r"^\s*\d+(?:\.\d+)?\s*(us|ms|s|secs?|seconds?|min|mins|minutes?|h|hours?|d|days?|weeks?)\s*$")
TRUE_WORDS = frozenset({"true", "yes", "on", "1"})
FALSE_WORDS = frozenset({"false", "no", "off", "0"})

ACCEPTED_FORMS: dict[Kind, str] = {
    "duration": "a duration with a unit, such as 500ms, 5s, 2min or 1h",
    "interval": "an interval with a unit, such as 15min, 1h or 3 days",
    "boolean": "true or false (also yes/no, on/off, 1/0)",
    "attempts": "a whole number of at least 1",
}


@dataclass(frozen=True)
class Setting:
    name: str
    kind: Kind
    default: str


# Empty defaults mean "not set": the SQL then uses its own default (live-table guard).
SETTINGS = (
    Setting("lock_timeout", "duration", "5s"),
    Setting("statement_timeout", "duration", "5min"),
    Setting("migration_lock_timeout", "duration", "2min"),
    Setting("step_lock_timeout", "duration", "50ms"),
    Setting("step_attempts", "attempts", "8"),
    Setting("allow_data_loss", "boolean", "false"),
    Setting("allow_live_set_aside", "boolean", ""),
    Setting("live_window", "interval", ""),
    Setting("verbose", "boolean", "false"),
)
NAMES = frozenset(setting.name for setting in SETTINGS)


def parse_duration(value: str, name: str) -> float:
    """Seconds in a duration written as PostgreSQL's timeout settings take it: 200ms, 5s, 2min."""
    match = DURATION.match(value)
    if match is None:
        raise MigrationError(f"{name} must be {ACCEPTED_FORMS['duration']}, not {value!r}")
    return float(match.group(1)) * SECONDS_PER_UNIT[match.group(2)]


def parse_interval(value: str, name: str) -> str:
    if INTERVAL.match(value) is None:
        raise MigrationError(f"{name} must be {ACCEPTED_FORMS['interval']}, not {value!r}")
    return value


def parse_boolean(value: str, name: str) -> bool:
    word = value.strip().lower()
    if word not in TRUE_WORDS | FALSE_WORDS:
        raise MigrationError(f"{name} must be {ACCEPTED_FORMS['boolean']}, not {value!r}")
    return word in TRUE_WORDS


def parse_attempts(value: str, name: str) -> int:
    try:
        attempts = int(value.strip())
    except ValueError:
        attempts = 0
    if attempts < 1:
        raise MigrationError(f"{name} must be {ACCEPTED_FORMS['attempts']}, not {value!r}")
    return attempts


def human_duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}min {seconds}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes}min"


@dataclass(frozen=True)
class Settings:
    """Every setting's value as text, validated; durations keep the form given, as SQL takes it."""

    values: Mapping[str, str]

    def __getitem__(self, name: str) -> str:
        return self.values[name]

    def is_on(self, name: str) -> bool:
        return self.values[name] != "" and parse_boolean(self.values[name], name)

    @property
    def step_attempts(self) -> int:
        return int(self.values["step_attempts"])

    @property
    def timeouts(self) -> dict[str, str]:
        """The session settings that bound a migration's waits, as SET takes them."""
        return {"lock_timeout": self["lock_timeout"], "statement_timeout": self["statement_timeout"]}


def read_settings(x_arguments: Mapping[str, str], given: Mapping[str, str], environment: Mapping[str, str]) -> Settings:
    """Each setting from the first source that sets it, every value checked; the first bad one is refused."""
    values = {}
    for setting in SETTINGS:
        env_name = f"HITLAI_{setting.name.upper()}"
        sources = ((f"-x {setting.name}", x_arguments, setting.name), (setting.name, given, setting.name))
        label, raw = next(
            (
                (label, source[key])
                for label, source, key in (*sources, (env_name, environment, env_name))
                if source.get(key)
            ),
            (setting.name, setting.default),
        )
        if raw:
            check = {
                "duration": parse_duration,
                "interval": parse_interval,
                "boolean": parse_boolean,
                "attempts": parse_attempts,
            }[setting.kind]
            check(raw, label)
        values[setting.name] = raw.strip()
    return Settings(values)
