"""Find a module of the same name in every project app (settings.LOCAL_APPS), in dependency order.

Beat schedules (`schedule.py`), demo loaders (`demo.py`) and OpenAPI fragments (`openapi.py`) are
collected this way, so the collector never imports an app statically and no dependency points the
wrong way.
"""

from collections.abc import Iterator
from importlib import import_module
from types import ModuleType

from django.conf import settings


def app_modules(name: str) -> Iterator[tuple[str, ModuleType]]:
    """(app label, module) for each project app that has `<label>.<name>`. An import error inside
    such a module is raised, not mistaken for the module being absent."""
    for label in settings.LOCAL_APPS:
        try:
            module = import_module(f"{label}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{label}.{name}":
                raise
            continue
        yield label, module
