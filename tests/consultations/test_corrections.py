"""Correcting a consultation: changing or removing its sections and events, through the services
and through the officer pages."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from consultations import services
from consultations.models import (
    CommentSection,
    Consultation,
    ConsultationEvent,
    ConsultationSection,
    Status,
)
from consultations.services import corrections, workflow

from .factories import comment_from_group, make_consultation

pytestmark = pytest.mark.django_db


def _set_status(consultation, status):
    Consultation.objects.filter(pk=consultation.pk).update(status=status)
    consultation.refresh_from_db()
    return consultation


def _event(consultation, place="Central Library"):
    return ConsultationEvent.objects.create(
        consultation=consultation, date=consultation.opens + timedelta(days=7), place=place
    )


# --- Services: sections ------------------------------------------------------------------------


def test_an_uncited_section_can_be_corrected_in_full(world):
    consultation = make_consultation(world, status=Status.DRAFT)
    section = consultation.sections.get(ref="1")
    services.section_update(
        section=section, user=world.users["officer"], ref="1.1", title="Eligibility", text="Who can apply."
    )
    section.refresh_from_db()
    assert (section.ref, section.title, section.text) == ("1.1", "Eligibility", "Who can apply.")


def test_a_blank_heading_becomes_the_reference_as_when_adding(world):
    consultation = make_consultation(world, status=Status.DRAFT)
    section = services.section_update(section=consultation.sections.get(ref="1"), user=None, ref="A", title="")
    assert section.title == "A" and section.label == "A"


def test_a_cited_section_keeps_its_reference_but_its_wording_can_be_corrected(world):
    consultation = make_consultation(world)
    section = consultation.sections.get(ref="1")
    comment_from_group(world, consultation, sections=[section])
    with pytest.raises(ValidationError) as exc:
        services.section_update(section=section, user=None, ref="9", title="Part one", text="New")
    assert exc.value.message_dict == {"ref": [corrections.SECTION_REF_CITED.format(ref="1")]}
    section.refresh_from_db()
    assert (section.ref, section.title) == ("1", "Part 1")
    services.section_update(section=section, user=None, ref="1", title="Part one", text="Corrected text")
    section.refresh_from_db()
    assert (section.ref, section.title, section.text) == ("1", "Part one", "Corrected text")


def test_a_section_hidden_comments_cite_still_keeps_its_reference(world):
    consultation = make_consultation(world)
    section = consultation.sections.get(ref="1")
    comment = comment_from_group(world, consultation, sections=[section])
    services.comment_hide(comment=comment, user=world.users["officer"], reason="Abuse")
    with pytest.raises(ValidationError):
        services.section_update(section=section, user=None, ref="9", title="x")
    with pytest.raises(ValidationError):
        services.section_remove(section=section, user=None)


def test_references_stay_unique_in_the_consultation(world):
    consultation = make_consultation(world, status=Status.DRAFT)
    other = make_consultation(world, status=Status.DRAFT, title="Another")
    section = consultation.sections.get(ref="1")
    with pytest.raises(ValidationError) as exc:
        services.section_update(section=section, user=None, ref="2", title="x")
    assert exc.value.message_dict == {"ref": [workflow.SECTION_REF_TAKEN.format(ref="2")]}
    services.section_update(section=other.sections.get(ref="1"), user=None, ref="7", title="x")
    services.section_update(section=section, user=None, ref="7", title="x")  # 7 is free in this one
    assert set(consultation.sections.values_list("ref", flat=True)) == {"7", "2"}


@pytest.mark.parametrize("status", [Status.CLOSED, Status.PUBLISHED])
def test_sections_are_fixed_once_the_consultation_closes(world, status):
    consultation = _set_status(make_consultation(world), status)
    section = consultation.sections.get(ref="1")
    with pytest.raises(ValidationError) as exc:
        services.section_update(section=section, user=None, ref="1", title="Changed")
    assert exc.value.messages == [workflow.NOT_EDITABLE]
    with pytest.raises(ValidationError) as exc:
        services.section_remove(section=section, user=None)
    assert exc.value.messages == [workflow.NOT_EDITABLE]
    assert consultation.sections.get(ref="1").title == "Part 1"


def test_only_an_uncited_section_can_be_removed(world):
    consultation = make_consultation(world)
    cited, spare = consultation.sections.get(ref="1"), consultation.sections.get(ref="2")
    comment_from_group(world, consultation, sections=[cited])
    with pytest.raises(ValidationError) as exc:
        services.section_remove(section=cited, user=None)
    assert exc.value.messages == [corrections.SECTION_CITED.format(ref="1")]
    services.section_remove(section=spare, user=None)
    assert list(consultation.sections.values_list("ref", flat=True)) == ["1"]
    assert CommentSection.objects.filter(section=cited).count() == 1


# --- Services: events --------------------------------------------------------------------------


@pytest.mark.parametrize("status", [Status.DRAFT, Status.OPEN, Status.CLOSED])
def test_an_event_can_be_corrected_or_removed_until_the_response_is_published(world, status):
    consultation = make_consultation(world, status=status)
    event = _event(consultation)
    new_date = consultation.opens + timedelta(days=14)
    services.event_update(event=event, user=None, date=new_date, place=" Town Hall ", description=" Drop-in ")
    event.refresh_from_db()
    assert (event.date, event.place, event.description) == (new_date, "Town Hall", "Drop-in")
    services.event_remove(event=event, user=None)
    assert not consultation.events.exists()


def test_a_published_consultations_events_are_final(world):
    consultation = make_consultation(world)
    event = _event(consultation)
    _set_status(consultation, Status.PUBLISHED)
    event.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        services.event_update(event=event, user=None, date=event.date, place="Elsewhere")
    assert exc.value.messages == [corrections.EVENTS_FINAL]
    with pytest.raises(ValidationError) as exc:
        services.event_remove(event=event, user=None)
    assert exc.value.messages == [corrections.EVENTS_FINAL]
    assert ConsultationEvent.objects.get(pk=event.pk).place == "Central Library"


def test_a_changed_event_must_still_fall_while_the_consultation_is_open(world):
    consultation = make_consultation(world)
    event = _event(consultation)
    with pytest.raises(ValidationError) as exc:
        services.event_update(event=event, user=None, date=consultation.closes + timedelta(days=1), place="x")
    assert exc.value.message_dict == {"date": [workflow.EVENT_OUTSIDE]}
    event.refresh_from_db()
    assert event.place == "Central Library"


# --- Pages -------------------------------------------------------------------------------------


def test_the_sections_page_links_each_section_and_says_which_are_cited(world, client_for):
    consultation = make_consultation(world)
    comment_from_group(world, consultation, sections=[consultation.sections.get(ref="1")])
    page = client_for(world.users["officer"]).get(reverse("consultations:sections", args=[consultation.slug]))
    text = page.content.decode()
    for section in consultation.sections.all():
        assert reverse("consultations:section-change", args=[consultation.slug, section.pk]) in text
        assert reverse("consultations:section-remove", args=[consultation.slug, section.pk]) in text
    assert text.count("Cited by 1 comment:") == 1


QUERIES_SECTIONS_PAGE = 6


@pytest.mark.parametrize("count", [2, 12])
def test_the_sections_page_costs_the_same_queries_whatever_its_length(
    world, client_for, django_assert_num_queries, count
):
    consultation = make_consultation(world, status=Status.DRAFT, sections=count)
    client = client_for(world.users["officer"])
    url = reverse("consultations:sections", args=[consultation.slug])
    client.get(url)
    # consultation, session, user, the officer's memberships, steering groups, sections with their
    # citation counts: 6 for 2 sections as for 12.
    with django_assert_num_queries(QUERIES_SECTIONS_PAGE):
        assert client.get(url).status_code == 200


def test_changing_a_cited_sections_reference_is_locked_and_the_page_says_why(world, client_for):
    consultation = make_consultation(world)
    section = consultation.sections.get(ref="1")
    comment_from_group(world, consultation, sections=[section])
    client = client_for(world.users["steering_member"])
    url = reverse("consultations:section-change", args=[consultation.slug, section.pk])
    page = client.get(url).content.decode()
    assert "Comments already cite section 1, so its reference cannot be changed." in page
    assert re.search(r'<input[^>]*name="ref"[^>]*\bdisabled\b', page)
    # A tampered form cannot change the reference: the locked field keeps its value.
    response = client.post(url, {"ref": "9", "title": "Part one", "text": "Corrected"})
    assert response.status_code == 302
    section.refresh_from_db()
    assert (section.ref, section.title, section.text) == ("1", "Part one", "Corrected")
    assert "Section 1 saved." in client.get(response.url).content.decode()


def test_a_taken_reference_shows_the_error_summary_and_keeps_what_was_typed(world, client_for):
    consultation = make_consultation(world, status=Status.DRAFT)
    section = consultation.sections.get(ref="1")
    url = reverse("consultations:section-change", args=[consultation.slug, section.pk])
    page = client_for(world.users["officer"]).post(url, {"ref": "2", "title": "My new heading", "text": ""})
    text = page.content.decode()
    assert page.status_code == 200 and "There is a problem" in text
    assert "This consultation already has a section 2." in text and "My new heading" in text
    section.refresh_from_db()
    assert (section.ref, section.title) == ("1", "Part 1")


def test_an_uncited_section_is_removed_after_confirming(world, client_for):
    consultation = make_consultation(world, status=Status.DRAFT)
    section = consultation.sections.get(ref="2")
    client = client_for(world.users["officer"])
    url = reverse("consultations:section-remove", args=[consultation.slug, section.pk])
    page = client.get(url).content.decode()
    assert "Are you sure you want to remove section 2 Part 2?" in page
    assert ConsultationSection.objects.filter(pk=section.pk).exists()
    response = client.post(url)
    assert response.url == reverse("consultations:sections", args=[consultation.slug])
    assert not ConsultationSection.objects.filter(pk=section.pk).exists()
    assert "Section 2 removed." in client.get(response.url).content.decode()


def test_a_cited_section_cannot_be_removed_and_the_page_says_why(world, client_for):
    consultation = make_consultation(world)
    section = consultation.sections.get(ref="1")
    comment_from_group(world, consultation, sections=[section])
    client = client_for(world.users["officer"])
    url = reverse("consultations:section-remove", args=[consultation.slug, section.pk])
    page = client.get(url).content.decode()
    assert "Comments already cite section 1, so it cannot be removed." in page
    assert "Are you sure" not in page and "govuk-button--warning" not in page
    followed = client.post(url, follow=True).content.decode()
    assert "Comments already cite section 1, so it cannot be removed." in followed
    assert ConsultationSection.objects.filter(pk=section.pk).exists()


def test_an_event_is_corrected_then_removed_after_confirming_once_closed(world, client_for):
    consultation = make_consultation(world)
    event = _event(consultation)
    _set_status(consultation, Status.CLOSED)
    client = client_for(world.users["officer"])
    events_page = client.get(reverse("consultations:events", args=[consultation.slug])).content.decode()
    assert "Central Library" in events_page and "Add an event" not in events_page
    assert "no events can be added" in events_page
    day = consultation.opens + timedelta(days=3)
    change = reverse("consultations:event-change", args=[consultation.slug, event.pk])
    response = client.post(
        change, {"date_0": day.day, "date_1": day.month, "date_2": day.year, "place": "Town Hall", "description": ""}
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.date, event.place) == (day, "Town Hall")
    remove = reverse("consultations:event-remove", args=[consultation.slug, event.pk])
    assert "Are you sure you want to remove the event on" in client.get(remove).content.decode()
    assert ConsultationEvent.objects.filter(pk=event.pk).exists()
    followed = client.post(remove, follow=True).content.decode()
    assert "Event removed." in followed and "Town Hall" not in followed
    assert not ConsultationEvent.objects.filter(pk=event.pk).exists()


def test_a_closed_consultation_takes_no_new_events(world, client_for):
    consultation = _set_status(make_consultation(world), Status.CLOSED)
    day = consultation.opens
    response = client_for(world.users["officer"]).post(
        reverse("consultations:events", args=[consultation.slug]),
        {"date_0": day.day, "date_1": day.month, "date_2": day.year, "place": "Hall"},
    )
    assert response.status_code == 403 and not consultation.events.exists()


def test_an_event_date_outside_the_consultation_shows_the_error_and_keeps_the_input(world, client_for):
    consultation = make_consultation(world)
    event = _event(consultation)
    day = consultation.closes + timedelta(days=5)
    page = client_for(world.users["officer"]).post(
        reverse("consultations:event-change", args=[consultation.slug, event.pk]),
        {"date_0": day.day, "date_1": day.month, "date_2": day.year, "place": "Mosque hall"},
    )
    text = page.content.decode()
    assert page.status_code == 200 and "There is a problem" in text and workflow.EVENT_OUTSIDE in text
    assert "Mosque hall" in text
    event.refresh_from_db()
    assert event.place == "Central Library"


def test_another_bodys_officer_cannot_change_or_remove(world, client_for):
    consultation = make_consultation(world)
    event = _event(consultation)
    section = consultation.sections.get(ref="2")
    client = client_for(world.users["other_officer"])
    assert client.post(reverse("consultations:section-remove", args=[consultation.slug, section.pk])).status_code == 403
    assert client.post(reverse("consultations:event-remove", args=[consultation.slug, event.pk])).status_code == 403
    assert ConsultationSection.objects.filter(pk=section.pk).exists()
    assert ConsultationEvent.objects.filter(pk=event.pk).exists()


def test_the_events_link_stays_on_the_detail_page_until_the_response_is_published(world, client_for):
    consultation = _set_status(make_consultation(world), Status.CLOSED)
    client = client_for(world.users["officer"])
    events = reverse("consultations:events", args=[consultation.slug])
    detail = reverse("consultations:detail", args=[consultation.slug])
    assert events in client.get(detail).content.decode()
    _set_status(consultation, Status.PUBLISHED)
    assert events not in client.get(detail).content.decode()


def test_sections_added_out_of_order_are_moved_into_place(world, client_for):
    consultation = make_consultation(world, status=Status.DRAFT, sections=3)
    client = client_for(world.users["officer"])
    third = consultation.sections.get(ref="3")
    url = reverse("consultations:section-move", args=[consultation.slug, third.pk])
    page = client.post(url, {"direction": "up"}, follow=True).content.decode()
    assert "Section 3 moved up." in page
    assert list(consultation.sections.order_by("position").values_list("ref", flat=True)) == ["1", "3", "2"]
    client.post(url, {"direction": "up"})
    client.post(url, {"direction": "up"})  # already first: nothing changes
    assert list(consultation.sections.order_by("position").values_list("ref", flat=True)) == ["3", "1", "2"]
    assert page.count("Move up") == 2 and page.count("Move down") == 2  # the first has no "up", the last no "down"
