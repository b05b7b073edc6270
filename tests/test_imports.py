"""The project's modules import one way: no import circles (counting imports inside functions,
which only hide a circle until the day the import order changes)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGES = ("flows", "transforms", "warehouse", "expectations", "dashboard", "samplegen")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Project module -> the project modules it imports anywhere in its code. ``from pkg import
    name`` counts as importing ``pkg.name`` when that is a module, else ``pkg``. A module's
    package ``__init__`` is not counted as an import of it (packages re-exporting their own
    modules are not circles)."""
    files = {_module_name(p): p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        type_only = {id(n) for block in ast.walk(tree) if _is_type_checking(block)
                     for stmt in block.body for n in ast.walk(stmt)}
        for node in ast.walk(tree):
            if id(node) in type_only:
                continue  # "if TYPE_CHECKING:" imports never run: annotations only
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                found |= {f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names}
        graph[name] = {m for m in found if m in files and m != name}
    return graph


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and (
        (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
        or (isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING"))


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle as a path (first module repeated at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_circle_among_the_projects_modules():
    graph = import_graph()
    assert "flows.stages" in graph["flows.parallel"]  # the graph sees imports
    assert "flows.prefect_flow" in graph["flows.prefect_run"]  # including those inside functions
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph) or [])


def test_the_circle_finder_finds_a_circle_through_a_lazy_import():
    """The circle this test was written against: pipeline -> dask_parse -> prefect_flow -> pipeline."""
    graph = {"flows.pipeline": {"flows.dask_parse"}, "flows.dask_parse": {"flows.prefect_flow"},
             "flows.prefect_flow": {"flows.pipeline", "flows.steps"}, "flows.steps": set()}
    assert find_cycle(graph) == ["flows.dask_parse", "flows.prefect_flow", "flows.pipeline", "flows.dask_parse"]


def test_prefect_and_dask_stay_out_of_the_plain_run_path():
    """The plain loop, the stages and the parsers import neither Prefect nor Dask at module level."""
    for module in ("flows/pipeline.py", "flows/steps.py", "flows/stages.py", "flows/parallel.py",
                   "flows/dask_parse.py"):
        tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
        top = {a.name.split(".")[0] for n in tree.body if isinstance(n, ast.Import) for a in n.names}
        top |= {(n.module or "").split(".")[0] for n in tree.body if isinstance(n, ast.ImportFrom)}
        assert not top & {"prefect", "prefect_dask", "distributed", "dask"}, module
