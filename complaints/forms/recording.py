"""Forms for complaints made another way, holds, learning and the yearly self-assessment."""

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms

from common.forms import GovUKDateField
from organisations.models import Organisation

from ..code_requirements import REQUIREMENTS
from ..models import Assessment, Channel, ComplainantKind, PauseReason
from .handling import _text
from .raising import helper

_YES_NO = [("yes", "Yes"), ("no", "No")]


class RecordForm(forms.Form):
    respondent = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label="Which body is the complaint about?",
        empty_label="Choose a body",
        error_messages={"required": "Choose the body the complaint is about"},
    )
    channel = forms.ChoiceField(
        widget=forms.RadioSelect,
        choices=[(v, label) for v, label in Channel.choices if v != Channel.ONLINE],
        label="How was the complaint made?",
        error_messages={"required": "Choose how the complaint was made"},
    )
    received_on = GovUKDateField(
        label="When was it received?",
        what="date it was received",
        help_text="The clock starts on this day: the body must acknowledge the complaint within 5 working days "
        "of it. For example, 27 3 2026.",
    )
    what_happened = _text("What happened?", "Enter what happened", "In the complainant’s words, as far as you can.")
    happened_on = GovUKDateField(label="When did it happen?", what="date it happened")
    outcome_sought = _text("What would they like to happen now?", "Enter what they would like to happen now", rows=4)
    who = forms.ChoiceField(
        widget=forms.RadioSelect,
        choices=[
            (ComplainantKind.RECORDED, "They gave their name and a way to contact them"),
            (ComplainantKind.ANONYMOUS, "They want to stay anonymous: nobody will be able to reply to them"),
        ],
        label="Who is complaining?",
        error_messages={"required": "Choose whether they gave their name or stay anonymous"},
    )
    name = forms.CharField(label="Their name", required=False, max_length=200, help_text="Leave empty if anonymous.")
    email = forms.EmailField(
        label="Email address (optional)",
        required=False,
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )
    phone = forms.CharField(label="Phone number (optional)", required=False, max_length=40)
    address = forms.CharField(
        label="Postal address (optional)", required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    confidential = forms.TypedChoiceField(
        widget=forms.RadioSelect,
        coerce=lambda v: v == "yes",
        choices=[
            ("yes", "Yes: only the Compact steering group may know who complained"),
            ("no", "No: the body may know who complained"),
        ],
        label="Did they ask for the body not to be told who they are?",
        help_text="Anonymous complaints are always confidential. You cannot record a confidential complaint about "
        "your own organisation: the steering group records those.",
        error_messages={"required": "Choose whether the complaint is confidential"},
    )
    send_link = forms.BooleanField(
        required=False,
        label="Email them a link to follow the complaint, and each step as it happens",
        help_text="Only if they gave an email address and agreed to be emailed. You will not see the link.",
    )

    def __init__(self, *args, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["respondent"].queryset = bodies
        self.helper = helper(
            Fieldset(
                Field.select("respondent"),
                Field.radios("channel", legend_size=Size.SMALL),
                Field("received_on"),
                legend="The complaint",
                legend_size=Size.MEDIUM,
            ),
            Field.textarea("what_happened", rows=6),
            Field("happened_on"),
            Field.textarea("outcome_sought", rows=4),
            Fieldset(
                Field.radios("who", legend_size=Size.SMALL),
                Field.text("name"),
                Field.text("email"),
                Field.text("phone", field_width=20),
                Field.textarea("address", rows=3),
                Field.radios("confidential", legend_size=Size.SMALL),
                Field.checkbox("send_link", small=True),
                legend="The complainant",
                legend_size=Size.MEDIUM,
            ),
            button="Record the complaint",
        )


class PauseForm(forms.Form):
    reason = forms.ChoiceField(
        widget=forms.RadioSelect,
        choices=PauseReason.choices,
        label="Why is the complaint on hold?",
        error_messages={"required": "Choose why the complaint is on hold"},
    )
    explanation = _text(
        "What is needed, and when was it agreed with the complainant?",
        "Say what is needed from the complainant and when it was agreed with them",
        "The complainant will be sent this.",
        rows=4,
    )
    agreed_with_complainant = forms.BooleanField(
        required=False,
        label="The complainant has agreed to the complaint being put on hold",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(
            Field.radios("reason", legend_size=Size.SMALL),
            Field.textarea("explanation", rows=4),
            Field.checkbox("agreed_with_complainant", small=True),
            button="Put on hold",
        )


class ResumeForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(button="Resume the complaint")


class LearningForm(forms.Form):
    learning = _text(
        "What was learned?",
        "Enter what was learned from the complaint",
        "Published in the annual review: do not name the complainant. If nothing, say why.",
        rows=4,
    )
    changes_made = _text(
        "What changed because of it?",
        "Enter what changed because of the complaint",
        "Published in the annual review. If nothing, say why.",
        rows=4,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(
            Field.textarea("learning", rows=4), Field.textarea("changes_made", rows=4), button="Save learning"
        )


class SelfAssessmentForm(forms.Form):
    """One assessment and one evidence box per requirement of code_requirements, then the statement."""

    statement = _text(
        "The steering group’s statement",
        "Enter the steering group’s statement",
        "How the Compact handles complaints, what it will improve and by when. Published in the annual review.",
        required=False,
        rows=6,
    )
    complete = forms.BooleanField(
        required=False,
        label="The steering group has agreed this self-assessment: mark it as complete",
        help_text="A completed self-assessment can no longer be changed, and the annual review prints it.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        layout = []
        for r in REQUIREMENTS:
            self.fields[f"{r.key}_assessment"] = forms.ChoiceField(
                widget=forms.RadioSelect,
                choices=Assessment.choices,
                required=False,
                label=r.title,
                help_text=r.text,
            )
            self.fields[f"{r.key}_evidence"] = _text(f"Evidence for ‘{r.title}’", "", required=False, rows=3)
            layout += [
                Field.radios(f"{r.key}_assessment", legend_size=Size.SMALL, inline=True),
                Field.textarea(f"{r.key}_evidence", rows=3),
            ]
        self.helper = helper(
            *layout, Field.textarea("statement", rows=6), Field.checkbox("complete", small=True), button="Save"
        )

    @staticmethod
    def initial_from(assessment) -> dict:
        if assessment is None:
            return {}
        initial = {"statement": assessment.statement}
        for key, answer in assessment.answers.items():
            initial[f"{key}_assessment"] = answer.get("assessment", "")
            initial[f"{key}_evidence"] = answer.get("evidence", "")
        return initial

    def answers(self) -> dict:
        data = self.cleaned_data
        return {
            r.key: {"assessment": data.get(f"{r.key}_assessment", ""), "evidence": data.get(f"{r.key}_evidence", "")}
            for r in REQUIREMENTS
        }
