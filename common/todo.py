"""What a signed-in person has to do next, for the home page.

Each app that gives people work answers in its own `todo.py` with `tasks_for(user, today)`,
found at run time (common.apps_modules) so that no app imports another against the layering. A task
says what to do, by when, and links to the page where it is done.
"""

from dataclasses import dataclass
from datetime import date

from common.apps_modules import app_modules

# How far ahead a deadline counts as coming up: a fortnight's notice for the next step.
SOON_DAYS = 14


@dataclass(frozen=True)
class Task:
    title: str  # what to do, as a link text: "Submit the 2025-26 return for Plymouth City Council"
    url: str
    due: date | None = None
    detail: str = ""  # one sentence more, if it helps

    def is_overdue(self, today: date) -> bool:
        return self.due is not None and self.due < today


def tasks_for(user, today: date) -> list[Task]:
    """Every app's tasks for `user`, overdue and soonest first, undated last."""
    tasks: list[Task] = []
    for _label, module in app_modules("todo"):
        tasks.extend(module.tasks_for(user, today))
    return sorted(tasks, key=lambda t: (t.due is None, t.due or today, t.title))
