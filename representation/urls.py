from django.urls import path

from .views import boards, overview, people

app_name = "representation"

urlpatterns = [
    path("representation/", overview.overview, name="overview"),
    path("representation/appointments.csv", overview.appointments_csv, name="appointments-csv"),
    path("representation/boards/", overview.board_list, name="board-list"),
    path("representation/boards/add/", boards.board_create, name="board-create"),
    path("representation/boards/<slug:slug>/", boards.board_detail, name="board-detail"),
    path("representation/boards/<slug:slug>/edit/", boards.board_edit, name="board-edit"),
    path("representation/boards/<slug:slug>/appointments/add/", boards.appointment_create, name="appointment-create"),
    path("representation/appointments/<int:pk>/correct/", boards.appointment_correct, name="appointment-correct"),
    path("representation/appointments/<int:pk>/end/", boards.appointment_end, name="appointment-end"),
    path("representation/representatives/", people.representative_list, name="representative-list"),
    path("representation/representatives/add/", people.representative_create, name="representative-create"),
    path("representation/representatives/<int:pk>/", people.representative_detail, name="representative-detail"),
    path("representation/representatives/<int:pk>/edit/", people.representative_edit, name="representative-edit"),
    path(
        "representation/representatives/<int:pk>/withdraw-consent/",
        people.representative_withdraw,
        name="representative-withdraw",
    ),
]
