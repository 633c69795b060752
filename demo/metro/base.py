"""Sizes, counts and shared helpers of the metro data set (see demo/metro/__init__.py)."""

import datetime
import random
from dataclasses import dataclass

SEED = 17
BATCH = 2000
# Counts at scale 1, as measured in issue 17.
SIZES = {
    "compacts": 4,
    "public_bodies": 80,
    "groups": 5934,
    "returns": 1615,
    "awards": 90009,
    "consultations": 203,
    "comments": 60161,
    "big_consultation_comments": 6001,
    "complaints": 15005,
}
ENTRIES_PER_RETURN = 22  # 14 joint undertakings and 8 for the body's own sector
PERIODS = [("2024-25", datetime.date(2024, 4, 1)), ("2025-26", datetime.date(2025, 4, 1))]
BASE = datetime.date(2025, 4, 1)
AREAS = ["North", "South", "East", "West"]
WORDS = (
    "community centre youth project elders lunch club advice service language classes carers support "
    "health outreach housing employment training mentoring faith women refugees translation festival"
).split()


def scaled(name: str, scale: float) -> int:
    return max(1, round(SIZES[name] * scale))


def counts(scale: float) -> dict[str, int]:
    """How many of each the generator makes at `scale` (the tests check these)."""
    out = {name: scaled(name, scale) for name in SIZES}
    out["compacts"] = SIZES["compacts"]
    out["public_bodies"] = max(out["public_bodies"], out["compacts"])
    out["big_consultation_comments"] = min(out["big_consultation_comments"], out["comments"])
    if out["consultations"] == 1:
        out["big_consultation_comments"] = out["comments"]
    # Every return is a distinct body, period and Code: no more than the bodies can make.
    out["returns"] = min(out["returns"], 8 * ((out["public_bodies"] + out["groups"]) // 4))
    out["entries"] = out["returns"] * ENTRIES_PER_RETURN
    out["organisations"] = out["public_bodies"] + out["groups"]
    return out


@dataclass
class Made:
    compacts: list
    public: list
    groups: list
    codes: list  # one per Compact
    undertakings: dict  # code pk -> {party: [undertakings]}
    periods: dict  # (compact pk, label) -> period


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."
