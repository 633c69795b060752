"""An import as a job: a status row, run by Celery (in-process without a broker), with its report.

The web page stores the upload on an `ImportRun` and queues `funding.tasks.run_import`; the command
runs the same service at once. The report (counts, totals by currency, grants refused, warnings) is
kept on the row for the result page.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from funding.import_models import ImportStatus, MatchStatus
from funding.models import Award, ImportRun, RecipientMatch
from organisations.bme_definitions import rule_between
from organisations.selectors import bme_led_status

from .imports import ImportRefused, grants_import

MATCH_DECIDED = "This match has already been decided."


def _problems(problems) -> list[dict]:
    return [{"where": p.where, "identifier": p.identifier, "message": p.message} for p in problems]


def import_run_create(
    *, file_name: str, content: bytes | None = None, funder=None, strict=False, user=None, queue=True
) -> ImportRun:
    run = ImportRun.objects.create(
        file_name=file_name[:255], content=content, funder=funder, strict=strict, created_by=user
    )
    if queue:
        from funding.tasks import run_import

        transaction.on_commit(lambda: run_import.delay(run.pk))
    return run


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


def recipient_match_decide(*, match: RecipientMatch, confirm: bool, user=None) -> int:
    """Confirm (the published recipient is the directory organisation: its awards point there) or
    reject a match. Returns how many awards now point at the candidate. The awards keep the name
    and identifier their funder published."""
    with transaction.atomic():
        match = RecipientMatch.objects.select_for_update().get(pk=match.pk)
        if match.status != MatchStatus.PENDING:
            raise ValidationError(MATCH_DECIDED)
        match.status = MatchStatus.CONFIRMED if confirm else MatchStatus.REJECTED
        match.decided_by, match.decided_at = user, timezone.now()
        match.save()
        moved = 0
        if confirm:
            awards = list(
                Award.objects.filter(recipient_org_id=match.recipient_org_id)
                .exclude(recipient=match.candidate)
                .select_related("funder")
            )
            for award in awards:
                award.recipient = match.candidate
                # The status on the award date is the matched organisation's, recorded now.
                # Under the rule of the Compact the funder and the matched organisation share.
                rule = rule_between(funder=award.funder, organisation=match.candidate, on_date=award.award_date)
                status = bme_led_status(organisation=match.candidate, on_date=award.award_date, definition=rule)
                award.recipient_bme_led_outcome, award.recipient_bme_rule = status.outcome, status.rule_label
                award._change_reason = f"Recipient matched to {match.candidate.org_id}"
                award.save(update_fields=["recipient", "recipient_bme_led_outcome", "recipient_bme_rule"])
            moved = len(awards)
            # Other candidates for the same recipient are answered by this decision.
            RecipientMatch.objects.filter(recipient_org_id=match.recipient_org_id, status=MatchStatus.PENDING).update(
                status=MatchStatus.REJECTED, decided_by=user, decided_at=timezone.now()
            )
        return moved
