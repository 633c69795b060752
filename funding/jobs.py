"""The work Celery runs for funding (funding.tasks calls it, and nothing here queues a task, so
imports run one way: services → tasks → jobs): a 360Giving import stored on an ImportRun."""

from django.utils import timezone

from .import_models import ImportStatus
from .models import ImportRun
from .services.imports import ImportRefused, grants_import


def _problems(problems) -> list[dict]:
    return [{"where": p.where, "identifier": p.identifier, "message": p.message} for p in problems]


def import_run_execute(*, run_id: int, path=None) -> ImportRun:
    run = ImportRun.objects.get(pk=run_id)
    ImportRun.objects.filter(pk=run.pk).update(status=ImportStatus.RUNNING)
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
