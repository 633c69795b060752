"""The BME-led test, as pure functions over counts and dates, under a Compact's own definition.

Each Compact's Code defines the rule (a `BmeRule`, loaded from `undertakings/codes/<code>-bme-definition.yaml`
into `organisations.BmeDefinition`): Plymouth's draft (§1.3) says at least 75% of the management
committee, board of directors or board of trustees of BME origin. Without a definition the portal
default applies (at least settings.BME_LED_THRESHOLD, every board type, undisclosed members undecided). The arithmetic is exact:
counts are integers and the threshold a Fraction, so 3 of 4 meets 75% and 74 of 99 does not,
whatever floating point would say. The SQL version of the same rule is
`Organisation.objects.with_bme_led_status`; tests check that the two always agree.
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from common.dates import add_months, long_date


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
TOO_MANY_BME = "Members of BME origin ({bme}) cannot be more than the {members} members of the board."
TOO_MANY = (
    "Members of BME origin and members who did not say add up to {total}, "
    "which is more than the {members} members of the board."
)

# Shares in the open data are decimal strings with at most this many places (see `decimal_share`).
SHARE_PLACES = 4


class Undisclosed(models.TextChoices):
    # Members who did not say might be of BME origin: when they could tip the share, undetermined.
    UNDETERMINED = "undetermined", "Could be of BME origin: the result is undetermined when they could decide it"
    NOT_BME = "not_bme", "Counted as not of BME origin"


# The board types as organisations.BoardType names them (kept here so the rule stays free of models).
BOARD_NAMES = {
    "management_committee": "management committee",
    "board_of_directors": "board of directors",
    "board_of_trustees": "board of trustees",
}


@dataclass(frozen=True)
class BmeRule:
    """A Compact's BME-led rule as plain data (organisations.BmeDefinition.rule builds one).

    `strictly_more`: the share must be more than the threshold ("a majority" is more than 1/2), not
    at least it. `boards`: the board types whose declarations count (BoardType values). Vacancies
    never count: a declaration records the seats filled. `transition_months`: for how many months after
    its last BME-led day an organisation keeps its BME-led outcome when its declaration lapses or a
    new declaration (a changed board) does not meet the rule (`in_transition`).
    `serving_organisations_count`: organisations mainly serving BME communities (refugee, faith)
    count as BME sector in funding figures.
    """

    threshold: Fraction
    strictly_more: bool = False
    boards: tuple[str, ...] = ("management_committee", "board_of_directors", "board_of_trustees")
    undisclosed: str = Undisclosed.UNDETERMINED
    transition_months: int = 0
    serving_organisations_count: bool = False
    name: str = "Portal default"
    version: str = ""

    @property
    def boards_text(self) -> str:
        """ "management committee, board of directors or board of trustees" for the boards counted."""
        names = [BOARD_NAMES.get(board, board) for board in self.boards]
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"

    @property
    def label(self) -> str:
        """Which rule answered, for pages, the API and awards: "Plymouth Compact BME-led definition 1.0"."""
        return f"{self.name} {self.version}".strip()

    def meets(self, part: int, whole: int) -> bool:
        share = Fraction(part, whole)
        return share > self.threshold if self.strictly_more else share >= self.threshold


def default_rule() -> "BmeRule":
    return BmeRule(threshold=default_threshold())


def outcome_label(outcome: str, transition_until: date | None = None) -> str:
    """ "BME-led", or "BME-led (transition period until 15 July 2025)" for an organisation BME-led
    only through its Compact's transition period: the one wording of pages, CSVs and emails."""
    label = str(Outcome(outcome).label)
    return f"{label} (transition period until {long_date(transition_until)})" if transition_until else label


@dataclass(frozen=True)
class BmeLedResult:
    outcome: Outcome
    threshold: Fraction
    members: int | None = None
    bme_members: int | None = None
    undisclosed_members: int | None = None
    effective_date: date | None = None
    declaration_id: int | None = None
    rule: BmeRule | None = None
    # Set when the organisation is BME-led only because it is within its Compact's transition
    # period: the counts are those of its last BME-led declaration, which stopped counting on
    # `bme_led_until`; the outcome holds until `transition_until`.
    transition_until: date | None = None
    bme_led_until: date | None = None

    @property
    def in_transition(self) -> bool:
        return self.transition_until is not None

    @property
    def rule_label(self) -> str:
        return (self.rule or default_rule()).label

    @property
    def threshold_text(self) -> str:
        """ "75%" or "more than 50%": the rule's threshold as a person reads it."""
        text = format_percent(self.threshold)
        return f"more than {text}" if self.rule and self.rule.strictly_more else text

    @property
    def share(self) -> Fraction | None:
        if not self.members:
            return None
        return Fraction(self.bme_members or 0, self.members)

    @property
    def label(self) -> str:
        return outcome_label(self.outcome, self.transition_until)

    @property
    def tag_colour(self) -> str:
        return OUTCOME_TAG_COLOURS[self.outcome]

    @property
    def is_bme_led(self) -> bool:
        return self.outcome == Outcome.BME_LED

    @property
    def stale_after(self) -> date | None:
        """The last day the declaration behind this result counts."""
        return last_current_date(self.effective_date) if self.effective_date else None

    @property
    def explanation(self) -> str:
        # "the 75% threshold", or "the threshold of more than 50%" for a majority rule.
        strict = self.rule and self.rule.strictly_more
        threshold = f"threshold of {self.threshold_text}" if strict else f"{self.threshold_text} threshold"
        below = "does not meet" if strict else "is below"  # exactly half is not below "more than 50%"
        if self.outcome == Outcome.NO_CURRENT_DECLARATION:
            return (
                "There is no board declaration from the last 12 months, so BME-led status cannot be "
                "worked out. The organisation can declare its board's make-up to get a status."
            )
        share = format_percent(self.share, distinct_from=self.threshold)
        base = f"{self.bme_members} of {self.members} board members are of BME origin ({share})"
        if self.transition_until is not None:
            return (
                f"The last board declaration that met the {threshold} ({base}) stopped counting after "
                f"{long_date(self.bme_led_until)}: the declaration lapsed or the board changed. Under the "
                f"{self.rule_label} the organisation stays BME-led for a transition period, until "
                f"{long_date(self.transition_until)}."
            )
        if self.outcome == Outcome.BME_LED:
            return f"{base}, which meets the {threshold}."
        if self.outcome == Outcome.UNDETERMINED:
            possible = format_percent(
                Fraction((self.bme_members or 0) + (self.undisclosed_members or 0), self.members or 1),
                distinct_from=self.threshold,
            )
            said = "member" if self.undisclosed_members == 1 else "members"
            return (
                f"{base}, which {below} the {threshold}, but {self.undisclosed_members} {said} "
                f"did not say. If they are of BME origin the share would be {possible}, so the "
                "result cannot be decided."
            )
        return f"{base}, which {below} the {threshold}."


def format_percent(value: Fraction | None, *, distinct_from: Fraction | None = None) -> str:
    """75% for 3/4; one decimal place where the share is not a whole percentage (66.7% for 2/3).

    With `distinct_from` (the threshold), a share that differs from it is given as many places as it
    takes not to print the same figure: 2999 of 4000 is "74.98%", never "75.0%" below a 75% threshold.
    """
    if value is None:
        return "–"
    percent = Fraction(value) * 100
    if percent.denominator == 1:
        return f"{percent.numerator}%"
    exact = Decimal(percent.numerator) / Decimal(percent.denominator)
    avoid = None if distinct_from is None else Fraction(distinct_from) * 100
    for places in range(1, 7):
        rounded = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if avoid is None or Fraction(rounded) != avoid:
            break
    return f"{rounded}%"


def decimal_share(value: Fraction) -> str:
    """A share as a decimal string for open data: exact ("0.75", "1", "0") when it has at most
    SHARE_PLACES decimal places, otherwise rounded down ("0.6666" for 2/3). Rounding down keeps the
    comparison with any threshold of at most SHARE_PLACES places the same as the exact one."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    rounded = exact.quantize(Decimal(1).scaleb(-SHARE_PLACES), rounding=ROUND_DOWN)
    return format(rounded.normalize(), "f")


def default_threshold() -> Fraction:
    return Fraction(settings.BME_LED_THRESHOLD)


def validate_board_counts(*, members: int, bme_members: int, undisclosed_members: int) -> None:
    """Raise ValidationError (keyed by field) for counts that cannot describe a board."""
    negative = {
        name: NEGATIVE_COUNT
        for name, value in (
            ("members", members),
            ("bme_members", bme_members),
            ("undisclosed_members", undisclosed_members),
        )
        if value < 0
    }
    if negative:
        raise ValidationError(negative)
    if members == 0:
        raise ValidationError({"members": NO_MEMBERS})
    if bme_members > members:
        raise ValidationError({"bme_members": TOO_MANY_BME.format(bme=bme_members, members=members)})
    if bme_members + undisclosed_members > members:
        raise ValidationError(
            {"undisclosed_members": TOO_MANY.format(total=bme_members + undisclosed_members, members=members)}
        )


def assess_board(
    *,
    members: int,
    bme_members: int,
    undisclosed_members: int,
    definition: BmeRule | None = None,
    threshold: Fraction | None = None,
    **context,
) -> BmeLedResult:
    """Apply a Compact's rule (`definition`; the portal default when None) to counts. `threshold`
    overrides the rule's threshold. Raises ValidationError for counts that cannot describe a board."""
    validate_board_counts(members=members, bme_members=bme_members, undisclosed_members=undisclosed_members)
    rule = definition or default_rule()
    if threshold is not None:
        rule = replace(rule, threshold=Fraction(threshold))
    if rule.meets(bme_members, members):
        outcome = Outcome.BME_LED
    elif rule.undisclosed == Undisclosed.UNDETERMINED and rule.meets(bme_members + undisclosed_members, members):
        outcome = Outcome.UNDETERMINED
    else:
        outcome = Outcome.NOT_BME_LED
    return BmeLedResult(
        outcome=outcome,
        threshold=rule.threshold,
        rule=rule,
        members=members,
        bme_members=bme_members,
        undisclosed_members=undisclosed_members,
        **context,
    )


def no_current_declaration(threshold: Fraction | None = None, *, definition: BmeRule | None = None) -> BmeLedResult:
    rule = definition or default_rule()
    return BmeLedResult(
        outcome=Outcome.NO_CURRENT_DECLARATION,
        threshold=rule.threshold if threshold is None else threshold,
        rule=rule,
    )


def last_current_date(effective_date: date) -> date:
    """The last day a declaration counts: the same day 12 months on (the month's last day where that
    day does not exist, so 29 February 2024 counts until 28 February 2025)."""
    return add_months(effective_date, settings.BOARD_DECLARATION_VALID_MONTHS)


def oldest_current_effective_date(on_date: date) -> date:
    """A declaration counts on `on_date` when it is effective on or after this date.

    The exact inverse of `last_current_date`: the same day 12 months earlier, or the 1st of the
    following month where that day does not exist (on 29 February 2024 a declaration from
    28 February 2023 is 12 months and a day old, so the oldest that still counts is 1 March 2023).
    """
    return earliest_within(on_date, settings.BOARD_DECLARATION_VALID_MONTHS)


def earliest_within(on_date: date, months: int) -> date:
    """The earliest day `d` with add_months(d, months) on or after `on_date` (see
    `oldest_current_effective_date`, which is this for the 12 months a declaration counts)."""
    earlier = add_months(on_date, -months)
    # add_months clipped a day the earlier month lacks to its last day, which is one day too old.
    return earlier if earlier.day == on_date.day else earlier + timedelta(days=1)


def transition_until(last_bme_led_day: date, rule: BmeRule) -> date:
    """The last day of the transition period that follows an organisation's last BME-led day."""
    return add_months(last_bme_led_day, rule.transition_months)


def in_transition(
    result: BmeLedResult, last_bme_led: BmeLedResult | None, last_bme_led_day: date | None, on_date: date
) -> BmeLedResult:
    """`result` (the status from the current declaration, if any) unless the rule's transition period
    applies on `on_date`: the organisation is not BME-led now, was BME-led (by `last_bme_led`, its last
    BME-led declaration, counting until `last_bme_led_day`) and that day is at most
    `transition_months` months ago. Then it keeps that BME-led outcome, marked as a transition."""
    rule = result.rule or default_rule()
    if result.is_bme_led or not rule.transition_months or last_bme_led is None or last_bme_led_day is None:
        return result
    if not last_bme_led_day < on_date <= transition_until(last_bme_led_day, rule):
        return result
    return replace(
        last_bme_led,
        transition_until=transition_until(last_bme_led_day, rule),
        bme_led_until=last_bme_led_day,
    )


def is_current(effective_date: date, on_date: date) -> bool:
    return effective_date <= on_date <= last_current_date(effective_date)
