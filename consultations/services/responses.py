"""Responses: one response may answer several comments, with a disposition and its text."""

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import Comment, Consultation, Disposition, Response, Status

NO_COMMENTS_CHOSEN = "Choose at least one comment to respond to."
WRONG_COMMENTS = "Choose comments on this consultation only."
HIDDEN_COMMENT = "A hidden comment gets no response. Show it again first."
EMPTY_RESPONSE = "Enter the response."
WHERE_REQUIRED = "Say where the Code already covers this."
CANNOT_RESPOND = "Responses can be added only while the consultation is open or closed."

# Outside the remit: the Plymouth table often says only "outside the Code's remit", so who it is
# for is asked for but not required. "Already covered" is no answer without where.
REQUIRED_EXTRA: dict[str, tuple[str, str]] = {Disposition.ALREADY_COVERED: ("where", WHERE_REQUIRED)}


@transaction.atomic
def response_create(
    *,
    consultation: Consultation,
    user,
    comments: list[Comment],
    disposition: str,
    text: str,
    where: str = "",
    for_whom: str = "",
) -> Response:
    if consultation.status not in (Status.OPEN, Status.CLOSED):
        raise ValidationError(CANNOT_RESPOND)
    comments = list(comments)
    if not comments:
        raise ValidationError({"comments": NO_COMMENTS_CHOSEN})
    if any(c.consultation_id != consultation.pk for c in comments):
        raise ValidationError({"comments": WRONG_COMMENTS})
    if any(c.hidden for c in comments):
        raise ValidationError({"comments": HIDDEN_COMMENT})
    if disposition not in Disposition.values:
        raise ValidationError({"disposition": "Choose a disposition."})
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": EMPTY_RESPONSE})
    extra = REQUIRED_EXTRA.get(disposition)
    values = {"where": where.strip(), "for_whom": for_whom.strip()}
    if extra and not values[extra[0]]:
        raise ValidationError({extra[0]: extra[1]})
    response = Response.objects.create(
        consultation=consultation, disposition=disposition, text=text, responded_by=user, **values
    )
    response.comments.set(comments)
    return response
