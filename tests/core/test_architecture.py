"""Dependencies between apps point one way (docs/architecture.md): an app imports only from the apps
to its left. A new arrow the other way fails here, before it turns into an import cycle."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Each app and the portal apps it may import from.
ALLOWED = {
    "common": set(),
    "accounts": {"common"},
    "organisations": {"common", "accounts"},
    "undertakings": {"common", "accounts", "organisations"},
    "funding": {"common", "accounts", "organisations", "undertakings"},
    "consultations": {"common", "accounts", "organisations", "undertakings"},
    "representation": {"common", "accounts", "organisations", "undertakings"},
    "complaints": {"common", "accounts", "organisations", "undertakings"},
    "reviews": {
        "common",
        "accounts",
        "organisations",
        "undertakings",
        "funding",
        "consultations",
        "representation",
        "complaints",
    },
}
PORTAL_APPS = set(ALLOWED) | {"audit", "demo", "compact_portal"}


def imported_apps(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & PORTAL_APPS


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_an_app_imports_only_from_the_apps_it_builds_on(app):
    wrong = {}
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue  # Django writes these; they name models of other apps on purpose
        outside = imported_apps(path) - ALLOWED[app] - {app}
        if outside:
            wrong[str(path.relative_to(ROOT))] = sorted(outside)
    assert wrong == {}


def test_the_checker_sees_an_import_pointing_the_wrong_way(tmp_path):
    module = tmp_path / "bad.py"
    module.write_text("from reviews.dataset import build_dataset\nimport funding.models\nfrom . import local\n")
    assert imported_apps(module) == {"reviews", "funding"}


# The annual review reads the other apps only through their contract with it (`<app>/review.py`,
# typed results documented in docs/annual-review-dataset.md), their models, and who may do what
# (organisations.roles): a selector reached into directly is a figure nobody promised to keep.
REVIEW_CONTRACT_APPS = ALLOWED["reviews"] - {"common"}
REVIEW_MAY_IMPORT = {"organisations.roles"} | {
    f"{app}.{module}" for app in REVIEW_CONTRACT_APPS for module in ("review", "models")
}


def imported_modules(path: Path) -> set[str]:
    """Every absolute module a file imports, `from app import name` read as `app.name` (it may be a module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if "." in node.module:
                found.add(node.module)
            else:
                found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def outside_the_review_contract(path: Path) -> set[str]:
    wrong = set()
    for module in imported_modules(path):
        app = module.split(".")[0]
        if app not in REVIEW_CONTRACT_APPS:
            continue  # reviews itself, common, Django and the rest
        if not any(module == allowed or module.startswith(allowed + ".") for allowed in REVIEW_MAY_IMPORT):
            wrong.add(module)
    return wrong


def test_reviews_reads_other_apps_only_through_their_review_contract_and_models():
    wrong = {}
    for path in sorted((ROOT / "reviews").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        outside = outside_the_review_contract(path)
        if outside:
            wrong[str(path.relative_to(ROOT))] = sorted(outside)
    assert wrong == {}


def test_every_app_the_review_reads_has_a_review_contract():
    assert {app for app in REVIEW_CONTRACT_APPS if (ROOT / app / "review.py").exists()} == REVIEW_CONTRACT_APPS - {
        "accounts"
    }


def test_the_review_contract_checker_sees_a_selector_read_directly(tmp_path):
    module = tmp_path / "bad.py"
    module.write_text(
        "from undertakings.selectors import signatories_during\n"
        "from undertakings.review import previous_period\n"
        "from complaints.models.complaint import Complaint\n"
        "from organisations import roles, bme_led\n"
        "from common.dates import long_date\n"
        "from .charts import chart\n"
        "def later():\n"
        "    import funding.selectors.monitoring\n"
    )
    assert outside_the_review_contract(module) == {
        "undertakings.selectors",
        "organisations.bme_led",
        "funding.selectors.monitoring",
    }


# --- Tasks, services and jobs --------------------------------------------------------------------
# Services queue tasks, so they import tasks.py; a task calls one function in jobs.py (or in a service
# module that queues nothing). Nothing a task imports leads back to the task, so every import sits at
# the top of its module: a cycle is never hidden by an import inside a function.

BACKGROUND = ("tasks", "jobs", "services")

# Imported inside the one function that renders, so that the web process, which loads services and
# through them tasks and jobs, never loads WeasyPrint and pikepdf (some 50 MB each web worker).
LOADED_WHEN_RENDERING = {"consultations.pdf", "reviews.report"}


def dotted(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str, root: Path) -> bool:
    base = root.joinpath(*name.split("."))
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def _absolute(node: ast.ImportFrom, importer: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    package = importer.split(".") if is_package else importer.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(statements, importer: str, is_package: bool, root: Path) -> set[str]:
    """The portal modules these statements import (a `from package import name` counts the
    submodule when `name` is one)."""
    found = set()
    for node in statements:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(node, importer, is_package)
            found.add(module)
            found |= {f"{module}.{a.name}" for a in node.names if is_module(f"{module}.{a.name}", root)}
    return {name for name in found if name.split(".")[0] in PORTAL_APPS}


def _top_level(tree: ast.Module):
    """Statements run when the module is imported: not inside a function, nor under TYPE_CHECKING."""
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def function_level_imports(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    importer, is_package = dotted(path, root), path.name == "__init__.py"
    found = []
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            inside = [n for n in ast.walk(function) if isinstance(n, ast.Import | ast.ImportFrom)]
            for node in inside:
                found += [
                    f"{function.name}(): {name}"
                    for name in sorted(_imports([node], importer, is_package, root))
                    if name not in LOADED_WHEN_RENDERING
                    and not name.startswith(tuple(f"{m}." for m in LOADED_WHEN_RENDERING))
                ]
    return found


def background_files(app_dir: Path) -> list[Path]:
    files = []
    for name in BACKGROUND:
        files += [app_dir / f"{name}.py"] if (app_dir / f"{name}.py").exists() else []
        files += sorted((app_dir / name).rglob("*.py")) if (app_dir / name).is_dir() else []
    return files


def import_graph(app_dir: Path, root: Path = ROOT) -> dict[str, set[str]]:
    """What each module of the app imports from the app when it is imported. Importing `a.b.c` runs
    `a/__init__.py` and `a/b/__init__.py` first, unless the importer is inside that package already."""
    app = app_dir.name
    graph: dict[str, set[str]] = {}
    for path in sorted(app_dir.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        importer, is_package = dotted(path, root), path.name == "__init__.py"
        edges = set()
        for name in _imports(_top_level(ast.parse(path.read_text(encoding="utf-8"))), importer, is_package, root):
            parts = name.split(".")
            for end in range(1, len(parts) + 1):
                target = ".".join(parts[:end])
                inside = importer == target or importer.startswith(target + ".")
                if parts[0] == app and is_module(target, root) and not inside:
                    edges.add(target)
        graph[importer] = edges
    return graph


def cycle_through(graph: dict[str, set[str]], start: str) -> list[str] | None:
    """A chain of imports from `start` back to itself, if there is one."""
    stack, seen = [(start, [start])], set()
    while stack:
        module, chain = stack.pop()
        for target in sorted(graph.get(module, ())):
            if target == start:
                return chain + [start]
            if target not in seen:
                seen.add(target)
                stack.append((target, chain + [target]))
    return None


@pytest.mark.parametrize("app", sorted(app for app in ALLOWED if (ROOT / app / "tasks.py").exists()))
def test_tasks_services_and_jobs_import_the_portal_at_the_top(app):
    wrong = {}
    for path in background_files(ROOT / app):
        found = function_level_imports(path)
        if found:
            wrong[str(path.relative_to(ROOT))] = found
    assert wrong == {}


@pytest.mark.parametrize("app", sorted(app for app in ALLOWED if (ROOT / app / "tasks.py").exists()))
def test_no_import_leads_from_an_apps_tasks_back_to_them(app):
    assert cycle_through(import_graph(ROOT / app), f"{app}.tasks") is None


def test_the_checkers_see_a_cycle_through_a_package_and_an_import_inside_a_function(tmp_path):
    app = tmp_path / "complaints"
    (app / "services").mkdir(parents=True)
    (app / "__init__.py").write_text("")
    (app / "services" / "__init__.py").write_text("from .raising import complaint_raise\n")
    (app / "services" / "raising.py").write_text("from ..tasks import send\n\ndef complaint_raise(): pass\n")
    (app / "services" / "reminders.py").write_text("def reminders_send():\n    from ..notifications import x\n")
    (app / "notifications.py").write_text("x = 1\n")
    (app / "tasks.py").write_text("from .services.reminders import reminders_send\n\ndef send(): pass\n")
    graph = import_graph(app, tmp_path)
    assert cycle_through(graph, "complaints.tasks") == [
        "complaints.tasks",
        "complaints.services",
        "complaints.services.raising",
        "complaints.tasks",
    ]
    assert function_level_imports(app / "services" / "reminders.py", tmp_path) == [
        "reminders_send(): complaints.notifications"
    ]
    (app / "tasks.py").write_text("from .jobs import reminders_send\n")
    (app / "jobs.py").write_text("from .notifications import x\n\ndef reminders_send(): pass\n")
    assert cycle_through(import_graph(app, tmp_path), "complaints.tasks") is None
