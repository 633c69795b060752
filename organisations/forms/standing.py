"""Granting and withdrawing public-body standing."""

from typing import cast

from crispy_forms_gds.layout import Field
from django import forms

from common.forms import form_helper

from ..models import Compact

COMPACT_REQUIRED = "Choose the Compact whose steering group is granting standing"
REASON_REQUIRED = "Enter why its standing is being withdrawn"


class GrantStandingForm(forms.Form):
    compact = forms.ModelChoiceField(
        label="On behalf of the steering group of",
        queryset=Compact.objects.none(),
        required=False,
        empty_label=None,
    )

    def __init__(self, *args, compacts, site_admin: bool, **kwargs):
        """`compacts`: those the person steers and may grant in; a site admin may also grant as themself."""
        super().__init__(*args, **kwargs)
        # django-stubs types every form field as Field: this one is declared above as a ModelChoiceField.
        field = cast(forms.ModelChoiceField, self.fields["compact"])
        field.queryset = compacts
        if site_admin:
            field.empty_label = "No steering group: as a site admin"
        else:
            field.required = True
            field.error_messages["required"] = COMPACT_REQUIRED
        self.helper = form_helper(Field.select("compact"), button="Grant public-body standing", form_tag=False)


class WithdrawStandingForm(forms.Form):
    reason = forms.CharField(
        label="Why is its standing being withdrawn?",
        help_text="Kept in the organisation's change history.",
        max_length=70,
        error_messages={"required": REASON_REQUIRED},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.text("reason"), button="Withdraw public-body standing", form_tag=False)
