"""Who may do what in funding (shared/design.md §4). Views and templates ask these functions.

Programmes and awards are public (awards are open data under 360Giving); applications, withdrawal
reasons, joint reviews and redistributions are for the funder's officers, the applicant's or
recipient's members, the steering group of a Compact the funder signed, and site admins.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from organisations.models import Organisation, Signatory
from organisations.roles import roles_for

from .models import Application, Award, FundingProgramme


def _steers_compact_of(user, funder_id: int) -> bool:
    roles = roles_for(user)
    if not roles.is_steering:
        return False
    return Signatory.objects.filter(organisation_id=funder_id, compact_id__in=roles.steering_compacts).exists()


def can_view_published(user, funder: Organisation) -> bool:
    """A programme's or award's page: public once its funder has public-body standing; until then
    (or after it is withdrawn) for site admins only."""
    return funder.verified or roles_for(user).is_site_admin


def can_create_programme(user) -> bool:
    return roles_for(user).is_officer


def funder_choices(user):
    """Public bodies the person may run programmes or import grants for."""
    roles = roles_for(user)
    if roles.is_site_admin:
        return Organisation.objects.with_standing()
    return Organisation.objects.with_standing().filter(pk__in=roles.officer_of)


def can_manage_programme(user, programme: FundingProgramme) -> bool:
    return programme.funder_id in roles_for(user).officer_of


def can_apply(user, programme: FundingProgramme) -> bool:
    """Community group members apply for their organisations; the funder's officers record
    applications made to them on paper or by email."""
    roles = roles_for(user)
    return roles.is_group_member or programme.funder_id in roles.officer_of


def applicant_choices(user, programme: FundingProgramme):
    roles = roles_for(user)
    if programme.funder_id in roles.officer_of:
        return Organisation.objects.voluntary()
    return Organisation.objects.voluntary().filter(pk__in=roles.member_of)


def _involved(user, *, funder_id: int, organisation_id: int) -> bool:
    roles = roles_for(user)
    return (
        roles.is_site_admin
        or funder_id in roles.officer_of
        or organisation_id in roles.member_of
        or _steers_compact_of(user, funder_id)
    )


def can_view_application(user, application: Application) -> bool:
    return _involved(user, funder_id=application.programme.funder_id, organisation_id=application.applicant_id)


def can_decide(user, application: Application) -> bool:
    return application.programme.funder_id in roles_for(user).officer_of


def can_view_withdrawal(user, award: Award) -> bool:
    return _involved(user, funder_id=award.funder_id, organisation_id=award.recipient_id)


def can_manage_award(user, award: Award) -> bool:
    return award.funder_id in roles_for(user).officer_of


def can_import(user) -> bool:
    roles = roles_for(user)
    return roles.is_officer or roles.is_site_admin


def can_see_todo(user) -> bool:
    return roles_for(user).is_officer


def get_application_for_user(user, pk: int) -> Application:
    application = get_object_or_404(
        Application.objects.select_related("programme__funder", "applicant", "submitted_by", "decided_by"), pk=pk
    )
    if not can_view_application(user, application):
        raise Http404
    return application


def can_view_import(user, run) -> bool:
    """The person who started an import, the funder's officers and site admins see its report."""
    roles = roles_for(user)
    return run.created_by_id == user.pk or roles.is_site_admin or (run.funder_id in roles.officer_of)
