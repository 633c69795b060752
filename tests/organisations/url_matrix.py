from django.urls import reverse

from organisations.models import MembershipStatus
from tests import factories as f
from tests.matrix import PUBLIC, SIGNED_IN, Row, expect

# The world's group (world.group) is administered by group_member; its profile is public.
GROUP_MEMBERS_ONLY = expect(403, anonymous=302, group_member=200, site_admin=200)
# An unverified organisation nobody in the world belongs to: outsiders must not learn it exists.
SITE_ADMIN_ONLY_OR_404 = expect(404, anonymous=302, site_admin=200)
# A request to join world.group: its admin (group_member) and site admins decide; others get 404.
GROUP_ADMIN_OR_404 = expect(404, anonymous=302, group_member=200, site_admin=200)


def prepare(world):
    world.organisations_unverified = f.OrganisationFactory(
        name="Brand New Group", slug="brand-new-group", verified=False
    )
    # Registered as a public body, signed up to the Northshire Compact, waiting for standing.
    world.organisations_claim = f.PublicBodyFactory(
        name="Northshire Parish Office", slug="parish-office", verified=False
    )
    f.SignatoryFactory(compact=world.compact, organisation=world.organisations_claim)
    world.organisations_request = f.MembershipFactory(
        organisation=world.group, user=f.UserFactory(email="asks@example.org"), status=MembershipStatus.REQUESTED
    )


def slug_of(attribute):
    return lambda w: getattr(w, attribute).slug


ANSWERS = "?members=8&bme_members=6&undisclosed_members=0"
BAD_DECLARATION = {"board_type": "", "members": "0"}

ROWS = [
    Row("organisations:directory", lambda w: reverse("organisations:directory"), PUBLIC),
    Row("organisations:directory-csv", lambda w: reverse("organisations:directory-csv"), PUBLIC),
    Row("organisations:register", lambda w: reverse("organisations:register"), SIGNED_IN),
    Row("organisations:mine", lambda w: reverse("organisations:mine"), SIGNED_IN),
    Row("organisations:profile", lambda w: reverse("organisations:profile", args=[w.group.slug]), PUBLIC),
    Row(
        "organisations:profile",
        lambda w: reverse("organisations:profile", args=[w.organisations_unverified.slug]),
        expect(404, site_admin=200),
        note="unverified",
    ),
    Row("organisations:edit", lambda w: reverse("organisations:edit", args=[w.group.slug]), GROUP_MEMBERS_ONLY),
    Row(
        "organisations:data-download",
        lambda w: reverse("organisations:data-download", args=[w.group.slug]),
        expect(403, anonymous=302, group_member=200),
        note="its admins only",
    ),
    Row(
        "organisations:edit",
        lambda w: reverse("organisations:edit", args=[w.council.slug]),
        expect(403, anonymous=302, officer=200, site_admin=200),
        note="public body",
    ),
    Row(
        "organisations:declare-board",
        lambda w: reverse("organisations:declare-board", args=[w.group.slug]),
        GROUP_MEMBERS_ONLY,
    ),
    Row(
        "organisations:declare-board",
        lambda w: reverse("organisations:declare-board", args=[w.group.slug]),
        GROUP_MEMBERS_ONLY,
        method="post",
        data=lambda w: BAD_DECLARATION,
        note="invalid answers are shown again, to members only",
    ),
    Row(
        "organisations:declare-board",
        lambda w: reverse("organisations:declare-board", args=[w.council.slug]),
        expect(403, anonymous=302),
        note="public bodies have no board test",
    ),
    Row(
        "organisations:verify",
        lambda w: reverse("organisations:verify", args=[w.organisations_unverified.slug]),
        SITE_ADMIN_ONLY_OR_404,
    ),
    Row(
        "organisations:verify",
        lambda w: reverse("organisations:verify", args=[w.group.slug]),
        expect(403, anonymous=302),
        note="already verified",
    ),
    Row(
        "organisations:join",
        lambda w: reverse("organisations:join", args=[w.group.slug]),
        expect(200, anonymous=302, group_member=302),
        note="members are sent back to the profile",
    ),
    Row(
        "organisations:join",
        lambda w: reverse("organisations:join", args=[w.organisations_unverified.slug]),
        expect(404, anonymous=302, site_admin=200),
        note="unverified: only site admins see it",
    ),
    Row(
        "organisations:membership-decide",
        lambda w: reverse("organisations:membership-decide", args=[w.organisations_request.pk]),
        GROUP_ADMIN_OR_404,
    ),
    Row(
        "organisations:membership-decide",
        lambda w: reverse("organisations:membership-decide", args=[w.organisations_request.pk]),
        expect(404, anonymous=302, group_member=302, site_admin=302),
        method="post",
        data=lambda w: {"decision": "approve", "role": "member"},
        note="group admin approves first; the site admin then finds it decided",
    ),
    Row(
        "organisations:public-bodies",
        lambda w: reverse("organisations:public-bodies"),
        expect(403, anonymous=302, steering_member=200, other_steering_member=200, site_admin=200),
    ),
    Row(
        "organisations:standing-grant",
        lambda w: reverse("organisations:standing-grant", args=[w.organisations_claim.slug]),
        expect(404, anonymous=302, steering_member=200, site_admin=200),
        note="a claim in the Northshire Compact: another Compact's steering group may not learn of it",
    ),
    Row(
        "organisations:standing-grant",
        lambda w: reverse("organisations:standing-grant", args=[w.council.slug]),
        expect(403, anonymous=302),
        note="already has standing",
    ),
    Row(
        "organisations:standing-withdraw",
        lambda w: reverse("organisations:standing-withdraw", args=[w.council.slug]),
        expect(403, anonymous=302, steering_member=200, site_admin=200),
    ),
    Row(
        "organisations:standing-withdraw",
        lambda w: reverse("organisations:standing-withdraw", args=[w.other_council.slug]),
        expect(403, anonymous=302, other_steering_member=200, site_admin=200),
        method="post",
        data=lambda w: {"reason": ""},
        note="no reason given: the form comes back, to Southshire's steering group only",
    ),
    Row("organisations:eligibility", lambda w: reverse("organisations:eligibility"), PUBLIC),
    Row("organisations:eligibility-members", lambda w: reverse("organisations:eligibility-members"), PUBLIC),
    # The checker keeps its answers in a cookie, never in the address: without earlier answers a
    # later page sends the visitor back to the first question (tests/organisations/test_eligibility.py
    # walks through it). Listed as POSTs: the matrix expects an anonymous GET's 302 to go to sign-in.
    Row(
        "organisations:eligibility-members",
        lambda w: reverse("organisations:eligibility-members"),
        expect(302),
        method="post",
        data=lambda w: {"members": "8", "answered": "members"},
        note="a valid answer moves on",
    ),
    Row(
        "organisations:eligibility-bme-members",
        lambda w: reverse("organisations:eligibility-bme-members"),
        expect(302),
        method="post",
        data=lambda w: {"bme_members": "6", "answered": "bme_members"},
        note="no earlier answer: back to the first question",
    ),
    Row(
        "organisations:eligibility-undisclosed-members",
        lambda w: reverse("organisations:eligibility-undisclosed-members"),
        expect(302),
        method="post",
        data=lambda w: {"undisclosed_members": "0", "answered": "undisclosed_members"},
        note="no earlier answer: back to the first question",
    ),
    Row(
        "organisations:eligibility-result",
        lambda w: reverse("organisations:eligibility-result"),
        expect(405),
        method="post",
        note="the result is only read",
    ),
    Row("organisations:api-eligibility", lambda w: reverse("organisations:api-eligibility") + ANSWERS, PUBLIC),
    Row(
        "organisations:api-eligibility",
        lambda w: reverse("organisations:api-eligibility") + "?members=0",
        expect(400),
        note="invalid input",
    ),
    Row("organisations:api-organisations", lambda w: reverse("organisations:api-organisations"), PUBLIC),
]
