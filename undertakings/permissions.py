"""Who may see and change compliance returns (design.md §4).

- A return is seen by its organisation's approved members, the steering group of its Compact and
  site admins; anyone else gets 404, so they cannot even learn it exists.
- Only the organisation's members fill it in, and only while it is a draft or returned.
- Only the Compact's steering group reviews it, and only once it is submitted.
- Period pages (overview, matrix, per-undertaking ratings) are for the steering group and site admins,
  who also add a Compact's periods and close or reopen them.
"""

from django.http import Http404

from organisations.models import Organisation
from organisations.roles import roles_for

from .models import Action, ComplianceEntry, ComplianceReturn, EvidenceFile, ReportingPeriod, ReturnStatus


def can_view_return(user, compliance_return: ComplianceReturn) -> bool:
    roles = roles_for(user)
    return (
        roles.belongs_to(compliance_return.organisation_id)
        or roles.steers(compliance_return.period.compact_id)
        or roles.is_site_admin
    )


def is_returns_body(user, compliance_return: ComplianceReturn) -> bool:
    return roles_for(user).belongs_to(compliance_return.organisation_id)


def can_edit_return(user, compliance_return: ComplianceReturn) -> bool:
    return is_returns_body(user, compliance_return) and compliance_return.is_editable


def can_review_return(user, compliance_return: ComplianceReturn) -> bool:
    return (
        roles_for(user).steers(compliance_return.period.compact_id)
        and compliance_return.status == ReturnStatus.SUBMITTED
    )


def can_start_return(user, organisation: Organisation) -> bool:
    return roles_for(user).belongs_to(organisation.pk)


def can_view_period(user, period: ReportingPeriod) -> bool:
    roles = roles_for(user)
    return roles.steers(period.compact_id) or roles.is_site_admin


def can_manage_periods(user, compact) -> bool:
    """Adding a Compact's reporting periods and closing or reopening them: its steering group and site admins."""
    roles = roles_for(user)
    return roles.steers(compact.pk) or roles.is_site_admin


def _visible(user, compliance_return: ComplianceReturn):
    if not can_view_return(user, compliance_return):
        raise Http404("No such compliance return")


def get_return_for_user(user, pk: int) -> ComplianceReturn:
    compliance_return = (
        ComplianceReturn.objects.select_related("organisation", "period__compact", "code").filter(pk=pk).first()
    )
    if compliance_return is None:
        raise Http404("No such compliance return")
    _visible(user, compliance_return)
    return compliance_return


def get_entry_for_user(user, pk: int) -> ComplianceEntry:
    entry = (
        ComplianceEntry.objects.select_related(
            "compliance_return__organisation",
            "compliance_return__period__compact",
            "compliance_return__code",
            "undertaking__section",
        )
        .filter(pk=pk)
        .first()
    )
    if entry is None:
        raise Http404("No such entry")
    _visible(user, entry.compliance_return)
    return entry


def get_evidence_for_user(user, pk: int) -> EvidenceFile:
    evidence = (
        EvidenceFile.objects.select_related("entry__compliance_return__period", "entry__undertaking")
        .filter(pk=pk)
        .first()
    )
    if evidence is None:
        raise Http404("No such file")
    _visible(user, evidence.entry.compliance_return)
    return evidence


def get_action_for_user(user, pk: int) -> Action:
    action = (
        Action.objects.select_related(
            "entry__compliance_return__period", "entry__compliance_return__organisation", "entry__undertaking"
        )
        .filter(pk=pk)
        .first()
    )
    if action is None:
        raise Http404("No such action")
    _visible(user, action.entry.compliance_return)
    return action
