"""Forms for handling a complaint: replies, extensions, escalation, closing, messages and notes."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from common.forms import GovUKDateField
from undertakings.models import Undertaking

from ..models import Audience, Outcome
from .raising import UndertakingLabelChoices, helper


def _text(label: str, required_message: str, help_text: str = "", required: bool = True, rows: int = 6):
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        required=required,
        help_text=help_text,
        max_length=10000,
        error_messages={"required": required_message},
    )


class ReplyForm(forms.Form):
    reply = _text(
        "Your reply to the complainant",
        "Enter your reply to the complainant",
        "Answer each point. Say what you found, what you will do, and by when.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(Field.textarea("reply", rows=10), button="Send reply")


class ExtendForm(forms.Form):
    new_date = GovUKDateField(label="New reply date")
    reason = _text(
        "Why do you need more time?", "Enter the reason for the extension", "The complainant will be sent this reason."
    )
    beyond_limit_reason = _text(
        "If the new date is past the Code’s limit: why can it not be answered sooner?",
        "",
        "The steering group is told, and this reason is published in the annual review: do not name the complainant.",
        required=False,
        rows=4,
    )

    def __init__(self, *args, latest=None, **kwargs):
        super().__init__(*args, **kwargs)
        if latest:
            self.fields["new_date"].help_text = (
                f"A working day. The Complaint Handling Code allows up to {latest:%-d %B %Y}; a later date needs "
                f"a reason below. For example, {latest:%-d %-m %Y}."
            )
        self.helper = helper(
            Field("new_date"),
            Field.textarea("reason", rows=5),
            Field.textarea("beyond_limit_reason", rows=4),
            button="Extend the reply date",
        )


class EscalateForm(forms.Form):
    reason = _text("Why are you not satisfied with the reply?", "Say why you are not satisfied with the reply")

    def __init__(self, *args, button: str = "Continue", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(Field.textarea("reason", rows=8), button=button)


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        widget=forms.RadioSelect,
        choices=[(v, label) for v, label in Outcome.choices if v != Outcome.WITHDRAWN],
        label="Outcome",
        error_messages={"required": "Choose the outcome"},
    )
    explanation = _text("Explain the decision to the complainant", "Explain the decision to the complainant")
    remedy = _text(
        "Remedy", "", "What will be put right, for whom and by when. Leave empty if none.", required=False, rows=4
    )
    learning = _text(
        "What was learned?",
        "Enter what was learned from the complaint",
        "Published in the annual review: do not name the complainant. If nothing, say why.",
        rows=4,
    )
    changes_made = _text(
        "What changed, or will change, because of it?",
        "",
        "Published in the annual review. Leave empty if it is not known yet: you can add it after closing.",
        required=False,
        rows=4,
    )
    undertakings_broken = UndertakingLabelChoices(
        queryset=Undertaking.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Undertakings found broken",
        help_text="Select all that apply, if any.",
    )

    def __init__(self, *args, undertakings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["undertakings_broken"].queryset = undertakings
        self.helper = helper(
            Field.radios("outcome", legend_size=Size.MEDIUM, legend_tag="h2"),
            Field.textarea("explanation", rows=6),
            Field.textarea("remedy", rows=4),
            Field.textarea("learning", rows=4),
            Field.textarea("changes_made", rows=4),
            Field.checkboxes("undertakings_broken", small=True),
            button="Close the complaint",
        )


class WithdrawForm(forms.Form):
    reason = _text("Why are you withdrawing it? (optional)", "", required=False, rows=4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(Field.textarea("reason", rows=4), button="Withdraw the complaint")


class MessageForm(forms.Form):
    text = _text("Message", "Enter your message")

    def __init__(self, *args, hint: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = hint
        self.helper = helper(Field.textarea("text", rows=6), button="Send message")


class NoteForm(forms.Form):
    text = _text("Note", "Enter the note", "The complainant never sees internal notes.")
    audience = forms.ChoiceField(
        widget=forms.RadioSelect,
        choices=[
            (Audience.INTERNAL, "The steering group and the body complained about"),
            (Audience.STEERING, "The steering group only"),
        ],
        initial=Audience.INTERNAL,
        label="Who can read this note?",
    )

    def __init__(self, *args, steering: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        fields = [Field.textarea("text", rows=6)]
        if steering:
            fields.append(Field.radios("audience", legend_size=Size.SMALL))
        else:
            del self.fields["audience"]
        self.helper = helper(*fields, button="Save note")
