"""The layout's rules: imports flow models <- runtime <- cli, env.py stays thin, Alembic internals stay in one module."""

import ast
from pathlib import Path

from tests.support import ROOT

PACKAGE = ROOT / "src" / "hitlai_schema"
# What each layer may import from the package (besides itself and the lazy top-level names).
ALLOWED = {
    "models": {"models"},
    "runtime": {"models", "runtime"},
    "codegen": {"models", "codegen"},
    "cli": {"models", "runtime", "codegen", "cli", "schemas"},
}


def imported_layers(path: Path) -> set[str]:
    layers = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "hitlai_schema" and len(parts) > 1:
                layers.add(parts[1])
    return layers


def test_no_module_imports_upward():
    upward = []
    for layer, allowed in ALLOWED.items():
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            wrong = imported_layers(path) - allowed
            if wrong:
                upward.append(f"{path.relative_to(PACKAGE)} imports {sorted(wrong)}")
    assert upward == []


def test_env_py_is_a_thin_dispatcher():
    assert len((PACKAGE / "migrations" / "env.py").read_text().splitlines()) <= 120


def test_only_alembic_private_touches_alembics_internals():
    touching = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if any(name in path.read_text() for name in ("_proxy", "_migrations_fn"))
    ]
    assert touching == ["runtime/alembic_private.py"]
