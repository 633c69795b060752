"""The glossary explains the portal's own words, each at an address other pages can link to."""

import pytest
from django.urls import reverse

TERMS = ["compact", "undertaking", "bme-led", "ring-fenced", "comply-or-explain", "undetermined", "threshold"]


@pytest.mark.django_db
def test_every_word_the_pages_use_is_explained_at_its_own_anchor(client):
    page = client.get(reverse("glossary")).content.decode()
    for term in TERMS:
        assert f'id="{term}"' in page
    # The one figure it gives is the source's own: Plymouth's draft §1.3 says at least 75 per cent.
    assert "75%" in page and "Plymouth draft Code" in page


@pytest.mark.django_db
def test_every_page_links_to_the_glossary_from_its_footer(client):
    assert f'href="{reverse("glossary")}"' in client.get(reverse("home")).content.decode()
