"""The organisation's profile: registering it and editing it."""

from collections import OrderedDict

from crispy_forms_gds.layout import HTML, Field, Fieldset, Size
from django import forms
from django.core.exceptions import ValidationError

from common.forms import form_helper

from .. import identifiers
from ..models import EthnicGroup, LegalForm, LocalAuthorityArea, PublicBodyType, Sector, ServiceArea

NAME_REQUIRED = "Enter the organisation's name"
SECTOR_REQUIRED = "Select the sector the organisation is in"
PUBLIC_BODY_TYPE_REQUIRED = "Select the type of public body"


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
    areas = forms.ModelMultipleChoiceField(
        label="Which local authority areas does it work in?",
        help_text="Select all that apply: they decide which Compact counts it. A public body: the areas it serves",
        queryset=LocalAuthorityArea.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    works_nationally = forms.BooleanField(label="It works nationally, across England", required=False)
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
        self.helper = form_helper(
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
            Field.checkboxes("areas", small=True, legend_size=Size.MEDIUM),
            Field.checkbox("works_nationally", small=True),
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
        data = {name: getattr(organisation, name) for name in cls.base_fields if name not in ("service_areas", "areas")}
        data["areas"] = list(organisation.areas.all())
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
