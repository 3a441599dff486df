import datetime

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from inzet.networks import services
from inzet.networks.constants import NotificationChoice
from inzet.networks.models import NetworkMembership

from .factories import MembershipFactory, NetworkFactory, PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def _reply(thread, author, body, capture):
    with capture(execute=True):
        return services.post_create(thread=thread, author=author, body=body)


def test_immediately_members_get_a_mail_per_post_but_not_the_author(
    django_capture_on_commit_callbacks,
):
    network = NetworkFactory(name="LOVZ")
    thread = ThreadFactory(network=network, title="Onkostenvergoeding")
    at_once = MembershipFactory(network=network, notification=NotificationChoice.IMMEDIATELY)
    MembershipFactory(network=network, notification=NotificationChoice.DAILY)
    MembershipFactory(network=network, notification=NotificationChoice.NONE)
    author = MembershipFactory(network=network, notification=NotificationChoice.IMMEDIATELY)

    _reply(thread, author.user, "Wij betalen 0,23 per km.", django_capture_on_commit_callbacks)

    assert [m.to for m in mail.outbox] == [[at_once.user.email]]
    message = mail.outbox[0]
    assert "Wij betalen 0,23 per km." in message.body
    assert "Onkostenvergoeding" in message.subject


def test_every_network_mail_has_one_click_unsubscribe(django_capture_on_commit_callbacks):
    network = NetworkFactory()
    reader = MembershipFactory(network=network, notification=NotificationChoice.IMMEDIATELY)
    thread = ThreadFactory(network=network)

    _reply(
        thread, MembershipFactory(network=network).user, "Hoi", django_capture_on_commit_callbacks
    )

    url = reverse("networks:unsubscribe", args=[reader.unsubscribe_token])
    message = mail.outbox[0]
    assert url in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert message.extra_headers["List-Unsubscribe"].endswith(f"{url}>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_mentioned_member_is_mailed_at_once_unless_they_chose_none(
    django_capture_on_commit_callbacks,
):
    network = NetworkFactory()
    weekly = MembershipFactory(
        network=network, user__name="Fatima Yilmaz", notification=NotificationChoice.WEEKLY
    )
    silent = MembershipFactory(
        network=network, user__name="Kees Smit", notification=NotificationChoice.NONE
    )
    thread = ThreadFactory(network=network)

    _reply(
        thread,
        MembershipFactory(network=network).user,
        "@Fatima Yilmaz en @Kees Smit, wat vinden jullie?",
        django_capture_on_commit_callbacks,
    )

    assert [m.to for m in mail.outbox] == [[weekly.user.email]]
    assert silent.user.email not in {addr for m in mail.outbox for addr in m.to}


def test_post_notification_is_idempotent():
    network = NetworkFactory()
    MembershipFactory(network=network, notification=NotificationChoice.IMMEDIATELY)
    post = PostFactory(thread=ThreadFactory(network=network))

    first = services.post_notify(post_id=post.pk)
    second = services.post_notify(post_id=post.pk)

    assert (first, second) == (1, 0)
    assert len(mail.outbox) == 1


def test_hidden_post_is_not_mailed():
    network = NetworkFactory()
    MembershipFactory(network=network, notification=NotificationChoice.IMMEDIATELY)
    post = PostFactory(thread=ThreadFactory(network=network), is_hidden=True)

    assert services.post_notify(post_id=post.pk) == 0
    assert mail.outbox == []


def test_notifications_go_out_in_batches(monkeypatch):
    network = NetworkFactory()
    for _ in range(5):
        MembershipFactory(network=network, notification=NotificationChoice.IMMEDIATELY)
    post = PostFactory(thread=ThreadFactory(network=network))
    monkeypatch.setattr(services, "MAIL_BATCH_SIZE", 2)
    batches = []
    real = services._send_in_batches.__globals__["get_connection"]

    def spy_connection(*args, **kwargs):
        connection = real(*args, **kwargs)
        original = connection.send_messages

        def send_messages(messages):
            batches.append(len(messages))
            return original(messages)

        connection.send_messages = send_messages
        return connection

    monkeypatch.setitem(services._send_in_batches.__globals__, "get_connection", spy_connection)

    assert services.post_notify(post_id=post.pk) == 5
    assert batches == [2, 2, 1]


# --- Digests


def test_daily_digest_lists_new_threads_and_replies_and_rerun_sends_nothing():
    now = timezone.now()
    network = NetworkFactory(name="NOVi")
    reader = MembershipFactory(
        network=network,
        notification=NotificationChoice.DAILY,
        last_digest_at=now - datetime.timedelta(days=1),
    )
    new_thread = ThreadFactory(
        network=network, title="Nieuwe vraag", created_at=now - datetime.timedelta(hours=2)
    )
    PostFactory(thread=new_thread, body="Opening", created_at=now - datetime.timedelta(hours=2))
    old_thread = ThreadFactory(
        network=network, title="Oude draad", created_at=now - datetime.timedelta(days=5)
    )
    PostFactory(thread=old_thread, body="Oud bericht", created_at=now - datetime.timedelta(days=5))
    PostFactory(
        thread=old_thread, body="Vers antwoord", created_at=now - datetime.timedelta(hours=1)
    )
    PostFactory(
        thread=old_thread,
        body="Eigen bericht",
        author=reader.user,
        created_at=now - datetime.timedelta(hours=1),
    )

    sent = services.digests_send(frequency=NotificationChoice.DAILY, now=now)
    again = services.digests_send(frequency=NotificationChoice.DAILY, now=now)

    assert (sent, again) == (1, 0)
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Nieuwe vraag" in body and "Opening" in body and "Vers antwoord" in body
    assert "Oud bericht" not in body and "Eigen bericht" not in body
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    reader.refresh_from_db()
    assert reader.last_digest_at == now


def test_later_digest_only_has_posts_since_the_previous_one():
    start = timezone.now() - datetime.timedelta(days=2)
    network = NetworkFactory()
    MembershipFactory(network=network, notification=NotificationChoice.DAILY, last_digest_at=start)
    thread = ThreadFactory(network=network)
    PostFactory(thread=thread, body="Eerste", created_at=start + datetime.timedelta(hours=1))
    services.digests_send(
        frequency=NotificationChoice.DAILY, now=start + datetime.timedelta(days=1)
    )
    PostFactory(
        thread=thread, body="Tweede", created_at=start + datetime.timedelta(days=1, hours=1)
    )

    services.digests_send(
        frequency=NotificationChoice.DAILY, now=start + datetime.timedelta(days=2)
    )

    assert len(mail.outbox) == 2
    assert "Tweede" in mail.outbox[1].body and "Eerste" not in mail.outbox[1].body


def test_digest_skips_other_frequencies_hidden_posts_and_quiet_networks():
    now = timezone.now()
    network = NetworkFactory()
    MembershipFactory(network=network, notification=NotificationChoice.WEEKLY)
    MembershipFactory(network=network, notification=NotificationChoice.IMMEDIATELY)
    MembershipFactory(network=network, notification=NotificationChoice.NONE)
    MembershipFactory(network=NetworkFactory(), notification=NotificationChoice.DAILY)
    PostFactory(
        thread=ThreadFactory(network=network),
        is_hidden=True,
        created_at=now - datetime.timedelta(hours=1),
    )

    assert services.digests_send(frequency=NotificationChoice.DAILY, now=now) == 0
    assert mail.outbox == []


def test_weekly_digest_covers_the_week_for_a_first_digest():
    now = timezone.now()
    network = NetworkFactory()
    MembershipFactory(network=network, notification=NotificationChoice.WEEKLY)
    thread = ThreadFactory(network=network)
    PostFactory(thread=thread, body="Vijf dagen oud", created_at=now - datetime.timedelta(days=5))
    PostFactory(thread=thread, body="Te oud", created_at=now - datetime.timedelta(days=9))

    assert services.digests_send(frequency=NotificationChoice.WEEKLY, now=now) == 1
    assert "Vijf dagen oud" in mail.outbox[0].body
    assert "Te oud" not in mail.outbox[0].body


def test_management_command_sends_digests():
    network = NetworkFactory()
    MembershipFactory(network=network, notification=NotificationChoice.WEEKLY)
    PostFactory(
        thread=ThreadFactory(network=network),
        created_at=timezone.now() - datetime.timedelta(days=1),
    )

    call_command("send_network_digests", "--weekly")
    call_command("send_network_digests", "--weekly")

    assert len(mail.outbox) == 1


def test_management_command_needs_a_frequency():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("send_network_digests")


# --- Unsubscribe


def test_unsubscribe_get_shows_a_button_and_changes_nothing(client):
    membership = MembershipFactory(notification=NotificationChoice.WEEKLY)

    response = client.get(reverse("networks:unsubscribe", args=[membership.unsubscribe_token]))

    assert response.status_code == 200
    assert b'name="unsubscribe"' in response.content
    membership.refresh_from_db()
    assert membership.notification == NotificationChoice.WEEKLY


def test_one_click_unsubscribe_post_without_login_or_csrf_works():
    from django.test import Client

    membership = MembershipFactory(notification=NotificationChoice.IMMEDIATELY)
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        reverse("networks:unsubscribe", args=[membership.unsubscribe_token]),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    membership.refresh_from_db()
    assert membership.notification == NotificationChoice.NONE
    assert NetworkMembership.objects.filter(pk=membership.pk).exists()  # still a member


def test_unsubscribe_with_unknown_token_is_404(client):
    response = client.post(reverse("networks:unsubscribe", args=["onbekend"]))

    assert response.status_code == 404
