"""Change history of every tracked record, read from django-simple-history's tables.

The audit app sits above all domain apps and finds tracked models at run time (simple_history's
registry), so no domain app needs to know it exists.
"""

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import groupby

from django.db.models import Model, Q
from simple_history.models import registered_models

from common.apps_modules import app_modules

# Fields that change on every save and say nothing to a reader.
_NOISE = {"updated_at", "loaded_at"}


@dataclass(frozen=True)
class TrackedType:
    key: str  # "<app_label>.<model_name>"
    label: str
    model: type[Model]

    @property
    def group(self) -> str:
        return str(self.model._meta.app_config.verbose_name)

    @property
    def history_model(self):
        return self.model.history.model


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


def tracked_types() -> list[TrackedType]:
    types = [
        TrackedType(f"{m._meta.app_label}.{m._meta.model_name}", str(m._meta.verbose_name).capitalize(), m)
        for m in registered_models.values()
    ]
    return sorted(types, key=lambda t: (t.group, t.label))


def tracked_type(key: str) -> TrackedType | None:
    return next((t for t in tracked_types() if t.key == key), None)


def _scopes() -> dict:
    """Model key -> function(compact ids) -> Q, from each app's `history_scope.py`."""
    scopes = {}
    for _, module in app_modules("history_scope"):
        scopes.update(module.SCOPES)
    return scopes


# Steering compact ids -> rows whose changer is hidden, and the fields hidden in those rows.
ConfidentialRule = tuple[Callable[[frozenset[int]], Q], tuple[str, ...]]


def _confidential() -> dict[str, ConfidentialRule]:
    """Model key -> (function(steering compact ids) -> Q of rows whose changer is hidden, fields hidden
    in those rows), from each app's `history_scope.py` (complaints: confidential complaints)."""
    confidential: dict[str, ConfidentialRule] = {}
    for _, module in app_modules("history_scope"):
        confidential.update(getattr(module, "CONFIDENTIAL", {}))
    return confidential


def hidden_changes(tracked: TrackedType, entries: list, *, steering_compacts: frozenset[int]) -> set[int]:
    """The history ids on this page whose changer, and confidential fields, this reader may not see:
    only the Compact's steering group may know who raised a confidential complaint, so site admins
    who do not sit on it are not told either. One query, and none for types without such rows."""
    rule = _confidential().get(tracked.key)
    if rule is None or not entries:
        return set()
    rows, _ = rule
    ids = [e.history_id for e in entries]
    return set(
        tracked.history_model.objects.filter(rows(steering_compacts), history_id__in=ids).values_list(
            "history_id", flat=True
        )
    )


def hidden_fields(tracked: TrackedType) -> frozenset[str]:
    rule = _confidential().get(tracked.key)
    return frozenset(rule[1]) if rule else frozenset()


def history_entries(tracked: TrackedType, *, compacts: frozenset[int] | None = None):
    """Every change to records of this type, newest first. With `compacts`, records that an app ties
    to a Compact (its `history_scope.py`) are limited to those Compacts; records tied to none, such as
    the directory's organisations or the Codes, stay visible (None: everything, for site admins)."""
    entries = tracked.history_model.objects.select_related("history_user").order_by("-history_date", "-history_id")
    scope = _scopes().get(tracked.key) if compacts is not None else None
    if scope is not None:
        entries = entries.filter(scope(compacts)).distinct()
    return entries


def changes_for_page(
    tracked: TrackedType, entries: list, *, hidden: AbstractSet[int] = frozenset()
) -> dict[int, list[Change]]:
    """What each entry on a page changed, compared with the record's previous version. In `hidden`
    entries the type's confidential fields (hidden_fields) are left out.

    One query fetches the earlier versions of every object on the page, so the page costs the
    same whatever its length (entry.prev_record would cost a query per row).
    """
    if not entries:
        return {}
    pk_name = tracked.model._meta.pk.attname
    history = tracked.history_model.objects.filter(
        **{f"{pk_name}__in": {getattr(e, pk_name) for e in entries}},
        history_date__lte=max(e.history_date for e in entries),
    ).order_by(pk_name, "history_date", "history_id")
    previous: dict[int, Model | None] = {}
    for _, versions in groupby(history, key=lambda h: getattr(h, pk_name)):
        before = None
        for version in versions:
            previous[version.history_id] = before
            before = version
    # Fields a model keeps out of its history (complainants' details, reminder stamps) are not there.
    kept = {f.attname for f in tracked.history_model._meta.concrete_fields}
    fields = [
        f
        for f in tracked.model._meta.concrete_fields
        if f.attname in kept and f.attname not in _NOISE and not f.primary_key
    ]
    hidden_names = hidden_fields(tracked)
    secret = {f.attname for f in tracked.model._meta.concrete_fields if f.name in hidden_names}
    result: dict[int, list[Change]] = {}
    for entry in entries:
        prior = previous.get(entry.history_id)
        if prior is None and entry.history_type != "+":
            result[entry.history_id] = []
            continue
        changes = []
        for field in fields:
            if entry.history_id in hidden and field.attname in secret:
                continue
            new = getattr(entry, field.attname)
            old = getattr(prior, field.attname) if prior is not None else None
            # A new record lists what it was created with; blank fields say nothing then.
            if old != new and not (prior is None and new in (None, "")):
                changes.append(Change(str(field.verbose_name), _show(field, old), _show(field, new)))
        result[entry.history_id] = changes
    return result


def record_label(tracked: TrackedType, entry) -> str:
    """A name for the record as it was, read from the history row itself: building the model
    instance (entry.instance) would load fields excluded from history with a query per row."""
    for attribute in ("name", "short_title", "title", "label", "email"):
        value = getattr(entry, attribute, None)
        if value:
            return str(value)
    return f"{tracked.label} {getattr(entry, tracked.model._meta.pk.attname)}"


def _show(field, value) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if field.choices:
        value = dict(field.flatchoices).get(value, value)
    if hasattr(value, "strftime"):
        return value.strftime("%-d %b %Y %H:%M") if hasattr(value, "hour") else value.strftime("%-d %b %Y")
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "…"
