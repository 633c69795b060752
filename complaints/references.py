"""Complaint references: CMP-<year>-<number>, numbered from 1 each year."""

from django.db import transaction

from .models import ReferenceCounter


def next_reference(*, year: int) -> str:
    """Issue the next reference for `year`. The counter row is locked (SELECT … FOR UPDATE) until
    the surrounding transaction ends, so concurrent complaints queue for a number; get_or_create
    retries the read if two requests create the year's row at once."""
    with transaction.atomic():
        counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(year=year)
        counter.last_number += 1
        counter.save(update_fields=["last_number"])
    return f"CMP-{year}-{counter.last_number:04d}"
