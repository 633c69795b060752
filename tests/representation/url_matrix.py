"""Every representation URL and what each persona gets. The standard world gains (prepare): the
council's partnership board in the Northshire Compact (run by the council, so its officer manages
appointments), a countywide board tied to no Compact, a representative whose name is published
and one whose name is not, each with a seat, both in the Northshire pool. The second Compact's steering
member and officer (Southshire) get only what the public gets: a steering seat there opens nothing
of Northshire's pool, and a board tied to no Compact is edited by site admins only."""

import datetime

from django.urls import reverse

from representation.models import Appointment, AppointmentMethod, Board, ConsentMethod, Representative
from tests.matrix import PUBLIC, Row, expect

STEERING = expect(403, anonymous=302, steering_member=200, site_admin=200)
# Pages for whoever keeps a pool (any Compact's steering group); each sees only their own pool there.
ANY_POOL_KEEPER = expect(403, anonymous=302, steering_member=200, other_steering_member=200, site_admin=200)
SITE_ADMIN = expect(403, anonymous=302, site_admin=200)
BOARD_MANAGERS = expect(403, anonymous=302, officer=200, steering_member=200, site_admin=200)
# An unpublished name is for the pool's keepers only; others may not learn the person is in the pool.
UNPUBLISHED = expect(404, anonymous=404, steering_member=200, site_admin=200)
EDIT_PERSON = expect(403, anonymous=302, steering_member=200, site_admin=200)
EDIT_UNPUBLISHED = expect(404, anonymous=302, steering_member=200, site_admin=200)


def prepare(world):
    world.rep_board = Board.objects.create(
        name="Northshire Partnership Board",
        slug="northshire-partnership-board",
        compact=world.compact,
        convening_organisation=world.council,
    )
    world.rep_countywide = Board.objects.create(name="Countywide Health Partnership", slug="countywide-health")
    consent = {"consent_given_on": datetime.date(2025, 1, 6), "consent_method": ConsentMethod.EMAIL}
    pool = {"compact": world.compact}
    world.rep_public = Representative.objects.create(name="Pat Published", publish_name=True, **pool, **consent)
    world.rep_private = Representative.objects.create(name="Una Unpublished", publish_name=False, **pool, **consent)
    seat = {"method": AppointmentMethod.ELECTED, "start_date": datetime.date(2025, 4, 1)}
    world.rep_appointment = Appointment.objects.create(board=world.rep_board, representative=world.rep_public, **seat)
    Appointment.objects.create(board=world.rep_countywide, representative=world.rep_private, **seat)


def board(name):
    return lambda w: reverse(name, args=[w.rep_board.slug])


def person(name, attr):
    return lambda w: reverse(name, args=[getattr(w, attr).pk])


ROWS = [
    Row("representation:overview", lambda w: reverse("representation:overview"), PUBLIC),
    Row("representation:appointments-csv", lambda w: reverse("representation:appointments-csv"), PUBLIC),
    Row("representation:board-list", lambda w: reverse("representation:board-list"), PUBLIC),
    Row("representation:board-create", lambda w: reverse("representation:board-create"), ANY_POOL_KEEPER),
    Row("representation:board-detail", board("representation:board-detail"), PUBLIC),
    Row(
        "representation:board-detail",
        lambda w: reverse("representation:board-detail", args=["no-such-board"]),
        expect(404),
        note="no such board",
    ),
    Row("representation:board-edit", board("representation:board-edit"), STEERING),
    Row(
        "representation:board-edit",
        lambda w: reverse("representation:board-edit", args=[w.rep_countywide.slug]),
        SITE_ADMIN,
        note="board tied to no Compact",
    ),
    Row("representation:appointment-create", board("representation:appointment-create"), BOARD_MANAGERS),
    Row(
        "representation:appointment-create",
        lambda w: reverse("representation:appointment-create", args=[w.rep_countywide.slug]),
        SITE_ADMIN,
        note="no convening organisation, tied to no Compact",
    ),
    Row(
        "representation:appointment-end",
        lambda w: reverse("representation:appointment-end", args=[w.rep_appointment.pk]),
        BOARD_MANAGERS,
    ),
    Row(
        "representation:appointment-correct",
        lambda w: reverse("representation:appointment-correct", args=[w.rep_appointment.pk]),
        BOARD_MANAGERS,
    ),
    Row("representation:representative-list", lambda w: reverse("representation:representative-list"), ANY_POOL_KEEPER),
    Row(
        "representation:representative-create",
        lambda w: reverse("representation:representative-create"),
        ANY_POOL_KEEPER,
    ),
    Row(
        "representation:representative-detail",
        person("representation:representative-detail", "rep_public"),
        PUBLIC,
        note="name published",
    ),
    Row(
        "representation:representative-detail",
        person("representation:representative-detail", "rep_private"),
        UNPUBLISHED,
        note="name not published",
    ),
    Row("representation:representative-edit", person("representation:representative-edit", "rep_public"), EDIT_PERSON),
    Row(
        "representation:representative-edit",
        person("representation:representative-edit", "rep_private"),
        EDIT_UNPUBLISHED,
        note="name not published",
    ),
    Row(
        "representation:representative-withdraw",
        person("representation:representative-withdraw", "rep_public"),
        EDIT_PERSON,
    ),
]
