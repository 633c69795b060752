"""Who may do what with a complaint.

A complaint is seen from one of three sides (models.Party): the complainant (the person who raised
it, any member of the group it was raised for, or a browser that opened its follow-up link), the
body complained about (its officers), or the Compact's steering group. Site admins get no side: who
complained is for the steering group only. Because people without an account act through a
follow-up link, the functions take a `Viewer` (the user plus the complaints this browser holds a
link for) rather than a bare user.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from organisations.roles import PortalRoles, roles_for

from .models import Complaint, ComplaintStatus, Party, StageLevel


@dataclass(frozen=True)
class Viewer:
    user: object
    follow_up_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def roles(self) -> PortalRoles:
        return roles_for(self.user)

    @property
    def signed_in_user(self):
        return self.user if self.user is not None and self.user.is_authenticated else None


def perspective(viewer: Viewer, complaint: Complaint) -> str | None:
    """The side `viewer` sees `complaint` from, or None. The steering group comes first (it may see
    everything), then the complainant, then the body."""
    roles = viewer.roles
    if complaint.status == ComplaintStatus.UNCONFIRMED:
        return None
    if roles.steers(complaint.compact_id):
        return Party.STEERING
    user = viewer.signed_in_user
    if complaint.pk in viewer.follow_up_ids:
        return Party.COMPLAINANT
    if user is not None and (
        complaint.complainant_user_id == user.pk
        or (complaint.complainant_organisation_id and complaint.complainant_organisation_id in roles.member_of)
    ):
        return Party.COMPLAINANT
    if complaint.respondent_id in roles.officer_of:
        return Party.RESPONDENT
    return None


def can_view_queue(user) -> bool:
    return roles_for(user).is_officer


def can_view_compact_list(user) -> bool:
    return roles_for(user).is_steering


def _holder(complaint: Complaint) -> str:
    """Who must act on the current stage: the body at stages 1 and 2, the steering group after."""
    return Party.STEERING if complaint.status == ComplaintStatus.REFERRED else Party.RESPONDENT


def _answered_stage_1(viewer: Viewer, complaint: Complaint) -> bool:
    first = complaint.stage(StageLevel.STAGE_1)
    user = viewer.signed_in_user
    return bool(first and user and first.replied_by_id == user.pk)


def can_acknowledge(viewer: Viewer, complaint: Complaint, side: str) -> bool:
    stage = complaint.current_stage
    if not complaint.is_open or stage is None or stage.acknowledged_on or side != _holder(complaint):
        return False
    if stage.is_paused:
        return False
    return not (stage.level == StageLevel.STAGE_2 and _answered_stage_1(viewer, complaint))


def can_reply(viewer: Viewer, complaint: Complaint, side: str) -> bool:
    stage = complaint.current_stage
    if side != Party.RESPONDENT or complaint.status not in (ComplaintStatus.STAGE_1, ComplaintStatus.STAGE_2):
        return False
    if stage is None or not stage.acknowledged_on or stage.replied_on or stage.is_paused:
        return False
    return not (stage.level == StageLevel.STAGE_2 and _answered_stage_1(viewer, complaint))


def can_extend(viewer: Viewer, complaint: Complaint, side: str) -> bool:
    stage = complaint.current_stage
    return bool(
        complaint.is_open
        and stage
        and stage.acknowledged_on
        and not stage.replied_on
        and not stage.is_paused
        and side == _holder(complaint)
    )


def can_close(viewer: Viewer, complaint: Complaint, side: str) -> bool:
    stage = complaint.current_stage
    if side == Party.STEERING and complaint.status == ComplaintStatus.REFERRED:
        return bool(stage and stage.acknowledged_on and not stage.is_paused)
    # The body may close only what it has answered: an escalation it has not answered stays open.
    return bool(
        side == Party.RESPONDENT
        and complaint.status in (ComplaintStatus.STAGE_1, ComplaintStatus.STAGE_2)
        and stage
        and stage.replied_on
    )


def can_escalate(viewer: Viewer, complaint: Complaint, side: str) -> bool:
    stage = complaint.current_stage
    if side != Party.COMPLAINANT or stage is None or stage.level >= StageLevel.STEERING or not stage.replied_on:
        return False
    if complaint.status == ComplaintStatus.CLOSED and complaint.closed_by_party != Party.RESPONDENT:
        return False
    return timezone.localdate() <= stage.escalate_by


def can_withdraw(viewer: Viewer, complaint: Complaint, side: str) -> bool:
    return side == Party.COMPLAINANT and complaint.is_open


def can_send_message(viewer: Viewer, complaint: Complaint, side: str) -> bool:
    return side is not None and complaint.is_open


def can_add_note(viewer: Viewer, complaint: Complaint, side: str) -> bool:
    return side in (Party.RESPONDENT, Party.STEERING)


def can_add_file(viewer: Viewer, complaint: Complaint, side: str) -> bool:
    return side is not None and complaint.is_open


def allowed_actions(viewer: Viewer, complaint: Complaint, side: str) -> dict[str, bool]:
    """Every action for the complaint page, asked of the same functions the action views use."""
    return {
        "acknowledge": can_acknowledge(viewer, complaint, side),
        "reply": can_reply(viewer, complaint, side),
        "extend": can_extend(viewer, complaint, side),
        "close": can_close(viewer, complaint, side),
        "escalate": can_escalate(viewer, complaint, side),
        "withdraw": can_withdraw(viewer, complaint, side),
        "message": can_send_message(viewer, complaint, side),
        "note": can_add_note(viewer, complaint, side),
        "file": can_add_file(viewer, complaint, side),
        "pause": can_pause(viewer, complaint, side),
        "resume": can_resume(viewer, complaint, side),
        "learning": can_record_learning(viewer, complaint, side),
    }


# --- Complaints made another way, holds, learning and the yearly self-assessment -----------------


def can_record_complaint(user) -> bool:
    """Officers of any public body and steering group members type in complaints made by phone,
    letter, email or in person. Which confidential ones they may record is a rule of the service."""
    roles = roles_for(user)
    return roles.is_officer or roles.is_steering


def can_pause(viewer: Viewer, complaint: Complaint, side: str) -> bool:
    """Whoever holds the current stage may put it on hold until it is answered."""
    stage = complaint.current_stage
    return bool(
        complaint.is_open and stage and not stage.replied_on and not stage.is_paused and side == _holder(complaint)
    )


def can_resume(viewer: Viewer, complaint: Complaint, side: str) -> bool:
    stage = complaint.current_stage
    return bool(complaint.is_open and stage and stage.is_paused and side == _holder(complaint))


def can_record_learning(viewer: Viewer, complaint: Complaint, side: str) -> bool:
    """After closing: the body for what it closed (or what was withdrawn at its stages), the
    steering group for any complaint in its Compact."""
    if complaint.is_open or complaint.status == ComplaintStatus.UNCONFIRMED:
        return False
    if side == Party.STEERING:
        return True
    return side == Party.RESPONDENT and complaint.closed_by_party != Party.STEERING


def can_view_extensions(user) -> bool:
    return roles_for(user).is_steering


def can_assess(user, period) -> bool:
    """The self-assessment for a reporting period belongs to that Compact's steering group."""
    return roles_for(user).steers(period.compact_id)
