"""Forms for consultation pages, rendered by crispy-forms-gds. Services check the rules; these only
parse input."""

from functools import partial

from crispy_forms_gds.layout import Button, Field, Fieldset, Size
from django import forms

from common.forms import GovUKDateField, form_helper
from organisations.bme_led import Outcome
from organisations.models import EthnicGroup, Organisation, ServiceArea
from undertakings.models import Code

from .models import Assessment, AuthorKind, Channel, Disposition, Publication, Stage
from .selectors import INVITED, NOT_INVITED, InviteFilter

# The templates write the <form> themselves.
helper = partial(form_helper, form_tag=False)


def _text(label, required_message="", help_text="", required=True, rows=5, max_length=10000):
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        required=required,
        help_text=help_text,
        max_length=max_length,
        error_messages={"required": required_message},
    )


class SectionChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class ConsultationForm(forms.Form):
    owner = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label="Public body running the consultation",
        error_messages={"required": "Choose the public body"},
    )
    title = forms.CharField(max_length=300, error_messages={"required": "Enter a title"})
    summary = _text("Summary", "Enter a summary", "What the consultation is about and what you want to know.")
    document = forms.FileField(
        required=False,
        label="Document (optional)",
        help_text="The document you are consulting on, if you are not adding it as sections.",
    )
    stage = forms.ChoiceField(
        choices=Stage.choices,
        widget=forms.RadioSelect,
        label="Stage of the policy",
        error_messages={"required": "Choose the stage"},
    )
    opens = GovUKDateField(label="Opening date", help_text="For example, 27 3 2026")
    closes = GovUKDateField(label="Closing date", help_text="Consultations are expected to run for at least 12 weeks.")
    shorter_reason = _text("If shorter than 12 weeks, why?", required=False, rows=3)
    languages = forms.CharField(
        required=False,
        max_length=300,
        label="Languages other than English offered",
        help_text="For example, Polish, Bengali, British Sign Language",
    )
    easy_read = forms.BooleanField(required=False, label="Easy read version")
    large_print = forms.BooleanField(required=False, label="Large print version")
    audio = forms.BooleanField(required=False, label="Audio version")
    interpreters = forms.BooleanField(required=False, label="Interpreters at events")
    expenses = forms.BooleanField(required=False, label="Expenses paid for attending")
    expenses_details = forms.CharField(required=False, max_length=300, label="What expenses are paid")
    access_email = forms.EmailField(
        required=False,
        label="Email for asking for these (optional)",
        help_text="If you leave it empty, we show your organisation's contact email.",
        error_messages={"invalid": "Enter an email address like name@example.gov.uk"},
    )
    access_phone = forms.CharField(required=False, max_length=40, label="Phone for asking for these (optional)")
    equality_assessment = forms.ChoiceField(
        choices=Assessment.choices,
        widget=forms.RadioSelect,
        label="Equality impact assessment",
        error_messages={"required": "Choose the equality impact assessment"},
    )
    equality_assessment_reason = _text("If not needed, why?", required=False, rows=3)
    code = forms.ModelChoiceField(
        queryset=Code.objects.all(), required=False, label="Code of practice it consults on (optional)"
    )

    def __init__(self, *args, owners=None, **kwargs):
        super().__init__(*args, **kwargs)
        layout = [
            Field.text("title"),
            Field.textarea("summary"),
            Field("document"),
            Field.radios("stage", legend_size=Size.MEDIUM),
            Field("opens"),
            Field("closes"),
            Field.textarea("shorter_reason"),
            Fieldset(
                Field.text("languages"),
                Field.checkbox("easy_read", small=True),
                Field.checkbox("large_print", small=True),
                Field.checkbox("audio", small=True),
                Field.checkbox("interpreters", small=True),
                Field.checkbox("expenses", small=True),
                Field.text("expenses_details"),
                Field.text("access_email"),
                Field.text("access_phone"),
                legend="Access offered",
                legend_size=Size.MEDIUM,
            ),
            Field.radios("equality_assessment", legend_size=Size.MEDIUM),
            Field.textarea("equality_assessment_reason"),
            Field.select("code"),
        ]
        if owners is None:  # editing: the owner does not change
            del self.fields["owner"]
        else:
            self.fields["owner"].queryset = owners
            if owners.count() == 1:
                self.fields["owner"].initial = owners[0].pk
                self.fields["owner"].widget = forms.HiddenInput()
                layout.insert(0, Field("owner"))
            else:
                layout.insert(0, Field.select("owner"))
        self.helper = helper(*layout, button="Save")


class SectionForm(forms.Form):
    ref = forms.CharField(
        max_length=20,
        label="Reference",
        help_text="For example, 2.3",
        error_messages={"required": "Enter the section reference"},
    )
    title = forms.CharField(max_length=300, required=False, label="Heading (optional)")
    text = _text("Text of the section", required=False, rows=6)

    def __init__(self, *args, button: str = "Add section", ref_locked: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if ref_locked:  # comments cite the section: its reference stays, and the page says why
            self.fields["ref"].disabled = True
            self.fields["ref"].help_text = ref_locked
        self.helper = helper(
            Field.text("ref", field_width=5), Field.text("title"), Field.textarea("text"), button=button
        )


class EventForm(forms.Form):
    date = GovUKDateField(label="Date of the event")
    place = forms.CharField(max_length=300, label="Where", error_messages={"required": "Enter where the event is"})
    description = _text("What happens there (optional)", required=False, rows=3)

    def __init__(self, *args, button: str = "Add event", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(Field("date"), Field.text("place"), Field.textarea("description"), button=button)


class CommentForm(forms.Form):
    INDIVIDUAL = "individual"
    on_behalf_of = forms.ChoiceField(
        widget=forms.RadioSelect,
        label="Who is this comment from?",
        error_messages={"required": "Say who the comment is from"},
    )
    sections = SectionChoices(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Which sections are you commenting on?",
        help_text="Leave all unticked to comment on the whole document.",
    )
    text = _text("Your comment", "Enter your comment", rows=8)
    publication = forms.ChoiceField(
        choices=[(p.value, p.label) for p in (Publication.NAMED, Publication.WITHOUT_NAME, Publication.NOT_PUBLISHED)],
        widget=forms.RadioSelect,
        label="How may we publish your comment?",
        help_text="Every comment is read and counted. Published comments appear with the response.",
        error_messages={"required": "Choose how your comment may be published"},
    )
    # Honeypot: hidden from people by CSS class and from screen readers; bots fill every field.
    website = forms.CharField(required=False, label="Leave this empty")

    def __init__(self, *args, consultation, organisations=(), anonymous=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sections"].queryset = consultation.sections.order_by("position", "pk")
        layout = []
        if anonymous:
            del self.fields["on_behalf_of"]
            # No name is recorded, so there is none to publish.
            self.fields["publication"].choices = self.fields["publication"].choices[1:]
        else:
            self.fields["on_behalf_of"].choices = [(str(o.pk), o.name) for o in organisations] + [
                (self.INDIVIDUAL, "Myself, as an individual")
            ]
            layout.append(Field.radios("on_behalf_of", legend_size=Size.MEDIUM))
        if self.fields["sections"].queryset.exists():
            layout.append(Field.checkboxes("sections", small=True, legend_size=Size.MEDIUM))
        else:  # a document without sections: every comment is on the whole document
            del self.fields["sections"]
        layout.append(Field.textarea("text", rows=8))
        layout.append(Field.radios("publication", legend_size=Size.MEDIUM))
        self.helper = helper(*layout, button="Send comment")


class RecordCommentForm(forms.Form):
    """A comment that reached the body another way, typed in by an officer."""

    channel = forms.ChoiceField(
        choices=[c for c in Channel.choices if c[0] != Channel.PORTAL],
        widget=forms.RadioSelect,
        label="How did the comment reach you?",
        error_messages={"required": "Choose how the comment was received"},
    )
    received_on = GovUKDateField(label="Date received", help_text="For example, 27 3 2026")
    author_kind = forms.ChoiceField(
        choices=[
            (AuthorKind.ORGANISATION, "An organisation"),
            (AuthorKind.INDIVIDUAL, "An individual (their name is not recorded or published)"),
            (AuthorKind.ANONYMOUS, "Someone who did not give their name"),
        ],
        widget=forms.RadioSelect,
        label="Who is the comment from?",
        error_messages={"required": "Say who the comment is from"},
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label="Organisation (if the comment is from one)",
        empty_label="Choose an organisation",
    )
    sections = SectionChoices(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Which sections is it about?",
        help_text="Leave all unticked for a comment on the whole document.",
    )
    text = _text(
        "The comment",
        "Enter the comment",
        "Type it as received. If it was not in English, enter the translation.",
        rows=8,
    )

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(verified=True).order_by("name")
        self.fields["sections"].queryset = consultation.sections.order_by("position", "pk")
        layout = [
            Field.radios("channel", legend_size=Size.MEDIUM),
            Field("received_on"),
            Field.radios("author_kind", legend_size=Size.MEDIUM),
            Field.select("organisation"),
        ]
        if self.fields["sections"].queryset.exists():
            layout.append(Field.checkboxes("sections", small=True, legend_size=Size.MEDIUM))
        else:
            del self.fields["sections"]
        layout.append(Field.textarea("text", rows=8))
        self.helper = helper(*layout, button="Record comment")


class HideForm(forms.Form):
    reason = _text(
        "Why are you hiding this comment?",
        "Say why the comment is being hidden",
        "The comment is kept, with this reason, and can be shown again.",
        rows=3,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(Field.textarea("reason", rows=3), button="Hide comment")


class CommentChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        refs = ", ".join(link.section.printed for link in obj.section_links.all()) or "Whole document"
        return f"{refs}: " + obj.text[:200] + ("…" if len(obj.text) > 200 else "")


class RespondForm(forms.Form):
    comments = CommentChoices(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        label="Comments this response answers",
        error_messages={"required": "Choose at least one comment to respond to"},
    )
    disposition = forms.ChoiceField(
        choices=Disposition.choices,
        widget=forms.RadioSelect,
        label="Decision",
        error_messages={"required": "Choose a decision"},
    )
    text = _text("Response", "Enter the response", "What you changed, or why not.", rows=5)
    where = forms.CharField(
        required=False,
        max_length=300,
        label="Where it is already covered",
        help_text="Needed for “Already covered”, for example 4.1",
    )
    for_whom = forms.CharField(required=False, max_length=300, label="Who it is for, if outside the remit")

    def __init__(self, *args, comments=None, shown=None, **kwargs):
        """`comments`: every waiting comment (any may be chosen); `shown`: the page of them listed
        (all when None: a consultation can have thousands waiting)."""
        super().__init__(*args, **kwargs)
        field = self.fields["comments"]
        field.queryset = comments
        if shown is not None:
            field.choices = [(c.pk, field.label_from_instance(c)) for c in shown]  # validation keeps the queryset
        self.helper = helper(
            Field.checkboxes("comments", small=True, legend_size=Size.MEDIUM),
            Field.radios("disposition", small=True, legend_size=Size.MEDIUM),
            Field.textarea("text"),
            Field.text("where"),
            Field.text("for_whom"),
            button="Save response",
        )


class CloseForm(forms.Form):
    shorter_reason = _text("If you are closing early and it ran for less than 12 weeks, why?", required=False, rows=3)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = None


class InviteFilterForm(forms.Form):
    name = forms.CharField(required=False, max_length=200, label="Name contains")
    bme_led = forms.ChoiceField(required=False, label="BME-led status", choices=[("", "Any")] + list(Outcome.choices))
    community = forms.ModelChoiceField(
        queryset=EthnicGroup.objects.all(), required=False, empty_label="Any", label="Community served"
    )
    service_area = forms.ModelChoiceField(queryset=ServiceArea.objects.all(), required=False, empty_label="Any")
    invited = forms.ChoiceField(
        required=False,
        label="Invited",
        choices=[("", "Invited or not"), (NOT_INVITED, "Not yet invited"), (INVITED, "Already invited")],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(
            Field.text("name"),
            Field.select("bme_led"),
            Field.select("community"),
            Field.select("service_area"),
            Field.select("invited"),
        )
        # The page's one green button is "Send invitations"; filtering is the secondary action.
        self.helper.layout.fields[-1] = Button.secondary("submit", "Filter")
        self.helper.form_method = "get"  # no CSRF token in the address

    def chosen(self) -> InviteFilter:
        """The filter asked for; an invalid one (a community since removed, say) filters on nothing."""
        if not self.is_valid():
            return InviteFilter()
        data = self.cleaned_data
        return InviteFilter(
            name=data["name"].strip(),
            bme_led=data["bme_led"],
            community=data["community"],
            service_area=data["service_area"],
            invited=data["invited"],
        )


class InviteMatchingForm(forms.Form):
    """The confirmation of "invite every match": the number the officer was shown, sent back so that
    nothing is invited if it has changed since."""

    count = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class InviteForm(forms.Form):
    """The organisations ticked on one page of the invitations list (the template draws the boxes
    beside each row); any organisation matching the filter and not yet invited is accepted."""

    organisations = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.none(),  # the organisations this person may invite: set in __init__
        widget=forms.CheckboxSelectMultiple,
        label="Organisations to invite",
        error_messages={
            "required": "Choose at least one organisation to invite",
            "invalid_choice": "An organisation you chose has been invited since, or no longer matches: choose again",
        },
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = organisations
