"""common.background: without a broker, a long task may run beside the request instead of inside it."""

import threading

from django.test import override_settings

from common.background import queue


class RecordingTask:
    """Stands in for a Celery task: records which thread ran it and how it was started."""

    name = "recording"

    def __init__(self):
        self.ran_in, self.started_with = None, None

    def delay(self, *args):
        self.started_with = "delay"
        self.ran_in = threading.current_thread()

    def apply(self, args=()):
        self.started_with = "apply"
        self.ran_in = threading.current_thread()


@override_settings(CELERY_TASK_ALWAYS_EAGER=True, IN_PROCESS_TASKS_IN_BACKGROUND=True)
def test_without_a_broker_make_run_builds_in_a_thread_and_the_request_returns_at_once():
    task = RecordingTask()
    thread = queue(task, 7)
    assert thread is not None
    thread.join(timeout=10)
    assert task.started_with == "apply" and task.ran_in is thread


@override_settings(CELERY_TASK_ALWAYS_EAGER=True, IN_PROCESS_TASKS_IN_BACKGROUND=False)
def test_tests_and_commands_keep_running_the_task_in_place():
    task = RecordingTask()
    assert queue(task, 7) is None
    assert task.started_with == "delay" and task.ran_in is threading.current_thread()


@override_settings(CELERY_TASK_ALWAYS_EAGER=False, IN_PROCESS_TASKS_IN_BACKGROUND=True)
def test_with_a_broker_the_task_is_sent_to_the_worker():
    task = RecordingTask()
    assert queue(task, 7) is None
    assert task.started_with == "delay"
