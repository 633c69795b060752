from django.urls import path

from .views import api, applications, awards, imports, monitoring, programmes

app_name = "funding"

urlpatterns = [
    path("funding/", programmes.programme_list_view, name="programme-list"),
    path("funding/programmes/new/", programmes.programme_create_view, name="programme-create"),
    path("funding/programmes/<int:pk>/", programmes.programme_detail, name="programme-detail"),
    path("funding/programmes/<int:pk>/change/", programmes.programme_edit, name="programme-edit"),
    path("funding/programmes/<int:pk>/apply/", applications.application_create, name="application-create"),
    path("funding/applications/", applications.application_list, name="application-list"),
    path("funding/applications/<int:pk>/", applications.application_detail, name="application-detail"),
    path("funding/applications/<int:pk>/decision/", applications.application_decide_view, name="application-decide"),
    path("funding/applications/<int:pk>/award/", awards.award_create_view, name="award-create"),
    path("funding/awards/", awards.award_list_view, name="award-list"),
    path("funding/awards.csv", awards.award_csv, name="award-csv"),
    path("funding/awards.xlsx", awards.award_xlsx, name="award-xlsx"),
    path("funding/awards/<int:pk>/", awards.award_detail, name="award-detail"),
    path("funding/awards/<int:pk>/withdraw/", awards.award_withdraw_view, name="award-withdraw"),
    path("funding/awards/<int:pk>/joint-review/", awards.joint_review_edit, name="joint-review"),
    path("funding/awards/<int:pk>/redistribution/", awards.redistribution_edit, name="redistribution"),
    path("funding/to-do/", awards.todo, name="todo"),
    path("funding/monitoring/", monitoring.monitoring_page, name="monitoring"),
    path("funding/monitoring.csv", monitoring.monitoring_csv, name="monitoring-csv"),
    path("funding/import/", imports.import_grants, name="import"),
    path("funding/import/<int:pk>/", imports.import_run, name="import-run"),
    path("funding/recipients-to-confirm/", imports.match_queue, name="match-queue"),
    path("funding/recipients-to-confirm/<int:pk>/", imports.match_decide, name="match-decide"),
    path("api/v1/grants", api.grants, name="grants-api"),
    path("api/v1/funding-monitoring", monitoring.monitoring_api, name="monitoring-api"),
]
