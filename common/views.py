"""The home page: what the portal is, and for a signed-in person what they have to do next."""

from django.shortcuts import render
from django.utils import timezone

from .todo import tasks_for


def home(request):
    context = {}
    if request.user.is_authenticated:
        today = timezone.localdate()
        context = {"tasks": tasks_for(request.user, today), "today": today}
    return render(request, "pages/home.html", context)
