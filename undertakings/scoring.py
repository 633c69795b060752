"""The compliance score, and the only place it is computed.

Score of a return = (met + ½ × partly met) ÷ applicable undertakings, where "not applicable" entries
are left out and "not yet assessed" ones still count as applicable (design.md §3). Every page, CSV
and the annual review call `compliance_score`; lists feed it the counts from
`ComplianceReturnQuerySet.with_counts()`. Exact arithmetic: `Fraction`, never floats.
"""

from dataclasses import dataclass
from fractions import Fraction
from math import floor

NO_APPLICABLE_UNDERTAKINGS = "No applicable undertakings"


@dataclass(frozen=True)
class Score:
    met: int
    partly_met: int
    applicable: int

    @property
    def numerator(self) -> Fraction:
        return self.met + Fraction(self.partly_met, 2)

    @property
    def denominator(self) -> int:
        return self.applicable

    @property
    def percentage(self) -> Fraction | None:
        if not self.applicable:
            return None
        return self.numerator * 100 / self.applicable

    @property
    def percent_text(self) -> str:
        """ "72.5%" (to one decimal place, halves rounded up), or a sentence when nothing applies."""
        if self.percentage is None:
            return NO_APPLICABLE_UNDERTAKINGS
        tenths = floor(self.percentage * 10 + Fraction(1, 2))
        whole, tenth = divmod(tenths, 10)
        return f"{whole}%" if tenth == 0 else f"{whole}.{tenth}%"

    @property
    def numerator_text(self) -> str:
        # Half points only ever come from "partly met", so one decimal place is exact.
        return str(self.numerator.numerator) if self.numerator.denominator == 1 else f"{float(self.numerator):.1f}"

    @property
    def fraction_text(self) -> str:
        """ "14.5 of 20"."""
        return f"{self.numerator_text} of {self.denominator}"

    @property
    def working(self) -> str:
        """How the score was computed, in words, for the page under it."""
        if self.percentage is None:
            return f"{NO_APPLICABLE_UNDERTAKINGS}: every undertaking was marked not applicable."
        return (
            f"({self.met} met + ½ × {self.partly_met} partly met) ÷ {self.applicable} applicable "
            f"= {self.fraction_text} = {self.percent_text}"
        )

    def __str__(self):
        if self.percentage is None:
            return NO_APPLICABLE_UNDERTAKINGS
        return f"{self.percent_text} ({self.fraction_text})"

    def as_dict(self) -> dict:
        """JSON-friendly: exact numerator as text ("14.5"), denominator, percentage as text."""
        return {
            "numerator": self.numerator_text,
            "denominator": self.denominator,
            "percent": self.percent_text if self.percentage is not None else None,
        }


def compliance_score(*, met: int, partly_met: int, applicable: int) -> Score:
    if min(met, partly_met, applicable) < 0 or met + partly_met > applicable:
        raise ValueError(f"impossible counts: {met} met and {partly_met} partly met of {applicable} applicable")
    return Score(met=met, partly_met=partly_met, applicable=applicable)
