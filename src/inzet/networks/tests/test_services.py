import datetime

from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

import pytest

from inzet.accounts.tests.factories import UserFactory, nov_staff
from inzet.networks import selectors, services
from inzet.networks.constants import (
    POST_EDIT_WINDOW_MINUTES,
    JoinRequestStatus,
    NetworkRole,
)
from inzet.networks.models import (
    JoinRequest,
    Network,
    NetworkInvitation,
    NetworkMembership,
    Post,
)

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


# --- Networks


def test_staff_creates_network_with_moderators():
    staff = nov_staff()
    first, second = UserFactory(), UserFactory()

    network = services.network_create(
        actor=staff,
        name="LOVZ",
        slug="lovz",
        description="Landelijk overleg vrijwillige zorg.",
        moderators=[first, second],
    )

    roles = dict(network.memberships.values_list("user_id", "role"))
    assert roles == {first.pk: NetworkRole.MODERATOR, second.pk: NetworkRole.MODERATOR}
    assert not network.memberships.filter(user=staff).exists()


def test_network_without_moderators_gets_the_creator_as_moderator():
    staff = nov_staff()

    network = services.network_create(
        actor=staff, name="AGORA", slug="agora", description="Coördinatoren.", moderators=[]
    )

    assert network.memberships.get().user == staff


def test_only_staff_create_networks():
    with pytest.raises(PermissionDenied):
        services.network_create(
            actor=UserFactory(), name="X", slug="x", description="Y", moderators=[]
        )


@pytest.mark.parametrize(
    ("slug", "code"),
    [("Met Spaties", "invalid_slug"), ("bestaat", "slug_taken"), ("", "invalid_slug")],
)
def test_network_create_refuses_bad_slugs(slug, code):
    NetworkFactory(slug="bestaat")

    with pytest.raises(ValidationError) as exc:
        services.network_create(
            actor=nov_staff(), name="N", slug=slug, description="D", moderators=[]
        )

    assert exc.value.error_dict["slug"][0].code == code


def test_network_create_needs_name_and_description():
    with pytest.raises(ValidationError) as exc:
        services.network_create(
            actor=nov_staff(), name=" ", slug="ok", description="", moderators=[]
        )

    assert set(exc.value.error_dict) == {"name", "description"}
    assert not Network.objects.exists()


def test_moderator_updates_network_but_cannot_appoint_moderators():
    network = NetworkFactory()
    mod = moderator(network)

    services.network_update(
        network=network,
        actor=mod,
        name="Nieuw",
        description="Anders",
        accepts_join_requests=False,
    )
    network.refresh_from_db()
    assert (network.name, network.accepts_join_requests) == ("Nieuw", False)

    with pytest.raises(PermissionDenied):
        services.network_update(
            network=network,
            actor=mod,
            name="N",
            description="D",
            accepts_join_requests=True,
            add_moderators=[UserFactory()],
        )


def test_staff_appoints_moderator_through_update():
    network = NetworkFactory()
    user = member(network)

    services.network_update(
        network=network,
        actor=nov_staff(),
        name=network.name,
        description=network.description,
        accepts_join_requests=True,
        add_moderators=[user],
    )

    assert network.memberships.get(user=user).role == NetworkRole.MODERATOR


def test_plain_member_cannot_update_network():
    network = NetworkFactory()

    with pytest.raises(PermissionDenied):
        services.network_update(
            network=network,
            actor=member(network),
            name="N",
            description="D",
            accepts_join_requests=True,
        )


# --- Join requests


def test_join_request_mails_moderators(django_capture_on_commit_callbacks):
    network = NetworkFactory()
    mod = moderator(network)

    with django_capture_on_commit_callbacks(execute=True):
        services.join_request_create(network=network, user=UserFactory(), message="Graag!")

    assert [m.to for m in mail.outbox] == [[mod.email]]


def test_join_request_by_member_says_already_member():
    network = NetworkFactory()

    with pytest.raises(ValidationError) as exc:
        services.join_request_create(network=network, user=member(network))

    assert exc.value.code == "already_member"


def test_double_join_request_says_already_requested():
    network = NetworkFactory()
    user = UserFactory()
    services.join_request_create(network=network, user=user, message="Eerste keer")

    with pytest.raises(ValidationError) as exc:
        services.join_request_create(network=network, user=user, message="Tweede keer")

    assert exc.value.code == "already_requested"
    assert JoinRequest.objects.filter(network=network, user=user).count() == 1


def test_join_request_to_invitation_only_network_is_refused():
    network = NetworkFactory(accepts_join_requests=False)

    with pytest.raises(ValidationError) as exc:
        services.join_request_create(network=network, user=UserFactory())

    assert exc.value.code == "closed"


def test_approve_creates_membership_and_mails_person(django_capture_on_commit_callbacks):
    network = NetworkFactory()
    mod = moderator(network)
    join_request = JoinRequestFactory(network=network)

    with django_capture_on_commit_callbacks(execute=True):
        membership = services.join_request_decide(
            join_request=join_request, actor=mod, approve=True
        )

    join_request.refresh_from_db()
    assert join_request.status == JoinRequestStatus.APPROVED
    assert join_request.decided_by == mod
    assert membership.user == join_request.user
    assert membership.role == NetworkRole.MEMBER
    assert [m.to for m in mail.outbox] == [[join_request.user.email]]


def test_decline_creates_no_membership_and_mails_person(django_capture_on_commit_callbacks):
    network = NetworkFactory()
    join_request = JoinRequestFactory(network=network)

    with django_capture_on_commit_callbacks(execute=True):
        result = services.join_request_decide(
            join_request=join_request, actor=moderator(network), approve=False
        )

    assert result is None
    assert not NetworkMembership.objects.filter(user=join_request.user).exists()
    assert len(mail.outbox) == 1


def test_only_moderators_decide_and_only_once():
    network = NetworkFactory()
    join_request = JoinRequestFactory(network=network)

    with pytest.raises(PermissionDenied):
        services.join_request_decide(join_request=join_request, actor=member(network), approve=True)
    services.join_request_decide(join_request=join_request, actor=moderator(network), approve=True)
    with pytest.raises(ValidationError) as exc:
        services.join_request_decide(
            join_request=join_request, actor=moderator(network), approve=False
        )
    assert exc.value.code == "already_decided"


# --- Invitations


def test_invitation_mails_a_link_that_works_once(django_capture_on_commit_callbacks):
    network = NetworkFactory()
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            network=network, email="Nieuw@Example.org", actor=moderator(network)
        )
    assert invitation.email == "nieuw@example.org"
    assert invitation.token in mail.outbox[0].body
    user = UserFactory()

    membership = services.invitation_accept(token=invitation.token, user=user)

    assert membership.network == network
    with pytest.raises(ValidationError) as exc:
        services.invitation_accept(token=invitation.token, user=UserFactory())
    assert exc.value.code == "used"


def test_invitation_accept_refuses_unknown_and_expired_tokens():
    network = NetworkFactory()
    invitation = services.invitation_create(
        network=network, email="a@example.org", actor=moderator(network)
    )
    NetworkInvitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=60)
    )

    with pytest.raises(ValidationError) as unknown:
        services.invitation_accept(token="nope", user=UserFactory())
    with pytest.raises(ValidationError) as expired:
        services.invitation_accept(token=invitation.token, user=UserFactory())

    assert unknown.value.code == "invalid"
    assert expired.value.code == "expired"


def test_invitation_only_by_moderators_and_not_for_members():
    network = NetworkFactory()
    existing = member(network)

    with pytest.raises(PermissionDenied):
        services.invitation_create(network=network, email="x@example.org", actor=existing)
    with pytest.raises(ValidationError) as exc:
        services.invitation_create(
            network=network, email=existing.email.upper(), actor=moderator(network)
        )
    assert exc.value.error_dict["email"][0].code == "already_member"


# --- Roles, removing, leaving


def test_last_moderator_cannot_be_demoted_removed_or_leave():
    network = NetworkFactory()
    only = MembershipFactory(network=network, moderator=True)

    with pytest.raises(ValidationError) as demote:
        services.membership_update_role(membership=only, actor=only.user, role=NetworkRole.MEMBER)
    with pytest.raises(ValidationError) as remove:
        services.membership_remove(membership=only, actor=only.user)
    with pytest.raises(ValidationError) as leave:
        services.network_leave(network=network, user=only.user)

    assert demote.value.code == remove.value.code == leave.value.code == "last_moderator"
    assert network.memberships.get().role == NetworkRole.MODERATOR


def test_moderator_can_leave_when_another_moderator_stays():
    network = NetworkFactory()
    first = moderator(network)
    moderator(network)

    services.network_leave(network=network, user=first)

    assert not network.memberships.filter(user=first).exists()


def test_moderator_promotes_and_removes_members():
    network = NetworkFactory()
    mod = moderator(network)
    membership = MembershipFactory(network=network)
    other = MembershipFactory(network=network)

    services.membership_update_role(membership=membership, actor=mod, role=NetworkRole.MODERATOR)
    services.membership_remove(membership=other, actor=mod)

    membership.refresh_from_db()
    assert membership.role == NetworkRole.MODERATOR
    assert not NetworkMembership.objects.filter(pk=other.pk).exists()


def test_member_cannot_change_roles_or_remove():
    network = NetworkFactory()
    actor = member(network)
    target = MembershipFactory(network=network)

    with pytest.raises(PermissionDenied):
        services.membership_update_role(membership=target, actor=actor, role=NetworkRole.MODERATOR)
    with pytest.raises(PermissionDenied):
        services.membership_remove(membership=target, actor=actor)


def test_leave_when_not_member_is_refused():
    with pytest.raises(ValidationError) as exc:
        services.network_leave(network=NetworkFactory(), user=UserFactory())

    assert exc.value.code == "not_member"


def test_notification_choice_must_be_known():
    membership = MembershipFactory()

    with pytest.raises(ValidationError):
        services.notification_choice_set(membership=membership, choice="hourly")
    services.notification_choice_set(membership=membership, choice="daily")

    membership.refresh_from_db()
    assert membership.notification == "daily"


# --- Discussions


def test_thread_create_makes_opening_post_and_touches_network():
    network = NetworkFactory(last_activity_at=timezone.now() - datetime.timedelta(weeks=20))
    author = member(network)

    thread = services.thread_create(
        network=network, author=author, title="Vog-regeling", body="Wie heeft ervaring?"
    )

    assert thread.posts.get().body == "Wie heeft ervaring?"
    network.refresh_from_db()
    assert network.last_activity_at > timezone.now() - datetime.timedelta(minutes=1)


def test_thread_create_needs_title_and_body():
    network = NetworkFactory()

    with pytest.raises(ValidationError) as exc:
        services.thread_create(network=network, author=member(network), title="", body="  ")

    assert set(exc.value.error_dict) == {"title", "body"}


def test_non_member_cannot_post():
    thread = ThreadFactory()

    with pytest.raises(PermissionDenied):
        services.thread_create(network=thread.network, author=UserFactory(), title="T", body="B")
    with pytest.raises(PermissionDenied):
        services.post_create(thread=thread, author=UserFactory(), body="B")


def test_reply_to_locked_thread_is_refused():
    thread = ThreadFactory(is_locked=True)

    with pytest.raises(ValidationError) as exc:
        services.post_create(thread=thread, author=member(thread.network), body="Nog één ding")

    assert exc.value.code == "locked"
    assert not thread.posts.exists()


def test_reply_updates_thread_last_post_at():
    thread = ThreadFactory(last_post_at=timezone.now() - datetime.timedelta(days=3))

    post = services.post_create(thread=thread, author=member(thread.network), body="Ja!")

    thread.refresh_from_db()
    assert thread.last_post_at == post.created_at


def test_mentions_match_longest_member_name_case_insensitive():
    network = NetworkFactory()
    anna = member(network, user__name="Anna")
    anna_de_vries = member(network, user__name="Anna de Vries")
    outsider = UserFactory(name="Piet Jansen")
    thread = ThreadFactory(network=network)

    post = services.post_create(
        thread=thread,
        author=member(network),
        body="Vraag voor @anna de vries, en @Piet Jansen. Mail: info@Anna.nl",
    )

    assert set(post.mentions.all()) == {anna_de_vries}
    assert anna not in post.mentions.all()
    assert outsider not in post.mentions.all()


def test_mention_needs_a_word_boundary():
    network = NetworkFactory()
    member(network, user__name="Bram")
    thread = ThreadFactory(network=network)

    post = services.post_create(thread=thread, author=member(network), body="@Brammetje hoi")

    assert not post.mentions.exists()


def test_author_edits_within_window():
    network = NetworkFactory()
    author = member(network)
    post = services.thread_create(
        network=network, author=author, title="T", body="Eerst"
    ).posts.get()

    services.post_edit(post=post, actor=author, body="Daarna")

    post.refresh_from_db()
    assert post.body == "Daarna"
    assert post.edited_at is not None


def test_edit_after_window_is_refused():
    network = NetworkFactory()
    author = member(network)
    post = PostFactory(
        thread=ThreadFactory(network=network),
        author=author,
        created_at=timezone.now() - datetime.timedelta(minutes=POST_EDIT_WINDOW_MINUTES + 1),
    )

    with pytest.raises(ValidationError) as exc:
        services.post_edit(post=post, actor=author, body="Te laat")

    assert exc.value.code == "edit_window_closed"
    post.refresh_from_db()
    assert post.body != "Te laat"


def test_only_author_edits():
    network = NetworkFactory()
    post = PostFactory(thread=ThreadFactory(network=network), author=member(network))

    with pytest.raises(PermissionDenied):
        services.post_edit(post=post, actor=moderator(network), body="Anders")


def test_moderator_hides_post_and_moderates_thread():
    network = NetworkFactory()
    mod = moderator(network)
    thread = ThreadFactory(network=network)
    post = PostFactory(thread=thread)

    services.post_hide(post=post, actor=mod)
    services.thread_moderate(thread=thread, actor=mod, action="lock")
    services.thread_moderate(thread=thread, actor=mod, action="hide")

    post.refresh_from_db()
    thread.refresh_from_db()
    assert post.is_hidden and thread.is_locked and thread.is_hidden
    services.thread_moderate(thread=thread, actor=mod, action="unlock")
    thread.refresh_from_db()
    assert not thread.is_locked


def test_member_cannot_moderate_and_unknown_action_is_refused():
    network = NetworkFactory()
    thread = ThreadFactory(network=network)

    with pytest.raises(PermissionDenied):
        services.thread_moderate(thread=thread, actor=member(network), action="lock")
    with pytest.raises(PermissionDenied):
        services.post_hide(post=PostFactory(thread=thread), actor=member(network))
    with pytest.raises(ValidationError):
        services.thread_moderate(thread=thread, actor=moderator(network), action="explode")


# --- Library


def test_folders_nest_one_level_and_names_are_unique():
    network = NetworkFactory()
    user = member(network)
    top = services.folder_create(network=network, actor=user, name="Verslagen")
    child = services.folder_create(network=network, actor=user, name="2026", parent=top)

    with pytest.raises(ValidationError) as deep:
        services.folder_create(network=network, actor=user, name="Q1", parent=child)
    with pytest.raises(ValidationError) as duplicate:
        services.folder_create(network=network, actor=user, name="verslagen")
    with pytest.raises(ValidationError) as foreign:
        services.folder_create(network=network, actor=user, name="X", parent=FolderFactory())

    assert deep.value.error_dict["parent"][0].code == "too_deep"
    assert duplicate.value.error_dict["name"][0].code == "duplicate"
    assert foreign.value.error_dict["parent"][0].code == "invalid"


def test_non_member_cannot_make_folders():
    with pytest.raises(PermissionDenied):
        services.folder_create(network=NetworkFactory(), actor=UserFactory(), name="Map")


# --- Selectors


def test_quiet_networks_lists_networks_without_recent_activity():
    now = timezone.now()
    quiet = NetworkFactory(last_activity_at=now - datetime.timedelta(weeks=10))
    NetworkFactory(last_activity_at=now - datetime.timedelta(weeks=1))
    NetworkFactory(last_activity_at=now - datetime.timedelta(weeks=12), is_archived=True)

    assert list(selectors.quiet_networks(weeks=8)) == [quiet]


def test_networks_for_user_lists_only_own_networks():
    mine = NetworkFactory()
    NetworkFactory()
    user = member(mine)

    assert list(selectors.networks_for_user(user=user)) == [mine]


def test_post_edit_window_helper():
    post = Post(author_id=1, created_at=timezone.now())
    post.author_id = 1

    class Who:
        pk = 1

    assert services.post_can_edit(post=post, user=Who())
    later = timezone.now() + datetime.timedelta(minutes=POST_EDIT_WINDOW_MINUTES + 1)
    assert not services.post_can_edit(post=post, user=Who(), now=later)
