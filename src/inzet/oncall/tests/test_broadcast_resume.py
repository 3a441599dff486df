"""The broadcast can be resumed: a worker dying halfway never makes a rerun mail anyone twice.

Mail goes through the real chain here: send_mail → TaskEmailBackend → a deliver_email task
row written by the database task backend, in the same transaction as ``notified_at``.
"""

from collections import Counter

from django.test import override_settings

import pytest
from django_tasks_db.models import DBTaskResult

from inzet.oncall import services
from inzet.oncall.models import OnCallInvitation

from .factories import OnCallRequestFactory, PoolFactory, PoolMembershipFactory

MEMBERS = 35
BATCH = 10
FAIL_AT = 25  # the 25th e-mail: halfway through the third batch

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class WorkerDied(Exception):
    pass


def queued_recipients() -> Counter:
    rows = DBTaskResult.objects.filter(task_path="inzet.core.tasks.deliver_email")
    return Counter(
        recipient
        for args_kwargs in rows.values_list("args_kwargs", flat=True)
        for recipient in args_kwargs["kwargs"]["message"]["to"]
    )


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS, EMAIL_BACKEND="inzet.core.mail.TaskEmailBackend")
def test_a_rerun_after_a_crash_mails_nobody_twice(geodata, monkeypatch):
    from django_tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend

    # The override reached django-tasks (it resets its backends on setting_changed).
    assert isinstance(task_backends["default"], DatabaseBackend)
    pool = PoolFactory()
    members = [PoolMembershipFactory(pool=pool) for _ in range(MEMBERS)]
    oncall_request = OnCallRequestFactory(pool=pool, places=3)

    real_notify = services.invitation_notify
    calls = {"n": 0}

    def dying_notify(*, invitation):
        calls["n"] += 1
        if calls["n"] == FAIL_AT:
            raise WorkerDied
        real_notify(invitation=invitation)

    monkeypatch.setattr(services, "invitation_notify", dying_notify)
    with pytest.raises(WorkerDied):
        services.request_broadcast(request_id=oncall_request.pk, batch_size=BATCH)

    queued = queued_recipients()
    assert sum(queued.values()) == 2 * BATCH  # batches 1 and 2 committed, batch 3 rolled back
    assert set(queued.values()) == {1}
    assert OnCallInvitation.objects.filter(notified_at__isnull=False).count() == 2 * BATCH
    assert OnCallInvitation.objects.filter(request=oncall_request).count() == MEMBERS
    oncall_request.refresh_from_db()
    assert oncall_request.broadcast_finished_at is None

    monkeypatch.setattr(services, "invitation_notify", real_notify)
    mailed = services.request_broadcast(request_id=oncall_request.pk, batch_size=BATCH)

    assert mailed == MEMBERS - 2 * BATCH
    assert queued_recipients() == Counter({m.volunteer.email: 1 for m in members})
    oncall_request.refresh_from_db()
    assert oncall_request.broadcast_finished_at is not None
    assert oncall_request.eligible_count == MEMBERS
