"""How the trigger drift reads PostgreSQL's definitions, without a server: what counts as the same definition."""

from hitlai_schema.models import triggers
from hitlai_schema.runtime.security_drift import FunctionState, _on_bare_name

DEFINITION = """CREATE OR REPLACE FUNCTION public.advance_updated_at()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
           BEGIN
               NEW.updated_at := now();
               RETURN NEW;
           END
           $function$
"""


def test_a_function_is_the_same_whatever_its_indentation_blank_lines_or_schema():
    reindented = DEFINITION.replace("           ", "").replace("BEGIN\n", "BEGIN\n\n")
    elsewhere = DEFINITION.replace("public.advance_updated_at", "pg_temp.advance_updated_at")
    normalised = FunctionState(DEFINITION, frozenset()).normalised()
    assert FunctionState(reindented, frozenset()).normalised() == normalised
    assert FunctionState(elsewhere, frozenset()).normalised() == normalised


def test_a_function_differs_by_any_word_of_its_body_or_header():
    for changed in (
        DEFINITION.replace("now()", "clock_timestamp()"),
        DEFINITION.replace(" SET search_path TO ''\n", ""),
        DEFINITION.replace(" LANGUAGE plpgsql\n", " LANGUAGE plpgsql\n SECURITY DEFINER\n"),
    ):
        assert FunctionState(changed, frozenset()).normalised() != FunctionState(DEFINITION, frozenset()).normalised()


def test_a_trigger_is_read_on_its_bare_table_name_as_any_postgresql_spells_it():
    bare = "CREATE TRIGGER t BEFORE UPDATE ON api_incidents FOR EACH ROW EXECUTE FUNCTION advance_updated_at()"
    spellings = ["public.api_incidents", "pg_temp.api_incidents", "api_incidents"]
    for spelled in ("public.api_incidents", "api_incidents"):  # PostgreSQL 16+, and 15 with public on search_path
        definition = bare.replace(" ON api_incidents ", f" ON {spelled} ")
        assert _on_bare_name(definition, "api_incidents", spellings) == bare


def test_every_declared_trigger_runs_a_declared_function_and_the_updated_at_tables_have_the_column():
    assert {trigger.function for trigger in triggers.TRIGGERS} == set(triggers.FUNCTIONS)
    assert len({(trigger.table, trigger.name) for trigger in triggers.TRIGGERS}) == len(triggers.TRIGGERS)
    assert len(triggers.UPDATED_AT_TABLES) == 14
