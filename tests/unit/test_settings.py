"""Settings are read and validated in one place (hitlai_schema.runtime.settings), whatever the entry point."""

import pytest

from hitlai_schema.runtime.errors import MigrationError
from hitlai_schema.runtime.settings import SETTINGS, parse_duration, read_settings


def read(x=None, given=None, environment=None):
    return read_settings(x or {}, given or {}, environment or {})


def test_defaults_when_nothing_is_set():
    settings = read()
    assert settings.timeouts == {"lock_timeout": "5s", "statement_timeout": "5min"}
    assert settings.step_attempts == 8
    assert settings["migration_lock_timeout"] == "2min"
    assert not settings.is_on("allow_data_loss") and not settings.is_on("verbose")
    assert settings["live_window"] == "" and settings["allow_live_set_aside"] == ""


def test_x_argument_beats_the_callers_dict_which_beats_the_environment():
    environment = {"HITLAI_LOCK_TIMEOUT": "1s", "HITLAI_STATEMENT_TIMEOUT": "1h", "HITLAI_STEP_ATTEMPTS": "3"}
    settings = read(
        x={"lock_timeout": "3s"}, given={"lock_timeout": "2s", "statement_timeout": "2h"}, environment=environment
    )
    assert settings.timeouts == {"lock_timeout": "3s", "statement_timeout": "2h"}
    assert settings.step_attempts == 3


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        ({"environment": {"HITLAI_LOCK_TIMEOUT": "abc"}}, "HITLAI_LOCK_TIMEOUT must be a duration with a unit"),
        ({"environment": {"HITLAI_STATEMENT_TIMEOUT": "5"}}, "HITLAI_STATEMENT_TIMEOUT must be a duration with a unit"),
        ({"x": {"lock_timeout": "abc"}}, "-x lock_timeout must be a duration"),
        ({"x": {"step_attempts": "0"}}, "-x step_attempts must be a whole number of at least 1, not '0'"),
        ({"environment": {"HITLAI_STEP_ATTEMPTS": "-3"}}, "HITLAI_STEP_ATTEMPTS must be a whole number of at least 1"),
        ({"x": {"step_attempts": "abc"}}, "step_attempts must be a whole number"),
        ({"x": {"allow_data_loss": "maybe"}}, "-x allow_data_loss must be true or false"),
        ({"given": {"live_window": "soon"}}, "live_window must be an interval"),
    ],
)
def test_a_bad_value_is_one_line_naming_the_setting_and_the_accepted_form(sources, message):
    with pytest.raises(MigrationError, match=message) as raised:
        read(**sources)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize("word", ["true", "TRUE", "yes", "on", "1"])
def test_booleans_take_a_few_words(word):
    assert read(x={"allow_data_loss": word}).is_on("allow_data_loss")


@pytest.mark.parametrize("word", ["false", "no", "off", "0"])
def test_booleans_that_are_off(word):
    assert not read(x={"allow_data_loss": word}).is_on("allow_data_loss")


@pytest.mark.parametrize(
    ("text", "seconds"), [("500ms", 0.5), ("5s", 5), ("2min", 120), ("1h", 3600), ("1.5 s", 1.5), ("250us", 0.00025)]
)
def test_durations_in_postgresqls_units(text, seconds):
    assert parse_duration(text, "x") == pytest.approx(seconds)


def test_every_setting_has_an_environment_variable():
    for setting in SETTINGS:
        name = f"HITLAI_{setting.name.upper()}"
        value = {"duration": "7s", "interval": "3 days", "boolean": "true", "attempts": "4"}[setting.kind]
        assert read(environment={name: value})[setting.name] == value
