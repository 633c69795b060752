"""Raising and handling complaints through the services, with dates fixed so deadlines are known."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from complaints import jobs, services
from complaints.models import Audience, ComplainantKind, ComplaintStatus, EventKind, Outcome, Party, StageLevel
from complaints.services import communication, handling, raising
from tests import factories as f

from .factories import answered_at_stage_1, raise_complaint, undertaking_in

pytestmark = pytest.mark.django_db

MONDAY_22_DEC_2025 = date(2025, 12, 22)


def test_a_complaint_gets_a_yearly_reference_and_a_stage_1_acknowledgement_date_in_working_days(world):
    first = raise_complaint(world, today=MONDAY_22_DEC_2025)
    second = raise_complaint(world, today=MONDAY_22_DEC_2025)
    next_year = raise_complaint(world, today=date(2026, 1, 5))
    assert (first.reference, second.reference, next_year.reference) == (
        "CMP-2025-0001",
        "CMP-2025-0002",
        "CMP-2026-0001",
    )
    stage = first.stages.get()
    # 5 working days after 22 December 2025: 23, 24, (Christmas, Boxing Day, weekend) 29, 30, 31.
    assert stage.acknowledge_by == date(2025, 12, 31)
    assert first.next_deadline == date(2025, 12, 31)
    assert first.next_deadline_action == "acknowledge"
    assert first.status == ComplaintStatus.STAGE_1


def test_the_reply_is_due_10_working_days_after_acknowledgement(world):
    complaint = raise_complaint(world, today=MONDAY_22_DEC_2025)
    services.stage_acknowledge(complaint=complaint, user=world.users["officer"], today=date(2025, 12, 24))
    stage = complaint.stages.get()
    # From Wednesday 24 December 2025: 29, 30, 31 Dec, (New Year's Day) 2, 5, 6, 7, 8, 9, 12 Jan.
    assert stage.reply_by == date(2026, 1, 12)
    complaint.refresh_from_db()
    assert (complaint.next_deadline, complaint.next_deadline_action) == (date(2026, 1, 12), "reply")


def test_anonymous_complaints_are_always_confidential_and_store_nobody(world):
    complaint = raise_complaint(world, kind=ComplainantKind.ANONYMOUS, user="outsider", confidential=False)
    assert complaint.confidential
    assert complaint.complainant_user is None
    assert complaint.reply_email == ""


def test_a_complaint_with_an_email_address_waits_for_confirmation(world):
    complaint = raise_complaint(
        world, kind=ComplainantKind.EMAIL, user=None, email="Someone@Example.net", today=MONDAY_22_DEC_2025
    )
    assert complaint.status == ComplaintStatus.UNCONFIRMED
    assert not complaint.stages.exists()
    assert complaint.reply_email == ""
    services.complaint_confirm_email(complaint=complaint, today=date(2026, 1, 5))
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.STAGE_1
    assert complaint.received_on == date(2026, 1, 5)
    assert complaint.reply_email == "someone@example.net"
    assert complaint.stages.get().acknowledge_by == date(2026, 1, 12)
    services.complaint_confirm_email(complaint=complaint)  # a second click changes nothing
    assert complaint.stages.count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"undertakings": [], "undertakings_not_sure": False}, raising.NO_UNDERTAKING),
        ({"happened_on": date(2099, 1, 1)}, raising.HAPPENED_IN_FUTURE),
        ({"complainant_kind": ComplainantKind.EMAIL, "email": "", "user": None}, raising.EMAIL_NEEDED),
        ({"complainant_kind": ComplainantKind.INDIVIDUAL, "user": None}, raising.SIGN_IN_NEEDED),
        ({"what_happened": "  "}, raising.MISSING_ANSWERS),
    ],
)
def test_raising_refuses_incomplete_or_wrong_answers(world, changes, message):
    arguments = dict(
        respondent=world.council,
        undertakings=[],
        undertakings_not_sure=True,
        what_happened="Not consulted.",
        happened_on=date(2025, 5, 1),
        outcome_sought="An apology.",
        complainant_kind=ComplainantKind.ORGANISATION,
        confidential=True,
        user=world.users["group_member"],
        organisation=world.group,
    )
    with pytest.raises(ValidationError) as error:
        services.complaint_raise(**{**arguments, **changes})
    assert message in error.value.messages


def test_only_a_member_can_complain_for_an_organisation(world):
    with pytest.raises(ValidationError, match=raising.NOT_A_MEMBER):
        raise_complaint(world, user="outsider")


def test_a_voluntary_sector_undertaking_cannot_be_cited_against_a_public_body(world):
    voluntary = undertaking_in(world.compact, ref="5.1", party="voluntary")
    with pytest.raises(ValidationError, match=raising.UNDERTAKING_NOT_FOR_BODY):
        raise_complaint(world, undertakings=[voluntary])


def test_an_undertaking_of_a_compact_the_body_has_not_signed_is_refused(world):
    elsewhere = undertaking_in(f.CompactFactory(name="Elsewhere Compact"))
    with pytest.raises(ValidationError, match=raising.UNDERTAKING_NOT_FOR_BODY):
        raise_complaint(world, undertakings=[elsewhere])


def test_replying_needs_an_acknowledgement_first(world):
    complaint = raise_complaint(world)
    with pytest.raises(ValidationError, match=handling.ACKNOWLEDGE_FIRST):
        services.stage_reply(complaint=complaint, user=world.users["officer"], reply="Sorry.")


def test_an_extension_needs_a_reason_a_working_day_and_a_second_reason_past_the_limit(world):
    complaint = raise_complaint(world, today=date(2025, 3, 3))
    officer = world.users["officer"]
    services.stage_acknowledge(complaint=complaint, user=officer, today=date(2025, 3, 3))
    stage = complaint.stages.get()
    assert stage.reply_by == date(2025, 3, 17)
    # Stage 1 may move by up to 10 working days from 17 March 2025: 31 March at the latest.
    with pytest.raises(ValidationError) as error:
        services.stage_extend(complaint=complaint, user=officer, new_date=date(2025, 4, 1), reason="Staff away.")
    assert error.value.message_dict["beyond_limit_reason"] == [
        handling.EXTENSION_BEYOND_LIMIT_REASON_NEEDED.format(days=10, latest="31 March 2025")
    ]
    with pytest.raises(ValidationError, match=handling.REASON_NEEDED):
        services.stage_extend(complaint=complaint, user=officer, new_date=date(2025, 3, 31), reason=" ")
    with pytest.raises(ValidationError, match=handling.EXTENSION_NOT_WORKING_DAY):
        services.stage_extend(complaint=complaint, user=officer, new_date=date(2025, 3, 29), reason="Staff away.")
    with pytest.raises(ValidationError, match=handling.EXTENSION_NOT_LATER):
        services.stage_extend(complaint=complaint, user=officer, new_date=date(2025, 3, 14), reason="Staff away.")
    services.stage_extend(complaint=complaint, user=officer, new_date=date(2025, 3, 31), reason="Staff away.")
    stage.refresh_from_db()
    assert (stage.original_reply_by, stage.reply_by, stage.is_extended) == (date(2025, 3, 17), date(2025, 3, 31), True)


def test_stage_2_may_be_extended_by_up_to_20_working_days(world):
    complaint = raise_complaint(world, today=date(2025, 3, 3))
    answered_at_stage_1(complaint, world)
    services.complaint_escalate(complaint=complaint, reason="Not answered.", today=date(2025, 3, 4))
    colleague = f.UserFactory()
    f.MembershipFactory(user=colleague, organisation=world.council)
    services.stage_acknowledge(complaint=complaint, user=colleague, today=date(2025, 3, 4))
    stage = complaint.stages.get(level=StageLevel.STAGE_2)
    # 20 working days after 4 March 2025 is 1 April; 20 more (over Easter) is 1 May.
    assert stage.reply_by == date(2025, 4, 1)
    services.stage_extend(complaint=complaint, user=colleague, new_date=date(2025, 5, 1), reason="Legal advice.")
    with pytest.raises(ValidationError, match="1 May 2025 at the latest"):
        services.stage_extend(complaint=complaint, user=colleague, new_date=date(2025, 5, 2), reason="More.")


def test_the_complainant_can_escalate_only_within_the_set_time_after_a_reply(world, settings):
    settings.COMPLAINT_ESCALATION_WORKING_DAYS = 5
    complaint = raise_complaint(world, today=date(2025, 4, 14))
    services.stage_acknowledge(complaint=complaint, user=world.users["officer"], today=date(2025, 4, 14))
    services.stage_reply(complaint=complaint, user=world.users["officer"], reply="Sorry.", today=date(2025, 4, 15))
    # 5 working days after Tuesday 15 April 2025, over Easter: 16, 17, 22, 23, 24 April.
    assert complaint.stages.get().escalate_by == date(2025, 4, 24)
    with pytest.raises(ValidationError, match="ended on 24 April 2025"):
        services.complaint_escalate(complaint=complaint, reason="Not good enough.", today=date(2025, 4, 25))
    services.complaint_escalate(complaint=complaint, reason="Not good enough.", today=date(2025, 4, 24))
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.STAGE_2
    # Stage 2 opened on Thursday 24 April: acknowledge by 25, 28, 29, 30 April, 1 May.
    assert complaint.stages.get(level=2).acknowledge_by == date(2025, 5, 1)


def test_the_body_cannot_close_a_complaint_with_an_open_escalation(world):
    complaint = raise_complaint(world)
    answered_at_stage_1(complaint, world)
    services.complaint_escalate(complaint=complaint, reason="Not good enough.")
    with pytest.raises(ValidationError, match=handling.OPEN_ESCALATION):
        services.complaint_close(
            complaint=complaint,
            user=world.users["officer"],
            party=Party.RESPONDENT,
            outcome=Outcome.NOT_UPHELD,
            explanation="We did nothing wrong.",
        )


def test_a_different_officer_must_handle_stage_2(world):
    complaint = raise_complaint(world)
    answered_at_stage_1(complaint, world)
    services.complaint_escalate(complaint=complaint, reason="Not good enough.")
    with pytest.raises(ValidationError, match=handling.SAME_OFFICER_AT_STAGE_2):
        services.stage_acknowledge(complaint=complaint, user=world.users["officer"])
    colleague = f.UserFactory(full_name="Colin Colleague")
    f.MembershipFactory(user=colleague, organisation=world.council)
    services.stage_acknowledge(complaint=complaint, user=colleague)
    with pytest.raises(ValidationError, match=handling.SAME_OFFICER_AT_STAGE_2):
        services.stage_reply(complaint=complaint, user=world.users["officer"], reply="Still sorry.")
    services.stage_reply(complaint=complaint, user=colleague, reply="We have looked again.")
    assert complaint.stages.get(level=2).replied_by == colleague


def test_after_stage_2_the_complaint_goes_to_the_steering_group_which_alone_closes_it(world):
    complaint = raise_complaint(world)
    answered_at_stage_1(complaint, world)
    services.complaint_escalate(complaint=complaint, reason="Not good enough.")
    colleague = f.UserFactory()
    f.MembershipFactory(user=colleague, organisation=world.council)
    services.stage_acknowledge(complaint=complaint, user=colleague)
    services.stage_reply(complaint=complaint, user=colleague, reply="We have looked again.")
    services.complaint_escalate(complaint=complaint, reason="Still not right.")
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.REFERRED
    with pytest.raises(ValidationError, match=handling.ONLY_STEERING_CLOSES_REFERRALS):
        services.complaint_close(
            complaint=complaint, user=colleague, party=Party.RESPONDENT, outcome=Outcome.NOT_UPHELD, explanation="No."
        )
    steering = world.users["steering_member"]
    with pytest.raises(ValidationError, match=handling.ACKNOWLEDGE_FIRST):
        services.complaint_close(
            complaint=complaint,
            user=steering,
            party=Party.STEERING,
            outcome=Outcome.PARTLY_UPHELD,
            explanation="Partly.",
        )
    services.stage_acknowledge(complaint=complaint, user=steering)
    undertaking = undertaking_in(world.compact)
    services.complaint_close(
        complaint=complaint,
        user=steering,
        party=Party.STEERING,
        outcome=Outcome.PARTLY_UPHELD,
        explanation="The council should have invited the forum.",
        remedy="Consult again.",
        learning="Invite BME groups to every consultation.",
        undertakings_broken=[undertaking],
    )
    complaint.refresh_from_db()
    assert (complaint.status, complaint.outcome, complaint.closed_by_party) == ("closed", "partly_upheld", "steering")
    assert list(complaint.undertakings_broken.all()) == [undertaking]
    assert complaint.stages.get(level=3).reply == "The council should have invited the forum."
    assert complaint.next_deadline is None
    with pytest.raises(ValidationError, match=handling.CANNOT_ESCALATE):
        services.complaint_escalate(complaint=complaint, reason="More.")


def test_a_complaint_the_body_closed_opens_again_if_the_complainant_escalates_in_time(world):
    complaint = raise_complaint(world)
    answered_at_stage_1(complaint, world)
    services.complaint_close(
        complaint=complaint,
        user=world.users["officer"],
        party=Party.RESPONDENT,
        outcome=Outcome.RESOLVED,
        explanation="Sorted.",
        learning="Reply to groups sooner.",
    )
    services.complaint_escalate(complaint=complaint, reason="It is not sorted.")
    complaint.refresh_from_db()
    assert (complaint.status, complaint.outcome) == (ComplaintStatus.STAGE_2, "")
    assert complaint.events.filter(kind=EventKind.CLOSED).exists()


def test_withdrawing_closes_the_complaint_as_withdrawn_and_only_the_complainant_can(world):
    complaint = raise_complaint(world)
    answered_at_stage_1(complaint, world)
    with pytest.raises(ValidationError, match=handling.WITHDRAW_IS_FOR_COMPLAINANT):
        services.complaint_close(
            complaint=complaint,
            user=world.users["officer"],
            party=Party.RESPONDENT,
            outcome=Outcome.WITHDRAWN,
            explanation="Gone.",
        )
    services.complaint_withdraw(complaint=complaint, user=world.users["group_member"], reason="Sorted informally.")
    complaint.refresh_from_db()
    assert (complaint.status, complaint.outcome) == (ComplaintStatus.CLOSED, Outcome.WITHDRAWN)


def test_only_the_steering_group_keeps_notes_from_the_body(world):
    complaint = raise_complaint(world)
    with pytest.raises(ValidationError, match=communication.STEERING_ONLY_NOTE):
        services.complaint_note(
            complaint=complaint,
            text="x",
            party=Party.RESPONDENT,
            user=world.users["officer"],
            audience=Audience.STEERING,
        )
    note = services.complaint_note(
        complaint=complaint,
        text="The forum raised this.",
        party=Party.STEERING,
        user=world.users["steering_member"],
        audience=Audience.STEERING,
    )
    assert note.audience == Audience.STEERING


def test_uploads_are_checked_by_their_content_not_their_name(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.common.samples import pdf_bytes

    complaint = raise_complaint(world)
    fake_pdf = SimpleUploadedFile("evil.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError, match="evil.pdf is not a PDF: its content is a Windows program"):
        services.complaint_file_add(complaint=complaint, upload=fake_pdf, party=Party.COMPLAINANT)
    real_pdf = SimpleUploadedFile("letter.PDF", pdf_bytes(), content_type="x")
    stored = services.complaint_file_add(complaint=complaint, upload=real_pdf, party=Party.COMPLAINANT)
    assert (stored.original_name, stored.content_type) == ("letter.pdf", "application/pdf")
    assert "letter" not in stored.file.name


def test_unconfirmed_complaints_and_unattached_files_are_cleared_once_their_links_expire(world):
    from datetime import timedelta

    from django.utils import timezone

    from complaints.models import Complaint, ComplaintFile

    from .factories import text_upload

    unconfirmed = raise_complaint(world, kind=ComplainantKind.EMAIL, user=None, email="a@example.net")
    kept = raise_complaint(world)
    draft = services.draft_file_add(draft_key="abc", upload=text_upload())
    assert jobs.stale_drafts_delete(now=timezone.now()) == 0
    later = timezone.now() + timedelta(days=5)
    assert jobs.stale_drafts_delete(now=later) == 2
    assert list(Complaint.objects.all()) == [kept]
    assert not ComplaintFile.objects.filter(pk=draft.pk).exists()
    assert not Complaint.objects.filter(pk=unconfirmed.pk).exists()
