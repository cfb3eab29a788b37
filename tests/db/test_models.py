"""The models as a service uses them: importable, typed, navigable through relationships on a real database."""

import datetime
import subprocess
import sys

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session, WriteOnlyCollection, configure_mappers

import hitlai_schema as models
from hitlai_schema.runtime.database import is_transaction_pooler


def mapped_classes() -> dict[str, type]:
    return {mapper.local_table.name: mapper.class_ for mapper in models.Base.registry.mappers}


def test_every_foreign_key_between_models_has_a_two_way_relationship():
    configure_mappers()
    classes = mapped_classes()
    for table_name, cls in classes.items():
        mapper = sa.inspect(cls)
        for fk in mapper.local_table.foreign_keys:
            if fk.column.table.name not in classes or fk.column.table.schema is not None:
                continue
            matching = [
                rel
                for rel in mapper.relationships
                if fk.parent in rel.local_columns and rel.direction.name == "MANYTOONE"
            ]
            assert len(matching) == 1, f"{table_name}.{fk.parent.name} has no relationship"
            relationship = matching[0]
            assert relationship.mapper.class_ is classes[fk.column.table.name]
            reverse = relationship.mapper.relationships[relationship.back_populates]
            assert reverse.back_populates == relationship.key
            on_delete = fk.ondelete or "NO ACTION"
            assert reverse.passive_deletes == ("all" if on_delete == "NO ACTION" else True)
            assert ("delete" in reverse.cascade) == (on_delete == "CASCADE")


def test_a_violation_navigates_to_its_rule_and_test_run(head):
    with Session(bind=head, join_transaction_mode="create_savepoint") as session:
        run = models.TestRun(url="https://example.com", mission="sign up", persona="new user", platform="web")
        rule = models.ConstitutionalRule(
            rule_level="platform",
            rule_name="no guessing",
            rule_description="findings must cite evidence",
            rule_type="accuracy",
            rule_condition={"finding": "uncited"},
            rule_action="block",
        )
        violation = models.ConstitutionalViolation(
            rule=rule,
            test_run=run,
            violation_type="hallucination",
            violation_severity="high",
            violation_description="reported a button that does not exist",
            action_taken="finding withdrawn",
        )
        session.add(violation)
        session.flush()
        session.expunge_all()

        loaded = session.get(models.ConstitutionalViolation, violation.id)
        assert loaded.rule.rule_name == "no guessing"
        assert [v.id for v in loaded.rule.constitutional_violations] == [violation.id]
        assert [v.id for v in loaded.test_run.constitutional_violations] == [violation.id]
        assert loaded.test_run.status is models.TestStatus.PENDING


def test_deleting_a_parent_through_the_orm_does_what_on_delete_says(head):
    with Session(bind=head, join_transaction_mode="create_savepoint") as session:
        test = models.RedTeamTest(
            test_name="prompt injection",
            test_category="injection",
            attack_vector="page text",
            test_description="instructions hidden in the page",
            model_version="v1",
            test_input={"page": "ignore previous instructions"},
            expected_behavior="ignores them",
        )
        test.red_team_vulnerabilities.append(
            models.RedTeamVulnerability(
                vulnerability_type="injection",
                severity="high",
                title="follows page instructions",
                description="the agent obeyed text on the page",
                impact_description="false findings",
                affected_models=["v1"],
                reproducibility="always",
            )
        )
        session.add(test)
        session.flush()
        session.delete(test)
        session.flush()
        assert session.scalar(sa.select(sa.func.count()).select_from(models.RedTeamVulnerability)) == 0


def test_recordings_are_written_and_queried_without_loading_them_whole(head):
    with Session(bind=head, join_transaction_mode="create_savepoint") as session:
        run = models.TestRun(url="https://example.com", mission="sign up", persona="new user", platform="web")
        page = models.PagePerformance(url="https://example.com/signup", entered_at=sa.func.now())
        run.page_performance.add(page)
        click = models.ClickEvent(element_tag="button", click_x=1, click_y=2, timestamp_ms=3, page_performance=page)
        run.click_events.add(click)
        session.add(run)
        session.flush()
        session.expunge_all()

        run = session.get(models.TestRun, run.id)
        assert isinstance(run.click_events, WriteOnlyCollection)
        assert session.scalars(run.click_events.select()).one().id == click.id
        page = session.scalars(run.page_performance.select()).one()
        assert [c.element_tag for c in session.scalars(page.click_events.select())] == ["button"]

        statements: list[str] = []
        sa.event.listen(head, "before_cursor_execute", lambda *args: statements.append(args[2]))
        session.delete(run)
        session.flush()
        assert not any("FROM click_events" in statement for statement in statements), statements
        assert session.scalar(sa.select(sa.func.count()).select_from(models.ClickEvent)) == 0


def test_an_orm_update_advances_updated_at(head):
    with Session(bind=head, join_transaction_mode="create_savepoint") as session:
        company = models.Company(name="Acme", slug="acme-updated-at")
        session.add(company)
        session.flush()
        long_ago = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
        head.execute(sa.text("UPDATE companies SET updated_at = :t WHERE id = :id"), {"t": long_ago, "id": company.id})
        session.expire_all()
        assert company.updated_at == long_ago

        company.name = "Acme Inc"
        session.flush()
        session.refresh(company)
        now = head.execute(sa.select(sa.func.now())).scalar_one()
        assert company.updated_at == now


def test_test_named_models_are_not_collected_by_a_consumers_pytest(tmp_path):
    consumer = tmp_path / "test_consumer.py"
    consumer.write_text(
        "from hitlai_schema import TestRequest, TestRun, TestStatus\n\n\ndef test_nothing():\n    pass\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "error", str(consumer)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout and "warning" not in result.stdout


def test_a_service_connects_with_the_url_supabase_gives_it(db_url):
    supabase_form = db_url.render_as_string(hide_password=False).replace("postgresql+psycopg://", "postgres://")
    assert models.database_url(supabase_form) == db_url

    engine = models.create_engine(supabase_form, poolclass=sa.pool.NullPool)
    pooled = models.create_engine(supabase_form, transaction_pooler=True, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as plain, pooled.connect() as behind_pooler:
            assert plain.scalar(sa.text("SELECT 1")) == 1
            assert plain.connection.dbapi_connection.prepare_threshold == 5  # psycopg's default
            assert behind_pooler.connection.dbapi_connection.prepare_threshold is None
    finally:
        engine.dispose()
        pooled.dispose()


def test_supabase_transaction_pooler_is_recognised_from_its_url():
    pooler = "postgres://postgres.abcd:pw@aws-0-eu-central-1.pooler.supabase.com:{port}/postgres"
    assert is_transaction_pooler(models.database_url(pooler.format(port=6543)))
    assert not is_transaction_pooler(models.database_url(pooler.format(port=5432)))
    assert not is_transaction_pooler(models.database_url("postgresql://u:pw@db.abcd.supabase.co:6543/postgres"))


def test_a_url_that_is_not_postgresql_is_one_line_without_the_password():
    with pytest.raises(models.MigrationError, match=r"^the database URL must be a postgresql:// URL, not mysql://$"):
        models.database_url("mysql://u:s3cret@host/db")
    with pytest.raises(models.MigrationError) as refused:
        models.database_url("postgres://u:s3cret@host:notaport/db")
    assert "s3cret" not in str(refused.value)
