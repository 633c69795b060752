from django.urls import path

from . import views

app_name = "undertakings"

urlpatterns = [
    # Public: the Codes.
    path("codes/", views.code_list, name="code-list"),
    path("codes/codes.csv", views.code_list_csv, name="code-list-csv"),
    path("codes/<slug:slug>/<str:version>/", views.code_detail, name="code-detail"),
    path("codes/<slug:slug>/<str:version>/changes/", views.code_changes, name="code-changes"),
    path("codes/<slug:slug>/<str:version>/undertakings.csv", views.code_csv, name="code-csv"),
    # A body's returns.
    path("compliance/", views.return_list, name="return-list"),
    path("compliance/returns.csv", views.return_list_csv, name="return-list-csv"),
    path(
        "compliance/start/<slug:organisation_slug>/<int:period_pk>/<int:code_pk>/",
        views.return_start,
        name="return-start",
    ),
    path("compliance/returns/<int:pk>/", views.return_detail, name="return-detail"),
    path("compliance/returns/<int:pk>/return.csv", views.return_csv, name="return-csv"),
    path("compliance/returns/<int:pk>/submit/", views.return_submit, name="return-submit"),
    path("compliance/returns/<int:pk>/confirm-unchanged/", views.return_confirm_unchanged, name="return-confirm"),
    path("compliance/returns/<int:pk>/review/", views.return_review, name="return-review"),
    path("compliance/entries/<int:pk>/", views.entry_edit, name="entry-edit"),
    path("compliance/entries/<int:pk>/files/", views.evidence_add, name="evidence-add"),
    path("compliance/entries/<int:pk>/actions/", views.action_add, name="action-add"),
    path("compliance/files/<int:pk>/", views.evidence_download, name="evidence-download"),
    path("compliance/files/<int:pk>/remove/", views.evidence_remove, name="evidence-remove"),
    path("compliance/actions/<int:pk>/", views.action_edit, name="action-edit"),
    path("compliance/actions/<int:pk>/remove/", views.action_remove, name="action-remove"),
    # The steering group's view of a reporting period.
    path("compliance/periods/<int:pk>/", views.period_overview, name="period-overview"),
    path("compliance/compacts/<slug:slug>/periods/add/", views.period_add, name="period-add"),
    path("compliance/periods/<int:pk>/close/", views.period_close, name="period-close"),
    path("compliance/periods/<int:pk>/reopen/", views.period_reopen, name="period-reopen"),
    path("compliance/periods/<int:pk>/returns.csv", views.period_csv, name="period-csv"),
    path("compliance/periods/<int:pk>/codes/<int:code_pk>/matrix/", views.matrix, name="matrix"),
    path("compliance/periods/<int:pk>/codes/<int:code_pk>/matrix/all/", views.matrix_full, name="matrix-full"),
    path("compliance/periods/<int:pk>/codes/<int:code_pk>/matrix.csv", views.matrix_csv, name="matrix-csv"),
    path(
        "compliance/periods/<int:pk>/undertakings/<int:undertaking_pk>/",
        views.undertaking_detail,
        name="undertaking-detail",
    ),
    path(
        "compliance/periods/<int:pk>/undertakings/<int:undertaking_pk>/ratings.csv",
        views.undertaking_csv,
        name="undertaking-csv",
    ),
]
