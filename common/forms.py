"""Form fields every app asks for in the same way, and how a service's refusal reaches the form."""

import re

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Layout
from django import forms
from django.core.exceptions import ValidationError

EARLIEST_YEAR = 1900


def add_errors(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: against its field when it names one the form
    has, otherwise at the top of the error summary."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def form_helper(*fields, button: str = "Continue", form_tag: bool = True, method: str = "post") -> FormHelper:
    """The GOV.UK layout of a question page: the fields, then one green button. `form_tag=False`
    where the template writes the <form> itself (to add the CSRF token and hidden fields).
    `method="get"` for filters: crispy adds the CSRF token to every form it thinks is a POST, even
    without writing the <form> tag, and in a GET form the token would land in the address."""
    helper = FormHelper()
    helper.form_tag = form_tag
    helper.form_method = method
    helper.layout = Layout(*fields, Button("submit", button))
    return helper


class GovUKDateField(DateInputField):
    """The GOV.UK date input (day, month, year) with messages that name the date asked for.

    The package's own messages ("day is out of range") don't say what to do. A part left empty is
    named; a date that does not exist, or a year before 1900 (usually "26" typed for 2026), is
    refused as not a real date. `what` names the date in messages (by default the label); labels that
    are questions pass it, or their own messages.
    """

    def __init__(
        self,
        *,
        label: str,
        required: bool = True,
        help_text: str = "",
        what: str = "",
        enter_message: str = "",
        real_date_message: str = "",
        **kwargs,
    ):
        kwargs.setdefault("require_all_fields", False)
        super().__init__(label=label, required=required, help_text=help_text, **kwargs)
        what = what or label.removesuffix(" (optional)")
        what = what[:1].lower() + what[1:]
        enter = enter_message or f"Enter the {what}"
        self.real_date_message = real_date_message or f"The {what} must be a real date"
        self.error_messages.update({"required": enter, "incomplete": enter})
        for part, name in zip(self.fields, ("day", "month", "year"), strict=False):
            part.error_messages["incomplete"] = f"The {what} must include a {name}"

    def compress(self, data_list):
        try:
            value = super().compress(data_list)
        except ValidationError as exc:
            raise ValidationError(self.real_date_message) from exc
        if value is not None and value.year < EARLIEST_YEAR:
            raise ValidationError(self.real_date_message)
        return value


# "3,750.50", "£3,750.50" and "£ 3750" are how people write money; commas only as thousands separators.
_GROUPED_POUNDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")


class PoundsField(forms.DecimalField):
    """An amount in pounds that accepts a £ sign, spaces and thousands commas as people type them.

    A comma anywhere else ("37,50") is still refused: it may be a decimal comma, and guessing would
    record a hundred times the amount.
    """

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("£", "").replace(" ", "")
            if _GROUPED_POUNDS.fullmatch(value):
                value = value.replace(",", "")
        return super().to_python(value)
