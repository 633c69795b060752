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
