"""Emails about organisations, sent by the Celery tasks in tasks.py (never inside a request).

Each function takes the record, works out who to tell, and sends plain-text email built from
templates/organisations/email/. Links are absolute (settings.SITE_URL): there is no request here.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .bme_definitions import current_definition
from .bme_led import last_current_date, transition_until
from .models import BoardDeclaration, Membership, MembershipRole, MembershipStatus, Organisation
from .selectors import organisation_compact
from .selectors.status import assess_declaration


def _link(name: str, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def _send(template: str, context: dict, recipients: list[str]) -> int:
    recipients = sorted({email for email in recipients if email})
    if not recipients:
        return 0
    subject = " ".join(render_to_string(f"organisations/email/{template}_subject.txt", context).split())
    body = render_to_string(f"organisations/email/{template}.txt", context)
    # One message each, so that people do not see each other's addresses.
    return send_mass_mail([(subject, body, None, [email]) for email in recipients])


def _site_admin_emails() -> list[str]:
    return list(get_user_model().objects.filter(is_superuser=True, is_active=True).values_list("email", flat=True))


def _member_emails(organisation: Organisation, *, admins_only: bool = False) -> list[str]:
    memberships = Membership.objects.filter(
        organisation=organisation, status=MembershipStatus.APPROVED, user__is_active=True
    )
    if admins_only:
        memberships = memberships.filter(role=MembershipRole.ADMIN)
    return list(memberships.values_list("user__email", flat=True))


def organisation_registered_notify(*, organisation: Organisation) -> int:
    """Tell site admins there is an organisation to verify."""
    context = {"organisation": organisation, "url": _link("organisations:profile", organisation.slug)}
    return _send("organisation_registered", context, _site_admin_emails())


def organisation_verified_notify(*, organisation: Organisation) -> int:
    context = {"organisation": organisation, "url": _link("organisations:profile", organisation.slug)}
    return _send("organisation_verified", context, _member_emails(organisation))


def membership_requested_notify(*, membership: Membership) -> int:
    """Tell the organisation's admins, or the site admins if it has none yet."""
    recipients = _member_emails(membership.organisation, admins_only=True) or _site_admin_emails()
    context = {"membership": membership, "url": _link("organisations:membership-decide", membership.pk)}
    return _send("membership_requested", context, recipients)


def membership_decided_notify(*, membership: Membership) -> int:
    context = {"membership": membership, "url": _link("organisations:mine")}
    return _send("membership_decided", context, [membership.user.email])


def _transition(declaration: BoardDeclaration, stale_after) -> dict:
    """When the organisation's Compact's rule has a transition period and this declaration is BME-led
    under it, the day the BME-led status would end without a new declaration, and the rule's name."""
    definition = current_definition(organisation_compact(declaration.organisation))
    if definition is None or not definition.transition_months:
        return {}
    if not assess_declaration(declaration, definition.rule).is_bme_led:
        return {}
    return {"transition_until": transition_until(stale_after, definition.rule), "rule_label": definition.rule.label}


def board_declaration_stale_reminder_send(*, declaration: BoardDeclaration) -> int:
    """Remind the organisation's members that its declaration is about to stop counting.

    Claims the declaration first with a conditional update, so a second run (or a second delivery
    of the task) sends nothing; if sending fails the claim is released so a retry can send it.
    """
    claimed = BoardDeclaration.objects.filter(pk=declaration.pk, stale_reminder_sent_at__isnull=True).update(
        stale_reminder_sent_at=timezone.now()
    )
    if not claimed:
        return 0
    stale_after = last_current_date(declaration.effective_date)
    context = {
        "declaration": declaration,
        "organisation": declaration.organisation,
        "stale_after": stale_after,
        "stale_on": stale_after + timedelta(days=1),
        **_transition(declaration, stale_after),
        "url": _link("organisations:declare-board", declaration.organisation.slug),
    }
    try:
        return _send("declaration_reminder", context, _member_emails(declaration.organisation))
    except Exception:
        with transaction.atomic():
            BoardDeclaration.objects.filter(pk=declaration.pk).update(stale_reminder_sent_at=None)
        raise
