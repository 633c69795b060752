"""GOV.UK forms for funding (crispy-forms-gds). Forms collect and tidy input; the rules are in services."""

from datetime import date
from typing import cast

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms
from django.core.exceptions import ValidationError

from common.forms import GovUKDateField, PoundsField
from organisations.models import Organisation, ServiceArea

from .models import ApplicationStatus, FundingPurpose, ProgrammeKind
from .selectors import resolve_funder

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def money_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DecimalField:
    return PoundsField(
        label=label,
        required=required,
        # The hint is there before anyone gets it wrong, not only in the error.
        help_text=help_text or "For example, £3,750.50",
        max_digits=14,
        decimal_places=2,
        min_value=0,
        # A text input, as GOV.UK advises for numbers: browsers' number inputs round and scroll.
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        error_messages={
            "required": f"Enter the {label[0].lower()}{label[1:]}",
            "invalid": "Enter an amount in pounds, like £1,500 or 1500.50",
            "max_decimal_places": "Enter an amount in pounds and pence, with no more than 2 digits after the point",
            "max_digits": "Enter an amount of less than £1 trillion",
            "min_value": "Enter an amount of £0 or more",
        },
    )


def helper(*fields, buttons=(("submit", "Continue"),)) -> FormHelper:
    h = FormHelper()
    h.layout = Layout(*fields, *[Button(name, label) for name, label in buttons])
    return h


def _funder_field(form, funders):
    """A choice of public body, shown only when the person acts for more than one."""
    if len(funders) == 1:
        del form.fields["funder"]
        form.only_funder = funders[0]
        return []
    form.fields["funder"].queryset = Organisation.objects.filter(pk__in=[f.pk for f in funders])
    form.only_funder = None
    return [Field.select("funder")]


class ProgrammeForm(forms.Form):
    funder = forms.ModelChoiceField(
        label="Which public body runs it?",
        queryset=Organisation.objects.none(),
        error_messages={"required": "Choose the public body that runs the programme"},
    )
    title = forms.CharField(
        label="Programme title", max_length=200, error_messages={"required": "Enter the programme title"}
    )
    description = forms.CharField(
        label="Description (optional)", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    service_area = forms.ModelChoiceField(
        label="Service area (optional)", queryset=ServiceArea.objects.all(), required=False, empty_label="Not one area"
    )
    kind = forms.ChoiceField(
        label="Kind of funding",
        choices=ProgrammeKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose grant, contract or commission"},
    )
    purpose = forms.ChoiceField(
        label="Strategic or project funding?",
        choices=FundingPurpose.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose strategic or project funding"},
    )
    ring_fenced = forms.BooleanField(
        label="Ring-fenced for BME-led organisations",
        required=False,
        help_text="Only organisations that are BME-led on the day they apply can apply.",
    )
    budget = money_field("Budget in pounds (optional)", required=False)
    opens_on = GovUKDateField(label="Opening date", help_text="For example, 1 4 2025")
    closes_on = GovUKDateField(label="Closing date", help_text="For example, 31 3 2026")

    def __init__(self, *args, funders, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(
            *_funder_field(self, funders),
            Field.text("title"),
            Field.textarea("description"),
            Field.select("service_area"),
            Field.radios("kind", legend_size=Size.SMALL, inline=True),
            Field.radios("purpose", legend_size=Size.SMALL),
            Field.checkbox("ring_fenced"),
            Field.text("budget", field_width=10),
            Field("opens_on"),
            Field("closes_on"),
            buttons=(("submit", "Save programme"),),
        )


class ApplicationForm(forms.Form):
    applicant = forms.ModelChoiceField(
        label="Which organisation is applying?",
        queryset=Organisation.objects.none(),
        error_messages={"required": "Choose the organisation that is applying"},
    )
    project_title = forms.CharField(
        label="Project title", max_length=200, error_messages={"required": "Enter the project title"}
    )
    summary = forms.CharField(
        label="What is the funding for? (optional)", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    amount_requested = money_field("Amount requested in pounds")
    submitted_on = GovUKDateField(
        label="Submission date", help_text="The date the application was made. For example, 15 5 2025"
    )

    def __init__(self, *args, applicants, record_date: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        # django-stubs types every form field as Field: this one is declared above as a ModelChoiceField.
        cast(forms.ModelChoiceField, self.fields["applicant"]).queryset = applicants
        if not record_date:
            # Community groups apply today; officers recording a paper application give its date.
            del self.fields["submitted_on"]
        self.helper = helper(
            Field.select("applicant"),
            Field.text("project_title"),
            Field.textarea("summary"),
            Field.text("amount_requested", field_width=10),
            *([Field("submitted_on")] if record_date else []),
            buttons=(("submit", "Submit application"),),
        )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=[
            (s.value, s.label)
            for s in (ApplicationStatus.AWARDED, ApplicationStatus.DECLINED, ApplicationStatus.WITHDRAWN)
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose awarded, declined or withdrawn by the applicant"},
    )
    decided_on = GovUKDateField(label="Decision date")
    reason = forms.CharField(
        label="Reason",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Needed when declining: what the organisation can learn from the decision.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(
            Field.radios("decision", legend_size=Size.MEDIUM),
            Field("decided_on"),
            Field.textarea("reason"),
            buttons=(("submit", "Record decision"),),
        )


class AwardForm(forms.Form):
    title = forms.CharField(label="Award title", max_length=300, error_messages={"required": "Enter the award title"})
    description = forms.CharField(
        label="Description",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter a description"},
        help_text="Published with the award as open data (360Giving).",
    )
    amount = money_field("Amount awarded in pounds")
    award_date = GovUKDateField(label="Award date")
    planned_start = GovUKDateField(label="Planned start date (optional)", required=False)
    planned_end = GovUKDateField(label="Planned end date (optional)", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(
            Field.text("title"),
            Field.textarea("description"),
            Field.text("amount", field_width=10),
            Field("award_date"),
            Field("planned_start"),
            Field("planned_end"),
            buttons=(("submit", "Record award"),),
        )


class WithdrawalForm(forms.Form):
    withdrawn_on = GovUKDateField(label="Withdrawal date")
    reason = forms.CharField(
        label="Why is the award being withdrawn?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Give the reason for withdrawing the award"},
    )


class JointReviewForm(forms.Form):
    held_on = GovUKDateField(label="Date the review was held", required=False)
    causes = forms.CharField(label="Causes of the withdrawal", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    lessons = forms.CharField(label="Lessons learned", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    support_needs = forms.CharField(
        label="Support the organisation needs", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    agreed_by_both = forms.BooleanField(
        label="The funder and the organisation have both agreed this record", required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(
            Field("held_on"),
            Field.textarea("causes"),
            Field.textarea("lessons"),
            Field.textarea("support_needs"),
            Field.checkbox("agreed_by_both"),
            buttons=(("complete", "Complete the joint review"), ("save", "Save and come back later")),
        )


class RedistributionForm(forms.Form):
    alternative_considered = forms.TypedChoiceField(
        label="Was an alternative BME-led organisation considered for the funding?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda v: v == "yes",
        empty_value=None,
        widget=forms.RadioSelect,
        required=False,
    )
    alternative = forms.ModelChoiceField(
        label="Organisation the funding went to (optional)",
        queryset=Organisation.objects.voluntary(),
        required=False,
        empty_label="None",
    )
    amount = money_field("Amount redistributed in pounds (optional)", required=False)
    outcome = forms.CharField(label="What happened", required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(
            Field.radios("alternative_considered", legend_size=Size.SMALL, inline=True),
            Field.select("alternative"),
            Field.text("amount", field_width=10),
            Field.textarea("outcome"),
            buttons=(("complete", "Complete the record"), ("save", "Save and come back later")),
        )


class ImportForm(forms.Form):
    funder = forms.ModelChoiceField(
        label="Whose grants are these?",
        queryset=Organisation.objects.none(),
        error_messages={"required": "Choose the public body whose grants these are"},
    )
    file = forms.FileField(
        label="360Giving file (XLSX, CSV or JSON)",
        help_text=(
            "A spreadsheet with the standard's column titles (Excel .xlsx, or CSV UTF-8), or a 360Giving "
            "JSON package. Up to 20 MB."
        ),
        error_messages={"required": "Choose a file to import", "empty": "The file is empty"},
    )
    strict = forms.BooleanField(
        label="Import nothing if any grant has a problem or a warning",
        required=False,
    )

    def __init__(self, *args, funders, any_funder=False, **kwargs):
        super().__init__(*args, **kwargs)
        if any_funder:
            # A site admin may import a file of several funders: each grant under its own funder.
            self.fields["funder"].queryset = Organisation.objects.public_bodies()
            self.fields["funder"].required = False
            self.fields["funder"].empty_label = "Each grant under the funder the file names"
            self.only_funder = None
            fields = [Field.select("funder")]
        else:
            fields = _funder_field(self, funders)
        self.helper = helper(*fields, Field("file"), Field.checkbox("strict"), buttons=(("submit", "Import grants"),))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError("The file must be smaller than 20 MB")
        if not upload.name.lower().endswith((".csv", ".json", ".xlsx")):
            raise ValidationError("The file must be an XLSX, CSV or JSON file")
        return upload


def financial_year_choices(today: date, years: int = 6) -> list[tuple[str, str]]:
    first = today.year if today.month >= 4 else today.year - 1
    return [(str(y), f"April {y} to March {y + 1}") for y in range(first, first - years, -1)]


class AwardFilterForm(forms.Form):
    """The date filters of the awards list, as GOV.UK date inputs (start_0, start_1, start_2 …).

    Links made before the date inputs carry ISO dates (`?start=2025-04-01&end=…`); they still work.
    A date that is wrong is reported and left out of the filter, never guessed.
    """

    start = GovUKDateField(
        label="Awarded on or after", required=False, help_text="For example, 1 4 2025", what="‘on or after’ date"
    )
    end = GovUKDateField(
        label="Awarded on or before", required=False, help_text="For example, 31 3 2026", what="‘on or before’ date"
    )
    # Drawn by the template as a select of the funders that have made awards; checked by the one
    # `?funder=` rule (funding.selectors.resolve_funder), like every other page that takes it.
    funder = forms.CharField(required=False)

    def __init__(self, query):
        data = query.copy()
        for name in ("start", "end"):
            iso = _iso_date(query.get(name))
            if iso and not any(query.get(f"{name}_{part}") for part in range(3)):
                data.setlist(f"{name}_0", [str(iso.day)])
                data.setlist(f"{name}_1", [str(iso.month)])
                data.setlist(f"{name}_2", [str(iso.year)])
        super().__init__(data)
        self.helper = helper(Field("start"), Field("end"), buttons=())
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # a GET filter: no token in the address

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", "The ‘on or before’ date must be the same as or after the ‘on or after’ date")
        return cleaned

    def clean_funder(self) -> Organisation | None:
        funder, error = resolve_funder(self.cleaned_data["funder"])
        if error:
            raise ValidationError(error)
        return funder

    def chosen_funder(self) -> Organisation | None:
        """The funder to filter by, or None (no funder asked for, or one the rule refused)."""
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get("funder")

    def dates(self) -> tuple[date | None, date | None]:
        """The dates to filter by: those that are real dates and in order."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return cleaned.get("start"), cleaned.get("end")


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
