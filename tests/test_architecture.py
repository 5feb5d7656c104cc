"""The shape of the code, checked over the source (AST, imports inside functions too): no import cycles
between GridKeeper's modules; only ui/ imports Qt; nothing below the front ends (ui/, cli/, the self-test)
imports them; the domain knows no database."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import gridkeeper

ROOT = Path(gridkeeper.__file__).resolve().parent


@cache
def module_files() -> dict[str, Path]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = ("gridkeeper", *path.relative_to(ROOT).with_suffix("").parts)
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imported_modules(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every gridkeeper module `name` imports, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found |= {f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names}
    return {module for module in found if module in known and module != name}


@cache
def import_graph() -> dict[str, set[str]]:
    known = module_files()
    return {name: imported_modules(name, path, known) for name, path in known.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in graph[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for module in graph:
        if module not in index:
            visit(module)
    return found


def test_the_cycle_finder_sees_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_imports_itself_round_a_loop():
    assert cycles(import_graph()) == []


FRONT_ENDS = ("gridkeeper.ui", "gridkeeper.cli", "gridkeeper.selftest")
CORE = ("gridkeeper.domain", "gridkeeper.storage", "gridkeeper.services", "gridkeeper.reports",
        "gridkeeper.excel", "gridkeeper.demo", "gridkeeper.paths")


def third_party_imports(path: Path) -> set[str]:
    """Top-level names of everything a module imports (at the top or inside a function)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module.split(".")[0])
    return found


def within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def test_only_ui_imports_qt():
    offenders = sorted(name for name, path in module_files().items()
                       if not within(name, ("gridkeeper.ui",)) and third_party_imports(path) & {"PySide6", "shiboken6"})
    assert offenders == []


def test_nothing_below_the_front_ends_imports_them():
    graph = import_graph()
    offenders = sorted(f"{name} → {other}" for name, imports in graph.items() if within(name, CORE)
                       for other in imports if within(other, FRONT_ENDS))
    assert offenders == []


def test_the_domain_knows_no_database():
    offenders = sorted(name for name, path in module_files().items() if within(name, ("gridkeeper.domain",))
                       and (third_party_imports(path) & {"sqlalchemy", "sqlmodel", "alembic"}
                            or any(within(m, ("gridkeeper.storage", "gridkeeper.services"))
                                   for m in import_graph()[name])))
    assert offenders == []


def test_the_layering_checks_see_a_violation(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6.QtWidgets import QWidget\n    import sqlmodel\n", encoding="utf-8")
    assert third_party_imports(bad) == {"PySide6", "sqlmodel"}
    assert within("gridkeeper.ui.sections.visits", ("gridkeeper.ui",)) and not within("gridkeeper.uix", ("gridkeeper.ui",))


# ---- The one write road (ui/operations.perform) and typed changes --------------------------------------------

def gui_write_faults(name: str, source: str) -> list[str]:
    """What in one ui/ module bypasses the one write road: a unit of work opened by hand (`ctx.write()`,
    `unit_of_work(...)`) outside ui/operations.py and ui/context.py, a FormDialog that saves in `submit()`
    instead of `save(session)`, a change announced as a string."""
    faults = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, (ast.Attribute, ast.Name)):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            owner = ast.unparse(node.func.value) if isinstance(node.func, ast.Attribute) else ""
            if name not in ("gridkeeper.ui.operations", "gridkeeper.ui.context") and (
                    (called == "write" and owner.endswith("ctx")) or called == "unit_of_work"):
                faults.append(f"{name}:{node.lineno}: opens a unit of work by hand ({ast.unparse(node.func)})")
            if called in ("notify", "emit") and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str) and (called == "notify" or owner.endswith("data_changed")):
                faults.append(f"{name}:{node.lineno}: a change announced as the string {node.args[0].value!r}")
        if isinstance(node, ast.ClassDef) and any(ast.unparse(b).endswith("FormDialog") for b in node.bases):
            if any(isinstance(item, ast.FunctionDef) and item.name == "submit" for item in node.body):
                faults.append(f"{name}:{node.lineno}: {node.name} saves in submit(), not save(session)")
    return faults


def test_every_gui_write_goes_through_perform_and_announces_a_typed_change():
    faults = [fault for name, path in module_files().items() if within(name, ("gridkeeper.ui",))
              for fault in gui_write_faults(name, path.read_text(encoding="utf-8"))]
    assert faults == []


def test_the_write_road_check_sees_a_bypass():
    source = ("class D(forms.FormDialog):\n    def submit(self):\n        with self.ctx.write() as s:\n"
              "            pass\n        self.ctx.notify('visits')\n")
    assert len(gui_write_faults("gridkeeper.ui.x", source)) == 3
    assert gui_write_faults("gridkeeper.ui.x", "ctx.notify(Change.VISITS)\nperform(self, ctx, op)\n") == []
