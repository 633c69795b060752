"""What a signed-in person has to do next, for the home page.

Each app that gives people work answers in its own `todo.py` with `tasks_for(user, today)`,
found at run time (common.apps_modules) so that no app imports another against the layering. A task
says what to do, by when, and links to the page where it is done. A kind of task that grows with the
data (a return to review, a complaint, an overdue action) is given as its most urgent few and one
`More` line for the rest (`most_urgent`): a steering member of four metro Compacts had 506 tasks,
333 KB of home page, before.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from common.apps_modules import app_modules

# How far ahead a deadline counts as coming up: a fortnight's notice for the next step.
SOON_DAYS = 14

# Tasks of one kind listed one by one before the rest are summed up in a line: enough to start on.
TASKS_SHOWN_PER_KIND = 5


@dataclass(frozen=True)
class Task:
    title: str  # what to do, as a link text: "Submit the 2025-26 return for Plymouth City Council"
    url: str
    due: date | None = None
    detail: str = ""  # one sentence more, if it helps

    def is_overdue(self, today: date) -> bool:
        return self.due is not None and self.due < today


@dataclass(frozen=True)
class More:
    """The rest of a kind of task, not listed: how many, how many of them overdue, and the page with all."""

    what: str  # the rest as a plural: "returns waiting for review"
    url: str
    count: int
    overdue: int = 0


@dataclass(frozen=True)
class Todo:
    tasks: list[Task]  # overdue and soonest first, undated last
    more: list[More]

    @property
    def total(self) -> int:
        return len(self.tasks) + sum(m.count for m in self.more)


def most_urgent(
    rows: QuerySet,
    to_task: Callable[[Any], Task],
    *,
    today: date,
    what: str,
    url: str,
    overdue: Q | None = None,
) -> list[Task | More]:
    """The first TASKS_SHOWN_PER_KIND of `rows` (ordered most urgent first) as tasks, and a More for
    the rest when there is a rest. `overdue` (a Q on the rows) lets the More say how many of the rest
    are overdue. One query when they all fit, two when they do not."""
    first = list(rows[: TASKS_SHOWN_PER_KIND + 1])  # one more than shown says whether there is a rest
    tasks: list[Task | More] = [to_task(row) for row in first[:TASKS_SHOWN_PER_KIND]]
    if len(first) <= TASKS_SHOWN_PER_KIND:
        return tasks
    sums = {"count": Count("pk")} | ({"overdue": Count("pk", filter=overdue)} if overdue is not None else {})
    figures = rows.aggregate(**sums)
    shown_overdue = sum(1 for t in tasks if isinstance(t, Task) and t.is_overdue(today))
    tasks.append(
        More(
            what,
            url,
            count=figures["count"] - TASKS_SHOWN_PER_KIND,
            overdue=max(figures.get("overdue", 0) - shown_overdue, 0),
        )
    )
    return tasks


def todo_for(user, today: date) -> Todo:
    """Every app's tasks for `user`, overdue and soonest first, undated last; then the rests."""
    tasks: list[Task] = []
    more: list[More] = []
    for _label, module in app_modules("todo"):
        for item in module.tasks_for(user, today):
            (more if isinstance(item, More) else tasks).append(item)
    tasks.sort(key=lambda t: (t.due is None, t.due or today, t.title))
    return Todo(tasks, more)
