from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from common.csv_export import CHUNK, csv_response

from .. import selectors
from ..bme_definitions import current_definition
from ..bme_led import outcome_label
from ..forms import DirectoryFilterForm
from ..models import Membership, Sector
from ..permissions import (
    can_declare_board,
    can_edit_organisation,
    can_grant_public_body_standing,
    can_request_membership,
    can_see_board_counts,
    can_verify_organisation,
    can_view_organisation,
    can_withdraw_public_body_standing,
)

PAGE_SIZE = 25


def filtered_organisations(form: DirectoryFilterForm):
    """The directory's rows for a bound filter form (as of today), or None when the filters are invalid."""
    if not form.is_valid():
        return None
    return selectors.directory_organisations(on_date=timezone.localdate(), **form.selector_kwargs())


def directory(request):
    form = DirectoryFilterForm(request.GET)
    organisations = filtered_organisations(form)
    page = Paginator(organisations if organisations is not None else [], PAGE_SIZE).get_page(request.GET.get("page"))
    compact = form.cleaned_data.get("compact") if organisations is not None else None
    chosen = form.compacts.get(compact or "")
    definition = current_definition(chosen) if chosen else None
    selectors.mark_transition_periods(
        page.object_list, on_date=timezone.localdate(), definition=definition.rule if definition else None
    )
    return render(
        request,
        "organisations/directory.html",
        {
            "form": form,
            "compact": chosen,
            "definition": definition,
            "page_obj": page,
            "public_sector": Sector.PUBLIC,
            "breadcrumbs": [("Home", reverse("home")), ("Organisations", None)],
        },
    )


CSV_HEADER = [
    "Name",
    "Identifier",
    "Sector",
    "Legal form",
    "Type of public body",
    "Charity number",
    "Company number",
    "Postcode",
    "Local authority areas",
    "Website",
    "Faith-based",
    "Refugee and asylum seeker focus",
    "Communities served",
    "Kinds of work",
    "BME-led status",
    "Board declaration effective",
    "Profile",
]


def _status_label(organisation) -> str:
    return outcome_label(organisation.bme_led_outcome, getattr(organisation, "bme_led_transition_until", None))


def _with_transition_periods(organisations, on_date, rule):
    """The rows in chunks, each chunk marked with its transition periods (`mark_transition_periods`)."""
    chunk = []
    for organisation in organisations.iterator(chunk_size=CHUNK):
        chunk.append(organisation)
        if len(chunk) == CHUNK:
            selectors.mark_transition_periods(chunk, on_date=on_date, definition=rule)
            yield from chunk
            chunk = []
    selectors.mark_transition_periods(chunk, on_date=on_date, definition=rule)
    yield from chunk


def directory_csv(request):
    form = DirectoryFilterForm(request.GET)
    organisations = filtered_organisations(form)
    if organisations is None:
        problems = "; ".join(error for errors in form.errors.values() for error in errors)
        return HttpResponse(f"The filters are not valid: {problems}", status=400, content_type="text/plain")
    today = timezone.localdate()
    chosen = form.compacts.get(form.cleaned_data.get("compact") or "")
    definition = current_definition(chosen) if chosen else None
    rows = (
        [
            o.name,
            o.org_id,
            o.get_sector_display(),
            o.get_legal_form_display(),
            o.get_public_body_type_display(),
            o.charity_number,
            o.company_number,
            o.postcode,
            o.areas_display,
            o.website,
            o.faith_based,
            o.refugee_focus,
            "; ".join(g.name for g in o.communities_served.all()),
            "; ".join(a.name for a in o.service_areas.all()),
            "Not applicable" if o.sector == Sector.PUBLIC else _status_label(o),
            o.bme_led_effective_date if o.sector != Sector.PUBLIC else None,
            request.build_absolute_uri(reverse("organisations:profile", args=[o.slug])),
        ]
        for o in _with_transition_periods(organisations, today, definition.rule if definition else None)
    )
    return csv_response(f"organisations-{today.isoformat()}.csv", CSV_HEADER, rows)


def profile(request, slug):
    organisation = selectors.organisation_for_profile(slug=slug)
    if organisation is None or not can_view_organisation(request.user, organisation):
        raise Http404("No such organisation")
    today = timezone.localdate()
    declarations = list(organisation.board_declarations.all())
    compact = selectors.organisation_compact(organisation)
    definition = current_definition(compact) if compact else None
    rule = definition.rule if definition else None
    membership = (
        Membership.objects.filter(user=request.user, organisation=organisation).first()
        if request.user.is_authenticated
        else None
    )
    return render(
        request,
        "organisations/profile.html",
        {
            "organisation": organisation,
            "status": selectors.profile_status(organisation=organisation, on_date=today, definition=rule),
            "history": selectors.status_history(
                organisation=organisation, on_date=today, declarations=declarations, definition=rule
            ),
            "compact": compact,
            "definition": definition,
            "today": today,
            "membership": membership,
            "show_counts": can_see_board_counts(request.user, organisation),
            "can_edit": can_edit_organisation(request.user, organisation),
            "can_declare": can_declare_board(request.user, organisation),
            "can_join": can_request_membership(request.user, organisation, membership),
            "can_verify": can_verify_organisation(request.user, organisation),
            "can_grant_standing": can_grant_public_body_standing(request.user, organisation),
            "can_withdraw_standing": can_withdraw_public_body_standing(request.user, organisation),
            "breadcrumbs": [
                ("Home", reverse("home")),
                ("Organisations", reverse("organisations:directory")),
                (organisation.name, None),
            ],
        },
    )
