"""Imports go one way: transforms/ is pure parsing, and adapters only choose.

Walks the syntax tree of every module under transforms/ (imports inside functions count too)
and fails when
* transforms/ imports flows, expectations, warehouse, dashboard, Prefect, Great Expectations
  or DuckDB;
* a layout adapter imports another adapter (it may import only the ``layout`` shape and the
  field packages);
* a field package imports the adapters (strategies serve every layout, no layout in particular);
* a project module is imported under ``try: ... except ImportError`` (breakage would be hidden).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TRANSFORMS = ROOT / "transforms"
FORBIDDEN = ("flows", "expectations", "warehouse", "dashboard", "prefect", "great_expectations", "duckdb")
#: modules of transforms/adapters that are the machinery every adapter shares, not adapters
ADAPTER_MACHINERY = {"__init__", "layout", "reading"}


def imported_modules(tree: ast.AST, module: str) -> list[str]:
    """Every module ``tree`` imports (absolute names; relative imports resolved against ``module``)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".")[:-node.level]
                base = ".".join([*package, base] if base else package)
            found.append(base)
            found.extend(f"{base}.{alias.name}" for alias in node.names)
    return found


def guarded_project_imports(tree: ast.AST) -> list[str]:
    """Project modules imported in the body of a ``try`` that catches ImportError."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try):
            continue
        catches = {ast.unparse(h.type) for h in node.handlers if h.type is not None}
        if not catches & {"ImportError", "ModuleNotFoundError"}:
            continue
        for inner in node.body:
            found.extend(m for m in imported_modules(inner, "") if m.split(".")[0] in ("transforms", *FORBIDDEN))
    return found


def violations(source: str, module: str) -> list[str]:
    """The import rules ``source`` (the text of ``module``) breaks, one line each."""
    tree = ast.parse(source)
    modules = imported_modules(tree, module)
    out = [f"{module} imports {m}" for m in modules if m.split(".")[0] in FORBIDDEN]
    parts = module.split(".")
    in_adapters = parts[:2] == ["transforms", "adapters"]
    if in_adapters and len(parts) == 3 and parts[2] not in ADAPTER_MACHINERY:
        out += [f"adapter {module} imports {m}" for m in modules
                if m.startswith("transforms.adapters") and not m.startswith("transforms.adapters.layout")]
    if not in_adapters:
        out += [f"{module} (not an adapter) imports {m}" for m in modules if m.startswith("transforms.adapters")]
    out += [f"{module} hides a failing import of {m}" for m in guarded_project_imports(tree)]
    return out


def _modules() -> list[tuple[str, Path]]:
    return [(".".join(p.relative_to(ROOT).with_suffix("").parts), p) for p in sorted(TRANSFORMS.rglob("*.py"))]


def test_the_layers_of_transforms_import_one_way() -> None:
    found = [v for module, path in _modules() for v in violations(path.read_text(encoding="utf-8"), module)]
    assert found == []


def test_every_registered_adapter_is_a_module_the_contract_checks() -> None:
    from transforms.adapters import REGISTRY

    checked = {p.stem for p in (TRANSFORMS / "adapters").glob("*.py")} - ADAPTER_MACHINERY
    assert set(REGISTRY) <= checked  # a layout's name is its module's name


@pytest.mark.parametrize(("source", "module", "expected"), [
    ("from transforms.adapters.moderngov import detect", "transforms.adapters.generic",
     ["adapter transforms.adapters.generic imports transforms.adapters.moderngov",
      "adapter transforms.adapters.generic imports transforms.adapters.moderngov.detect"]),
    ("from . import kent_board", "transforms.adapters.generic",
     ["adapter transforms.adapters.generic imports transforms.adapters",
      "adapter transforms.adapters.generic imports transforms.adapters.kent_board"]),
    ("def f():\n    import duckdb\n", "transforms.people", ["transforms.people imports duckdb"]),
    ("from flows.settings import Settings", "transforms.agenda", ["transforms.agenda imports flows.settings",
                                                                  "transforms.agenda imports flows.settings.Settings"]),
    ("import prefect", "transforms.page", ["transforms.page imports prefect"]),
    ("from great_expectations import core", "transforms.page",
     ["transforms.page imports great_expectations", "transforms.page imports great_expectations.core"]),
    ("from warehouse import schema", "transforms.page",
     ["transforms.page imports warehouse", "transforms.page imports warehouse.schema"]),
    ("from transforms.adapters import REGISTRY", "transforms.attendance",
     ["transforms.attendance (not an adapter) imports transforms.adapters",
      "transforms.attendance (not an adapter) imports transforms.adapters.REGISTRY"]),
    ("try:\n    from transforms.agenda import STRATEGIES\nexcept ImportError:\n    STRATEGIES = {}\n",
     "transforms.adapters.moderngov",
     ["transforms.adapters.moderngov hides a failing import of transforms.agenda",
      "transforms.adapters.moderngov hides a failing import of transforms.agenda.STRATEGIES"]),
    # what is allowed: the layout shape, field packages, third-party guards
    ("from transforms.adapters.layout import Layout, use\nfrom transforms.attendance import find_attendance",
     "transforms.adapters.kent_board", []),
    ("try:\n    import pypdfium2\nexcept ImportError:\n    pypdfium2 = None\n", "transforms.extract.pdf_text", []),
])
def test_the_contract_catches_each_kind_of_wrong_import(source: str, module: str, expected: list[str]) -> None:
    assert violations(source, module) == expected
