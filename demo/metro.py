"""A metro-sized data set for measuring the portal (issue 17): four Compacts of a large city region.

At scale 1: 6,014 organisations (80 public bodies), 1,615 compliance returns of 22 entries each,
90,009 awards, 203 consultations with 60,161 comments (one of them with 6,001), 15,005 complaints.
`scale` multiplies every count (at least one of each), so tests can make a tiny copy.

Everything comes from one seeded random generator and fixed dates, so two runs on empty databases
give the same rows. Rows are written with bulk_create (no history rows, no notifications): this is
made-up data for benchmarks, never for a real portal. Names say so ("Metro …").
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from complaints.models import Complaint, ComplaintStatus, ReferenceCounter
from complaints.models import Outcome as ComplaintOutcome
from complaints.models.stage import Stage as ComplaintStage
from consultations.models import Comment, CommentSection, Consultation, ConsultationSection, Disposition, Response
from consultations.models import Stage as ConsultationStage
from consultations.models import Status as ConsultationStatus
from funding.models import Award, AwardSource
from organisations.bme_led import Outcome
from organisations.models import BoardDeclaration, BoardType, Compact, Organisation, Sector, Signatory
from undertakings.models import (
    Code,
    CodeStatus,
    ComplianceEntry,
    ComplianceReturn,
    Party,
    Rating,
    ReportingPeriod,
    ReturnStatus,
    Section,
    Undertaking,
)

SEED = 17
BATCH = 2000
# Counts at scale 1, as measured in issue 17.
SIZES = {
    "compacts": 4,
    "public_bodies": 80,
    "groups": 5934,
    "returns": 1615,
    "awards": 90009,
    "consultations": 203,
    "comments": 60161,
    "big_consultation_comments": 6001,
    "complaints": 15005,
}
ENTRIES_PER_RETURN = 22  # 14 joint undertakings and 8 for the body's own sector
PERIODS = [("2024-25", datetime.date(2024, 4, 1)), ("2025-26", datetime.date(2025, 4, 1))]
BASE = datetime.date(2025, 4, 1)
AREAS = ["North", "South", "East", "West"]
WORDS = (
    "community centre youth project elders lunch club advice service language classes carers support "
    "health outreach housing employment training mentoring faith women refugees translation festival"
).split()


def scaled(name: str, scale: float) -> int:
    return max(1, round(SIZES[name] * scale))


def counts(scale: float) -> dict[str, int]:
    """How many of each the generator makes at `scale` (the tests check these)."""
    out = {name: scaled(name, scale) for name in SIZES}
    out["compacts"] = SIZES["compacts"]
    out["public_bodies"] = max(out["public_bodies"], out["compacts"])
    out["big_consultation_comments"] = min(out["big_consultation_comments"], out["comments"])
    if out["consultations"] == 1:
        out["big_consultation_comments"] = out["comments"]
    # Every return is a distinct body, period and Code: no more than the bodies can make.
    out["returns"] = min(out["returns"], 8 * ((out["public_bodies"] + out["groups"]) // 4))
    out["entries"] = out["returns"] * ENTRIES_PER_RETURN
    out["organisations"] = out["public_bodies"] + out["groups"]
    return out


@dataclass
class Made:
    compacts: list
    public: list
    groups: list
    codes: list  # one per Compact
    undertakings: dict  # code pk -> {party: [undertakings]}
    periods: dict  # (compact pk, label) -> period


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def generate(*, scale: float = 1.0, seed: int = SEED, say=lambda message: None) -> dict[str, int]:
    """Write the data set; returns the counts made. Refuses a database that already holds it."""
    if Compact.objects.filter(slug="metro-north").exists():
        raise ValueError("The metro data set is already in this database")
    rng = random.Random(seed)
    n = counts(scale)
    made = _organisations(rng, n)
    say(f"{n['organisations']} organisations")
    _codes_and_periods(made)
    _returns(rng, n, made)
    say(f"{n['returns']} returns, {n['entries']} entries")
    _awards(rng, n, made)
    say(f"{n['awards']} awards")
    _consultations(rng, n, made)
    say(f"{n['consultations']} consultations, {n['comments']} comments")
    _complaints(rng, n, made)
    say(f"{n['complaints']} complaints")
    return n


def _organisations(rng, n) -> Made:
    compacts = Compact.objects.bulk_create(
        Compact(slug=f"metro-{area.lower()}", name=f"Metro {area} Compact", area=f"Metro {area}") for area in AREAS
    )
    public = Organisation.objects.bulk_create(
        Organisation(
            slug=f"metro-body-{i}",
            name=f"Metro {AREAS[i % 4]} Public Body {i:03}",
            sector=Sector.PUBLIC,
            org_id=f"XI-METRO-P{i}",
            verified=True,
        )
        for i in range(n["public_bodies"])
    )
    groups = Organisation.objects.bulk_create(
        (
            Organisation(
                slug=f"metro-group-{i}",
                name=f"Metro {rng.choice(WORDS).title()} {rng.choice(WORDS).title()} Group {i:04}",
                sector=Sector.VOLUNTARY,
                org_id=f"XI-METRO-V{i}",
                postcode=f"MT{i % 20} {i % 9}AA",
                faith_based=rng.random() < 0.15,
                refugee_focus=rng.random() < 0.1,
                verified=True,
            )
            for i in range(n["groups"])
        ),
        batch_size=BATCH,
    )
    everyone = public + groups
    Signatory.objects.bulk_create(
        (
            Signatory(compact=compacts[i % 4], organisation=o, signed_on=datetime.date(2020, 4, 1))
            for i, o in enumerate(everyone)
        ),
        batch_size=BATCH,
    )
    BoardDeclaration.objects.bulk_create(
        (
            BoardDeclaration(
                organisation=o,
                board_type=BoardType.BOARD_OF_TRUSTEES,
                effective_date=BASE + datetime.timedelta(days=rng.randrange(300)),
                members=8,
                bme_members=rng.choice((2, 4, 6, 7, 8)),
                undisclosed_members=0,
            )
            for o in groups
        ),
        batch_size=BATCH,
    )
    return Made(compacts=compacts, public=public, groups=groups, codes=[], undertakings={}, periods={})


def _codes_and_periods(made: Made) -> None:
    for compact in made.compacts:
        code = Code.objects.create(
            compact=compact,
            slug=f"{compact.slug}-code",
            version="1.0",
            title=f"{compact.name} Code of Good Practice",
            short_title=f"{compact.area} Code",
            status=CodeStatus.ADOPTED,
            adopted_on=datetime.date(2021, 4, 1),
        )
        made.codes.append(code)
        shape = [(Party.JOINT, 14), (Party.PUBLIC, 8), (Party.VOLUNTARY, 8)]
        by_party, position = {}, 0
        for number, (party, how_many) in enumerate(shape, start=1):
            section = Section.objects.create(code=code, ref=str(number), title=f"{party.label}", position=number)
            rows = []
            for item in range(1, how_many + 1):
                position += 1
                rows.append(
                    Undertaking(
                        code=code,
                        section=section,
                        ref=f"{number}.{item}",
                        party=party,
                        position=position,
                        text=f"The partners will {WORDS[position % len(WORDS)]} and report on it each year.",
                    )
                )
            by_party[party] = Undertaking.objects.bulk_create(rows)
        made.undertakings[code.pk] = by_party
        for label, start in PERIODS:
            made.periods[(compact.pk, label)] = ReportingPeriod.objects.create(
                compact=compact,
                label=label,
                start_date=start,
                end_date=start.replace(year=start.year + 1) - datetime.timedelta(days=1),
                returns_due=start.replace(year=start.year + 1, month=6, day=30),
                is_open=label == PERIODS[-1][0],
            )


def _returns(rng, n, made: Made) -> None:
    # Signatories of Compact c are organisations c, c+4, c+8… (public bodies first); return i is
    # Compact i % 4, period (i // 4) % 2, and that Compact's (i // 8)th signatory.
    everyone = made.public + made.groups
    ratings = [Rating.MET, Rating.MET, Rating.PARTLY_MET, Rating.NOT_MET, Rating.NOT_APPLICABLE]
    statuses = [ReturnStatus.SUBMITTED, ReturnStatus.REVIEWED, ReturnStatus.REVIEWED, ReturnStatus.DRAFT]
    returns = []
    for i in range(n["returns"]):
        c = i % 4
        organisation = everyone[c + 4 * (i // 8)]
        label = PERIODS[(i // 4) % 2][0]
        period = made.periods[(made.compacts[c].pk, label)]
        status = rng.choice(statuses)
        submitted = None
        if status != ReturnStatus.DRAFT:
            submitted = datetime.datetime.combine(period.returns_due, datetime.time(12), datetime.UTC)
        returns.append(
            ComplianceReturn(
                organisation=organisation, period=period, code=made.codes[c], status=status, submitted_at=submitted
            )
        )
    returns = ComplianceReturn.objects.bulk_create(returns, batch_size=BATCH)
    entries = []
    for r in returns:
        by_party = made.undertakings[r.code_id]
        own = Party.PUBLIC if r.organisation.sector == Sector.PUBLIC else Party.VOLUNTARY
        for u in by_party[Party.JOINT] + by_party[own]:
            rating = rng.choice(ratings) if r.status != ReturnStatus.DRAFT else Rating.NOT_ASSESSED
            entries.append(
                ComplianceEntry(
                    compliance_return=r,
                    undertaking=u,
                    rating=rating,
                    explanation="" if rating in (Rating.MET, Rating.NOT_ASSESSED) else _sentence(rng, 12),
                    evidence=_sentence(rng, 6) if rating != Rating.NOT_ASSESSED else "",
                )
            )
        if len(entries) >= BATCH * 5:
            ComplianceEntry.objects.bulk_create(entries, batch_size=BATCH)
            entries = []
    ComplianceEntry.objects.bulk_create(entries, batch_size=BATCH)


def _awards(rng, n, made: Made) -> None:
    outcomes = [Outcome.BME_LED, Outcome.BME_LED, Outcome.NOT_BME_LED, Outcome.UNDETERMINED]
    batch = []
    for i in range(n["awards"]):
        months = rng.choice((6, 12, 12, 24, 36))
        start = BASE - datetime.timedelta(days=rng.randrange(1000))
        batch.append(
            Award(
                identifier=f"360G-metro-{i:06d}",
                title=f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} grant",
                description=_sentence(rng, 10),
                amount=Decimal(rng.randrange(500, 250_000)),
                award_date=start,
                planned_start=start,
                planned_end=start + datetime.timedelta(days=months * 30),
                planned_months=months,
                recipient=rng.choice(made.groups),
                funder=made.public[i % len(made.public)],
                recipient_bme_led_outcome=rng.choice(outcomes),
                source=AwardSource.IMPORTED if i % 3 else AwardSource.RECORDED,
            )
        )
        if len(batch) >= BATCH * 5:
            Award.objects.bulk_create(batch, batch_size=BATCH)
            batch = []
    Award.objects.bulk_create(batch, batch_size=BATCH)


def _consultations(rng, n, made: Made) -> None:
    consultations = Consultation.objects.bulk_create(
        Consultation(
            owner=made.public[i % len(made.public)],
            slug=f"metro-consultation-{i}",
            title=f"Metro consultation {i}: {rng.choice(WORDS)} {rng.choice(WORDS)}",
            summary=_sentence(rng, 20),
            stage=ConsultationStage.POLICY_DEVELOPMENT,
            opens=BASE + datetime.timedelta(days=i),
            closes=BASE + datetime.timedelta(days=i + 84),
            # Every other one has published its "you said, we did", the crowded first one included.
            status=ConsultationStatus.CLOSED if i % 2 else ConsultationStatus.PUBLISHED,
            response_published_on=None if i % 2 else BASE + datetime.timedelta(days=i + 140),
        )
        for i in range(n["consultations"])
    )
    sections = {
        c.pk: ConsultationSection.objects.bulk_create(
            ConsultationSection(consultation=c, ref=str(s), title=f"Section {s}", text=_sentence(rng, 15), position=s)
            for s in range(1, 11)
        )
        for c in consultations
    }
    # The first consultation draws the crowd; the rest share the other comments evenly.
    rest = n["comments"] - n["big_consultation_comments"]
    others = max(1, len(consultations) - 1)
    shares = [n["big_consultation_comments"]] + [
        rest // others + (1 if k < rest % others else 0) for k in range(others)
    ]
    channels = ["portal", "portal", "portal", "email", "post", "event"]
    for consultation, share in zip(consultations, shares, strict=False):
        comments = Comment.objects.bulk_create(
            (
                Comment(
                    consultation=consultation,
                    text=_sentence(rng, rng.randrange(15, 60)),
                    received_on=consultation.opens + datetime.timedelta(days=k % 84),
                    author_kind="organisation" if k % 3 == 0 else "anonymous",
                    organisation=rng.choice(made.groups) if k % 3 == 0 else None,
                    channel=rng.choice(channels),
                    position=k,
                )
                for k in range(share)
            ),
            batch_size=BATCH,
        )
        own = sections[consultation.pk]
        CommentSection.objects.bulk_create(
            (CommentSection(comment=c, section=own[k % len(own)], order=0) for k, c in enumerate(comments)),
            batch_size=BATCH,
        )
        if consultation.status != ConsultationStatus.PUBLISHED:
            continue
        # One response answers each run of five comments (a "you said, we did" row).
        responses = Response.objects.bulk_create(
            (
                Response(
                    consultation=consultation,
                    disposition=rng.choice([d for d in Disposition if d != Disposition.PENDING]),
                    text=_sentence(rng, 25),
                )
                for _ in range(0, len(comments), 5)
            ),
            batch_size=BATCH,
        )
        links = []
        through = Response.comments.through
        for r, start in zip(responses, range(0, len(comments), 5), strict=True):
            links += [through(response=r, comment=c) for c in comments[start : start + 5]]
        through.objects.bulk_create(links, batch_size=BATCH)


def _complaints(rng, n, made: Made) -> None:
    year = 2025
    counter, _ = ReferenceCounter.objects.get_or_create(year=year)
    first = counter.last_number + 1
    statuses = [ComplaintStatus.STAGE_1, ComplaintStatus.STAGE_2, ComplaintStatus.CLOSED, ComplaintStatus.CLOSED]
    complaints = []
    for i in range(n["complaints"]):
        respondent = made.public[i % len(made.public)]
        received = BASE + datetime.timedelta(days=rng.randrange(330))
        status = rng.choice(statuses)
        closed = status == ComplaintStatus.CLOSED
        complaints.append(
            Complaint(
                reference=f"CMP-{year}-{first + i:04d}",
                compact=made.compacts[(i % len(made.public)) % 4],
                respondent=respondent,
                status=status,
                confidential=rng.random() < 0.3,
                complainant_kind="anonymous",
                what_happened=_sentence(rng, 30),
                happened_on=received - datetime.timedelta(days=14),
                outcome_sought=_sentence(rng, 8),
                received_on=received,
                next_deadline=None if closed else received + datetime.timedelta(days=28),
                next_deadline_action="" if closed else "Reply",
                outcome=rng.choice(list(ComplaintOutcome)) if closed else "",
                closed_on=received + datetime.timedelta(days=40) if closed else None,
            )
        )
    complaints = Complaint.objects.bulk_create(complaints, batch_size=BATCH)
    ReferenceCounter.objects.filter(pk=counter.pk).update(last_number=first + len(complaints) - 1)
    ComplaintStage.objects.bulk_create(
        (
            ComplaintStage(
                complaint=c,
                level=1,
                opened_on=c.received_on,
                acknowledge_by=c.received_on + datetime.timedelta(days=5),
                acknowledged_on=c.received_on + datetime.timedelta(days=3),
                original_reply_by=c.received_on + datetime.timedelta(days=28),
                reply_by=c.received_on + datetime.timedelta(days=28),
                replied_on=c.closed_on,
            )
            for c in complaints
        ),
        batch_size=BATCH,
    )
