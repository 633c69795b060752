"""Demo boards, representatives and seats for the demo Compacts (organisations/demo/). Between
them: one person holding more seats than REPRESENTATION_MAX_SEATS advises (Abena Mensah, 4), a
board with no BME representative (the Northamptonshire health partnership), a board tied to no
Compact, ended appointments, and names both published and not. Idempotent: boards are found by
slug, people by name, seats by board, person, role and start date."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from organisations.models import Compact, EthnicGroup, Organisation

from .models import Appointment, AppointmentMethod, Board, ConsentMethod, Representative

# slug, name, compact slug (None: not tied to one), convening organisation slug, seats, description
BOARDS = [
    (
        "northamptonshire-lsp",
        "Northamptonshire Local Strategic Partnership Board",
        "northamptonshire",
        "west-northamptonshire-council",
        4,
        "Sets the shared priorities of the public, private and voluntary sectors in the county.",
    ),
    (
        "northamptonshire-compact-steering-group",
        "Northamptonshire Compact Steering Group",
        "northamptonshire",
        None,
        6,
        "Oversees the Compact and its Codes of Good Practice.",
    ),
    (
        "northamptonshire-health-partnership",
        "Northamptonshire Health and Wellbeing Partnership",
        "northamptonshire",
        "nhs-northamptonshire",
        3,
        "Plans health and care services with the communities that use them.",
    ),
    (
        "northamptonshire-safer-communities",
        "Northamptonshire Safer Communities Partnership",
        "northamptonshire",
        "northamptonshire-police",
        2,
        "Community safety, hate crime reporting and cohesion.",
    ),
    (
        "plymouth-lsp",
        "Plymouth Local Strategic Partnership Board",
        "plymouth",
        "plymouth-city-council",
        3,
        "The city's partnership of public bodies, businesses and the voluntary sector.",
    ),
    (
        "regional-race-equality-forum",
        "South and Midlands Race Equality Forum",
        None,
        None,
        None,
        "A regional forum that draws members from several Compacts.",
    ),
]

# name, the Compact whose pool they are in, organisation slug, communities (ONS names), publish name, account email
PEOPLE = [
    (
        "Abena Mensah",
        "northamptonshire",
        "northampton-african-caribbean-forum",
        ["African", "Caribbean"],
        True,
        "group@acforum.example",
    ),
    ("Farid Rahman", "northamptonshire", "wellingborough-bangladeshi-welfare", ["Bangladeshi"], True, None),
    ("Milan Horvath", "northamptonshire", "corby-roma-support-network", ["Roma"], False, "group@roma-corby.example"),
    ("Mei Ling Chen", "northamptonshire", "daventry-chinese-community-centre", ["Chinese"], True, None),
    ("Helen Carter", "northamptonshire", None, [], True, None),
    ("Gareth Lewis", "northamptonshire", None, ["English, Welsh, Scottish, Northern Irish or British"], False, None),
    ("Yusuf Okafor", "plymouth", "plymouth-and-devon-race-equality-council", ["African"], True, "group@pdrec.example"),
    ("Kasia Nowak", "plymouth", "plymouth-eastern-european-women", ["Other White"], True, None),
]

# board slug, person, role, elected?, started (days ago), ended (days ago, None: still serving)
SEATS = [
    ("northamptonshire-lsp", "Abena Mensah", "Voluntary sector lead", True, 700, None),
    ("northamptonshire-compact-steering-group", "Abena Mensah", "Vice-chair", True, 900, None),
    ("northamptonshire-safer-communities", "Abena Mensah", "Member", False, 300, None),
    ("regional-race-equality-forum", "Abena Mensah", "Member", False, 200, None),
    ("northamptonshire-lsp", "Farid Rahman", "Member", True, 700, None),
    ("northamptonshire-compact-steering-group", "Milan Horvath", "Member", True, 400, None),
    ("northamptonshire-compact-steering-group", "Mei Ling Chen", "Member", True, 1200, 500),
    ("northamptonshire-safer-communities", "Mei Ling Chen", "Member", False, 250, None),
    ("northamptonshire-health-partnership", "Helen Carter", "Member", True, 500, None),
    ("northamptonshire-health-partnership", "Gareth Lewis", "Member", False, 500, None),
    ("northamptonshire-health-partnership", "Farid Rahman", "Member", False, 1100, 400),
    ("plymouth-lsp", "Yusuf Okafor", "Member", True, 600, None),
    ("plymouth-lsp", "Kasia Nowak", "Member", False, 150, None),
    ("regional-race-equality-forum", "Yusuf Okafor", "Chair", True, 800, None),
]


def load() -> str:
    today = timezone.localdate()
    # Keyed by slug or None, as the tables above give None for "no Compact" or "no organisation".
    compacts: dict[str | None, Compact] = {c.slug: c for c in Compact.objects.all()}
    organisations: dict[str | None, Organisation] = {o.slug: o for o in Organisation.objects.all()}
    groups = {g.name: g for g in EthnicGroup.objects.all()}
    recorder = get_user_model().objects.filter(email="steering@northants.example").first()
    User = get_user_model()

    boards = {}
    for slug, name, compact, convener, seats, description in BOARDS:
        boards[slug], _ = Board.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "compact": compacts.get(compact),
                "convening_organisation": organisations.get(convener),
                "seats_available": seats,
                "description": f"{description} (Demo data.)",
            },
        )

    people = {}
    for name, compact, org_slug, communities, publish, account in PEOPLE:
        person = Representative.objects.filter(name=name).first()
        if person is not None and person.compact_id is None:  # loaded before pools were kept per Compact
            person.compact = compacts.get(compact)
            person.save(update_fields=["compact"])
        if person is None:
            person = Representative.objects.create(
                compact=compacts.get(compact),
                name=name,
                organisation=organisations.get(org_slug),
                publish_name=publish,
                user=User.objects.filter(email=account).first() if account else None,
                email=account or "",
                consent_given_on=date(2024, 3, 1),
                consent_method=ConsentMethod.WRITTEN,
                consent_recorded_by=recorder,
            )
            person.communities.set([groups[c] for c in communities if c in groups])
        people[name] = person

    for board, name, role, elected, started, ended in SEATS:
        start = today - timedelta(days=started)
        Appointment.objects.get_or_create(
            board=boards[board],
            representative=people[name],
            role=role,
            start_date=start,
            defaults={
                "method": AppointmentMethod.ELECTED if elected else AppointmentMethod.APPOINTED,
                "end_date": None if ended is None else today - timedelta(days=ended),
            },
        )
    return f"{len(boards)} boards, {len(people)} representatives, {len(SEATS)} appointments"
