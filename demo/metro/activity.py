"""Awards, consultations with their comments and responses, and complaints of the metro data set."""

import datetime
from decimal import Decimal

from complaints.models import Complaint, ComplaintStatus, ReferenceCounter
from complaints.models import Outcome as ComplaintOutcome
from complaints.models.stage import Stage as ComplaintStage
from consultations.models import Comment, CommentSection, Consultation, ConsultationSection, Disposition, Response
from consultations.models import Stage as ConsultationStage
from consultations.models import Status as ConsultationStatus
from funding.models import Award, AwardSource
from organisations.bme_led import Outcome

from .base import BASE, BATCH, WORDS, Made, sentence


def make_awards(rng, n, made: Made) -> None:
    outcomes = [Outcome.BME_LED, Outcome.BME_LED, Outcome.NOT_BME_LED, Outcome.UNDETERMINED]
    batch = []
    for i in range(n["awards"]):
        months = rng.choice((6, 12, 12, 24, 36))
        start = BASE - datetime.timedelta(days=rng.randrange(1000))
        batch.append(
            Award(
                identifier=f"360G-metro-{i:06d}",
                title=f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} grant",
                description=sentence(rng, 10),
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


def make_consultations(rng, n, made: Made) -> None:
    consultations = Consultation.objects.bulk_create(
        Consultation(
            owner=made.public[i % len(made.public)],
            slug=f"metro-consultation-{i}",
            title=f"Metro consultation {i}: {rng.choice(WORDS)} {rng.choice(WORDS)}",
            summary=sentence(rng, 20),
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
            ConsultationSection(consultation=c, ref=str(s), title=f"Section {s}", text=sentence(rng, 15), position=s)
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
        assert consultation.opens is not None  # every consultation made above is dated
        comments = Comment.objects.bulk_create(
            (
                Comment(
                    consultation=consultation,
                    text=sentence(rng, rng.randrange(15, 60)),
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
                    text=sentence(rng, 25),
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


def make_complaints(rng, n, made: Made) -> None:
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
                what_happened=sentence(rng, 30),
                happened_on=received - datetime.timedelta(days=14),
                outcome_sought=sentence(rng, 8),
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
            if c.received_on  # always: every complaint made above has its date
        ),
        batch_size=BATCH,
    )
