"""Forms behind the public pages and the open-data API: the directory's filters and the
eligibility checker's questions. The API uses the same forms, so a filter means the same thing
on a page, in a CSV download and in JSON."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.core.exceptions import ValidationError

from ..bme_led import TOO_MANY_BME, Outcome
from ..models import Compact, EthnicGroup, Sector, ServiceArea
from .common import apply_board_count_rules, count_field

NOT_TRUE_OR_FALSE = "Enter true or false"
CHOOSE_ONE_OF = "Choose one of: {options}"


class CheckboxFilter(forms.CheckboxInput):
    """A checkbox whose raw value reaches the field, so the field can tell "false" from "not given"."""

    def __init__(self):
        super().__init__(
            attrs={"value": "true", "class": "govuk-checkboxes__input"},
            check_test=lambda value: value in (True, "true", "on"),
        )

    def value_from_datadict(self, data, files, name):
        return data.get(name)


class YesNoFilter(forms.Field):
    """True, False or None (no filter). Pages send "true" from a checkbox; the API also takes "false"."""

    widget = CheckboxFilter

    def to_python(self, value):
        if value in (None, ""):
            return None
        text = str(value).strip().lower()
        if text in ("true", "on", "yes", "1"):
            return True
        if text in ("false", "no", "0"):
            return False
        raise ValidationError(NOT_TRUE_OR_FALSE)


def _choice(label: str, choices: list, empty: str) -> forms.ChoiceField:
    options = ", ".join(str(value) for value, _ in _flat(choices))
    return forms.ChoiceField(
        label=label,
        choices=[("", empty), *choices],
        required=False,
        error_messages={"invalid_choice": CHOOSE_ONE_OF.format(options=options)},
    )


UNKNOWN_COMPACT = "There is no Compact “{value}”. Use one of: {options}"


def compact_field(compacts: dict) -> forms.ChoiceField:
    """The `compact=` filter (a Compact's slug) shared by the directory, the eligibility checker and
    the open-data API; an unknown slug is an error that names the ones there are."""
    field = _choice("Compact", [(slug, c.name) for slug, c in compacts.items()], "Any Compact")
    options = ", ".join(compacts) or "none yet"
    field.error_messages["invalid_choice"] = UNKNOWN_COMPACT.replace("{value}", "%(value)s").format(options=options)
    return field


def resolve_compact(slug: str) -> tuple[Compact | None, str | None]:
    """The Compact a `compact=` parameter names: (compact, None), (None, None) when none is named,
    or (None, message) for a slug no Compact has."""
    if not slug:
        return None, None
    compact = Compact.objects.filter(slug=slug).first()
    if compact is not None:
        return compact, None
    options = ", ".join(Compact.objects.order_by("name").values_list("slug", flat=True)) or "none yet"
    return None, UNKNOWN_COMPACT.format(value=slug, options=options)


def compact_filter(request) -> tuple[Compact | None, dict]:
    """The Compact a list page's `?compact=` names, and the context of its filter
    (templates/includes/compact_filter.html): an unknown slug shows a message and the page shows
    every Compact's records."""
    compact, compact_error = resolve_compact(request.GET.get("compact", ""))
    return compact, {
        "compact": compact,
        "compact_error": compact_error,
        "compacts": Compact.objects.order_by("name"),
        "action": request.path,
    }


def _flat(choices):
    for value, label in choices:
        if isinstance(label, (list, tuple)):
            yield from label
        else:
            yield value, label


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label="Organisation name or identifier", required=False, max_length=200)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Two queries for the choices; the objects are kept so filtering needs no more.
        self.communities = {group.code: group for group in EthnicGroup.objects.order_by("position")}
        self.service_areas = {area.slug: area for area in ServiceArea.objects.order_by("name")}
        self.compacts = {compact.slug: compact for compact in Compact.objects.order_by("name")}
        grouped: dict[str, list] = {}
        for group in self.communities.values():
            grouped.setdefault(group.high_level_group, []).append((group.code, group.name))
        self.fields["compact"] = compact_field(self.compacts)
        self.fields["sector"] = _choice("Sector", Sector.choices, "Any sector")
        self.fields["status"] = _choice("BME-led status", Outcome.choices, "Any status")
        self.fields["community"] = _choice("Community served", list(grouped.items()), "Any community")
        self.fields["service_area"] = _choice(
            "Kind of work", [(slug, area.name) for slug, area in self.service_areas.items()], "Any kind of work"
        )
        self.fields["faith_based"] = YesNoFilter(label="Faith-based organisations only", required=False)
        self.fields["refugee_focus"] = YesNoFilter(
            label="Working with refugees and people seeking asylum", required=False
        )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.form_method = "get"  # crispy would add a CSRF token, which lands in the address
        self.helper.layout = Layout(
            Field.text("q", label_size=Size.SMALL),
            Field.select("compact"),
            Field.select("sector"),
            Field.select("status"),
            Field.select("community"),
            Field.select("service_area"),
            Field.checkbox("faith_based", small=True),
            Field.checkbox("refugee_focus", small=True),
        )

    def selector_kwargs(self) -> dict:
        """Arguments for selectors.directory_organisations (call after is_valid())."""
        data = self.cleaned_data
        return {
            "query": data.get("q", "").strip(),
            "compact": self.compacts.get(data.get("compact") or ""),
            "sector": data.get("sector", ""),
            "status": data.get("status", ""),
            "community": self.communities.get(data.get("community") or ""),
            "service_area": self.service_areas.get(data.get("service_area") or ""),
            "faith_based": data.get("faith_based"),
            "refugee_focus": data.get("refugee_focus"),
        }

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(value not in (None, "") for value in self.cleaned_data.values())


ELIGIBILITY_QUESTIONS = {
    "members": count_field(
        "How many people are on the board?",
        "Enter how many people are on the board",
        "Count everyone on the management committee, board of directors or board of trustees",
        min_value=1,
    ),
    "bme_members": count_field(
        "How many of them are of BME origin?",
        "Enter how many board members are of BME origin (0 if none)",
        "Only count people who have told you. Enter 0 if none",
    ),
    "undisclosed_members": count_field(
        "How many did not say whether they are of BME origin?",
        "Enter how many board members did not say (0 if everyone said)",
        "Enter 0 if everyone said",
    ),
}


class EligibilityForm(forms.Form):
    """The three counts (or the first `len(asked)` of them). Used by the question pages and the API."""

    def __init__(
        self, *args, asked: tuple[str, ...] = tuple(ELIGIBILITY_QUESTIONS), question: str | None = None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        for name in asked:
            self.fields[name] = ELIGIBILITY_QUESTIONS[name].__deepcopy__({})
            if name != question and question is not None:
                self.fields[name].widget = forms.HiddenInput()
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            *[
                Field.text(name, label_size=Size.LARGE, label_tag="h1", field_width=3) if name == question else name
                for name in asked
            ]
        )

    def clean(self):
        data = super().clean()
        if "undisclosed_members" in self.fields:
            apply_board_count_rules(self)
        elif data.get("members") is not None and data.get("bme_members") is not None:
            if data["bme_members"] > data["members"]:
                self.add_error("bme_members", TOO_MANY_BME.format(bme=data["bme_members"], members=data["members"]))
        return data
