import pytest

from inzet.compliance.models import Bottleneck, SavedCheck
from inzet.core.demo import BOARD, demo_seed

pytestmark = pytest.mark.django_db


def test_demo_has_knelpunten_and_a_saved_checklist_once():
    demo_seed()
    demo_seed()

    assert Bottleneck.objects.count() == 14
    saved = SavedCheck.objects.get(owner__email=BOARD)
    assert "avg.processing_register" in saved.applying_rules
    assert "anbi.publication" in saved.applying_rules
