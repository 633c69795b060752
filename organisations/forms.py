"""Forms for organisations, board declarations and memberships, rendered as GOV.UK components by
crispy-forms-gds. Forms check what a person typed; the rules live in services and bme_led."""

from collections import OrderedDict

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Button, Field, Fieldset, Layout, Size
from django import forms
from django.core.exceptions import ValidationError

from . import identifiers
from .bme_led import validate_board_counts
from .models import BoardType, EthnicGroup, LegalForm, MembershipRole, PublicBodyType, Sector, ServiceArea

NAME_REQUIRED = "Enter the organisation's name"
SECTOR_REQUIRED = "Select the sector the organisation is in"
PUBLIC_BODY_TYPE_REQUIRED = "Select the type of public body"
BOARD_TYPE_REQUIRED = "Select which board this is"
DECISION_REQUIRED = "Select whether to approve or decline the request"
ROLE_REQUIRED = "Select what they can do"
WHOLE_NUMBER = "Enter a whole number, like 8"
MAX_BOARD_MEMBERS = 1000
TOO_BIG = f"Enter a number of {MAX_BOARD_MEMBERS} or fewer"
ENTER_DATE = "Enter the date the counts describe, for example 27 3 2026"
REAL_DATE = "The date must be a real date"


def gds_helper(*fields, button: str = "Continue") -> FormHelper:
    helper = FormHelper()
    helper.layout = Layout(*fields, Button("submit", button))
    return helper


def count_field(label: str, required: str, help_text: str = "", min_value: int = 0) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        min_value=min_value,
        max_value=MAX_BOARD_MEMBERS,
        error_messages={
            "required": required,
            "invalid": WHOLE_NUMBER,
            "min_value": "Enter 1 or more" if min_value else "Enter 0 or more",
            "max_value": TOO_BIG,
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false", "autocomplete": "off"}),
    )


def apply_board_count_rules(form: forms.Form) -> None:
    """Check the counts together (bme_led.validate_board_counts) and put each problem on its field."""
    data = form.cleaned_data
    if all(data.get(name) is not None for name in ("members", "bme_members", "undisclosed_members")):
        try:
            validate_board_counts(
                members=data["members"], bme_members=data["bme_members"], undisclosed_members=data["undisclosed_members"]
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field, errors)


# --- Organisation profile ------------------------------------------------------------------------


def _community_fields() -> "OrderedDict[str, tuple[str, list]]":
    """One checkbox group per ONS high-level group, so the 19 options are not one long list."""
    groups: OrderedDict[str, tuple[str, list]] = OrderedDict()
    keys: dict[str, str] = {}
    for group in EthnicGroup.objects.order_by("position"):
        if group.high_level_group not in keys:
            keys[group.high_level_group] = f"communities_{len(keys) + 1}"
            groups[keys[group.high_level_group]] = (group.high_level_group, [])
        groups[keys[group.high_level_group]][1].append((group.code, group.name))
    return groups


class OrganisationForm(forms.Form):
    name = forms.CharField(label="Organisation name", max_length=200, error_messages={"required": NAME_REQUIRED})
    sector = forms.ChoiceField(
        label="Which sector is it in?",
        choices=Sector.choices,
        widget=forms.RadioSelect,
        error_messages={"required": SECTOR_REQUIRED},
    )
    legal_form = forms.ChoiceField(
        label="Legal form", choices=[("", "Not sure or not listed")] + LegalForm.choices, required=False
    )
    public_body_type = forms.ChoiceField(
        label="Type of public body (public bodies only)",
        choices=[("", "Not a public body")] + PublicBodyType.choices,
        required=False,
    )
    charity_number = forms.CharField(
        label="Registered charity number (if it has one)",
        max_length=20,
        required=False,
        help_text="For example 1123456, SC012345 or NIC100001",
    )
    company_number = forms.CharField(
        label="Company or society number (if it has one)",
        max_length=20,
        required=False,
        help_text="Companies House number, for example 01234567, or a Mutuals Public Register number",
    )
    local_authority_code = forms.CharField(
        label="Local authority code (English councils only)",
        max_length=20,
        required=False,
        help_text="The code from the Local Authorities (England) register, for example NNT",
    )
    postcode = forms.CharField(label="Postcode", max_length=10, required=False)
    website = forms.URLField(
        label="Website (optional)",
        required=False,
        assume_scheme="https",
        max_length=200,
        # crispy-forms-gds styles inputs by widget class and does not know URLInput.
        widget=forms.URLInput(attrs={"class": "govuk-input"}),
    )
    email = forms.EmailField(
        label="Contact email address (optional)", required=False, help_text="Shown on the public profile"
    )
    description = forms.CharField(
        label="What does the organisation do? (optional)",
        help_text="Shown on its public page",
        required=False,
        max_length=2000,
        widget=forms.Textarea,
    )
    faith_based = forms.BooleanField(label="It is a faith-based organisation", required=False)
    refugee_focus = forms.BooleanField(label="It works mainly with refugees and people seeking asylum", required=False)
    service_areas = forms.ModelMultipleChoiceField(
        label="What kind of work does it do?",
        help_text="Select all that apply",
        queryset=ServiceArea.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.community_groups = _community_fields()
        for key, (high_level, choices) in self.community_groups.items():
            self.fields[key] = forms.MultipleChoiceField(
                label=high_level, choices=choices, widget=forms.CheckboxSelectMultiple, required=False
            )
        self.helper = gds_helper(
            Field.text("name"),
            Field.radios("sector", legend_size=Size.SMALL),
            Field.select("legal_form"),
            Field.select("public_body_type"),
            Field.text("charity_number", field_width=10),
            Field.text("company_number", field_width=10),
            Field.text("local_authority_code", field_width=10),
            Field.text("postcode", field_width=10, autocomplete="postal-code"),
            Field.text("website", autocomplete="url"),
            Field.text("email", autocomplete="email"),
            Field.textarea("description", rows=5, max_characters=2000),
            Fieldset(
                Field.checkbox("faith_based", small=True),
                Field.checkbox("refugee_focus", small=True),
                legend="About the organisation",
                legend_size=Size.SMALL,
            ),
            HTML(
                '<h2 class="govuk-heading-m">Communities it serves</h2>'
                '<p class="govuk-body">The ethnic groups of the 2021 Census (ONS). Select all that apply.</p>'
            ),
            *[Field.checkboxes(key, small=True, legend_size=Size.SMALL) for key in self.community_groups],
            Field.checkboxes("service_areas", small=True, legend_size=Size.MEDIUM),
            button="Save",
        )

    @classmethod
    def initial_for(cls, organisation) -> dict:
        data = {name: getattr(organisation, name) for name in cls.base_fields if name != "service_areas"}
        codes = [group.code for group in organisation.communities_served.all()]
        data["service_areas"] = list(organisation.service_areas.all())
        for key, (_, choices) in _community_fields().items():
            data[key] = [code for code, _ in choices if code in codes]
        return data

    def clean_charity_number(self):
        value = self.cleaned_data["charity_number"]
        if value and not identifiers.is_valid_charity_number(value):
            raise ValidationError(identifiers.INVALID_CHARITY_NUMBER)
        return value

    def clean_company_number(self):
        value = self.cleaned_data["company_number"]
        if value and not identifiers.is_valid_company_number(value):
            raise ValidationError(identifiers.INVALID_COMPANY_NUMBER)
        return value

    def clean_postcode(self):
        value = self.cleaned_data["postcode"]
        if value and not identifiers.is_valid_postcode(value):
            raise ValidationError(identifiers.INVALID_POSTCODE)
        return value

    def clean(self):
        data = super().clean()
        if data.get("sector") == Sector.PUBLIC and not data.get("public_body_type"):
            self.add_error("public_body_type", PUBLIC_BODY_TYPE_REQUIRED)
        codes = [code for key in self.community_groups for code in data.pop(key, [])]
        data["communities_served"] = list(EthnicGroup.objects.filter(code__in=codes).order_by("position"))
        return data


# --- Board declarations --------------------------------------------------------------------------


class DateField(DateInputField):
    """GOV.UK date input with messages a person can act on (the package's say "day is out of range")."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.error_messages.update({"required": ENTER_DATE, "incomplete": ENTER_DATE})
        for part, name in zip(self.fields, ("day", "month", "year")):
            part.error_messages["incomplete"] = f"The date must include a {name}"

    def compress(self, data_list):
        try:
            value = super().compress(data_list)
        except ValidationError as exc:
            raise ValidationError(REAL_DATE) from exc
        if value is not None and value.year < 1900:
            raise ValidationError(REAL_DATE)
        return value


class BoardDeclarationForm(forms.Form):
    board_type = forms.ChoiceField(
        label="Which board is this?",
        choices=BoardType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": BOARD_TYPE_REQUIRED},
    )
    effective_date = DateField(
        label="On what date were these the board's members?",
        help_text="Usually today, or the date of your last annual general meeting. For example, 27 3 2026",
        require_all_fields=False,
    )
    members = count_field(
        "How many people are on the board?",
        "Enter how many people are on the board",
        "Count everyone who sits on it, including the chair",
        min_value=1,
    )
    bme_members = count_field(
        "How many of them are of BME origin?",
        "Enter how many board members are of BME origin (0 if none)",
        "Only people who have told you. Enter 0 if none",
    )
    undisclosed_members = count_field(
        "How many did not say whether they are of BME origin?",
        "Enter how many board members did not say (0 if everyone said)",
        "Enter 0 if everyone said",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("board_type", legend_size=Size.MEDIUM),
            Field("effective_date", context={"legend_size": Size.for_legend(Size.MEDIUM)}),
            Field.text("members", label_size=Size.MEDIUM, field_width=3),
            Field.text("bme_members", label_size=Size.MEDIUM, field_width=3),
            Field.text("undisclosed_members", label_size=Size.MEDIUM, field_width=3),
            button="Declare board",
        )

    def clean(self):
        data = super().clean()
        apply_board_count_rules(self)
        return data


# --- Memberships ---------------------------------------------------------------------------------


class MembershipRequestForm(forms.Form):
    job_title = forms.CharField(
        label="Your role in the organisation (optional)",
        help_text="For example, chair, treasurer or development worker. This helps its admin recognise you.",
        max_length=200,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("job_title", field_width="two-thirds"), button="Send request")


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
        self.helper = gds_helper(
            Field.radios("decision", legend_size=Size.MEDIUM),
            Field.radios("role", legend_size=Size.SMALL, small=True),
            button="Confirm decision",
        )

    @property
    def approve(self) -> bool:
        return self.cleaned_data["decision"] == self.APPROVE
