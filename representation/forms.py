"""Forms for boards, representatives and appointments (GOV.UK markup through crispy-forms-gds)."""

from functools import partial
from typing import cast

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms
from django.core.exceptions import ValidationError

from accounts.models import User
from common.forms import GovUKDateField, form_helper
from organisations.models import Compact, EthnicGroup, Organisation

from .models import AppointmentMethod, ConsentMethod, Representative

NO_ACCOUNT = "No portal account uses this email address. Leave it empty if they do not have one."
REAL_DATE = "The date must be a real date, for example 27 3 2026"
EXAMPLE_DATE = "For example, 27 3 2026"


# The templates hold the <form> and the CSRF token.
helper = partial(form_helper, button="Save", form_tag=False)


class FiguresOnDateForm(forms.Form):
    """The pool figures on another day than today, e.g. the end of a reporting year."""

    on = GovUKDateField(label="Show the figures on", required=False, help_text=EXAMPLE_DATE, what="date")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field("on"), button="Show figures", form_tag=False, method="get")


class CommunityChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.high_level_group})"


class BoardForm(forms.Form):
    name = forms.CharField(
        label="Name of the board", max_length=200, error_messages={"required": "Enter the board's name."}
    )
    description = forms.CharField(
        label="What the board does (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    compact = forms.ModelChoiceField(
        label="Compact (optional)",
        queryset=Compact.objects.none(),
        required=False,
        empty_label="Not tied to one Compact",
    )
    convening_organisation = forms.ModelChoiceField(
        label="Organisation that runs the board (optional)",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="None",
        help_text="Its officers may add and end appointments to this board.",
    )
    seats_available = forms.IntegerField(
        label="Seats for voluntary and community sector representatives (optional)",
        required=False,
        min_value=0,
        max_value=500,
        help_text="Leave empty if the number is not fixed.",
    )

    def __init__(self, *args, compacts=None, roles_site_admin: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        # django-stubs types every form field as Field: these two are declared above as ModelChoiceFields.
        compact = cast(forms.ModelChoiceField, self.fields["compact"])
        compact.queryset = compacts if compacts is not None else Compact.objects.all()
        if not roles_site_admin:
            # A steering group's board belongs to its Compact; a shared board is a site admin's to add.
            compact.required = True
            compact.empty_label = None
            compact.label = "Compact"
        convener = cast(forms.ModelChoiceField, self.fields["convening_organisation"])
        convener.queryset = Organisation.objects.listed().order_by("name")
        self.helper = helper(
            Field.text("name"),
            Field.textarea("description", rows=4),
            Field.select("compact"),
            Field.select("convening_organisation"),
            Field.text("seats_available", field_width=3),
        )


class RepresentativeForm(forms.Form):
    compact = forms.ModelChoiceField(
        label="Whose pool are they in?",
        queryset=Compact.objects.none(),
        empty_label=None,
        error_messages={"required": "Choose the Compact whose pool they are in."},
        help_text="Only that Compact's steering group sees their contact details and the communities they represent.",
    )
    name = forms.CharField(
        label="Full name", max_length=200, error_messages={"required": "Enter the representative's name."}
    )
    email = forms.EmailField(label="Email address (optional)", required=False, max_length=254)
    account_email = forms.EmailField(
        label="Their portal account (optional)",
        required=False,
        max_length=254,
        help_text="The email address they sign in with, if they have an account.",
    )
    organisation = forms.ModelChoiceField(
        label="Organisation they come from (optional)",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="None",
    )
    communities = CommunityChoices(
        label="Communities they represent (optional)",
        queryset=EthnicGroup.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply.",
    )
    publish_name = forms.BooleanField(label="They agree that their name may be shown on public pages", required=False)

    def __init__(self, *args, compacts=None, **kwargs):
        """`compacts`: the pools the person keeps (their steering groups'; all for site admins)."""
        super().__init__(*args, **kwargs)
        self.fields["compact"].queryset = compacts if compacts is not None else Compact.objects.none()
        self.fields["organisation"].queryset = Organisation.objects.listed().order_by("name")
        self.fields["communities"].queryset = EthnicGroup.objects.order_by("position")
        self.helper = helper(*self.layout_fields())

    def layout_fields(self):
        return [
            Field.select("compact"),
            Field.text("name", autocomplete="off"),
            Field.text("email", autocomplete="off"),
            Field.text("account_email", autocomplete="off"),
            Field.select("organisation"),
            Field.checkboxes("communities", small=True, legend_size=Size.SMALL),
            Field.checkbox("publish_name", small=True),
        ]

    def clean_account_email(self):
        email = self.cleaned_data["account_email"]
        if not email:
            return None
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise ValidationError(NO_ACCOUNT)
        return user

    @staticmethod
    def initial_for(representative: Representative) -> dict:
        return {
            "compact": representative.compact,
            "name": representative.name,
            "email": representative.email,
            "account_email": representative.user.email if representative.user else "",
            "organisation": representative.organisation,
            "communities": list(representative.communities.all()),
            "publish_name": representative.publish_name,
        }


class NewRepresentativeForm(RepresentativeForm):
    consent_given_on = GovUKDateField(
        label="Date they gave consent", help_text=EXAMPLE_DATE, real_date_message=REAL_DATE
    )
    consent_method = forms.ChoiceField(
        label="How did they give consent?",
        choices=ConsentMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how they gave consent."},
    )

    def layout_fields(self):
        return [
            Fieldset(
                Field("consent_given_on"),
                Field.radios("consent_method", small=True, legend_size=Size.SMALL),
                legend="Consent to hold their details",
                legend_size=Size.MEDIUM,
            ),
            *super().layout_fields(),
        ]


class RepresentativeChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.organisation.name})" if obj.organisation_id else obj.name


class AppointmentForm(forms.Form):
    representative = RepresentativeChoice(
        label="Representative",
        queryset=Representative.objects.none(),
        empty_label="Choose a representative",
        error_messages={"required": "Choose the representative."},
    )
    role = forms.CharField(
        label="Role on the board",
        max_length=200,
        initial="Member",
        error_messages={"required": "Enter their role on the board, for example Member."},
    )
    method = forms.ChoiceField(
        label="Were they elected or appointed?",
        choices=AppointmentMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether they were elected or appointed."},
    )
    start_date = GovUKDateField(label="Start date", help_text=EXAMPLE_DATE, real_date_message=REAL_DATE)
    end_date = GovUKDateField(
        real_date_message=REAL_DATE,
        label="End date (optional)",
        required=False,
        help_text="Leave empty if the term has no set end. For example, 31 3 2028",
    )

    def __init__(self, *args, correcting: bool = False, representatives=None, **kwargs):
        """`correcting`: the seat exists, so the representative is fixed and not asked for.
        `representatives`: whom the person may appoint (permissions.appointable_representatives)."""
        super().__init__(*args, **kwargs)
        fields = [
            Field.text("role"),
            Field.radios("method", small=True, legend_size=Size.SMALL, inline=True),
            Field("start_date"),
            Field("end_date"),
        ]
        if correcting:
            del self.fields["representative"]
        else:
            people = representatives if representatives is not None else Representative.objects.none()
            # django-stubs types every form field as Field: this one is declared above as a ModelChoiceField.
            cast(forms.ModelChoiceField, self.fields["representative"]).queryset = people.select_related(
                "organisation"
            ).order_by("name", "pk")
            fields.insert(0, Field.select("representative"))
        self.helper = helper(*fields, button="Save changes" if correcting else "Add appointment")


class EndAppointmentForm(forms.Form):
    end_date = GovUKDateField(label="Last day on the board", help_text=EXAMPLE_DATE, real_date_message=REAL_DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = None  # rendered by includes/confirm_form.html with |crispy
