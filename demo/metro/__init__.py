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

from organisations.models import (
    BoardDeclaration,
    BoardType,
    Compact,
    LocalAuthorityArea,
    Organisation,
    Sector,
    Signatory,
)
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

from .activity import make_awards, make_complaints, make_consultations
from .base import AREAS, BASE, BATCH, ENTRIES_PER_RETURN, PERIODS, SEED, SIZES, WORDS, Made, counts, scaled, sentence

__all__ = ["ENTRIES_PER_RETURN", "SEED", "SIZES", "counts", "generate", "scaled"]


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
    make_awards(rng, n, made)
    say(f"{n['awards']} awards")
    make_consultations(rng, n, made)
    say(f"{n['consultations']} consultations, {n['comments']} comments")
    make_complaints(rng, n, made)
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
    # Each Compact covers one local authority area (made-up ONS-shaped codes) and each organisation
    # works in its Compact's: what puts an organisation in a Compact's figures.
    areas = LocalAuthorityArea.objects.bulk_create(
        LocalAuthorityArea(code=f"E06999{101 + i}", name=f"Metro {area}") for i, area in enumerate(AREAS)
    )
    Compact.areas.through.objects.bulk_create(
        Compact.areas.through(compact_id=c.pk, localauthorityarea_id=a.pk) for c, a in zip(compacts, areas, strict=True)
    )
    Organisation.areas.through.objects.bulk_create(
        (
            Organisation.areas.through(organisation_id=o.pk, localauthorityarea_id=areas[i % 4].pk)
            for i, o in enumerate(everyone)
        ),
        batch_size=BATCH,
    )
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
                    explanation="" if rating in (Rating.MET, Rating.NOT_ASSESSED) else sentence(rng, 12),
                    evidence=sentence(rng, 6) if rating != Rating.NOT_ASSESSED else "",
                )
            )
        if len(entries) >= BATCH * 5:
            ComplianceEntry.objects.bulk_create(entries, batch_size=BATCH)
            entries = []
    ComplianceEntry.objects.bulk_create(entries, batch_size=BATCH)
