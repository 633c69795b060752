"""Complaint test helpers. Complaints are raised and moved on through the services, as people do."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from complaints import services
from complaints.models import ComplainantKind, Party
from tests import factories as f
from undertakings.models import Party as UndertakingParty


def undertaking_in(
    compact,
    *,
    ref="4.8.1",
    text="make complaints procedures known and encourage BME groups to use them",
    party=UndertakingParty.PUBLIC,
):
    code = f.CodeFactory(compact=compact, short_title="BME Code", title="BME Code of Good Practice")
    section = f.SectionFactory(code=code, ref=ref.rsplit(".", 1)[0], title="In practice")
    return f.UndertakingFactory(code=code, section=section, ref=ref, text=text, party=party)


def raise_complaint(
    world,
    *,
    kind=ComplainantKind.ORGANISATION,
    user="group_member",
    confidential=True,
    respondent=None,
    undertakings=None,
    today=None,
    name="",
    email="",
    what_happened=None,
    **extra,
):
    user = world.users[user] if isinstance(user, str) else user
    return services.complaint_raise(
        respondent=respondent or world.council,
        undertakings=undertakings if undertakings is not None else [],
        undertakings_not_sure=not undertakings,
        what_happened=what_happened or "We were not told about the consultation on the day centre closure.",
        happened_on=date(2024, 11, 4),
        outcome_sought="An apology and a proper consultation.",
        complainant_kind=kind,
        confidential=confidential,
        user=user,
        organisation=world.group if kind == ComplainantKind.ORGANISATION else None,
        name=name,
        email=email,
        today=today,
        **extra,
    )


def text_upload(name="minutes-forum-meeting.txt", content=b"Notes of our meeting with the council."):
    return SimpleUploadedFile(name, content, content_type="text/plain")


def add_complainant_file(complaint, world, name="minutes-forum-meeting.txt"):
    return services.complaint_file_add(
        complaint=complaint, upload=text_upload(name), party=Party.COMPLAINANT, user=world.users["group_member"]
    )


def answered_at_stage_1(complaint, world, officer="officer"):
    services.stage_acknowledge(complaint=complaint, user=world.users[officer])
    return services.stage_reply(
        complaint=complaint, user=world.users[officer], reply="We are sorry; we will consult again."
    )
