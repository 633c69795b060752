"""An import as a job: a status row, run by Celery (in-process without a broker), with its report.

The web page stores the upload on an `ImportRun` and queues `funding.tasks.run_import`, which runs
`funding.jobs.import_run_execute`; the command runs that at once. The report (counts, totals by
currency, grants refused, warnings) is kept on the row for the result page.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from funding.import_models import MatchStatus
from funding.models import Award, ImportRun, RecipientMatch
from funding.tasks import run_import
from organisations.selectors import bme_led_status_between

MATCH_DECIDED = "This match has already been decided."


def import_run_create(
    *, file_name: str, content: bytes | None = None, funder=None, strict=False, user=None, queue=True
) -> ImportRun:
    run = ImportRun.objects.create(
        file_name=file_name[:255], content=content, funder=funder, strict=strict, created_by=user
    )
    if queue:
        transaction.on_commit(lambda: run_import.delay(run.pk))
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
                status = bme_led_status_between(
                    funder=award.funder, organisation=match.candidate, on_date=award.award_date
                )
                award.recipient_bme_led_outcome, award.recipient_bme_rule = status.outcome, status.rule_label
                award._change_reason = f"Recipient matched to {match.candidate.org_id}"
                award.save(update_fields=["recipient", "recipient_bme_led_outcome", "recipient_bme_rule"])
            moved = len(awards)
            # Other candidates for the same recipient are answered by this decision.
            RecipientMatch.objects.filter(recipient_org_id=match.recipient_org_id, status=MatchStatus.PENDING).update(
                status=MatchStatus.REJECTED, decided_by=user, decided_at=timezone.now()
            )
        return moved
