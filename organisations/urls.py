from django.urls import path

from .views import api, data_download, directory, eligibility, membership, organisation, standing

app_name = "organisations"

urlpatterns = [
    path("organisations/", directory.directory, name="directory"),
    path("organisations/download.csv", directory.directory_csv, name="directory-csv"),
    path("organisations/register/", organisation.register, name="register"),
    path("organisations/yours/", membership.mine, name="mine"),
    path("organisations/membership-requests/<int:pk>/", membership.membership_decide, name="membership-decide"),
    path("organisations/public-bodies/", standing.public_bodies, name="public-bodies"),
    path("organisations/<slug:slug>/", directory.profile, name="profile"),
    path("organisations/<slug:slug>/edit/", organisation.edit, name="edit"),
    path("organisations/<slug:slug>/declare-board/", organisation.declare_board, name="declare-board"),
    path("organisations/<slug:slug>/verify/", organisation.verify, name="verify"),
    path("organisations/<slug:slug>/data.json", data_download.download, name="data-download"),
    path("organisations/<slug:slug>/join/", membership.join, name="join"),
    path("organisations/<slug:slug>/standing/grant/", standing.standing_grant, name="standing-grant"),
    path("organisations/<slug:slug>/standing/withdraw/", standing.standing_withdraw, name="standing-withdraw"),
    path("eligibility/", eligibility.start, name="eligibility"),
    path("eligibility/board-members/", eligibility.members, name="eligibility-members"),
    path("eligibility/bme-members/", eligibility.bme_members, name="eligibility-bme-members"),
    path(
        "eligibility/members-who-did-not-say/",
        eligibility.undisclosed_members,
        name="eligibility-undisclosed-members",
    ),
    path("eligibility/result/", eligibility.result, name="eligibility-result"),
    path("api/v1/eligibility", api.eligibility, name="api-eligibility"),
    path("api/v1/organisations", api.organisations, name="api-organisations"),
]
