"""The main requirements of the Complaint Handling Code (Local Government and Social Care
Ombudsman and Housing Ombudsman), in our own words, as the checklist the steering group assesses
itself against each year. The Ombudsman asks councils for the same: each requirement met or not,
with evidence, and a statement from the governing body.

Keys are stored with the answers (models.SelfAssessment.answers): never rename one, add a new key.
"""

from typing import NamedTuple


class Requirement(NamedTuple):
    key: str
    title: str
    text: str


REQUIREMENTS: list[Requirement] = [
    Requirement(
        "definition",
        "What a complaint is",
        "Any expression of dissatisfaction about what a body did or failed to do is treated as a complaint, "
        "and nobody has to use the word ‘complaint’ for it to count.",
    ),
    Requirement(
        "however_made",
        "Complaints however they are made",
        "Complaints are accepted online, by phone, by letter, by email and in person, and the clock starts on "
        "the day one is received, whoever receives it.",
    ),
    Requirement(
        "accessible",
        "Easy to find and use",
        "The procedure is published, easy to find and in plain English, and people are helped to complain, "
        "including anonymously or confidentially if they fear reprisal.",
    ),
    Requirement(
        "two_stages",
        "Two stages",
        "There are two stages, and stage 2 is handled by someone other than the person who answered stage 1.",
    ),
    Requirement(
        "timescales",
        "Timescales",
        "Complaints are acknowledged within 5 working days and answered within 10 working days at stage 1 "
        "and 20 at stage 2. Extensions are explained to the complainant, and any beyond the Code’s limits "
        "have a recorded reason.",
    ),
    Requirement(
        "on_hold",
        "Keeping complainants informed",
        "Complainants are kept informed; a complaint is put on hold only with a reason, agreed with the "
        "complainant, and resumed as soon as possible.",
    ),
    Requirement(
        "fair_outcomes",
        "Clear decisions and remedies",
        "Each reply says what was found, the decision and the reasons, what will be put right, and how to take "
        "the complaint further, including to the steering group.",
    ),
    Requirement(
        "learning",
        "Learning from complaints",
        "What was learned from each complaint, and what changed because of it, is recorded and shared.",
    ),
    Requirement(
        "governance",
        "Oversight",
        "The steering group sees the complaint figures, the learning and this self-assessment each year, and "
        "publishes them in the annual review.",
    ),
]

BY_KEY = {r.key: r for r in REQUIREMENTS}
