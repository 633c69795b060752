"""Declaring the make-up of a board."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from common.forms import GovUKDateField, form_helper

from ..models import BoardType
from .common import apply_board_count_rules, count_field

BOARD_TYPE_REQUIRED = "Select which board this is"
ENTER_DATE = "Enter the date the counts describe, for example 27 3 2026"
REAL_DATE = "The date must be a real date"


class BoardDeclarationForm(forms.Form):
    board_type = forms.ChoiceField(
        label="Which board is this?",
        choices=BoardType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": BOARD_TYPE_REQUIRED},
    )
    effective_date = GovUKDateField(
        what="date",
        enter_message=ENTER_DATE,
        real_date_message=REAL_DATE,
        label="On what date were these the board's members?",
        help_text="Usually today, or the date of your last annual general meeting. For example, 27 3 2026",
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
        self.helper = form_helper(
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
