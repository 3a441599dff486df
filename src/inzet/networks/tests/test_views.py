"""Views: permissions both ways for every route, invisibility for non-members, bad input."""

import datetime

from django.contrib.messages import constants
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

import pytest

from inzet.accounts.tests.factories import UserFactory, nov_staff
from inzet.knowledge.models import Document
from inzet.networks import services
from inzet.networks.constants import (
    POST_EDIT_WINDOW_MINUTES,
    JoinRequestStatus,
    NetworkRole,
    NotificationChoice,
)
from inzet.networks.demo import simple_pdf
from inzet.networks.models import JoinRequest, Network, NetworkMembership, Post

from .factories import (
    FolderFactory,
    JoinRequestFactory,
    MembershipFactory,
    NetworkFactory,
    PostFactory,
    ThreadFactory,
    member,
    moderator,
)

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Geheim overleg over de begroting"
SECRET_BODY = "Alleen voor leden bestemd"


@pytest.fixture
def world():
    """A network with content, a moderator, a member and an outsider."""
    network = NetworkFactory(slug="lovz", name="LOVZ", description="Openbare omschrijving.")
    mod = moderator(network)
    user = member(network)
    thread = ThreadFactory(network=network, title=SECRET_TITLE, author=user)
    post = PostFactory(thread=thread, author=user, body=SECRET_BODY)
    folder = FolderFactory(network=network, name="Geheime map")
    document = services.library_document_upload(
        network=network,
        actor=user,
        uploaded_file=SimpleUploadedFile("verslag.pdf", simple_pdf(["Verslag"])),
        title="Geheim verslag",
        folder=folder,
    )
    return {
        "network": network,
        "moderator": mod,
        "member": user,
        "outsider": UserFactory(),
        "thread": thread,
        "post": post,
        "folder": folder,
        "document": document,
        "membership": NetworkMembership.objects.get(network=network, user=user),
    }


def _url(name, w):
    n = w["network"]
    args = {
        "network-detail": [n.slug],
        "network-edit": [n.slug],
        "join-request-list": [n.slug],
        "invite": [n.slug],
        "member-directory": [n.slug],
        "member-manage": [n.slug, w["membership"].pk],
        "my-settings": [n.slug],
        "thread-list": [n.slug],
        "thread-create": [n.slug],
        "thread-detail": [n.slug, w["thread"].public_id],
        "library": [n.slug],
        "folder-create": [n.slug],
        "library-upload": [n.slug],
        "library-new-version": [n.slug, w["document"].public_id],
        "post-edit": [w["post"].public_id],
    }[name]
    return reverse(f"networks:{name}", args=args)


MEMBER_GET_ROUTES = [
    "thread-list",
    "thread-create",
    "thread-detail",
    "library",
    "folder-create",
    "library-upload",
    "member-directory",
    "my-settings",
]
MODERATOR_GET_ROUTES = ["join-request-list", "invite", "member-manage", "network-edit"]


@pytest.mark.parametrize("route", MEMBER_GET_ROUTES + MODERATOR_GET_ROUTES + ["post-edit"])
def test_anonymous_is_sent_to_login(client, world, route):
    response = client.get(_url(route, world))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("route", MEMBER_GET_ROUTES + MODERATOR_GET_ROUTES + ["post-edit"])
def test_non_member_gets_404_everywhere_inside(client, world, route):
    client.force_login(world["outsider"])

    response = client.get(_url(route, world))

    assert response.status_code == 404


@pytest.mark.parametrize("route", MEMBER_GET_ROUTES)
def test_member_sees_member_routes(client, world, route):
    client.force_login(world["member"])

    assert client.get(_url(route, world)).status_code == 200


@pytest.mark.parametrize("route", MODERATOR_GET_ROUTES)
def test_member_gets_404_on_moderator_routes(client, world, route):
    client.force_login(world["member"])

    assert client.get(_url(route, world)).status_code == 404


@pytest.mark.parametrize("route", MEMBER_GET_ROUTES + MODERATOR_GET_ROUTES)
def test_moderator_sees_all_routes(client, world, route):
    client.force_login(world["moderator"])

    assert client.get(_url(route, world)).status_code == 200


def test_nov_staff_who_is_not_a_member_sees_no_content(client, world):
    client.force_login(nov_staff())

    detail = client.get(_url("network-detail", world))
    threads = client.get(_url("thread-list", world))
    edit = client.get(_url("network-edit", world))

    assert SECRET_TITLE not in detail.content.decode()
    assert threads.status_code == 404
    assert edit.status_code == 200  # name and description only


def test_non_member_detail_shows_name_description_and_join_form_but_no_content(client, world):
    client.force_login(world["outsider"])

    response = client.get(_url("network-detail", world))

    html = response.content.decode()
    assert response.status_code == 200
    assert "LOVZ" in html and "Openbare omschrijving." in html
    assert f'action="{reverse("networks:join-request", args=["lovz"])}"' in html
    for secret in (
        SECRET_TITLE,
        SECRET_BODY,
        "Geheime map",
        "Geheim verslag",
        world["member"].name,
    ):
        assert secret not in html


def test_member_detail_shows_discussions_documents_and_links(client, world):
    client.force_login(world["member"])

    html = client.get(_url("network-detail", world)).content.decode()

    assert SECRET_TITLE in html
    assert "Geheim verslag" in html
    assert reverse("knowledge:document-download", args=[world["document"].public_id]) in html
    assert reverse("networks:member-directory", args=["lovz"]) in html


def test_unknown_network_is_404(client):
    client.force_login(UserFactory())

    assert client.get(reverse("networks:network-detail", args=["bestaat-niet"])).status_code == 404


def test_non_member_cannot_download_network_document(client, world):
    client.force_login(world["outsider"])
    url = reverse("knowledge:document-download", args=[world["document"].public_id])

    assert client.get(url).status_code == 404


# --- POST routes: outsiders and members without the right get 404 and change nothing


def test_non_member_cannot_post_anything(client, world):
    client.force_login(world["outsider"])
    n, thread = world["network"], world["thread"]
    posts = [
        (_url("thread-create", world), {"title": "T", "body": "B"}),
        (reverse("networks:post-create", args=[n.slug, thread.public_id]), {"body": "B"}),
        (_url("folder-create", world), {"name": "Nieuwe map"}),
        (reverse("networks:leave", args=[n.slug]), {}),
        (reverse("networks:thread-moderate", args=[n.slug, thread.public_id]), {"action": "lock"}),
        (reverse("networks:post-hide", args=[world["post"].public_id]), {}),
        (_url("my-settings", world), {"notification": "none"}),
    ]

    statuses = [client.post(url, data).status_code for url, data in posts]

    assert statuses == [404] * len(posts)
    assert thread.posts.count() == 1
    thread.refresh_from_db()
    assert not thread.is_locked


def test_member_cannot_moderate(client, world):
    client.force_login(world["member"])
    n, thread = world["network"], world["thread"]
    join_request = JoinRequestFactory(network=n)

    responses = [
        client.post(
            reverse("networks:thread-moderate", args=[n.slug, thread.public_id]), {"action": "lock"}
        ),
        client.post(reverse("networks:post-hide", args=[world["post"].public_id])),
        client.post(
            reverse("networks:join-request-decide", args=[join_request.public_id]),
            {"decision": "approve"},
        ),
        client.post(_url("member-manage", world), {"action": "remove"}),
    ]

    assert [r.status_code for r in responses] == [404] * 4
    join_request.refresh_from_db()
    assert join_request.status == JoinRequestStatus.PENDING


# --- Network list and create


def test_list_shows_my_networks_and_others_with_ask_to_join(client, world):
    other = NetworkFactory(name="Ander netwerk", description="Wie zijn wij")
    client.force_login(world["member"])

    response = client.get(reverse("networks:network-list"))

    assert [n.pk for n in response.context["mine"]] == [world["network"].pk]
    assert [n.pk for n, pending in response.context["others"]] == [other.pk]
    assert f"{other.get_absolute_url()}#join" in response.content.decode()


def test_list_requires_login(client):
    response = client.get(reverse("networks:network-list"))

    assert response.status_code == 302


def test_staff_creates_network_through_form(client):
    staff = nov_staff()
    mod = UserFactory(email="mod@example.org")
    client.force_login(staff)

    response = client.post(
        reverse("networks:network-create"),
        {
            "name": "Good Busy",
            "slug": "good-busy",
            "description": "Bedrijven die helpen.",
            "accepts_join_requests": "on",
            "moderators": "MOD@example.org",
        },
    )

    network = Network.objects.get(slug="good-busy")
    assert response.status_code == 302
    assert network.memberships.get().user == mod


def test_create_with_unknown_moderator_keeps_input(client):
    client.force_login(nov_staff())

    response = client.post(
        reverse("networks:network-create"),
        {
            "name": "Good Busy",
            "slug": "good-busy",
            "description": "Tekst",
            "moderators": "niemand@example.org",
        },
    )

    assert response.status_code == 422
    assert "niemand@example.org" in response.content.decode()
    assert 'value="Good Busy"' in response.content.decode()
    assert not Network.objects.exists()


def test_create_with_taken_slug_is_422(client):
    NetworkFactory(slug="bezet")
    client.force_login(nov_staff())

    response = client.post(
        reverse("networks:network-create"),
        {"name": "Nieuw", "slug": "bezet", "description": "Tekst"},
    )

    assert response.status_code == 422
    assert response.context["form"].has_error("slug", "slug_taken")


@pytest.mark.parametrize("make_user", [UserFactory, lambda: None])
def test_non_staff_cannot_create_networks(client, make_user):
    if user := make_user():
        client.force_login(user)

    response = client.get(reverse("networks:network-create"))

    assert response.status_code == (404 if user else 302)


def test_moderator_edits_network(client, world):
    client.force_login(world["moderator"])

    response = client.post(
        _url("network-edit", world),
        {"name": "LOVZ nieuw", "description": "Nieuwe tekst", "accepts_join_requests": "on"},
    )

    assert response.status_code == 302
    world["network"].refresh_from_db()
    assert world["network"].name == "LOVZ nieuw"


# --- Join requests


def test_outsider_asks_to_join_and_sees_pending(client, world):
    client.force_login(world["outsider"])

    response = client.post(
        reverse("networks:join-request", args=["lovz"]), {"message": "Ik ben coördinator."}
    )
    detail = client.get(_url("network-detail", world))

    assert response.status_code == 302
    assert JoinRequest.objects.get(user=world["outsider"]).message == "Ik ben coördinator."
    assert 'id="join-pending"' in detail.content.decode()


def test_double_join_request_via_view_tells_and_creates_nothing_new(client, world):
    client.force_login(world["outsider"])
    url = reverse("networks:join-request", args=["lovz"])
    client.post(url, {"message": "Eerste"})

    response = client.post(url, {"message": "Tweede"}, follow=True)

    assert JoinRequest.objects.filter(user=world["outsider"]).count() == 1
    levels = [m.level for m in response.context["messages"]]
    assert levels == [constants.SUCCESS, constants.INFO]  # sent, then "already requested"


def test_member_join_request_says_already_member(client, world):
    client.force_login(world["member"])

    response = client.post(reverse("networks:join-request", args=["lovz"]), follow=True)

    assert not JoinRequest.objects.filter(user=world["member"]).exists()
    assert len(list(response.context["messages"])) == 1


def test_too_long_join_message_is_422_and_kept(client, world):
    client.force_login(world["outsider"])

    response = client.post(reverse("networks:join-request", args=["lovz"]), {"message": "x" * 2001})

    assert response.status_code == 422
    assert "x" * 2001 in response.content.decode()


def test_join_request_to_unknown_network_is_404(client):
    client.force_login(UserFactory())

    response = client.post(reverse("networks:join-request", args=["onbekend"]))

    assert response.status_code == 404


def test_moderator_approves_request(client, world):
    join_request = JoinRequestFactory(network=world["network"])
    client.force_login(world["moderator"])

    listing = client.get(_url("join-request-list", world))
    response = client.post(
        reverse("networks:join-request-decide", args=[join_request.public_id]),
        {"decision": "approve"},
    )

    assert join_request.user.display_name in listing.content.decode()
    assert response.status_code == 302
    assert world["network"].memberships.filter(user=join_request.user).exists()


def test_decide_without_decision_changes_nothing(client, world):
    join_request = JoinRequestFactory(network=world["network"])
    client.force_login(world["moderator"])

    client.post(reverse("networks:join-request-decide", args=[join_request.public_id]))

    join_request.refresh_from_db()
    assert join_request.status == JoinRequestStatus.PENDING


# --- Invitations


def test_invitation_flow_through_views(client, world, django_capture_on_commit_callbacks):
    client.force_login(world["moderator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("invite", world), {"email": "nieuw@example.org"})
    assert response.status_code == 302
    token = world["network"].invitations.get().token
    newcomer = UserFactory()
    client.force_login(newcomer)

    page = client.get(reverse("networks:invitation-accept", args=[token]))
    accepted = client.post(reverse("networks:invitation-accept", args=[token]))
    reused = client.post(reverse("networks:invitation-accept", args=[token]))

    assert page.status_code == 200
    assert accepted.status_code == 302
    assert world["network"].memberships.filter(user=newcomer).exists()
    assert reused.status_code == 302  # already a member: straight in
    client.force_login(UserFactory())
    assert client.post(reverse("networks:invitation-accept", args=[token])).status_code == 422


def test_invitation_with_bad_email_is_422(client, world):
    client.force_login(world["moderator"])

    response = client.post(_url("invite", world), {"email": "geen-adres"})

    assert response.status_code == 422
    assert 'value="geen-adres"' in response.content.decode()


def test_invitation_accept_needs_login_and_a_known_token(client):
    assert client.get(reverse("networks:invitation-accept", args=["x"])).status_code == 302
    client.force_login(UserFactory())
    assert client.get(reverse("networks:invitation-accept", args=["x"])).status_code == 404


# --- Members


def test_moderator_changes_role_and_removes_member(client, world):
    client.force_login(world["moderator"])

    client.post(_url("member-manage", world), {"action": "role", "role": "moderator"})
    world["membership"].refresh_from_db()
    assert world["membership"].role == NetworkRole.MODERATOR
    client.post(_url("member-manage", world), {"action": "remove"})

    assert not NetworkMembership.objects.filter(pk=world["membership"].pk).exists()


def test_last_moderator_cannot_demote_self_via_view(client, world):
    own = NetworkMembership.objects.get(network=world["network"], user=world["moderator"])
    client.force_login(world["moderator"])
    url = reverse("networks:member-manage", args=["lovz", own.pk])

    response = client.post(url, {"action": "role", "role": "member"})

    assert response.status_code == 422
    own.refresh_from_db()
    assert own.role == NetworkRole.MODERATOR


def test_last_moderator_cannot_leave_via_view(client, world):
    client.force_login(world["moderator"])

    response = client.post(reverse("networks:leave", args=["lovz"]), follow=True)

    assert world["network"].memberships.filter(user=world["moderator"]).exists()
    assert response.redirect_chain[-1][0] == _url("my-settings", world)


def test_member_leaves(client, world):
    client.force_login(world["member"])

    response = client.post(reverse("networks:leave", args=["lovz"]))

    assert response.status_code == 302
    assert not world["network"].memberships.filter(user=world["member"]).exists()


def test_member_sets_notification_choice(client, world):
    client.force_login(world["member"])

    response = client.post(_url("my-settings", world), {"notification": "daily"})
    bad = client.post(_url("my-settings", world), {"notification": "hourly"})

    assert response.status_code == 302
    assert bad.status_code == 422
    world["membership"].refresh_from_db()
    assert world["membership"].notification == NotificationChoice.DAILY


# --- Discussions


def test_member_starts_thread_and_another_replies_with_mention(client, world):
    client.force_login(world["member"])
    response = client.post(
        _url("thread-create", world), {"title": "Nieuwe vraag", "body": "Wat denken jullie?"}
    )
    thread = world["network"].threads.get(title="Nieuwe vraag")
    assert response["Location"] == thread.get_absolute_url()
    client.force_login(world["moderator"])
    name = world["member"].name

    reply = client.post(
        reverse("networks:post-create", args=["lovz", thread.public_id]),
        {"body": f"Goede vraag, @{name}!\n\nTweede alinea <script>x</script>"},
    )
    page = client.get(thread.get_absolute_url())

    assert reply.status_code == 302
    html = page.content.decode()
    assert '<strong class="inzet-mention">@' in html
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert "<p>Goede vraag" in html


def test_empty_thread_is_422_and_keeps_title(client, world):
    client.force_login(world["member"])

    response = client.post(_url("thread-create", world), {"title": "Alleen titel", "body": ""})

    assert response.status_code == 422
    assert 'value="Alleen titel"' in response.content.decode()


def test_reply_to_locked_thread_keeps_the_text(client, world):
    thread = world["thread"]
    thread.is_locked = True
    thread.save()
    client.force_login(world["member"])

    response = client.post(
        reverse("networks:post-create", args=["lovz", thread.public_id]),
        {"body": "Mijn zorgvuldig geschreven antwoord"},
    )

    assert response.status_code == 422
    assert "Mijn zorgvuldig geschreven antwoord" in response.content.decode()
    assert thread.posts.count() == 1


def test_hidden_thread_is_404_for_members_but_visible_to_moderators(client, world):
    world["thread"].is_hidden = True
    world["thread"].save()

    client.force_login(world["member"])
    assert client.get(_url("thread-detail", world)).status_code == 404
    assert SECRET_TITLE not in client.get(_url("thread-list", world)).content.decode()
    client.force_login(world["moderator"])
    assert client.get(_url("thread-detail", world)).status_code == 200


def test_hidden_post_is_not_shown_to_members(client, world):
    world["post"].is_hidden = True
    world["post"].save()
    client.force_login(UserFactory())
    other = member(world["network"])
    client.force_login(other)

    html = client.get(_url("thread-detail", world)).content.decode()

    assert SECRET_BODY not in html


def test_moderator_locks_and_hides(client, world):
    client.force_login(world["moderator"])
    thread = world["thread"]

    client.post(
        reverse("networks:thread-moderate", args=["lovz", thread.public_id]), {"action": "lock"}
    )
    client.post(reverse("networks:post-hide", args=[world["post"].public_id]), {"hidden": "1"})

    thread.refresh_from_db()
    world["post"].refresh_from_db()
    assert thread.is_locked and world["post"].is_hidden


def test_author_edits_post_within_window(client, world):
    client.force_login(world["member"])

    response = client.post(_url("post-edit", world), {"body": "Verbeterde tekst"})

    assert response.status_code == 302
    world["post"].refresh_from_db()
    assert world["post"].body == "Verbeterde tekst"


def test_edit_after_window_is_422_and_keeps_text(client, world):
    Post.objects.filter(pk=world["post"].pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=POST_EDIT_WINDOW_MINUTES + 5)
    )
    client.force_login(world["member"])

    response = client.post(_url("post-edit", world), {"body": "Te late verbetering"})

    assert response.status_code == 422
    assert "Te late verbetering" in response.content.decode()
    world["post"].refresh_from_db()
    assert world["post"].body == SECRET_BODY


def test_other_member_cannot_edit_post(client, world):
    client.force_login(world["moderator"])

    assert client.get(_url("post-edit", world)).status_code == 404


# --- Library


def test_library_lists_documents_with_version_uploader_and_date(client, world):
    client.force_login(world["member"])

    response = client.get(_url("library", world))

    html = response.content.decode()
    assert "Geheim verslag" in html and "Geheime map" in html
    assert world["member"].display_name in html or "&#x27;" in html
    assert (
        reverse("networks:library-new-version", args=["lovz", world["document"].public_id]) in html
    )


def test_member_makes_folder_and_uploads_into_it(client, world):
    client.force_login(world["member"])

    client.post(_url("folder-create", world), {"name": "Notulen"})
    folder = world["network"].folders.get(name="Notulen")
    response = client.post(
        _url("library-upload", world),
        {
            "title": "Notulen maart",
            "folder": folder.pk,
            "file": SimpleUploadedFile("notulen.pdf", simple_pdf(["Notulen maart"])),
        },
    )

    assert response.status_code == 302
    document = Document.objects.get(title="Notulen maart")
    assert (document.network, document.folder, document.visibility) == (
        world["network"],
        folder,
        "network",
    )


def test_nested_folder_too_deep_is_422(client, world):
    child = FolderFactory(network=world["network"], parent=world["folder"])
    client.force_login(world["member"])

    response = client.post(_url("folder-create", world), {"name": "Diep", "parent": child.pk})

    assert response.status_code == 422  # not a choice: only main folders can be parents


def test_upload_of_wrong_type_shows_message_and_keeps_title(client, world):
    client.force_login(world["member"])

    response = client.post(
        _url("library-upload", world),
        {"title": "Mijn script", "file": SimpleUploadedFile("x.exe", b"MZ\x90\x00binary")},
    )

    assert response.status_code == 422
    assert response.context["form"].has_error("file")
    assert 'value="Mijn script"' in response.content.decode()
    assert not Document.objects.filter(title="Mijn script").exists()


def test_upload_too_large_shows_message(client, world, settings):
    settings.INZET_DOCUMENT_MAX_BYTES = 100
    client.force_login(world["member"])

    response = client.post(
        _url("library-upload", world),
        {"title": "Groot", "file": SimpleUploadedFile("groot.pdf", simple_pdf(["x" * 50]))},
    )

    assert response.status_code == 422
    assert response.context["form"].has_error("file")


def test_upload_into_folder_of_other_network_is_refused(client, world):
    client.force_login(world["member"])

    response = client.get(_url("library-upload", world) + f"?map={FolderFactory().pk}")

    assert response.status_code == 404


def test_uploader_adds_new_version(client, world):
    client.force_login(world["member"])

    response = client.post(
        _url("library-new-version", world),
        {"file": SimpleUploadedFile("verslag-v2.pdf", simple_pdf(["Versie twee"]))},
    )

    assert response.status_code == 302
    assert world["document"].versions.count() == 2


def test_other_member_cannot_add_version_to_someone_elses_document(client, world):
    client.force_login(member(world["network"]))

    assert client.get(_url("library-new-version", world)).status_code == 404


def test_member_directory_shows_roles_to_members(client, world):
    MembershipFactory(network=world["network"], user__name="Zeger Zuidema")
    client.force_login(world["member"])

    response = client.get(_url("member-directory", world))

    assert "Zeger Zuidema" in response.content.decode()
    assert not response.context["is_moderator"]
