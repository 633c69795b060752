import pytest

from undertakings import services

from .factories import make_code


@pytest.fixture
def code(world):
    return make_code(world.compact)


@pytest.fixture
def officer(world):
    return world.users["officer"]


@pytest.fixture
def steering(world):
    return world.users["steering_member"]


@pytest.fixture
def council_return(world, code, officer):
    """A blank draft return of world.council (a public body) for world.period."""
    return services.compliance_return_start(organisation=world.council, period=world.period, code=code, user=officer)


def fill(compliance_return, user, rating="met", explanation="", **extra):
    """Rate every entry of a return the same way."""
    for entry in compliance_return.entries.all():
        services.compliance_entry_update(
            entry=entry,
            user=user,
            rating=rating,
            explanation=explanation,
            evidence=extra.get("evidence", "Minutes of the joint meeting."),
            links=extra.get("links", []),
        )
    return compliance_return
