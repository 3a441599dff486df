from django.urls import reverse
from django.utils.html import escape

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.networks import services
from inzet.networks.models import JoinRequest, NetworkInvitation, NetworkMembership, Post, Thread

from .factories import (
    JoinRequestFactory,
    MembershipFactory,
    NetworkFactory,
    PostFactory,
    ThreadFactory,
    member,
)

pytestmark = pytest.mark.django_db


def test_export_has_memberships_requests_and_post_texts():
    user = UserFactory(email="sanne@example.org")
    network = NetworkFactory(name="AGORA")
    MembershipFactory(network=network, user=user)
    JoinRequestFactory(user=user, message="Mag ik erbij?")
    NetworkInvitation.objects.create(network=network, email="Sanne@example.org")
    PostFactory(
        thread=ThreadFactory(network=network, author=user, title="Mijn vraag"),
        author=user,
        body="Mijn eigen tekst",
    )
    PostFactory(thread=ThreadFactory(network=network), body="Tekst van een ander")

    data = services.networks_data_export(user=user)

    assert [m["network"] for m in data["memberships"]] == ["AGORA"]
    assert data["join_requests"][0]["message"] == "Mag ik erbij?"
    assert len(data["invitations"]) == 1
    assert [p["text"] for p in data["posts"]] == ["Mijn eigen tekst"]
    assert data["threads_started"][0]["title"] == "Mijn vraag"


def test_erase_deletes_memberships_requests_invitations_and_anonymises_posts():
    user = UserFactory(email="kees@example.org", name="Kees Bakker")
    network = NetworkFactory()
    MembershipFactory(network=network, user=user)
    JoinRequestFactory(user=user)
    NetworkInvitation.objects.create(network=network, email="KEES@example.org")
    other_invitation = NetworkInvitation.objects.create(network=network, email="ander@example.org")
    thread = ThreadFactory(network=network, author=user)
    post = PostFactory(thread=thread, author=user, body="Blijft staan")
    mentioning = PostFactory(thread=thread, body="@Kees Bakker kijk eens")
    mentioning.mentions.add(user)

    services.networks_data_erase(user=user)

    assert not NetworkMembership.objects.filter(user=user).exists()
    assert not JoinRequest.objects.filter(user=user).exists()
    assert list(NetworkInvitation.objects.all()) == [other_invitation]
    post.refresh_from_db()
    assert post.author is None and post.body == "Blijft staan"
    assert Thread.objects.get(pk=thread.pk).author is None
    assert not Post.objects.get(pk=mentioning.pk).mentions.exists()


def test_erased_author_is_shown_as_former_member(client):
    network = NetworkFactory()
    reader = member(network)
    gone = UserFactory(name="Verdwenen Persoon")
    thread = ThreadFactory(network=network, author=gone)
    PostFactory(thread=thread, author=gone, body="Oude bijdrage")
    services.networks_data_erase(user=gone)
    client.force_login(reader)

    response = client.get(thread.get_absolute_url())

    assert response.status_code == 200
    assert b"Oude bijdrage" in response.content
    assert b"Verdwenen Persoon" not in response.content


def test_member_directory_does_not_show_email_addresses(client):
    network = NetworkFactory()
    viewer = member(network)
    other = member(network)
    client.force_login(viewer)

    response = client.get(reverse("networks:member-directory", args=[network.slug]))

    assert escape(other.name) in response.content.decode()
    assert other.email not in response.content.decode()
