"""Forms, rendered as GOV.UK components by crispy-forms-gds. Forms check what a person typed; the
rules live in services and bme_led."""

from .board import BoardDeclarationForm
from .membership import MembershipDecisionForm, MembershipRequestForm
from .organisation import OrganisationForm
from .public import DirectoryFilterForm, EligibilityForm
from .standing import GrantStandingForm, WithdrawStandingForm

__all__ = [
    "BoardDeclarationForm",
    "DirectoryFilterForm",
    "EligibilityForm",
    "GrantStandingForm",
    "MembershipDecisionForm",
    "MembershipRequestForm",
    "OrganisationForm",
    "WithdrawStandingForm",
]
