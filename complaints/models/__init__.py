"""Complaints about undertakings not kept: the complaint, its stages and deadlines, its timeline."""

from .assessment import Assessment, SelfAssessment
from .complaint import (
    Channel,
    ComplainantKind,
    Complaint,
    ComplaintStatus,
    Outcome,
    Party,
    ReferenceCounter,
)
from .stage import Pause, PauseReason, Stage, StageLevel
from .timeline import Audience, ComplaintFile, Event, EventKind, ReminderSent

__all__ = [
    "Assessment",
    "Audience",
    "Channel",
    "ComplainantKind",
    "Complaint",
    "ComplaintFile",
    "ComplaintStatus",
    "Event",
    "EventKind",
    "Outcome",
    "Party",
    "Pause",
    "PauseReason",
    "ReferenceCounter",
    "ReminderSent",
    "SelfAssessment",
    "Stage",
    "StageLevel",
]
