"""Mutation testing of one module against the tests that cover it (issue 21).

Usage (from the repository's root):

    python scripts/mutation.py core/status.py tests/test_status.py tests/test_core_status_table.py

Each mutant is one small change to the module's code (the classic operators below), made one at
a time; the given tests are run against it and it is *killed* when they fail. A mutant that
survives is a change the tests cannot see: either a gap in the tests or a change that does not
change behaviour (an equivalent mutant, judged by hand: docs/mutation.md lists them).

Operators: a comparison's boundary or sense (< to <=, <= to <, > to >=, >= to >, == to !=,
!= to ==, is to is not, in to not in and back); arithmetic (+ and -, * and /, // and % to /,
** to *); ``and`` and ``or``; ``not x`` to ``x`` and ``-x`` to ``x``; a number n to n + 1 and
n - 1; True and False; a string to 'XX...XX'; ``return x`` to ``return None``; ``break`` and
``continue``. Docstrings, annotations, asserts, imports, type unions (``int | float``) and the
bodies of classes outside their methods (enum values, dataclass fields) are not mutated.

How it runs, fast on a shared machine: the tests are collected once; then for each mutant the
process forks, the child swaps the mutated function's code into the already-imported function
(``f.__code__``, so every ``from ... import f`` sees it; a module-level constant is re-assigned
in the module, and so is every later module-level value built from it, such as a pattern
compiled from it; another module that imported either by name keeps the original) and runs
pytest with ``-x``; the parent reads its exit code. Nothing is written
into the source tree. A mutant whose tests run past the time limit counts as killed (timeout).

Options: ``--list`` prints the mutants without running them; ``--only N,M`` runs those;
``--json FILE`` writes every mutant and its outcome.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import signal
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_CONSTANT = "constant "
"""How a mutant of a module-level constant's value names where it is."""
PACKAGE = ROOT / "src" / "safecity_reports"

_COMPARE_SWAPS = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}
_BINOP_SWAPS = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Mod: ast.Div,
    ast.Pow: ast.Mult,
}
_SYMBOL = {
    ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
    ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in", ast.Add: "+",
    ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%", ast.Pow: "**",
    ast.And: "and", ast.Or: "or",
}  # fmt: skip


@dataclass(frozen=True)
class Mutant:
    """One change to the module."""

    number: int
    """Its number in the module (stable while the module's code does not change)."""
    line: int
    """The line it changes."""
    change: str
    """What it changes, in words."""
    where: str
    """The function or constant it is in (``Class.method``, ``function``, ``NAME``)."""


def _is_docstring(node: ast.AST, parent: ast.AST | None) -> bool:
    return (
        isinstance(parent, ast.Expr)
        and isinstance(node, ast.Constant)
        and isinstance(node.value, str)
    )


def _sites(tree: ast.Module) -> list[tuple[ast.AST, str, str, object]]:
    """Every mutation site: (node, where, what it becomes in words, how to apply it)."""
    sites: list[tuple[ast.AST, str, str, object]] = []

    def walk(node: ast.AST, where: str, parent: ast.AST | None) -> None:
        if isinstance(node, ast.Assert | ast.Import | ast.ImportFrom):
            return
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in _COMPARE_SWAPS:
                    new = _COMPARE_SWAPS[type(op)]
                    words = f"{_SYMBOL[type(op)]} to {_SYMBOL[new]}"
                    sites.append((node, where, words, ("compare", i, new)))
        elif isinstance(node, ast.BinOp | ast.AugAssign) and type(node.op) in _BINOP_SWAPS:
            new = _BINOP_SWAPS[type(node.op)]
            words = f"{_SYMBOL[type(node.op)]} to {_SYMBOL[new]}"
            sites.append((node, where, words, ("binop", new)))
        elif isinstance(node, ast.BoolOp):
            new = ast.Or if isinstance(node.op, ast.And) else ast.And
            sites.append(
                (node, where, f"{_SYMBOL[type(node.op)]} to {_SYMBOL[new]}", ("boolop", new))
            )
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not | ast.USub):
            words = "'not x' to 'x'" if isinstance(node.op, ast.Not) else "'-x' to 'x'"
            sites.append((node, where, words, ("unary",)))
        elif isinstance(node, ast.Constant) and not _is_docstring(node, parent):
            value = node.value
            if isinstance(value, bool):
                sites.append((node, where, f"{value} to {not value}", ("const", not value)))
            elif isinstance(value, int | float):
                for new in (value + 1, value - 1):
                    sites.append((node, where, f"{value!r} to {new!r}", ("const", new)))
            elif isinstance(value, str):
                new = f"XX{value}XX"
                sites.append((node, where, f"{value!r} to {new!r}", ("const", new)))
        elif isinstance(node, ast.Return) and node.value is not None:
            if not (isinstance(node.value, ast.Constant) and node.value.value in (None, False)):
                sites.append((node, where, "return None", ("return",)))
        elif isinstance(node, ast.Break | ast.Continue):
            other = "continue" if isinstance(node, ast.Break) else "break"
            sites.append((node, where, f"{type(node).__name__.lower()} to {other}", ("loop",)))
        for field, child in ast.iter_fields(node):
            if field in ("annotation", "returns", "decorator_list"):
                continue
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
                continue  # a type union (int | float)
            children = child if isinstance(child, list) else [child]
            for c in children:
                if isinstance(c, ast.AST):
                    walk(c, where, node)

    for stmt in tree.body:
        if isinstance(stmt, ast.FunctionDef):
            for s in stmt.body:
                walk(s, stmt.name, stmt)
        elif isinstance(stmt, ast.ClassDef):
            for item in stmt.body:
                if isinstance(item, ast.FunctionDef):
                    for s in item.body:
                        walk(s, f"{stmt.name}.{item.name}", item)
        elif isinstance(stmt, ast.Assign | ast.AnnAssign) and stmt.value is not None:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if names:
                walk(stmt.value, f"{_CONSTANT}{names[0]}", stmt)
    return sites


def _apply(site: tuple[ast.AST, str, str, object]) -> None:
    """Change the (copied) tree at ``site``, in place."""
    node, _, _, how = site
    kind = how[0]  # type: ignore[index]
    if kind == "compare":
        node.ops[how[1]] = how[2]()  # type: ignore[attr-defined,index]
    elif kind == "binop" or kind == "boolop":
        node.op = how[1]()  # type: ignore[attr-defined,index]
    elif kind == "unary":
        node.op = ast.UAdd()  # type: ignore[attr-defined]  # then _Unwrap drops it
    elif kind == "const":
        node.value = how[1]  # type: ignore[attr-defined,index]
    elif kind == "return":
        node.value = ast.Constant(None)  # type: ignore[attr-defined]
    elif kind == "loop":
        node.__class__ = ast.Continue if isinstance(node, ast.Break) else ast.Break


class _Unwrap(ast.NodeTransformer):
    """Replaces ``+x`` left by a removed 'not' or '-' with ``x`` (the module has no ``+x``)."""

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        return node.operand if isinstance(node.op, ast.UAdd) else node


def mutants(path: Path) -> tuple[str, list[Mutant]]:
    """The module's source and its mutants."""
    source = path.read_text(encoding="utf-8")
    sites = _sites(ast.parse(source))
    return source, [
        Mutant(n, getattr(node, "lineno", 0), words, where)
        for n, (node, where, words, _) in enumerate(sites, start=1)
    ]


def _patch(module: object, path: Path, source: str, number: int) -> None:
    """Put mutant ``number`` into the imported ``module`` (in the child process)."""
    tree = ast.parse(source)
    site = _sites(tree)[number - 1]
    where = site[1]
    _apply(site)
    tree = ast.fix_missing_locations(_Unwrap().visit(tree))
    namespace = vars(module)
    if where.startswith(_CONSTANT):
        # a module-level constant: run its (mutated) assignment in the module, then every later
        # module-level assignment built from a name so re-run (a pattern compiled from it), so
        # the change reaches what the module made of the constant when it was imported
        where = where.removeprefix(_CONSTANT)
        changed: set[str] = set()
        for stmt in tree.body:
            if not isinstance(stmt, ast.Assign | ast.AnnAssign) or stmt.value is None:
                continue
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            names = {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
            used = {n.id for n in ast.walk(stmt.value) if isinstance(n, ast.Name)}
            if where in names and not changed or used & changed:
                code = compile(ast.Module([stmt], []), str(path), "exec")
                exec(code, namespace)  # noqa: S102
                changed |= names
        if not changed:
            raise LookupError(where)
        return
    code = compile(tree, str(path), "exec")
    owner, _, name = where.rpartition(".")
    consts = code.co_consts
    if owner:
        klass = next(c for c in consts if isinstance(c, type(code)) and c.co_name == owner)
        consts = klass.co_consts
    new = next(c for c in consts if isinstance(c, type(code)) and c.co_name == name)
    target = namespace[owner].__dict__[name] if owner else namespace[name]
    for attr in ("fget", "__func__"):
        target = getattr(target, attr, target)
    target.__code__ = new


def _run_child(module_name: str, path: Path, source: str, number: int | None, args: list[str]):
    import importlib

    import pytest
    from hypothesis import settings

    settings.register_profile("mutation", database=None, deadline=None, derandomize=True)
    settings.load_profile("mutation")
    if number is not None:
        _patch(importlib.import_module(module_name), path, source, number)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os._exit(int(pytest.main(args)))


def _fork(module_name: str, path: Path, source: str, number: int | None, args, limit: float):
    pid = os.fork()
    if pid == 0:
        try:
            _run_child(module_name, path, source, number, args)
        finally:
            os._exit(99)
    start = time.monotonic()
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status), time.monotonic() - start
        if time.monotonic() - start > limit:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return None, limit
        time.sleep(0.02)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("module", help="the module under src/safecity_reports, e.g. core/status.py")
    parser.add_argument("tests", nargs="+", help="the test files (or node ids) that cover it")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument("--only", help="run only these mutants: 3,17,40")
    parser.add_argument("--json", help="write every mutant and its outcome to this file")
    options = parser.parse_args(argv)

    path = PACKAGE / options.module
    module_name = "safecity_reports." + options.module.removesuffix(".py").replace("/", ".")
    module_name = module_name.removesuffix(".__init__")  # a package is imported by its own name
    source, found = mutants(path)
    if options.list:
        for m in found:
            print(f"{m.number:4} line {m.line:4}  {m.where:28} {m.change}")
        return 0
    chosen = found
    if options.only:
        wanted = {int(n) for n in options.only.split(",")}
        chosen = [m for m in found if m.number in wanted]

    for folder in (ROOT / "tests", ROOT / "src", ROOT):
        sys.path.insert(0, str(folder))
    os.chdir(ROOT)
    import pytest

    base = ["-q", "-x", "-p", "no:cacheprovider", "-p", "no:randomly", *options.tests]
    # collect once in this process, so each child starts with the tests imported
    with open(os.devnull, "w") as quiet:
        saved = sys.stdout
        sys.stdout = quiet
        try:
            pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider", *options.tests])
        finally:
            sys.stdout = saved
    code, took = _fork(module_name, path, source, None, base, limit=600)
    if code != 0:
        print(f"the tests fail without any mutant (exit {code}); fix them first")
        return 2
    limit = took * 4 + 10
    print(f"{len(chosen)} mutants of {options.module}; the tests take {took:.1f}s unmutated")

    outcomes = []
    survived = 0
    for m in chosen:
        code, _ = _fork(module_name, path, source, m.number, base, limit)
        outcome = "timeout" if code is None else ("survived" if code == 0 else "killed")
        if code in (2, 3, 4, 99):  # interrupted, internal error, usage error, patch failed
            outcome = f"error {code}"
        if outcome == "survived":
            survived += 1
            print(f"survived {m.number:4} line {m.line:4}  {m.where:28} {m.change}", flush=True)
        outcomes.append({**asdict(m), "outcome": outcome})
    errors = [o for o in outcomes if o["outcome"].startswith("error")]
    for o in errors:
        print(f"ERROR    {o['number']:4} line {o['line']:4}  {o['where']:28} {o['change']}")
    killed = len(chosen) - survived - len(errors)
    share = killed / max(1, len(chosen) - len(errors))
    print(f"{options.module}: {killed} of {len(chosen) - len(errors)} killed ({share:.1%})")
    if options.json:
        Path(options.json).write_text(json.dumps(outcomes, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
