"""The home page: what the portal is, and for a signed-in person what they have to do next."""

from django.shortcuts import render
from django.utils import timezone

from .todo import todo_for


def home(request):
    context = {}
    if request.user.is_authenticated:
        today = timezone.localdate()
        todo = todo_for(request.user, today)
        context = {"tasks": todo.tasks, "more": todo.more, "task_total": todo.total, "today": today}
    return render(request, "pages/home.html", context)
