"""The steering group's forms: an action for next year, and the reason for withdrawing a review."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from common.forms import GovUKDateField, form_helper

from . import services
from .models import ActionProgress


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


class _SignatoryChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class _MemberChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.user.full_name or obj.user.email} ({obj.role})"


class MeetingForm(forms.Form):
    """The annual meeting (§10.3): when, where, who came and what it decided."""

    date = GovUKDateField(label="Date of the meeting", help_text="For example, 17 6 2026.", required=False)
    place = forms.CharField(label="Where it was held", max_length=300, required=False)
    attending = _SignatoryChoices(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Organisations attending",
        help_text="Tick every signatory that sent someone.",
    )
    decisions = forms.CharField(
        label="What the meeting decided",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10000,
        required=False,
        help_text="In plain words, one decision a paragraph. It is printed as written.",
    )

    def __init__(self, *args, signatories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attending"].queryset = signatories
        self.helper = form_helper(
            Field("date"),
            Field.text("place"),
            Field.checkboxes("attending", small=True, legend_size=Size.MEDIUM),
            Field.textarea("decisions", rows=8),
            button="Save the meeting",
        )


class ForewordForm(forms.Form):
    """The chair's foreword and the sector's own statement."""

    foreword = forms.CharField(
        label="Chair's foreword",
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=10000,
        required=False,
        help_text="Printed at the start of the review. Leave it empty for none.",
    )
    foreword_by = forms.CharField(
        label="Signed by", max_length=200, required=False, help_text="For example, Hannah Reid, Chair."
    )
    statement = forms.CharField(
        label="Statement from the voluntary and community sector",
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=10000,
        required=False,
        help_text="Written by the sector's representatives on the steering group, and printed as they wrote it.",
    )
    authors = _MemberChoices(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Who wrote the statement",
        help_text="The sector's representatives on the steering group who wrote it.",
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["authors"].queryset = members
        self.helper = form_helper(
            Field.textarea("foreword", rows=10),
            Field.text("foreword_by"),
            Field.textarea("statement", rows=10),
            Field.checkboxes("authors", small=True, legend_size=Size.MEDIUM),
            button="Save",
        )


class CommentaryForm(forms.Form):
    """One box for each section of the review the steering group may comment on."""

    def __init__(self, *args, sections: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        for key, title in sections:
            self.fields[key] = forms.CharField(
                label=title,
                widget=forms.Textarea(attrs={"rows": 4}),
                max_length=5000,
                required=False,
            )
        self.helper = form_helper(
            *[Field.textarea(key, rows=4, label_size=Size.SMALL) for key, _ in sections], button="Save commentary"
        )


class ProgressForm(forms.Form):
    """What became of one of last year's actions."""

    progress = forms.ChoiceField(
        label="What became of it?",
        choices=ActionProgress.choices,
        widget=forms.RadioSelect,
        error_messages={"required": services.PROGRESS_REQUIRED},
    )
    note = forms.CharField(
        label="What happened",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="One sentence, printed beside the action in this year's review.",
        error_messages={"required": services.PROGRESS_NOTE_REQUIRED},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.radios("progress", legend_size=Size.MEDIUM), Field.textarea("note", rows=3), button="Save progress"
        )
