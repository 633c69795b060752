"""Forms for publishing the response and for themes. Services check the rules; these only parse input."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from common.forms import GovUKDateField

from .forms import helper
from .models import ResponseKind


class PublishForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[
            (ResponseKind.FINAL, "Final response: comments without a response are listed as “no response given”"),
            (ResponseKind.INTERIM, "Interim response: shown with a banner; a later version replaces it"),
        ],
        widget=forms.RadioSelect,
        label="Is this the final response?",
        error_messages={"required": "Choose whether this is the final response or an interim one"},
    )
    unanswered_reason = forms.CharField(
        required=False,
        max_length=300,
        label="Why some comments have no response (optional, one sentence)",
        help_text="Shown beside the number of comments without a response.",
    )
    next_steps = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        label="What happens next (optional)",
        help_text="For example, when the revised document goes to the board. Left empty, the page says “not recorded”.",
    )
    next_date = GovUKDateField(required=False, label="Date of the next step (optional)")

    def __init__(self, *args, pending: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        if not pending:
            del self.fields["unanswered_reason"]
        self.helper = None  # rendered by the confirmation page


class ThemeForm(forms.Form):
    name = forms.CharField(
        max_length=100, label="New theme", error_messages={"required": "Enter the name of the theme"}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(Field.text("name"), button="Add theme")


class ThemeChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class CommentThemesForm(forms.Form):
    themes = ThemeChoices(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple, label="Themes of this comment"
    )

    def __init__(self, *args, themes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = themes
        self.helper = helper(Field.checkboxes("themes", small=True, legend_size=Size.MEDIUM), button="Save themes")
