import factory

from inzet.accounts.tests.factories import UserFactory
from inzet.networks.constants import NetworkRole, NotificationChoice
from inzet.networks.models import Folder, JoinRequest, Network, NetworkMembership, Post, Thread


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    slug = factory.Sequence(lambda n: f"netwerk-{n}")
    name = factory.Sequence(lambda n: f"Netwerk {n}")
    description = "Voor coördinatoren die kennis willen delen."


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkMembership

    network = factory.SubFactory(NetworkFactory)
    user = factory.SubFactory(UserFactory)
    role = NetworkRole.MEMBER
    notification = NotificationChoice.NONE

    class Params:
        moderator = factory.Trait(role=NetworkRole.MODERATOR)


class JoinRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JoinRequest

    network = factory.SubFactory(NetworkFactory)
    user = factory.SubFactory(UserFactory)
    message = "Ik ben coördinator en wil graag meedoen."


class ThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thread

    network = factory.SubFactory(NetworkFactory)
    title = "Hoe werven jullie jongeren?"
    author = factory.SubFactory(UserFactory)


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(UserFactory)
    body = "Wij werken samen met de middelbare school."


class FolderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Folder

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Map {n}")


def member(network: Network, **kwargs):
    """A user who is a member of ``network``."""
    return MembershipFactory(network=network, **kwargs).user


def moderator(network: Network, **kwargs):
    return MembershipFactory(network=network, role=NetworkRole.MODERATOR, **kwargs).user
