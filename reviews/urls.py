from django.urls import path

from .views import actions, narrative, public, steering

app_name = "reviews"

BASE = "reviews/<slug:compact>/<str:period>"
VERSION = f"{BASE}/versions/<int:number>"

urlpatterns = [
    path("reviews/", public.review_list, name="list"),
    path("reviews/build/", steering.build_index, name="build-index"),
    path(f"{BASE}/", public.published, name="published"),
    path(f"{BASE}.pdf", public.published_pdf, name="published-pdf"),
    path(f"{BASE}.json", public.published_data, name="published-data"),
    path(f"{BASE}/data/<slug:table>.csv", public.published_table, name="published-table"),
    path(f"{BASE}/build/", steering.manage, name="manage"),
    path(f"{BASE}/build/new-version/", steering.request_build, name="request"),
    path(f"{BASE}/actions/add/", actions.action_add, name="action-add"),
    path(f"{BASE}/actions/<int:action_id>/change/", actions.action_edit, name="action-edit"),
    path(f"{BASE}/actions/<int:action_id>/remove/", actions.action_remove, name="action-remove"),
    path(f"{BASE}/actions/<int:action_id>/progress/", actions.action_progress, name="action-progress"),
    path(f"{BASE}/meeting/", narrative.meeting, name="meeting"),
    path(f"{BASE}/foreword/", narrative.foreword, name="foreword"),
    path(f"{BASE}/commentary/", narrative.commentary, name="commentary"),
    path(f"{VERSION}/", steering.version, name="version"),
    path(f"{VERSION}/status.json", steering.version_status, name="version-status"),
    path(f"{VERSION}/report/", steering.version_html, name="version-html"),
    path(f"{VERSION}/report.pdf", steering.version_pdf, name="version-pdf"),
    path(f"{VERSION}/try-again/", steering.retry, name="version-retry"),
    path(f"{VERSION}/publish/", steering.publish, name="version-publish"),
    path(f"{VERSION}/withdraw/", steering.withdraw, name="version-withdraw"),
]
