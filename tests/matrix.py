"""The URL × role permission matrix.

Each app lists every URL it serves in `tests/<app>/url_matrix.py`: a `ROWS` list of `Row`s saying
what each persona gets (200, 302 to sign-in, 403, 404, 405…), and optionally `prepare(world)` to add
the objects its URLs need to the standard world (tests.support.build_world). test_url_matrix.py
runs every row for every persona and fails on any URL pattern that no row lists.
"""

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from .support import PERSONAS


def expect(default: int, **overrides: int) -> dict[str, int]:
    unknown = set(overrides) - set(PERSONAS)
    if unknown:
        raise ValueError(f"unknown personas {unknown}")
    return {persona: overrides.get(persona, default) for persona in PERSONAS}


# Common shapes.
PUBLIC = expect(200)
SIGNED_IN = expect(200, anonymous=302)
# The world's Compact's steering group (and site admins); the second Compact's steering member is refused.
STEERING_ONLY = expect(403, anonymous=302, steering_member=200, site_admin=200)
# Pages for any Compact's steering group, each seeing only its own Compact's records there.
ANY_STEERING = expect(403, anonymous=302, steering_member=200, other_steering_member=200, site_admin=200)


@dataclass(frozen=True)
class Row:
    name: str  # namespaced URL name, e.g. "organisations:profile"
    url: Callable[[SimpleNamespace], str]
    expect: dict[str, int]
    method: str = "get"
    data: Callable[[SimpleNamespace], dict] | None = None
    note: str = ""
    extra: dict = field(default_factory=dict)  # e.g. {"follow": False}

    @property
    def id(self) -> str:
        return f"{self.method.upper()} {self.name}" + (f" ({self.note})" if self.note else "")


def matrix_modules():
    root = Path(__file__).resolve().parent
    for info in pkgutil.iter_modules([str(root)]):
        if info.ispkg and (root / info.name / "url_matrix.py").exists():
            yield importlib.import_module(f"tests.{info.name}.url_matrix")


def all_rows() -> list[Row]:
    return [row for module in matrix_modules() for row in module.ROWS]


def prepare_world(world: SimpleNamespace) -> SimpleNamespace:
    for module in matrix_modules():
        prepare = getattr(module, "prepare", None)
        if prepare:
            prepare(world)
    return world
