"""Pieces every form here shares: the GOV.UK form helper and board counts as GOV.UK number inputs."""

from django import forms
from django.core.exceptions import ValidationError

from ..bme_led import validate_board_counts

WHOLE_NUMBER = "Enter a whole number, like 8"
MAX_BOARD_MEMBERS = 1000
TOO_BIG = f"Enter a number of {MAX_BOARD_MEMBERS} or fewer"


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
                members=data["members"],
                bme_members=data["bme_members"],
                undisclosed_members=data["undisclosed_members"],
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field, errors)
