"""The import graph of crawlers/, extract/ and pipeline/ has no cycle, and
extract/ (the pure layer: pages in, articles and entities out) imports nothing
from pipeline/ or crawlers/.

Every import counts, function-local ones and ``if TYPE_CHECKING:`` ones
included (a cycle hidden inside a function is still a cycle), and so do the
package ``__init__`` modules an import runs on the way. Pure Python: the
modules are parsed, never imported.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("crawlers", "extract", "pipeline")


def module_files() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            is_package = parts[-1] == "__init__"
            if is_package:
                parts.pop()
            modules[".".join(parts)] = (path, is_package)
    return modules


def _resolve(name: str, known: set[str]) -> str | None:
    """The project module ``name`` is, or is inside of (``a.b.func`` -> ``a.b``)."""
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


def import_graph() -> dict[str, set[str]]:
    modules = module_files()
    known = set(modules)
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, (path, is_package) in modules.items():
        package = module if is_package else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[:len(base) - (node.level - 1)]
                    origin = ".".join(base + ([node.module] if node.module else []))
                else:
                    origin = node.module or ""
                # ``from pkg import mod`` imports the submodule; ``from mod import name`` the module
                targets = [f"{origin}.{alias.name}" for alias in node.names] + [origin]
                if any(_resolve(f"{origin}.{alias.name}", known) == f"{origin}.{alias.name}" for alias in node.names):
                    targets.remove(origin)
            for target in targets:
                found = _resolve(target, known)
                if found and found != module:
                    graph[module].add(found)
                    # importing a.b.c runs a/__init__ and a/b/__init__ first, unless we are inside them
                    parent = found.rpartition(".")[0]
                    while parent:
                        if parent in known and parent != module and not module.startswith(parent + "."):
                            graph[module].add(parent)
                        parent = parent.rpartition(".")[0]
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as a list of modules (first == last), or None."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = {m: WHITE for m in graph}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        colour[m] = GREY
        stack.append(m)
        for n in sorted(graph[m]):
            if colour[n] == GREY:
                return stack[stack.index(n):] + [n]
            if colour[n] == WHITE and (cycle := visit(n)):
                return cycle
        stack.pop()
        colour[m] = BLACK
        return None

    for m in sorted(graph):
        if colour[m] == WHITE and (cycle := visit(m)):
            return cycle
    return None


def test_graph_sees_function_local_and_relative_imports():
    graph = import_graph()
    assert "pipeline.tables.articles" in graph["pipeline.tables"]  # from . import articles
    assert "crawlers.urls" in graph["pipeline.tables.articles"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_no_import_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_extract_imports_nothing_from_pipeline_or_crawlers():
    bad = sorted(f"{m} -> {n}" for m, deps in import_graph().items() if m.split(".")[0] == "extract"
                 for n in deps if n.split(".")[0] in ("pipeline", "crawlers"))
    assert not bad, "extract/ must stay pure: " + ", ".join(bad)


def test_crawlers_import_nothing_from_pipeline():
    """The crawl is the bottom layer: the pipeline drives it, never the other way round."""
    bad = sorted(f"{m} -> {n}" for m, deps in import_graph().items() if m.split(".")[0] == "crawlers"
                 for n in deps if n.split(".")[0] == "pipeline")
    assert not bad, "crawlers/ must not import pipeline/: " + ", ".join(bad)
