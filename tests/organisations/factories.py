"""Factories for this app's tests; the shared ones (organisations, memberships, declarations) are
in tests/factories.py."""

import factory

from organisations.models import MembershipStatus
from tests import factories as f


class MembershipRequestFactory(f.MembershipFactory):
    status = MembershipStatus.REQUESTED


class UnverifiedOrganisationFactory(f.OrganisationFactory):
    name = factory.Sequence(lambda n: f"New Community Group {n}")
    verified = False
