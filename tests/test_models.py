"""The models as a service uses them: importable, typed, navigable through relationships on a real database."""

import subprocess
import sys

import sqlalchemy as sa
from conftest import ROOT
from sqlalchemy.orm import Session, configure_mappers

import hitlai_schema as models


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


def test_package_type_checks_strictly():
    """Services import these models: their annotations must hold up under mypy --strict."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "src/hitlai_schema"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
