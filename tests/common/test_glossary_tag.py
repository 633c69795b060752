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
