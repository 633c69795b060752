"""Demo Codes, reporting periods and compliance returns in every workflow state.

Loads both shipped Codes, gives each Compact three periods dated from today's financial year (the
year before last, closed; last year, the one the annual review reports on; this year),
and fills returns for the Northamptonshire bodies and groups of organisations/demo/ through the
same services officers use. Idempotent: a Code that is already loaded is unchanged and a return
that exists is left alone, so a second run adds nothing. Organisations and explanations are fictional.
"""

import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from organisations.models import Compact, Organisation

from . import services
from .models import Code, ComplianceReturn, Rating, ReportingPeriod

CODES_DIR = Path(__file__).resolve().parent / "codes"
M, P, N, A = Rating.MET, Rating.PARTLY_MET, Rating.NOT_MET, Rating.NOT_APPLICABLE

# Periods by their place relative to today, so the demo makes sense on any day.
TWO_YEARS_AGO, LAST_YEAR, THIS_YEAR = "two_years_ago", "last_year", "this_year"


def _period_plan(today: datetime.date) -> list[tuple[str, int, datetime.date, bool]]:
    """(key, start year, returns due, open after the demo is loaded) for the three periods. Last
    year's returns are due on 30 June, or a fortnight from today once that has passed, so that the
    bodies still working on theirs are not yet late and the steering group's review is an interim one."""
    this = today.year if today.month >= 4 else today.year - 1
    return [
        (TWO_YEARS_AGO, this - 2, datetime.date(this - 1, 6, 30), False),
        (LAST_YEAR, this - 1, max(datetime.date(this, 6, 30), today + datetime.timedelta(days=14)), True),
        (THIS_YEAR, this, datetime.date(this + 1, 6, 30), True),
    ]


# What each kind of body would really write: a council has directorates, a police force an
# independent advisory group, a community group volunteers and trustees. Keyed by voice, then rating.
EXPLANATIONS = {
    "council": {
        P: [
            "Agreed in principle with the BME Voluntary Sector Forum, but the action plan was only approved in "
            "February, so most of the year went on preparing it.",
            "Done for our main grants programme; our commissioned services contracts do not follow this yet.",
            "Done in two of our four directorates. Adult social care and housing follow next year.",
            "We publish the figures once a year, but not yet broken down by whether organisations are BME-led.",
        ],
        N: [
            "Not done this year: the post that leads on this was vacant from June to January.",
            "No budget was available for this in the year. A bid has gone into next year's budget round.",
            "We did not review this during the year; it is now in the equality and diversity work plan.",
        ],
        A: [
            "This concerns partnership programmes we do not take part in.",
            "The county-wide commissioning hub makes these awards on our behalf and reports them in its own return.",
        ],
    },
    "nhs": {
        P: [
            "Done for our community health grants; the contracts we commission from GP federations do not follow this yet.",
            "Our engagement team consults BME groups on service changes, but not yet on the annual commissioning plan.",
            "We publish the figures once a year, but not yet broken down by whether organisations are BME-led.",
        ],
        N: [
            "Not done this year: the community engagement lead post was vacant from June to January.",
            "No budget was set aside for this in the year; it is in next year's operating plan.",
            "We did not review this during the year; it is now in our equality delivery system action plan.",
        ],
        A: [
            "We run no grants programme of our own: all our voluntary sector funding goes through the county-wide commissioning hub.",
            "This concerns partnership programmes we do not take part in.",
        ],
    },
    "police": {
        P: [
            "Our independent advisory group reviews this, but so far only for stop and search, not for other policing.",
            "Done for neighbourhood policing teams; response and investigation teams follow next year.",
            "We publish the figures once a year, but not yet broken down by whether organisations are BME-led.",
        ],
        N: [
            "Not done this year: the community engagement officer post was vacant from June to January.",
            "We did not review this during the year; it is now in the force's equality, diversity and inclusion plan.",
        ],
        A: [
            "The Police and Crime Commissioner's office, not the force, makes grants to community groups and reports them.",
            "This concerns partnership programmes we do not take part in.",
        ],
    },
    "voluntary": {
        P: [
            "Our trustees agreed this in principle; it goes into our governance handbook at the next AGM.",
            "We tell members about consultations at our monthly drop-in, but not yet in writing in community languages.",
            "Done for our main project; the volunteers on our youth project have not had the training yet.",
        ],
        N: [
            "No volunteer was free to take this on this year; the trustees will ask for one at the AGM.",
            "We did not have the money for this; we have applied to the community foundation.",
        ],
        A: [
            "We have no paid staff; all our work is done by volunteers, so there are no staff training plans to report on.",
            "We do not fund other organisations, so this does not apply to us.",
        ],
    },
}
EVIDENCE = [
    "Race Equality Action Plan 2025-28, approved by Cabinet on 14 May 2025.",
    "Minutes of the BME Voluntary Sector Forum, 3 July and 6 November 2025.",
    "Grants monitoring report, quarter 2: share of awards to BME-led organisations by number and value.",
    "Equality impact assessments for the libraries and youth services consultations.",
    "Funding guidance for applicants (section 4 refers to this Code).",
    "Annual report to trustees, pages 6 to 9.",
]
ACTIONS = {
    "council": {
        P: (
            "Extend this to adult social care and housing and report progress to the Compact steering group",
            "Equalities Lead",
        ),
        N: (
            "Agree a timetable with the BME Voluntary Sector Forum and put it into next year's service plan",
            "Head of Communities",
        ),
    },
    "nhs": {
        P: (
            "Extend this to the contracts we commission and report progress to the Compact steering group",
            "Head of Engagement",
        ),
        N: ("Put this into next year's operating plan with a named lead", "Director of Nursing"),
    },
    "police": {
        P: (
            "Widen the independent advisory group's remit beyond stop and search",
            "Superintendent, Neighbourhood Policing",
        ),
        N: (
            "Put this into the force's equality, diversity and inclusion plan with a date",
            "Head of Equality, Diversity and Inclusion",
        ),
    },
    "voluntary": {
        P: ("Write this into our governance handbook and agree it at the AGM", "Chair of trustees"),
        N: ("Ask for a volunteer to lead on this at the AGM", "Secretary"),
    },
}


def _voice(organisation) -> str:
    """Which kind of body is writing: its explanations and actions are in its own words."""
    if organisation.sector != "public":
        return "voluntary"
    return {"nhs": "nhs", "police": "police"}.get(organisation.public_body_type, "council")


# organisation slug, demo officer's email or None, {period label: (workflow, rating pattern)}
# workflow: draft-half (half assessed), draft-new (just started), submitted, returned, reviewed
RETURNS = [
    (
        "west-northamptonshire-council",
        "officer@westnorthants.example",
        {
            TWO_YEARS_AGO: ("reviewed", "MMPMNMMPMMAMMPMMMNMPMMMMPMMMMMMMMMMMMMMMM"),
            LAST_YEAR: ("submitted-from-last-year", ""),
        },
    ),
    (
        "nhs-northamptonshire",
        "officer@nhs-northants.example",
        {
            TWO_YEARS_AGO: ("reviewed", "MPMMAMPMNMMAMMMPMMMAMMPMMMMNMMMMMMMMMMMMM"),
            LAST_YEAR: ("returned-from-last-year", ""),
        },
    ),
    ("north-northamptonshire-council", None, {LAST_YEAR: ("draft-half", "MMPMMNMMMPMMAMMMMMPMMMMMMNMMMMMMMMMMMMMMM")}),
    ("northamptonshire-police", None, {LAST_YEAR: ("reviewed", "MMMPMMMAMMMMNMMPMMMMAMMMMMPMMMMMMMMMMMMMM")}),
    ("northampton-african-caribbean-forum", "group@acforum.example", {LAST_YEAR: ("submitted", "MMPMMMMPMMAMM")}),
    ("wellingborough-bangladeshi-welfare", None, {LAST_YEAR: ("draft-new", "")}),
    ("kettering-refugee-welcome", None, {LAST_YEAR: ("reviewed", "MPMMMNMMMAMMM")}),
]
RETURN_COMMENTS = (
    "Thank you. Before we accept this: for 3.2.6 and 6.10.4 please give the share of funding that went to "
    "BME-led organisations, not only the total; and say when the race equality advisory group (5.7.2) will first meet."
)
STEERING = "steering@northants.example"


def load() -> str:
    # <code>-definition.yaml beside each Code is its BME-led definition, loaded by organisations.
    paths = [path for path in sorted(CODES_DIR.glob("*.yaml")) if not path.name.endswith("-definition.yaml")]
    codes = [services.code_load(path=path) for path in paths]
    periods = {compact.slug: _periods(compact) for compact in Compact.objects.filter(codes__isnull=False).distinct()}
    made = 0
    code = Code.objects.adopted().filter(slug="northamptonshire-bme").order_by("-version").first()
    if code is not None and "northamptonshire" in periods:
        with services.notifications_suppressed():
            made = _returns(code, periods["northamptonshire"])
    steering = get_user_model().objects.filter(email=STEERING).first()
    for by_key in periods.values():
        for key, _, _, is_open in _period_plan(timezone.localdate()):
            if not is_open and by_key[key].is_open:
                services.reporting_period_set_open(period=by_key[key], is_open=False, user=steering)
    outcomes = ", ".join(f"{r.code.short_title} {r.outcome}" for r in codes)
    return f"{outcomes}; {sum(len(p) for p in periods.values())} reporting periods; {made} compliance returns added"


def _periods(compact) -> dict[str, ReportingPeriod]:
    found = {}
    for key, start_year, due, _ in _period_plan(timezone.localdate()):
        label = services.financial_year(start_year)[2]
        period = ReportingPeriod.objects.filter(compact=compact, label=label).first()
        # Created open so that demo returns can be made; closed ones are closed after the returns.
        found[key] = period or services.reporting_period_create(compact=compact, start_year=start_year, returns_due=due)
    return found


def _returns(code, periods) -> int:
    User = get_user_model()
    steering = User.objects.filter(email=STEERING).first()
    made = 0
    for label, *_ in _period_plan(timezone.localdate()):
        period = periods[label]
        for slug, email, plans in RETURNS:
            organisation = Organisation.objects.filter(slug=slug).first()
            if organisation is None or label not in plans:
                continue
            if ComplianceReturn.objects.filter(organisation=organisation, period=period, code=code).exists():
                continue
            if not period.is_open:
                continue  # closed by an earlier run; nothing more is added to it
            user = User.objects.filter(email=email).first() if email else None
            workflow, pattern = plans[label]
            _make_return(organisation, period, code, user, steering, workflow, pattern)
            made += 1
    return made


def _make_return(organisation, period, code, user, steering, workflow, pattern):
    carry = workflow.endswith("-from-last-year")
    compliance_return = services.compliance_return_start(
        organisation=organisation, period=period, code=code, user=user, carry_forward=carry
    )
    entries = list(compliance_return.entries.select_related("undertaking").order_by("undertaking__position"))
    if workflow == "draft-new":
        return
    if carry:
        _confirm(entries, user, improve=workflow.startswith("submitted"))
    else:
        limit = len(entries) // 2 if workflow == "draft-half" else len(entries)
        _rate(entries[:limit], pattern, user)
    if workflow.startswith("draft"):
        return
    services.compliance_return_submit(compliance_return=compliance_return, user=user)
    if workflow.startswith("returned"):
        services.compliance_return_send_back(
            compliance_return=compliance_return, user=steering, comments=RETURN_COMMENTS
        )
    elif workflow == "reviewed":
        services.compliance_return_accept(
            compliance_return=compliance_return, user=steering, comments="Thank you: a clear and honest return."
        )
    if period.returns_due < timezone.localdate():
        # A year whose returns are already due was given in before they were due, not on the day the
        # demo loads: otherwise the review would count last year's reviewed returns as late.
        given_in = datetime.datetime.combine(
            period.returns_due - datetime.timedelta(days=14), datetime.time(10), tzinfo=datetime.UTC
        )
        reviewed = given_in + datetime.timedelta(days=7) if compliance_return.reviewed_at else None
        ComplianceReturn.objects.filter(pk=compliance_return.pk).update(submitted_at=given_in, reviewed_at=reviewed)


def _rate(entries, pattern, user):
    voice = _voice(entries[0].compliance_return.organisation) if entries else "council"
    for i, entry in enumerate(entries):
        rating = {"M": M, "P": P, "N": N, "A": A}[pattern[i % len(pattern)]]
        explanations = EXPLANATIONS[voice]
        explanation = explanations[rating][i % len(explanations[rating])] if rating != M else ""
        links = [f"https://example.org/evidence/{entry.undertaking.ref}"] if i % 5 == 0 else []
        services.compliance_entry_update(
            entry=entry,
            user=user,
            rating=rating,
            explanation=explanation,
            evidence=EVIDENCE[i % len(EVIDENCE)],
            links=links,
        )
        if rating in ACTIONS[voice]:
            what, who = ACTIONS[voice][rating]
            services.action_add(
                entry=entry,
                user=user,
                what=what,
                who=who,
                due_on=entry.compliance_return.period.returns_due + datetime.timedelta(days=180),
            )
        if i == 0:
            minutes = SimpleUploadedFile(
                "forum-minutes.txt", b"BME Voluntary Sector Forum: minutes of the meeting of 3 July 2025.\n"
            )
            services.evidence_file_add(entry=entry, user=user, upload=minutes)


def _confirm(entries, user, *, improve: bool):
    """An officer works through last year's answers: confirms most, and some not met become partly met."""
    voice = _voice(entries[0].compliance_return.organisation) if entries else "council"
    started = EXPLANATIONS[voice][P][0]
    for entry in entries:
        rating, explanation = entry.rating, entry.explanation
        if rating == Rating.NOT_ASSESSED:
            rating, explanation = M, ""
        elif improve and rating == N:
            rating, explanation = P, "Started this year: " + started[0].lower() + started[1:]
        services.compliance_entry_update(
            entry=entry,
            user=user,
            rating=rating,
            explanation=explanation,
            evidence=entry.evidence or EVIDENCE[0],
            links=entry.links,
        )
