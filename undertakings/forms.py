from crispy_forms_gds.choices import Choice
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms
from django.utils.html import escape

from common.forms import GovUKDateField

from .models import Rating

RATING_HINTS: dict[str, str] = {
    Rating.MET: "The body kept this undertaking throughout the year.",
    Rating.PARTLY_MET: "Some of it was done. Explain what was not, and why.",
    Rating.NOT_MET: "It was not done. Explain why, and add what you will do about it.",
    Rating.NOT_APPLICABLE: "It does not apply to this body. Explain why.",
    Rating.NOT_ASSESSED: "Leave the answer for later. The return cannot be submitted until every undertaking is assessed.",
}


def _helper(*fields, button: str, secondary: tuple[str, str] | None = None) -> FormHelper:
    helper = FormHelper()
    buttons = [Button("submit", button)]
    if secondary:
        buttons.append(Button.secondary(*secondary))
    helper.layout = Layout(*fields, *buttons)
    return helper


class EntryForm(forms.Form):
    rating = forms.ChoiceField(
        label="Rating",
        choices=[
            Choice(
                value, label, hint=RATING_HINTS[value], **({"divider": "or"} if value == Rating.NOT_APPLICABLE else {})
            )
            for value, label in Rating.choices
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a rating", "invalid_choice": "Choose a rating from the list"},
    )
    explanation = forms.CharField(
        label="Explanation",
        required=False,
        widget=forms.Textarea,
        help_text="Needed for partly met, not met and not applicable: say what was done, what was not and why.",
    )
    evidence = forms.CharField(
        label="Evidence",
        required=False,
        widget=forms.Textarea,
        help_text="What shows this: documents, meetings, figures. You can add files and links too.",
    )
    links = forms.CharField(
        label="Links to evidence published elsewhere (optional)",
        required=False,
        widget=forms.Textarea,
        help_text="One web address a line, starting with https://",
    )

    def __init__(self, *args, legend: str = "How well was this undertaking kept?", **kwargs):
        super().__init__(*args, **kwargs)
        # crispy-forms-gds prints labels unescaped, and the legend holds an organisation's name.
        self.fields["rating"].label = escape(legend)
        self.fields["rating"].help_text = ""
        self.helper = _helper(
            Field.radios("rating", legend_size=Size.MEDIUM),
            Field.textarea("explanation", rows=5),
            Field.textarea("evidence", rows=4),
            Field.textarea("links", rows=3),
            button="Save and continue",
            secondary=("then", "Save and go back to the return"),
        )

    def link_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]


class StartReturnForm(forms.Form):
    BLANK, CARRY_FORWARD = "blank", "carry_forward"
    start = forms.ChoiceField(
        label="How do you want to start?",
        choices=[
            (
                CARRY_FORWARD,
                "Start from last year's return: copy its ratings, explanations and evidence for you to confirm",
            ),
            (BLANK, "Start with a blank return"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how to start the return"},
    )

    def __init__(self, *args, previous=None, **kwargs):
        super().__init__(*args, **kwargs)
        if previous is None:
            self.fields["start"].choices = [(self.BLANK, "Start with a blank return")]
            self.fields["start"].initial = self.BLANK
        else:
            self.fields["start"].choices = [
                (self.CARRY_FORWARD, f"Start from the {previous.period.label} return"),
                (self.BLANK, "Start with a blank return"),
            ]
        self.helper = _helper(Field.radios("start", legend_size=Size.MEDIUM), button="Start return")


class EvidenceFileForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        help_text="PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, GIF, WebP or plain text.",
        error_messages={"required": "Select a file", "empty": "The selected file is empty"},
    )

    def __init__(self, *args, limit_text: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if limit_text:
            self.fields["file"].help_text += f" Smaller than {limit_text}."
        self.helper = _helper(Field("file"), button="Upload file")
        self.helper.form_tag = True


class ActionForm(forms.Form):
    what = forms.CharField(
        label="What will be done", widget=forms.Textarea, error_messages={"required": "Say what will be done"}
    )
    who = forms.CharField(
        label="Who is responsible",
        max_length=200,
        help_text="A person or a team.",
        error_messages={"required": "Say who is responsible"},
    )
    due_on = GovUKDateField(label="By when", what="date it will be done by", help_text="For example, 31 3 2027")
    done = forms.BooleanField(label="This action is done", required=False)

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["due_on"].error_messages.update(
            required="Enter the date it will be done by", incomplete="Enter the date it will be done by"
        )
        fields = [Field.textarea("what", rows=3), Field.text("who", field_width=20), Field("due_on")]
        if editing:
            fields.append(Field.checkbox("done"))
        else:
            del self.fields["done"]
        self.helper = _helper(*fields, button="Save action")


class ReviewForm(forms.Form):
    ACCEPT, RETURN = "accept", "return"
    decision = forms.ChoiceField(
        label="What do you want to do with this return?",
        choices=[(ACCEPT, "Accept it: the return is then locked"), (RETURN, "Return it to the body for changes")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to accept or return it"},
    )
    comments = forms.CharField(
        label="Comments for the body",
        required=False,
        widget=forms.Textarea,
        help_text="Needed when you return it: say what needs to change.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.radios("decision", legend_size=Size.MEDIUM),
            Field.textarea("comments", rows=5),
            button="Send decision",
        )


class PeriodForm(forms.Form):
    start_year = forms.IntegerField(
        label="In which year does the financial year start?",
        help_text="Periods run from 1 April to 31 March. For example, 2026 for the 2026-27 period.",
        min_value=2000,
        max_value=2100,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "required": "Enter the year the financial year starts",
            "invalid": "Enter the year as a number, for example 2026",
            "min_value": "Enter a year from 2000 onwards",
            "max_value": "Enter a year before 2100",
        },
    )
    returns_due = GovUKDateField(
        label="Date returns are due", help_text="Usually 30 June after the year ends. For example, 30 6 2027"
    )
    is_open = forms.BooleanField(
        label="Open it for returns now",
        required=False,
        help_text="While a period is closed, organisations cannot start or submit returns for it and are not sent reminders.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("start_year", field_width=4),
            Field("returns_due"),
            Field.checkbox("is_open"),
            button="Add reporting period",
        )
