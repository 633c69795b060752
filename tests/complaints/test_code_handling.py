"""The Complaint Handling Code's expectations, through the services: a complaint however made
(recorded for the complainant, the clock starting the day it was received), a stage on hold and
resumed, extensions past the Code's limit, learning, and the yearly self-assessment."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string

from complaints import jobs, presenters, services
from complaints.code_requirements import REQUIREMENTS
from complaints.models import Channel, ComplainantKind, EventKind, Outcome, Party
from complaints.review import complaints_review, review_data
from complaints.selectors import complaint_for_page, extensions_beyond_limit
from complaints.services import handling, learning, pausing, recording
from complaints.tokens import follow_up_token

from .factories import answered_at_stage_1, raise_complaint

pytestmark = pytest.mark.django_db

CALLER = {"name": "Mrs Ewa Kowalska", "phone": "01604 555 0101", "email": "ewa@example.net"}


def record(world, user="officer", *, today=date(2025, 12, 23), received_on=date(2025, 12, 23), **extra):
    arguments = {
        "respondent": world.council,
        "channel": Channel.PHONE,
        "received_on": received_on,
        "what_happened": "The day centre stopped its interpreter service without telling anyone.",
        "happened_on": date(2025, 12, 1),
        "outcome_sought": "Bring the interpreters back.",
        "complainant_kind": ComplainantKind.RECORDED,
        "confidential": False,
        **CALLER,
        **extra,
    }
    return services.complaint_record(user=world.users[user], today=today, **arguments)


# --- A complaint however made -------------------------------------------------------------------


def test_a_phoned_in_complaint_starts_the_clock_on_the_day_it_was_received(world):
    # Received on Tuesday 23 December 2025, typed in on 2 January: 5 working days after the 23rd,
    # over Christmas, Boxing Day and New Year's Day, is Friday 2 January 2026.
    complaint = record(world, today=date(2026, 1, 2), received_on=date(2025, 12, 23))
    stage = complaint.stages.get()
    assert (complaint.received_on, stage.opened_on, stage.acknowledge_by) == (
        date(2025, 12, 23),
        date(2025, 12, 23),
        date(2026, 1, 2),
    )
    assert (complaint.channel, complaint.complainant_kind, complaint.recorded_by) == (
        Channel.PHONE,
        ComplainantKind.RECORDED,
        world.users["officer"],
    )
    assert complaint.recorded_by_organisation == world.council
    assert complaint.next_deadline == date(2026, 1, 2)
    event = complaint.events.get()
    assert (event.kind, event.party, event.text) == (
        EventKind.RECORDED,
        Party.RECORDER,
        "Received by phone on 23 December 2025.",
    )


def test_the_complainant_is_emailed_the_follow_up_link_only_when_they_asked(world, emails):
    with emails.during():
        silent = record(world)
    assert silent.reply_email == ""
    assert [m.to for m in emails.sent] == [["officer@council.example"]]
    with emails.during():
        followed = record(world, send_link=True)
    to_caller = [m for m in emails.sent if m.to == ["ewa@example.net"]]
    assert len(to_caller) == 1
    assert follow_up_token(followed) in to_caller[0].body
    assert to_caller[0].subject == f"{followed.reference}: Your complaint has been recorded"
    assert followed.reply_email == "ewa@example.net"


def test_an_officer_cannot_record_a_confidential_complaint_about_their_own_body(world):
    with pytest.raises(ValidationError, match="cannot record a confidential complaint about your own"):
        record(world, confidential=True)
    # The steering group may, and so may an officer of another body.
    by_steering = record(world, "steering_member", confidential=True)
    by_other_body = record(world, "other_officer", confidential=True)
    assert by_steering.recorded_by_organisation is None
    assert by_other_body.recorded_by_organisation == world.other_body


def test_the_body_learns_nothing_identifying_from_a_confidential_complaint_another_body_recorded(world):
    complaint = record(world, "other_officer", confidential=True, send_link=True)
    view = presenters.present(complaint_for_page(complaint.reference), Party.RESPONDENT)
    shown = repr(view)
    for secret in (*CALLER.values(), "Nia Other", "Northshire NHS Trust"):
        assert secret not in shown
    assert view.recorded_by == "An officer of a public body"
    assert view.timeline[0].who == "An officer of a public body"
    steering = presenters.present(complaint_for_page(complaint.reference), Party.STEERING)
    assert "Mrs Ewa Kowalska" in repr(steering) and steering.recorded_by == "Nia Other (Northshire NHS Trust)"


def test_the_bodys_email_about_a_confidential_recorded_complaint_names_nobody(world, emails):
    with emails.during():
        complaint = record(world, "other_officer", confidential=True, send_link=True)
    (to_body,) = [m for m in emails.sent if m.to == ["officer@council.example"]]
    assert to_body.subject == f"{complaint.reference}: New complaint about your organisation"
    assert "An officer of a public body recorded the complaint for the complainant" in to_body.body
    for secret in (*CALLER.values(), "Nia Other", "Northshire NHS Trust", "follow/"):
        assert secret not in to_body.body


def test_an_anonymous_recorded_complaint_is_confidential_and_keeps_no_contact_details(world):
    complaint = record(world, complainant_kind=ComplainantKind.ANONYMOUS, send_link=True)
    assert complaint.confidential
    assert (complaint.complainant_name, complaint.complainant_phone, complaint.complainant_email) == ("", "", "")
    assert complaint.reply_email == ""


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"received_on": date(2025, 12, 24)}, recording.RECEIVED_IN_FUTURE),
        ({"received_on": date(2025, 11, 28)}, recording.RECEIVED_BEFORE_IT_HAPPENED),
        ({"name": " "}, recording.NAME_NEEDED),
        ({"email": "", "phone": "", "address": ""}, recording.CONTACT_NEEDED),
        ({"email": "", "send_link": True}, recording.LINK_NEEDS_EMAIL),
        ({"channel": Channel.ONLINE}, recording.CHANNEL_NEEDED),
    ],
)
def test_recording_checks_its_answers(world, extra, message):
    with pytest.raises(ValidationError, match=message):
        record(world, **extra)


@pytest.mark.parametrize("persona", ["group_member", "outsider", "site_admin"])
def test_only_officers_and_the_steering_group_record_complaints(world, persona):
    with pytest.raises(ValidationError, match=recording.NOT_ALLOWED_TO_RECORD):
        record(world, persona)


# --- The clock paused with a reason -------------------------------------------------------------


def pause(complaint, world, today, **extra):
    arguments = {
        "reason": "waiting_for_information",
        "explanation": "Agreed by phone on 10 March: the forum will send its minutes.",
        "agreed_with_complainant": True,
        **extra,
    }
    return services.stage_pause(complaint=complaint, user=world.users["officer"], today=today, **arguments)


def test_a_hold_moves_the_reply_date_by_the_working_days_it_lasted(world):
    complaint = raise_complaint(world, today=date(2025, 3, 3))
    services.stage_acknowledge(complaint=complaint, user=world.users["officer"], today=date(2025, 3, 3))
    stage = complaint.stages.get()
    assert stage.reply_by == date(2025, 3, 17)
    pause(complaint, world, date(2025, 3, 10))
    complaint.refresh_from_db()
    assert (complaint.next_deadline, complaint.next_deadline_action) == (None, "on hold")
    # Nothing is due while on hold, so no reminder is sent either.
    assert jobs.deadline_reminders_send(today=date(2025, 3, 18)) == 0
    # On hold from Monday 10 to Thursday 20 March 2025: 8 working days.
    services.stage_resume(complaint=complaint, user=world.users["officer"], today=date(2025, 3, 20))
    stage.refresh_from_db()
    assert (stage.reply_by, stage.original_reply_by, stage.paused_on) == (date(2025, 3, 27), date(2025, 3, 27), None)
    assert stage.pauses.get().working_days == 8
    complaint.refresh_from_db()
    assert (complaint.next_deadline, complaint.next_deadline_action) == (date(2025, 3, 27), "reply")
    resumed = complaint.events.get(kind=EventKind.RESUMED)
    assert resumed.text.endswith("a reply is now due by 27 March 2025.")
    # The extension limit counts from the moved date: 10 working days after 27 March is 10 April.
    with pytest.raises(ValidationError) as error:
        services.stage_extend(complaint=complaint, user=world.users["officer"], new_date=date(2025, 4, 11), reason="x")
    assert "10 April 2025 at the latest" in str(error.value)


def test_a_hold_before_acknowledging_moves_the_acknowledgement_date_over_easter(world):
    complaint = raise_complaint(world, today=date(2025, 4, 14))
    assert complaint.stages.get().acknowledge_by == date(2025, 4, 23)  # Good Friday and Easter Monday skipped
    pause(complaint, world, date(2025, 4, 15))
    services.stage_resume(complaint=complaint, user=world.users["officer"], today=date(2025, 4, 22))
    # 15 to 22 April 2025 is 3 working days (16, 17, 22): acknowledge by 23 April + 3 = 28 April.
    assert complaint.stages.get().acknowledge_by == date(2025, 4, 28)


def test_a_hold_needs_a_reason_an_explanation_and_the_complainants_agreement(world):
    complaint = raise_complaint(world)
    with pytest.raises(ValidationError, match=pausing.AGREEMENT_NEEDED):
        pause(complaint, world, None, agreed_with_complainant=False)
    with pytest.raises(ValidationError, match=pausing.PAUSE_EXPLANATION_NEEDED):
        pause(complaint, world, None, explanation=" ")
    with pytest.raises(ValidationError, match=pausing.PAUSE_REASON_NEEDED):
        pause(complaint, world, None, reason="bored")
    with pytest.raises(ValidationError, match=pausing.NOT_ON_HOLD):
        services.stage_resume(complaint=complaint, user=world.users["officer"])


def test_nothing_moves_on_while_on_hold_and_withdrawing_ends_the_hold(world):
    complaint = raise_complaint(world)
    pause(complaint, world, None)
    with pytest.raises(ValidationError, match=pausing.ALREADY_ON_HOLD):
        pause(complaint, world, None)
    with pytest.raises(ValidationError, match=handling.ON_HOLD_FIRST):
        services.stage_acknowledge(complaint=complaint, user=world.users["officer"])
    services.complaint_withdraw(complaint=complaint, user=world.users["group_member"])
    hold = complaint.stages.get().pauses.get()
    assert hold.ended_on is not None and not complaint.stages.get().is_paused


def test_an_extension_past_the_codes_limit_needs_its_own_reason_and_is_reported(world, emails):
    complaint = raise_complaint(world, today=date(2025, 3, 3))
    services.stage_acknowledge(complaint=complaint, user=world.users["officer"], today=date(2025, 3, 3))
    with emails.during():
        services.stage_extend(
            complaint=complaint,
            user=world.users["officer"],
            new_date=date(2025, 3, 31),  # within the limit: the steering group is not told
            reason="Staff away.",
        )
    assert not [m for m in emails.sent if m.to == ["chair@steering.example"]]
    with emails.during():
        services.stage_extend(
            complaint=complaint,
            user=world.users["officer"],
            new_date=date(2025, 4, 2),  # 12 working days after 17 March: 2 past the limit
            reason="Staff away.",
            beyond_limit_reason="The only officer who knows the scheme is on leave.",
        )
    (to_steering,) = [m for m in emails.sent if m.to == ["chair@steering.example"]]
    assert to_steering.subject.endswith("extended past the Complaint Handling Code's limit")
    stage = complaint.stages.get()
    assert stage.extended_beyond_limit and stage.beyond_limit_reason.startswith("The only officer")
    assert list(extensions_beyond_limit(compact_ids=[world.compact.pk])) == [stage]
    review = complaints_review(compact=world.compact, start=date(2025, 3, 1), end=date(2025, 3, 31))
    (extension,) = review.extensions_beyond_limit
    assert (extension.reference, extension.working_days_past_limit, extension.limit_working_days) == (
        complaint.reference,
        2,
        10,
    )
    assert review.by_stage[0].extended_beyond_limit == 1


# --- Learning and self-assessment ---------------------------------------------------------------


def close(complaint, world, **extra):
    arguments = {"outcome": Outcome.UPHELD, "explanation": "Sorry.", "learning": "Tell every group.", **extra}
    return services.complaint_close(
        complaint=complaint, user=world.users["officer"], party=Party.RESPONDENT, **arguments
    )


def test_closing_needs_what_was_learned_and_what_changed_can_follow(world):
    complaint = raise_complaint(world)
    answered_at_stage_1(complaint, world)
    with pytest.raises(ValidationError, match=handling.LEARNING_NEEDED):
        close(complaint, world, learning=" ")
    with pytest.raises(ValidationError, match=learning.NOT_CLOSED):
        services.complaint_learning_record(
            complaint=complaint, user=world.users["officer"], party=Party.RESPONDENT, learning="x", changes_made="y"
        )
    close(complaint, world)
    with pytest.raises(ValidationError, match=learning.CHANGES_NEEDED):
        services.complaint_learning_record(
            complaint=complaint, user=world.users["officer"], party=Party.RESPONDENT, learning="x", changes_made=""
        )
    services.complaint_learning_record(
        complaint=complaint,
        user=world.users["officer"],
        party=Party.RESPONDENT,
        learning="Tell every group on the directory.",
        changes_made="The consultation checklist now includes the directory.",
    )
    complaint.refresh_from_db()
    assert complaint.changes_made == "The consultation checklist now includes the directory."
    assert complaint.events.filter(kind=EventKind.LEARNING).exists()


def answers(assessment="met"):
    return {r.key: {"assessment": assessment, "evidence": f"Evidence for {r.key}."} for r in REQUIREMENTS}


def test_a_self_assessment_is_completed_only_with_every_answer_and_a_statement_then_is_fixed(world):
    steering = world.users["steering_member"]
    partial = {"definition": {"assessment": "met", "evidence": "Published."}}
    saved = services.self_assessment_save(period=world.period, user=steering, answers=partial, statement="")
    assert not saved.is_complete and saved.answers["two_stages"] == {"assessment": "", "evidence": ""}
    with pytest.raises(ValidationError) as error:
        services.self_assessment_save(period=world.period, user=steering, answers=partial, statement="", complete=True)
    assert "statement" in error.value.message_dict and "two_stages_evidence" in error.value.message_dict
    done = services.self_assessment_save(
        period=world.period,
        user=steering,
        answers=answers(),
        statement="We meet the Code.",
        complete=True,
        today=date(2026, 4, 20),
    )
    assert (done.completed_on, done.completed_by) == (date(2026, 4, 20), steering)
    with pytest.raises(ValidationError, match="completed on 20 April 2026"):
        services.self_assessment_save(period=world.period, user=steering, answers=answers(), statement="Changed.")


def test_the_review_data_gives_figures_learning_and_the_self_assessment_without_naming_anyone(world):
    period = world.period
    complaint = raise_complaint(world, today=period.start_date)
    services.stage_acknowledge(complaint=complaint, user=world.users["officer"], today=period.start_date)
    services.stage_reply(complaint=complaint, user=world.users["officer"], reply="Sorry.", today=period.start_date)
    close(complaint, world, changes_made="Every group now gets the newsletter.", today=period.start_date)
    record(
        world,
        "steering_member",
        confidential=True,
        today=period.end_date,
        received_on=period.end_date,
        happened_on=period.start_date,
    )
    answers_given = answers()
    answers_given["timescales"]["assessment"] = "partly_met"
    services.self_assessment_save(
        period=period,
        user=world.users["steering_member"],
        answers=answers_given,
        statement="Mostly met.",
        complete=True,
        today=period.end_date,
    )
    data = review_data(compact=world.compact, start=period.start_date, end=period.end_date)
    assert data["received"] == 2
    assert {row["channel"]: row["count"] for row in data["how_made"]} == {
        "online": 1,
        "phone": 1,
        "letter": 0,
        "email": 0,
        "in_person": 0,
    }
    assert [(s["stage"], s["reached"], s["answered"]) for s in data["by_stage"]][0] == ("stage_1", 2, 1)
    assert {o["outcome"]: o["count"] for o in data["outcomes"]}["upheld"] == 1
    assert data["learning"] == [
        {
            "reference": complaint.reference,
            "body": "Northshire Council",
            "outcome": "Upheld",
            "learning": "Tell every group.",
            "changes_made": "Every group now gets the newsletter.",
        }
    ]
    result = data["self_assessment"]
    assert (result["met"], result["partly_met"], result["not_met"], result["completed"]) == (8, 1, 0, True)
    assert result["completed_on"] == period.end_date.isoformat()
    printed = render_to_string(
        "reviews/report/_complaints_handling.html", {"dataset": {"complaints": {"handling": data}}}
    )
    assert "Self-assessment against the Complaint Handling Code" in printed
    assert "8 of 9 requirements met, 1 partly met, 0 not met." in printed
    assert "Mostly met." in printed and "By phone" in printed
    for secret in (*CALLER.values(), "Grace Member", "African Caribbean Forum", "Sam Steering"):
        assert secret not in str(data) and secret not in printed


def test_a_review_without_a_self_assessment_says_so(world):
    data = review_data(compact=world.compact, start=world.period.start_date, end=world.period.end_date)
    assert data["self_assessment"] is None
    printed = render_to_string(
        "reviews/report/_complaints_handling.html", {"dataset": {"complaints": {"handling": data}}}
    )
    assert "has not recorded a self-assessment for this period" in printed


def test_a_review_of_a_stored_dataset_without_the_handling_block_prints_nothing_new():
    printed = render_to_string("reviews/report/_complaints_handling.html", {"dataset": {"complaints": {}}})
    assert "Self-assessment" not in printed


def test_a_steering_member_is_recorded_as_the_steering_group(world):
    complaint = record(world, "steering_member")
    view = presenters.present(complaint_for_page(complaint.reference), Party.RESPONDENT)
    assert view.recorded_by == "Sam Steering (steering group)"
