"""Tasks for the home page (common.todo): board declarations about to lapse, membership requests."""

from datetime import date, timedelta

from django.urls import reverse

from common.dates import long_date
from common.todo import More, Task, most_urgent

from .bme_led import last_current_date
from .models import BoardDeclaration, Membership, MembershipStatus, Organisation, Sector
from .roles import roles_for

# A month's notice: a board may need to meet before it can say who sits on it.
DECLARATION_NOTICE_DAYS = 30


def tasks_for(user, today: date) -> list[Task | More]:
    roles = roles_for(user)
    tasks: list[Task | More] = []
    groups = Organisation.objects.filter(pk__in=roles.member_of).exclude(sector=Sector.PUBLIC).order_by("name")
    latest: dict[int, date] = {}
    for organisation_id, effective in BoardDeclaration.objects.filter(organisation__in=groups).values_list(
        "organisation_id", "effective_date"
    ):
        latest[organisation_id] = max(effective, latest.get(organisation_id, effective))
    for group in groups:
        url = reverse("organisations:declare-board", args=[group.slug])
        if group.pk not in latest:
            tasks.append(Task(f"Declare the make-up of {group.name}'s board", url, detail=NO_DECLARATION))
            continue
        lapses = last_current_date(latest[group.pk])
        if lapses < today + timedelta(days=DECLARATION_NOTICE_DAYS):
            detail = (LAPSED if lapses < today else LAPSES).format(day=long_date(lapses))
            tasks.append(Task(f"Update {group.name}'s board declaration", url, due=lapses, detail=detail))
    if roles.admin_of:
        requests = Membership.objects.filter(organisation_id__in=roles.admin_of, status=MembershipStatus.REQUESTED)
        tasks += most_urgent(
            requests.select_related("organisation", "user").order_by("pk"),  # the longest waiting first
            lambda request: Task(
                f"Decide {request.user.email}'s request to join {request.organisation.name}",
                reverse("organisations:membership-decide", args=[request.pk]),
            ),
            today=today,
            what="requests to join your organisations",
            url=reverse("organisations:mine"),  # which lists every request to decide
        )
    return tasks


NO_DECLARATION = "Without one the portal cannot say whether the group is BME-led."
LAPSES = "The last one stops counting after {day}."
LAPSED = "The last one stopped counting after {day}: until you update it the group's status is not known."
