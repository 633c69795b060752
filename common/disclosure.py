"""Disclosure control for published counts of people.

A small count beside people a reader can name tells them something about each of those people:
"BME representatives: 0" beside a board whose two seat holders are named says neither of them is
of BME origin (special category data, UK GDPR Article 9). Every public page, CSV, JSON and PDF that
counts people by ethnicity asks `disclose` how to show its numbers:

1. Primary suppression: a count under settings.DISCLOSURE_THRESHOLD (default 5), zero included,
   is shown as "fewer than 5".
2. Complement: a count of a part of a known whole is also withheld when the rest of the whole is
   under the threshold ("7 of 8 are BME" says which one is not, as surely as "1 of 8" does). It is
   shown as "withheld": the count itself is not small, and "fewer than 5" would be untrue.
3. Secondary suppression: when a published total would let a reader work out a single withheld
   cell (total minus the others), the smallest other shown cell is withheld too.

Counts beside named people are not published at all: callers ask `disclose` only where no person
is named, and say "not published" otherwise (NOT_BESIDE_NAMES).
"""

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from django.conf import settings

FEWER_THAN = "fewer than {threshold}"
WITHHELD = "withheld"  # secondary suppression: the number is not small, but would reveal one that is
NOT_BESIDE_NAMES = "not published where names are shown"


def threshold() -> int:
    return settings.DISCLOSURE_THRESHOLD


@dataclass(frozen=True)
class Shown:
    """A count as published: `value` is None when it is withheld, `text` is what to print."""

    value: int | None
    text: str

    @property
    def withheld(self) -> bool:
        return self.value is None

    def __str__(self) -> str:
        return self.text


def _complement(count: int, whole: int | None, limit: int) -> bool:
    return count >= limit and whole is not None and whole - count < limit


def disclose(
    counts: Mapping[Hashable, int], *, wholes: Mapping[Hashable, int] | None = None, total: int | None = None
) -> tuple[dict[Hashable, Shown], Shown | None]:
    """How to publish `counts` (one per row) and, if given, their `total`.

    `wholes`: for each row, the whole the count is a part of (BME representatives of seats held),
    for the complement rule. `total`: a published total over the rows, checked by the same rule and
    protected by secondary suppression. Returns the shown rows and the shown total (None if not given).
    """
    limit = threshold()
    fewer = FEWER_THAN.format(threshold=limit)
    wholes = wholes or {}
    small = {key for key, count in counts.items() if count < limit}
    complement = {key for key, count in counts.items() if _complement(count, wholes.get(key), limit)}
    small |= complement
    secondary = set()
    total_shown = total is not None and total >= limit
    if total_shown and len(small) == 1 and len(counts) > 1:
        # One withheld cell and a published total: withhold the smallest other cell as well.
        others = sorted((count, str(key), key) for key, count in counts.items() if key not in small)
        if others:
            secondary.add(others[0][2])
    shown = {}
    for key, count in counts.items():
        if key in complement:
            shown[key] = Shown(None, WITHHELD)
        elif key in small:
            shown[key] = Shown(None, fewer)
        elif key in secondary:
            shown[key] = Shown(None, WITHHELD)
        else:
            shown[key] = Shown(count, str(count))
    total_figure = None
    if total is not None:
        total_figure = Shown(total, str(total)) if total_shown else Shown(None, fewer)
    return shown, total_figure


def disclose_count(count: int, *, whole: int | None = None) -> Shown:
    """One count on its own (a part of `whole`, when there is one)."""
    shown, _ = disclose({"count": count}, wholes={"count": whole} if whole is not None else None)
    return shown["count"]
