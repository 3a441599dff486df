from django.utils import timezone

import factory

from inzet.accounts.tests.factories import UserFactory
from inzet.stewardship.constants import DormancyStage
from inzet.stewardship.models import DormantAccount


class DormantAccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DormantAccount

    user = factory.SubFactory(UserFactory)
    stage = DormancyStage.ASKED
    asked_at = factory.LazyFunction(timezone.now)

    class Params:
        deactivated = factory.Trait(
            stage=DormancyStage.DEACTIVATED,
            deactivated_at=factory.LazyAttribute(lambda o: o.asked_at),
            user=factory.SubFactory(UserFactory, is_active=False),
        )
