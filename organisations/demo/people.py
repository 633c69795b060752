"""The demo people: one account for every role, and a request to join still waiting for a decision.
All people are fictional."""

DEMO_PASSWORD = "compact-demo-2026"

# email, name, organisation slug (None for steering/admin), role label
PEOPLE = [
    (
        "officer@westnorthants.example",
        "Priya Shah",
        "west-northamptonshire-council",
        "Public-body officer, West Northamptonshire Council",
    ),
    (
        "officer@nhs-northants.example",
        "Tom Ellis",
        "nhs-northamptonshire",
        "Public-body officer, NHS Northamptonshire ICB",
    ),
    (
        "officer@plymouth.example",
        "Morwenna Hext",
        "plymouth-city-council",
        "Public-body officer, Plymouth City Council",
    ),
    (
        "group@acforum.example",
        "Abena Mensah",
        "northampton-african-caribbean-forum",
        "Community group member (BME-led group)",
    ),
    (
        "group@roma-corby.example",
        "Milan Horvath",
        "corby-roma-support-network",
        "Community group member (undetermined status)",
    ),
    (
        "group@pdrec.example",
        "Yusuf Okafor",
        "plymouth-and-devon-race-equality-council",
        "Community group member (Plymouth)",
    ),
    ("steering@northants.example", "Hannah Reid", None, "Steering group chair, Northamptonshire Compact"),
    ("steering@plymouth.example", "Kwame Asante", None, "Steering group member, Plymouth Compact"),
    ("admin@portal.example", "Site Admin", None, "Site admin (Django admin)"),
    ("volunteer@acforum.example", "Kofi Boateng", None, "Has asked to join the African Caribbean Forum"),
    (
        "chair@polish-school.example",
        "Ewa Nowak",
        "northampton-polish-saturday-school",
        "Admin of a newly registered, unverified group",
    ),
]

# email: (organisation slug, job title) for requests to join still waiting for the admin's decision.
PENDING_REQUESTS = {"volunteer@acforum.example": ("northampton-african-caribbean-forum", "Volunteer coordinator")}

DEMO_ACCOUNTS = [(email, role) for email, _, _, role in PEOPLE]
