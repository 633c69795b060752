"""Complaints about undertakings not kept: the complaint, its stages and deadlines, its timeline."""

from .complaint import (
    ComplainantKind,
    Complaint,
    ComplaintStatus,
    Outcome,
    Party,
    ReferenceCounter,
)
from .stage import Stage, StageLevel
from .timeline import Audience, ComplaintFile, Event, EventKind, ReminderSent

__all__ = [
    "Audience",
    "ComplainantKind",
    "Complaint",
    "ComplaintFile",
    "ComplaintStatus",
    "Event",
    "EventKind",
    "Outcome",
    "Party",
    "ReferenceCounter",
    "ReminderSent",
    "Stage",
    "StageLevel",
]
