from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("change-history/", views.index, name="index"),
    path("change-history/<str:key>/", views.history, name="history"),
]
