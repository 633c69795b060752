"""The BME-led test (Plymouth Code 1.3; shared/design.md §3), as a pure function.

An organisation is BME-led when at least the threshold share (default 3/4) of its management
committee, board of directors or board of trustees are of BME origin. The arithmetic is exact:
counts are integers and the threshold a Fraction, so 3 of 4 meets 75% and 74 of 99 does not,
whatever floating point would say.
"""

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models


class Outcome(models.TextChoices):
    BME_LED = "bme_led", "BME-led"
    NOT_BME_LED = "not_bme_led", "Not BME-led"
    UNDETERMINED = "undetermined", "Undetermined"
    NO_CURRENT_DECLARATION = "no_current_declaration", "No current declaration"


# GOV.UK tag colours for each outcome, used by every page that shows a status.
OUTCOME_TAG_COLOURS = {
    Outcome.BME_LED: "green",
    Outcome.NOT_BME_LED: "grey",
    Outcome.UNDETERMINED: "yellow",
    Outcome.NO_CURRENT_DECLARATION: "red",
}

NO_MEMBERS = "Enter the number of board members: a board needs at least 1 member."
NEGATIVE_COUNT = "Counts cannot be negative."
TOO_MANY = (
    "Members of BME origin and members who did not say add up to {total}, "
    "which is more than the {members} members of the board."
)


@dataclass(frozen=True)
class BmeLedResult:
    outcome: Outcome
    threshold: Fraction
    members: int | None = None
    bme_members: int | None = None
    undisclosed_members: int | None = None
    effective_date: date | None = None
    declaration_id: int | None = None

    @property
    def share(self) -> Fraction | None:
        if not self.members:
            return None
        return Fraction(self.bme_members, self.members)

    @property
    def label(self) -> str:
        return Outcome(self.outcome).label

    @property
    def tag_colour(self) -> str:
        return OUTCOME_TAG_COLOURS[self.outcome]

    @property
    def explanation(self) -> str:
        threshold = format_percent(self.threshold)
        if self.outcome == Outcome.NO_CURRENT_DECLARATION:
            return (
                "There is no board declaration from the last 12 months, so BME-led status cannot be "
                "worked out. The organisation can declare its board's make-up to get a status."
            )
        share = format_percent(self.share)
        base = f"{self.bme_members} of {self.members} board members are of BME origin ({share})"
        if self.outcome == Outcome.BME_LED:
            return f"{base}, which meets the {threshold} threshold."
        if self.outcome == Outcome.UNDETERMINED:
            possible = format_percent(Fraction(self.bme_members + self.undisclosed_members, self.members))
            return (
                f"{base}, which is below the {threshold} threshold, but {self.undisclosed_members} "
                f"did not say. If they are of BME origin the share would be {possible}, so the "
                "result cannot be decided."
            )
        return f"{base}, which is below the {threshold} threshold."


def format_percent(value: Fraction | None) -> str:
    """75% for 3/4; one decimal place only where the share is not a whole percentage (66.7%)."""
    if value is None:
        return "–"
    percent = value * 100
    if percent.denominator == 1:
        return f"{percent.numerator}%"
    return f"{float(percent):.1f}%"


def default_threshold() -> Fraction:
    return Fraction(settings.BME_LED_THRESHOLD)


def validate_board_counts(*, members: int, bme_members: int, undisclosed_members: int) -> None:
    errors = {}
    if min(members, bme_members, undisclosed_members) < 0:
        raise ValidationError(NEGATIVE_COUNT)
    if members == 0:
        errors["members"] = NO_MEMBERS
    elif bme_members + undisclosed_members > members:
        errors["bme_members"] = TOO_MANY.format(total=bme_members + undisclosed_members, members=members)
    if errors:
        raise ValidationError(errors)


def assess_board(
    *, members: int, bme_members: int, undisclosed_members: int, threshold: Fraction | None = None, **context
) -> BmeLedResult:
    """Apply the test to counts. Raises ValidationError for counts that cannot describe a board."""
    validate_board_counts(members=members, bme_members=bme_members, undisclosed_members=undisclosed_members)
    threshold = default_threshold() if threshold is None else Fraction(threshold)
    if Fraction(bme_members, members) >= threshold:
        outcome = Outcome.BME_LED
    elif Fraction(bme_members + undisclosed_members, members) >= threshold:
        outcome = Outcome.UNDETERMINED
    else:
        outcome = Outcome.NOT_BME_LED
    return BmeLedResult(
        outcome=outcome,
        threshold=threshold,
        members=members,
        bme_members=bme_members,
        undisclosed_members=undisclosed_members,
        **context,
    )


def no_current_declaration(threshold: Fraction | None = None) -> BmeLedResult:
    return BmeLedResult(
        outcome=Outcome.NO_CURRENT_DECLARATION, threshold=default_threshold() if threshold is None else threshold
    )


def oldest_current_effective_date(on_date: date) -> date:
    """A declaration counts while it is at most 12 months old: effective on or after this date."""
    months = settings.BOARD_DECLARATION_VALID_MONTHS
    year, month = divmod(on_date.month - 1 - months, 12)
    year += on_date.year
    month += 1
    # 29 February a year later falls back to 28 February.
    for day in (on_date.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")
