"""Demo consultations: the Plymouth draft Code consultation loaded from its data file, with the working
group's table published as its final response (32 comments with no response given); a small open consultation by West
Northamptonshire Council with three comments (one sent by email and typed in by the officer); and, in
the Northamptonshire Compact's last ended reporting period, an NHS consultation whose every comment
was answered and whose response is published, for the annual review the demo publishes. Idempotent:
each is found by slug first."""

from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from organisations.models import Compact, Organisation
from undertakings.selectors import last_ended_period

from . import services
from .models import Consultation, ConsultationEvent, Status

DATA = Path(__file__).resolve().parent / "data"
PLYMOUTH_FILE = DATA / "plymouth-bme-consultation.yaml"
LAST_YEAR_FILE = DATA / "nhs-interpreting-demo.yaml"
NORTHANTS_SLUG = "community-grants-scheme-review"
NORTHANTS_SECTIONS = [
    (
        "1",
        "Who can apply",
        "Voluntary and community groups based in West Northamptonshire with an annual income "
        "under £250,000. Groups led by and for Black and minority ethnic communities are encouraged to apply.",
    ),
    (
        "2",
        "How much you can apply for",
        "Grants from £500 to £10,000 for one year, or up to £25,000 over three years for established groups.",
    ),
    (
        "3",
        "How decisions are made",
        "A panel of council officers and two sector representatives scores each "
        "application. Unsuccessful applicants are told why and offered feedback.",
    ),
]


def _northants() -> tuple[Consultation, bool]:
    existing = Consultation.objects.filter(slug=NORTHANTS_SLUG).first()
    if existing:
        return existing, False
    council = Organisation.objects.get(slug="west-northamptonshire-council")
    users = get_user_model().objects
    priya = users.get(email="officer@westnorthants.example")
    today = timezone.localdate()
    consultation = services.consultation_create(
        owner=council,
        user=priya,
        slug=NORTHANTS_SLUG,
        title="Review of the community grants scheme",
        summary="We are changing how small grants for community groups work. Tell us whether the new rules are "
        "fair and clear, especially for groups led by Black and minority ethnic communities.",
        stage="policy_development",
        opens=today - timedelta(weeks=3),
        closes=today + timedelta(weeks=9),
        languages="Polish, Romanian, Bengali, Gujarati",
        easy_read=True,
        large_print=True,
        interpreters=True,
        expenses=True,
        expenses_details="Travel and childcare for the drop-in sessions",
        equality_assessment="done",
    )
    for ref, title, text in NORTHANTS_SECTIONS:
        services.section_add(consultation=consultation, user=priya, ref=ref, title=title, text=text)
    ConsultationEvent.objects.create(
        consultation=consultation,
        date=today + timedelta(weeks=2),
        place="Northampton Guildhall",
        description="Drop-in session with interpreters",
    )
    forum = Organisation.objects.get(slug="northampton-african-caribbean-forum")
    roma = Organisation.objects.get(slug="corby-roma-support-network")
    services.invitations_send(consultation=consultation, user=priya, organisations=[forum, roma])
    services.consultation_open(consultation=consultation, user=priya, today=today - timedelta(weeks=3))
    sections = list(consultation.sections.order_by("position"))
    services.comment_add_for_organisation(
        consultation=consultation,
        user=users.get(email="group@acforum.example"),
        organisation=forum,
        text="The income limit leaves out the groups that run the supplementary schools. Three-year grants are "
        "welcome, but the panel should include someone from a BME-led organisation.",
        sections=[sections[0], sections[2]],
    )
    services.comment_add_anonymous(
        consultation=consultation,
        text="Please publish the scores and the reasons, not only the decisions.",
        sections=[sections[2]],
    )
    services.comment_record(
        consultation=consultation,
        user=priya,
        channel="email",
        received_on=today - timedelta(weeks=1),
        author_kind="individual",
        sections=[sections[1]],
        text="(Translated from Polish.) Ten thousand pounds is not enough for a Saturday school that pays rent "
        "for a hall every week.",
    )
    return consultation, True


def _last_year() -> str:
    compact = Compact.objects.filter(slug="northamptonshire").first()
    period = last_ended_period(compact=compact) if compact else None
    if period is None:
        return "no ended reporting period"
    closes = period.end_date - timedelta(weeks=16)
    consultation = services.load_consultation_file(LAST_YEAR_FILE, opens=closes - timedelta(weeks=12), closes=closes)
    if consultation.status == Status.CLOSED:
        officer = get_user_model().objects.get(email="officer@nhs-northants.example")
        consultation = services.consultation_publish_response(
            consultation=consultation, user=officer, today=closes + timedelta(weeks=8)
        )
    return f"{consultation.title} ({Status(consultation.status).label.lower()})"


def load() -> str:
    # The source gives no dates: they are "not recorded", and the file publishes the working
    # group's table as its final response, with the comments it did not answer listed as such.
    plymouth = services.load_consultation_file(PLYMOUTH_FILE)
    northants, created = _northants()
    pending = services.pending_count(plymouth)
    return (
        f"consultations: {plymouth.title} ({plymouth.comments.count()} comments, {pending} with no response, "
        f"{plymouth.get_status_display().lower()}); {northants.title} "
        f"({'created' if created else 'already there'}, {Status(northants.status).label.lower()}); "
        f"{_last_year()}"
    )
