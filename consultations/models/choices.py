"""The choices consultations record: stage, status, assessment, who a comment is from, how it may be
published, how it arrived, and what was decided about it."""

from django.db import models


class Stage(models.TextChoices):
    PRE_CONSULTATION = "pre_consultation", "Pre-consultation"
    POLICY_DEVELOPMENT = "policy_development", "Policy development"
    IMPLEMENTATION = "implementation", "Implementation"
    EVALUATION = "evaluation", "Evaluation"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"
    PUBLISHED = "published", "Response published"


class Assessment(models.TextChoices):
    DONE = "done", "Done"
    NOT_NEEDED = "not_needed", "Not needed"
    PLANNED = "planned", "Planned"


class AuthorKind(models.TextChoices):
    ORGANISATION = "organisation", "On behalf of an organisation"
    INDIVIDUAL = "individual", "An individual"
    ANONYMOUS = "anonymous", "Anonymous"
    # A comment loaded from a published table that does not say who wrote it.
    NOT_RECORDED = "not_recorded", "Not recorded"


class Publication(models.TextChoices):
    """How the commenter agreed the comment may be published (asked on the comment form)."""

    NAMED = "named", "In full, with my name or my organisation's name"
    WITHOUT_NAME = "without_name", "In full, without my name"
    NOT_PUBLISHED = "not_published", "Do not publish my comment"
    # Loaded from a source that recorded no consent. Such comments were already published by their
    # source without names, so the portal shows them the same way: in full, without a name.
    NOT_RECORDED = "not_recorded", "Not recorded (published in the source without names)"


class Channel(models.TextChoices):
    """How a comment reached the body. Not everyone comments online (§5.2: language needs, events),
    so officers type in what arrives another way and it counts the same."""

    PORTAL = "portal", "On the portal"
    POST = "post", "By post"
    EMAIL = "email", "By email"
    EVENT = "event", "At an event"
    PHONE = "phone", "By phone or in person"


class Disposition(models.TextChoices):
    ACCEPTED_CHANGED = "accepted_changed", "Accepted – changed"
    ACCEPTED_IN_PART = "accepted_in_part", "Accepted in part"
    ALREADY_COVERED = "already_covered", "Already covered"
    OUTSIDE_REMIT = "outside_remit", "Outside the Code's remit"
    NOT_ACCEPTED = "not_accepted", "Not accepted"
    NOTED = "noted", "Noted"
    UNCLEAR = "unclear", "Unclear"
    PENDING = "pending", "Pending"
