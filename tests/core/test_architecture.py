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
