"""The work Celery runs for funding (funding.tasks calls it, and nothing here queues a task, so
imports run one way: services → tasks → jobs): a 360Giving import stored on an ImportRun."""

from datetime import datetime, timedelta

from django.utils import timezone

from .import_models import ImportStatus
from .models import ImportRun
from .services.imports import ImportRefused, grants_import

# An import still waiting this long after it was queued lost its task (the broker was down, or a
# worker died before taking it): the sweep sends it again. The claim makes a duplicate harmless.
RESEND_AFTER = timedelta(minutes=10)


def _problems(problems) -> list[dict]:
    return [{"where": p.where, "identifier": p.identifier, "message": p.message} for p in problems]


def import_run_execute(*, run_id: int, path=None) -> ImportRun:
    run = ImportRun.objects.get(pk=run_id)
    # Claimed by a conditional update: a second delivery of the same job (the sweep resent it) runs
    # nothing. The command runs its row at once, still queued.
    if not ImportRun.objects.filter(pk=run.pk, status=ImportStatus.QUEUED).update(status=ImportStatus.RUNNING):
        return run
    try:
        result = grants_import(
            name=run.file_name,
            content=bytes(run.content) if run.content is not None else None,
            path=path,
            funder=run.funder,
            user=run.created_by,
            strict=run.strict,
        )
    except ImportRefused as refused:
        run.status = ImportStatus.REFUSED
        run.refused = _problems(refused.problems)
    except Exception as exc:  # the row must say the job failed, not stay "Importing" for ever
        run.status = ImportStatus.FAILED
        run.error = f"The import failed: {exc.__class__.__name__}."
        run.finished_at = timezone.now()
        run.content = None
        run.save()
        raise
    else:
        run.status = ImportStatus.DONE
        run.refused = _problems(result.refused)
        run.warnings = _problems(result.warnings)
        run.totals = {currency: str(amount) for currency, amount in sorted(result.totals.items())}
        run.counts = {
            "grants": result.grants,
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "refused": len({p.where for p in result.refused}),
            "warnings": len(result.warnings),
            "organisations_created": result.organisations_created,
            "funders_created": len(result.funders_created),
            "matches_queued": result.matches_queued,
        }
    run.content = None
    run.finished_at = timezone.now()
    run.save()
    return run


def imports_waiting(*, now: datetime | None = None) -> list[int]:
    """Imports still queued RESEND_AFTER after they were queued: their task was lost. The sweep's
    task queues them again."""
    cutoff = (now or timezone.now()) - RESEND_AFTER
    return list(
        ImportRun.objects.filter(status=ImportStatus.QUEUED, created_at__lt=cutoff).values_list("pk", flat=True)
    )
