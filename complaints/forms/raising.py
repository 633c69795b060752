"""The questions of the "raise a complaint" flow, one page each (GOV.UK question pages)."""

from functools import partial

from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms
from django.utils import timezone

from common.forms import GovUKDateField, form_helper
from organisations.models import Organisation
from undertakings.models import Undertaking

from ..presenters import undertaking_label

# The templates hold the <form> so they can add the CSRF token and hidden bits.
helper = partial(form_helper, form_tag=False)


class BodyForm(forms.Form):
    respondent = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        widget=forms.RadioSelect,
        label="Which body is your complaint about?",
        error_messages={"required": "Choose the body your complaint is about"},
    )

    def __init__(self, *args, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["respondent"].queryset = bodies
        self.helper = helper(Field.radios("respondent", legend_size=Size.LARGE, legend_tag="h1"))


class UndertakingLabelChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Undertaking) -> str:
        return undertaking_label(obj)


class UndertakingsForm(forms.Form):
    undertakings = UndertakingLabelChoices(
        queryset=Undertaking.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Undertakings",
        help_text="Select all that apply.",
    )
    not_sure = forms.BooleanField(
        required=False,
        label="I’m not sure which undertaking",
        help_text="The body and the steering group will work out which undertakings apply.",
    )

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["undertakings"].queryset = choices
        self.helper = helper(Field.checkboxes("undertakings", small=True), Field.checkbox("not_sure", small=True))

    def clean(self):
        data = super().clean()
        if not data.get("undertakings") and not data.get("not_sure"):
            self.add_error("undertakings", "Choose at least one undertaking, or choose “I’m not sure”")
        return data


class DetailsForm(forms.Form):
    what_happened = forms.CharField(
        label="What happened?",
        widget=forms.Textarea,
        max_length=10000,
        help_text="Say what the body did or did not do, and who it affected. If you want to stay "
        "confidential, do not include your name or your organisation’s name.",
        error_messages={"required": "Enter what happened"},
    )
    happened_on = GovUKDateField(
        label="When did it happen?",
        what="date it happened",
        help_text="For example, 27 3 2026. If it went on for a while, give the latest date.",
    )
    outcome_sought = forms.CharField(
        label="What would you like to happen now?",
        widget=forms.Textarea,
        max_length=5000,
        help_text="For example, an apology, a decision looked at again, or a change to how the body works.",
        error_messages={"required": "Enter what you would like to happen now"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["happened_on"].error_messages.update(
            {"required": "Enter the date it happened", "incomplete": "Enter the date it happened"}
        )
        self.helper = helper(
            Field.textarea("what_happened", label_size=Size.MEDIUM, label_tag="h2", rows=8, max_characters=10000),
            Field("happened_on", context={"legend_size": Size.for_legend(Size.MEDIUM), "legend_tag": "h2"}),
            Field.textarea("outcome_sought", label_size=Size.MEDIUM, label_tag="h2", rows=5, max_characters=5000),
        )

    def clean_happened_on(self):
        value = self.cleaned_data["happened_on"]
        if value and value > timezone.localdate():
            raise forms.ValidationError("The date it happened must be today or in the past")
        return value


# Told to a confidential complainant after they have chosen confidentiality (common.metadata).
FILES_CLEANED = "We remove names and other hidden details from your files before anyone else can see them."


class FileForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        help_text="PDF, Word, Excel, OpenDocument, JPG, PNG or plain text (.txt or .csv), up to 10 MB.",
        error_messages={"required": "Select a file"},
    )

    def __init__(self, *args, button: str = "Upload file", continue_button: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(Field("file"), button=button)
        if continue_button:
            # A page that also moves on: "Continue" is the one green button and posts the same form,
            # so a file chosen but not yet uploaded goes with it instead of being dropped.
            self.helper.layout = Layout(
                Field("file"), Button.secondary("upload", button), Button("continue", continue_button)
            )


ANONYMOUS = "anonymous"
EMAIL = "email"
INDIVIDUAL = "individual"


class ContactForm(forms.Form):
    who = forms.ChoiceField(
        widget=forms.RadioSelect,
        label="Who is making this complaint?",
        error_messages={"required": "Choose who is making this complaint"},
    )
    # Honeypot: hidden from people (see the template), filled in by form-filling robots.
    website = forms.CharField(required=False, label="Leave this empty")

    def __init__(self, *args, user=None, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(f"org:{o.pk}", f"My organisation, {o.name}") for o in organisations]
        if user is not None and user.is_authenticated:
            choices.append((INDIVIDUAL, f"Me, as an individual ({user.email})"))
        else:
            choices.append((EMAIL, "Me, and I will give an email address for replies"))
        choices.append((ANONYMOUS, "I want to stay anonymous: nobody will be able to reply to me"))
        self.fields["who"].choices = choices
        self.helper = helper(Field.radios("who", legend_size=Size.LARGE, legend_tag="h1"))


class EmailForm(forms.Form):
    name = forms.CharField(label="Your name (optional)", required=False, max_length=200)
    email = forms.EmailField(
        label="Email address",
        help_text="We will send you a link to confirm it. Your complaint is sent once you open the link.",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.helper = helper(Field.text("name"), Field.text("email"))


class ConfidentialForm(forms.Form):
    confidential = forms.TypedChoiceField(
        widget=forms.RadioSelect,
        coerce=lambda v: v == "yes",
        choices=[
            ("yes", "Yes, keep who I am from them: only the Compact steering group will know"),
            ("no", "No, they can know who is complaining"),
        ],
        error_messages={"required": "Choose whether to keep your complaint confidential"},
    )

    def __init__(self, *args, respondent_name: str = "the body", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confidential"].label = f"Should we keep who you are from {respondent_name}?"
        self.helper = helper(Field.radios("confidential", legend_size=Size.LARGE, legend_tag="h1"))
