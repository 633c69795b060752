"""Demo complaints in the Northamptonshire Compact, one at each point of the process, using the
demo people of organisations/demo/ (and a second council officer for stage 2). Dates are set in
the past so that deadlines, an overdue acknowledgement and a closed complaint all show; one more was
raised and settled at stage 1 in the Compact's last ended reporting period, for the annual review
the demo publishes, with the steering group's self-assessment against the Complaint Handling Code
for that period (which the published review prints).

This financial year also has a complaint made by phone and recorded by the steering group chair,
and one put on hold while the council waited for the complainant's papers, then resumed and given
an extension past the Code's limit. Their dates count back from today in working days, so they
fall in the current financial year (from 1 April) except in its first six weeks."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from organisations.demo import DEMO_PASSWORD
from organisations.models import Membership, MembershipRole, MembershipStatus, Organisation, Sector
from undertakings.models import PARTIES_FOR_SECTOR, Undertaking
from undertakings.selectors import last_ended_period

from . import services
from .code_requirements import REQUIREMENTS
from .models import Assessment, Channel, ComplainantKind, Complaint, Party, PauseReason, SelfAssessment
from .working_days import add_working_days

# People this app adds: stage 2 needs a second officer, and North Northamptonshire has none.
OFFICERS = {
    "west-northamptonshire-council": ("complaints@westnorthants.example", "Daniel Okoro", "Complaints manager"),
    "north-northamptonshire-council": ("officer@northnorthants.example", "Sunita Patel", "Grants officer"),
}


def _user(email):
    return get_user_model().objects.get(email=email)


def _officer(body):
    email, name, job_title = OFFICERS[body.slug]
    user = get_user_model().objects.filter(email=email).first()
    if user is None:
        user = get_user_model().objects.create_user(email=email, password=DEMO_PASSWORD, full_name=name)
    Membership.objects.get_or_create(
        user=user,
        organisation=body,
        defaults={
            "role": MembershipRole.MEMBER,
            "status": MembershipStatus.APPROVED,
            "decided_at": timezone.now(),
            "job_title": job_title,
        },
    )
    return user


def _cite(council):
    undertaking = (
        Undertaking.objects.filter(
            code__compact__signatory_records__organisation=council, party__in=PARTIES_FOR_SECTOR[Sector.PUBLIC]
        )
        .filter(text__icontains="complain")
        .order_by("code", "position")
        .first()
    )
    return [undertaking] if undertaking else []


def _raise(what_happened, *, days_ago=0, on=None, **kwargs):
    """Raise the complaint `days_ago` working days before today (or `on` a date) unless it exists."""
    existing = Complaint.objects.filter(what_happened=what_happened).first()
    if existing:
        return existing, False
    today = add_working_days(on or timezone.localdate(), -days_ago)
    complaint = services.complaint_raise(
        what_happened=what_happened,
        happened_on=today - timedelta(days=14),
        outcome_sought="An apology, and to be invited to take part in future.",
        today=today,
        **kwargs,
    )
    return complaint, True


def load() -> str:
    council = Organisation.objects.get(slug="west-northamptonshire-council")
    north = Organisation.objects.get(slug="north-northamptonshire-council")
    nhs = Organisation.objects.get(slug="nhs-northamptonshire")
    forum = Organisation.objects.get(slug="northampton-african-caribbean-forum")
    roma = Organisation.objects.get(slug="corby-roma-support-network")
    abena, milan = _user("group@acforum.example"), _user("group@roma-corby.example")
    priya, daniel, hannah = (
        _user("officer@westnorthants.example"),
        _officer(council),
        _user("steering@northants.example"),
    )
    cited = _cite(council)
    today = timezone.localdate()

    # 1. Confidential, from the Forum, acknowledged at stage 1 and waiting for a reply.
    first, new = _raise(
        "The council's review of the community grants scheme was never sent to BME groups, and we only heard "
        "about it after it closed.",
        days_ago=4,
        respondent=council,
        undertakings=cited,
        undertakings_not_sure=not cited,
        complainant_kind=ComplainantKind.ORGANISATION,
        confidential=True,
        user=abena,
        organisation=forum,
    )
    if new:
        services.stage_acknowledge(complaint=first, user=priya, today=add_working_days(today, -3))

    # 2. Anonymous, against the NHS board, not yet acknowledged and overdue.
    _raise(
        "Interpreters were not offered at the public meeting on the new health centre, so Polish and Roma "
        "residents could not follow it.",
        days_ago=7,
        respondent=nhs,
        undertakings=[],
        undertakings_not_sure=True,
        complainant_kind=ComplainantKind.ANONYMOUS,
        confidential=True,
    )

    # 3. Open, from the Corby Roma network, answered at stage 1 and now at stage 2.
    third, new = _raise(
        "Our application to the community safety fund was turned down without any feedback, though the Code "
        "says unsuccessful applicants get reasons.",
        days_ago=30,
        respondent=north,
        undertakings=[],
        undertakings_not_sure=True,
        complainant_kind=ComplainantKind.ORGANISATION,
        confidential=False,
        user=milan,
        organisation=roma,
    )
    if new:
        north_officer = _officer(north)
        services.stage_acknowledge(complaint=third, user=north_officer, today=add_working_days(today, -28))
        services.stage_reply(
            complaint=third,
            user=north_officer,
            today=add_working_days(today, -20),
            reply="The panel's notes were brief; we have asked it for reasons.",
        )
        services.complaint_escalate(
            complaint=third, reason="We still have no reasons.", user=milan, today=add_working_days(today, -18)
        )

    # 4. Referred to the steering group and closed as partly upheld, with learning recorded.
    fourth, new = _raise(
        "The council closed the Saturday language classes without consulting the groups that ran them.",
        days_ago=70,
        respondent=council,
        undertakings=cited,
        undertakings_not_sure=not cited,
        complainant_kind=ComplainantKind.ORGANISATION,
        confidential=True,
        user=abena,
        organisation=forum,
    )
    if new:
        day = lambda n: add_working_days(today, -n)  # noqa: E731
        services.stage_acknowledge(complaint=fourth, user=priya, today=day(68))
        services.stage_reply(complaint=fourth, user=priya, today=day(60), reply="The closure was a budget decision.")
        services.complaint_escalate(
            complaint=fourth, reason="Budget is not a reason not to consult.", user=abena, today=day(58)
        )
        services.stage_acknowledge(complaint=fourth, user=daniel, today=day(56))
        services.stage_reply(
            complaint=fourth, user=daniel, today=day(40), reply="We accept we should have written to the groups."
        )
        services.complaint_escalate(complaint=fourth, reason="We want the classes back.", user=abena, today=day(38))
        services.stage_acknowledge(complaint=fourth, user=hannah, today=day(36))
        services.complaint_close(
            complaint=fourth,
            user=hannah,
            party=Party.STEERING,
            outcome="partly_upheld",
            today=day(20),
            explanation="The council should have consulted the groups before closing the classes. Reopening them "
            "is a budget decision for the council.",
            remedy="A written apology and a meeting with the groups.",
            learning="Service closures affecting BME groups now go to the Compact liaison officer first.",
            changes_made="The council's closure procedure now names the Compact liaison officer.",
            undertakings_broken=cited,
        )

    # 5. Last year: the NHS board upheld a complaint at stage 1 and the complainant went no further.
    period = last_ended_period(compact=council.compacts.get(slug="northamptonshire"))
    if period:
        raised_on = add_working_days(period.end_date, -80)
        fifth, new = _raise(
            "The board's survey on community health services was online and in English only, so older Roma "
            "residents could not take part.",
            on=raised_on,
            respondent=nhs,
            undertakings=[],
            undertakings_not_sure=True,
            complainant_kind=ComplainantKind.ORGANISATION,
            confidential=False,
            user=milan,
            organisation=roma,
        )
        if new:
            tom = _user("officer@nhs-northants.example")
            services.stage_acknowledge(complaint=fifth, user=tom, today=add_working_days(raised_on, 3))
            services.stage_reply(
                complaint=fifth,
                user=tom,
                today=add_working_days(raised_on, 11),
                reply="You are right: the survey should have been offered on paper and with "
                "interpreters. We have reopened it for four weeks.",
            )
            services.complaint_close(
                complaint=fifth,
                user=tom,
                party=Party.RESPONDENT,
                outcome="upheld",
                today=add_working_days(raised_on, 40),
                explanation="The survey was reopened on paper, in Romanian and Slovak, with two sessions with "
                "interpreters.",
                remedy="Survey reopened in accessible formats.",
                learning="Every public survey now has a paper version and an interpreter offer from the start.",
                changes_made="The board's engagement checklist now asks for a paper version and interpreters.",
            )
        _self_assessment(period, hannah)
    _recorded_by_phone(nhs, hannah, today)
    _paused_and_resumed(council, priya, today)
    return f"{Complaint.objects.filter(compact__slug='northamptonshire').count()} complaints"


PHONED_IN = (
    "Phoned the steering group: the health centre's new appointment line offers no interpreter, so she "
    "could not book for her mother."
)
PAUSED = "The council's youth club grant letters were only in English, so several groups missed the deadline."


def _recorded_by_phone(nhs, chair, today) -> None:
    """6. Made by phone to the steering group chair, who recorded it confidentially with the
    caller's phone number; the clock started the day of the call, two working days before it
    was typed in."""
    if Complaint.objects.filter(what_happened=PHONED_IN).exists():
        return
    services.complaint_record(
        user=chair,
        respondent=nhs,
        channel=Channel.PHONE,
        received_on=add_working_days(today, -5),
        what_happened=PHONED_IN,
        happened_on=add_working_days(today, -12),
        outcome_sought="An interpreter offered on the appointment line.",
        complainant_kind=ComplainantKind.RECORDED,
        confidential=True,
        name="Mrs Agnieszka Nowak",
        phone="01604 000 123",
        today=add_working_days(today, -3),
    )


def _paused_and_resumed(council, officer, today) -> None:
    """7. Put on hold for 4 working days while the group found its letters, resumed, then given
    more time than the Code allows, with the reason the steering group sees."""
    complaint, new = _raise(
        PAUSED,
        days_ago=25,
        respondent=council,
        undertakings=[],
        undertakings_not_sure=True,
        complainant_kind=ComplainantKind.ORGANISATION,
        confidential=False,
        user=_user("group@acforum.example"),
        organisation=Organisation.objects.get(slug="northampton-african-caribbean-forum"),
    )
    if not new:
        return
    day = lambda n: add_working_days(today, -n)  # noqa: E731
    services.stage_acknowledge(complaint=complaint, user=officer, today=day(23))
    services.stage_pause(
        complaint=complaint,
        user=officer,
        reason=PauseReason.WAITING_FOR_INFORMATION,
        explanation="The Forum agreed by phone to send copies of the letters its members received.",
        agreed_with_complainant=True,
        today=day(20),
    )
    services.stage_resume(complaint=complaint, user=officer, today=day(16))
    stage = complaint.stages.get()
    services.stage_extend(
        complaint=complaint,
        user=officer,
        new_date=add_working_days(stage.original_reply_by, 12),
        reason="The grants team must check every letter sent this year.",
        beyond_limit_reason="Letters from three funding rounds must be checked by a team of two.",
    )


SELF_ASSESSMENT = {
    "definition": (Assessment.MET, "Every body's complaints page uses the Code's definition."),
    "however_made": (
        Assessment.PARTLY_MET,
        "Complaints are taken online and by phone; two bodies do not yet log complaints made in person.",
    ),
    "accessible": (Assessment.MET, "The procedure is on the portal in plain English; confidential complaints work."),
    "two_stages": (Assessment.MET, "The portal refuses stage 2 to the officer who answered stage 1."),
    "timescales": (
        Assessment.PARTLY_MET,
        "Complaints were acknowledged and answered on time, but bodies' own complaint logs do not yet show "
        "their timescales to the steering group.",
    ),
    "on_hold": (Assessment.MET, "No complaint was put on hold without the complainant's agreement."),
    "fair_outcomes": (Assessment.MET, "Each reply gave reasons and how to take the complaint further."),
    "learning": (Assessment.MET, "Learning and changes are recorded for every closed complaint."),
    "governance": (Assessment.MET, "The steering group reviewed the figures at its March meeting."),
}


def _self_assessment(period, chair) -> None:
    if SelfAssessment.objects.filter(period=period).exists():
        return
    services.self_assessment_save(
        period=period,
        user=chair,
        answers={
            r.key: {"assessment": SELF_ASSESSMENT[r.key][0], "evidence": SELF_ASSESSMENT[r.key][1]}
            for r in REQUIREMENTS
        },
        statement="The Compact handles complaints well and within the Code's timescales. This year we will make "
        "sure every body records complaints made in person on the portal.",
        complete=True,
        today=period.end_date,
    )
