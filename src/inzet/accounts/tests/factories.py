import factory
from allauth.account.models import EmailAddress

from inzet.accounts.constants import PlatformRoleKind
from inzet.accounts.models import PlatformRole, User

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    name = factory.Faker("name", locale="nl_NL")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """A verified primary address, as after confirming; pass verified=False to skip."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class PlatformRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlatformRole

    user = factory.SubFactory(UserFactory)
    role = PlatformRoleKind.NOV_STAFF


def nov_staff() -> User:
    return PlatformRoleFactory(role=PlatformRoleKind.NOV_STAFF).user


def adviser() -> User:
    return PlatformRoleFactory(role=PlatformRoleKind.ADVISER).user
