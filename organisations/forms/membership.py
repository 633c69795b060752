"""Asking to join an organisation, and deciding on a request."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from common.forms import form_helper

from ..models import MembershipRole

DECISION_REQUIRED = "Select whether to approve or decline the request"
ROLE_REQUIRED = "Select what they can do"


class MembershipRequestForm(forms.Form):
    job_title = forms.CharField(
        label="Your role in the organisation (optional)",
        help_text="For example, chair, treasurer or development worker. This helps its admin recognise you.",
        max_length=200,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.text("job_title", field_width="two-thirds"), button="Send request")


class MembershipDecisionForm(forms.Form):
    APPROVE, DECLINE = "approve", "decline"
    decision = forms.ChoiceField(
        label="Do you want to approve this request?",
        choices=[(APPROVE, "Yes, approve it"), (DECLINE, "No, decline it")],
        widget=forms.RadioSelect,
        error_messages={"required": DECISION_REQUIRED},
    )
    role = forms.ChoiceField(
        label="If you approve, what can they do?",
        choices=[
            (MembershipRole.MEMBER, "Act for the organisation: edit its profile, declare its board"),
            (MembershipRole.ADMIN, "All of that, and decide who else can join (organisation admin)"),
        ],
        widget=forms.RadioSelect,
        initial=MembershipRole.MEMBER,
        error_messages={"required": ROLE_REQUIRED},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.radios("decision", legend_size=Size.MEDIUM),
            Field.radios("role", legend_size=Size.SMALL, small=True),
            button="Confirm decision",
        )

    @property
    def approve(self) -> bool:
        return self.cleaned_data["decision"] == self.APPROVE
