"""The steering group's forms: an action for next year, and the reason for withdrawing a review."""

from crispy_forms_gds.layout import Field
from django import forms

from common.forms import GovUKDateField, form_helper

from . import services


class ActionForm(forms.Form):
    action = forms.CharField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="What will be done, in a sentence or two.",
        error_messages={"required": services.ACTION_REQUIRED},
    )
    owner = forms.CharField(
        label="Owner",
        max_length=200,
        help_text="The person or organisation who will make sure it happens.",
        error_messages={"required": services.OWNER_REQUIRED},
    )
    due = GovUKDateField(label="Due date (optional)", help_text="For example, 31 3 2027.", required=False)

    def __init__(self, *args, button: str = "Save action", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.textarea("action", rows=4), Field.text("owner"), Field("due"), button=button, form_tag=False
        )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why are you withdrawing it?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="The steering group sees this beside the version. The public page will no longer exist.",
        error_messages={"required": services.WITHDRAWAL_REASON_REQUIRED},
    )


class PublishForm(forms.Form):
    """Asked only when the version is an interim review."""

    interim_reason = forms.CharField(
        label="Why publish this interim review?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="It is printed with the review, for example: 'The annual meeting asked for the figures so far'.",
        error_messages={"required": services.INTERIM_REASON_REQUIRED},
    )
