from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from funding.models import FundingProgramme
from organisations.models import Organisation, ServiceArea

FUNDER_NOT_PUBLIC = "Only a public body can run a funding programme."
CLOSES_BEFORE_OPENING = "The closing date must be the same as or after the opening date."
NEGATIVE_BUDGET = "The budget cannot be negative."
TITLE_TAKEN = "{funder} already has a programme called “{title}”. Give this one a different title."


def _validate(
    *, funder: Organisation, title: str, budget: Decimal | None, opens_on: date, closes_on: date, exclude_pk=None
):
    errors = {}
    if not funder.is_public_body:
        errors["funder"] = FUNDER_NOT_PUBLIC
    if closes_on < opens_on:
        errors["closes_on"] = CLOSES_BEFORE_OPENING
    if budget is not None and budget < 0:
        errors["budget"] = NEGATIVE_BUDGET
    if FundingProgramme.objects.filter(funder=funder, title__iexact=title).exclude(pk=exclude_pk).exists():
        errors["title"] = TITLE_TAKEN.format(funder=funder.name, title=title)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def programme_create(
    *,
    funder: Organisation,
    title: str,
    description: str = "",
    service_area: ServiceArea | None,
    kind: str,
    purpose: str,
    ring_fenced: bool,
    budget: Decimal | None,
    opens_on: date,
    closes_on: date,
    user=None,
) -> FundingProgramme:
    _validate(funder=funder, title=title, budget=budget, opens_on=opens_on, closes_on=closes_on)
    return FundingProgramme.objects.create(
        funder=funder,
        title=title,
        description=description,
        service_area=service_area,
        kind=kind,
        purpose=purpose,
        ring_fenced=ring_fenced,
        budget=budget,
        opens_on=opens_on,
        closes_on=closes_on,
        created_by=user,
    )


@transaction.atomic
def programme_update(*, programme: FundingProgramme, user=None, **fields) -> FundingProgramme:
    merged = {name: fields.get(name, getattr(programme, name)) for name in ("title", "budget", "opens_on", "closes_on")}
    _validate(funder=programme.funder, exclude_pk=programme.pk, **merged)
    for name, value in fields.items():
        setattr(programme, name, value)
    programme.save()
    return programme
