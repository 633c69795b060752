"""The glossary tag links a hard word to its explanation, and refuses a word the glossary lacks."""

import pytest
from django.template import Context, Template, TemplateSyntaxError


def render(source: str) -> str:
    return Template("{% load glossary %}" + source).render(Context())


def test_a_word_links_to_its_anchor_on_the_glossary_page():
    assert (
        render('{% glossary "ring-fenced" %}') == '<a class="govuk-link" href="/glossary/#ring-fenced">ring-fenced</a>'
    )


def test_the_link_text_can_follow_the_sentence():
    assert render('{% glossary "compact" "the Compact" %}') == (
        '<a class="govuk-link" href="/glossary/#compact">the Compact</a>'
    )


def test_the_address_alone_is_available():
    assert render('{% glossary_url_of "undetermined" %}') == "/glossary/#undetermined"


def test_a_word_not_in_the_glossary_is_an_error_not_a_dead_link():
    with pytest.raises(TemplateSyntaxError):
        render('{% glossary "ringfenced" %}')


def test_every_word_has_its_anchor_on_the_glossary_page(client):
    from common.templatetags.glossary import TERMS

    page = client.get("/glossary/").content.decode()
    for term in TERMS:
        assert f'id="{term}"' in page


# Hard words link to the glossary where they first appear (issue 18).


def _links(page: str) -> set[str]:
    import re

    return set(re.findall(r'href="/glossary/#([a-z-]+)"', page))


@pytest.mark.django_db
def test_the_funding_programme_pages_link_their_hard_words(world, client_for):
    from django.urls import reverse

    from tests.funding.factories import FundingProgrammeFactory

    programme = FundingProgrammeFactory(funder=world.council, ring_fenced=True)
    client = client_for(world.users["group_member"])
    assert {"compact", "ring-fenced", "bme-led"} <= _links(
        client.get(reverse("funding:programme-list")).content.decode()
    )
    detail = client.get(reverse("funding:programme-detail", args=[programme.pk])).content.decode()
    assert {"ring-fenced", "bme-led", "board-declaration"} <= _links(detail)


@pytest.mark.django_db
def test_the_complaint_start_page_links_its_hard_words(client):
    from django.urls import reverse

    page = client.get(reverse("complaints:create")).content.decode()
    assert {"undertaking", "compact", "code", "steering-group"} <= _links(page)


@pytest.mark.django_db
def test_the_return_pages_link_their_hard_words(world, client_for):
    from django.urls import reverse

    from tests.undertakings.factories import make_code
    from undertakings import services

    officer = world.users["officer"]
    code = make_code(world.compact, slug="glossary-code")
    draft = services.compliance_return_start(organisation=world.council, period=world.period, code=code, user=officer)
    client = client_for(officer)
    wanted = {"undertaking", "comply-or-explain"}
    assert wanted | {"compact"} <= _links(client.get(reverse("undertakings:return-list")).content.decode())
    assert wanted <= _links(client.get(reverse("undertakings:return-detail", args=[draft.pk])).content.decode())
