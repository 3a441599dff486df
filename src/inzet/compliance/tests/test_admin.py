"""The management site of the toolbox: NOV's texts and amounts, and the rule overview."""

from datetime import date

from django.core import mail
from django.urls import reverse

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.audit.models import AuditEvent
from inzet.compliance.engine import REGISTRY
from inzet.compliance.models import ParameterOverride, RuleText, RuleUsage, SavedCheck
from inzet.compliance.selectors import rule_keys_for_parameter
from inzet.compliance.services import saved_check_save

pytestmark = pytest.mark.django_db

RULE = "wbtr.conflict_of_interest"


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def _saved(answers) -> SavedCheck:
    return saved_check_save(owner=UserFactory(), name="Onze checklist", answers=answers)


def _rule_text_form(**changes) -> dict:
    return {
        "rule_key": RULE,
        "title": "Nieuwe titel van NOV",
        "action": "Leg vast hoe het bestuur besluit.",
        "legal_basis": "Art. 2:44 lid 6 BW",
        "dossier_url": "",
        "valid_from": "2021-07-01",
        "valid_to": "",
        **changes,
    }


def test_saving_a_rule_text_mails_affected_owners_after_commit(
    admin_client, django_capture_on_commit_callbacks
):
    affected = _saved({"legal_form": "foundation", "board_size": 3})
    _saved({"legal_form": "citizens_initiative", "board_size": 0})
    mail.outbox = []

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("admin:compliance_ruletext_add"), _rule_text_form())

    assert response.status_code == 302
    assert RuleText.objects.get().title == "Nieuwe titel van NOV"
    assert [m.to for m in mail.outbox] == [[affected.owner.email]]
    assert "Nieuwe titel van NOV" in mail.outbox[0].body


def test_saving_a_rule_text_without_changes_mails_nobody(
    admin_client, django_capture_on_commit_callbacks
):
    _saved({"legal_form": "foundation", "board_size": 3})
    text = RuleText.objects.create(**{**_rule_text_form(), "valid_to": None, "dossier_url": ""})
    mail.outbox = []

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        admin_client.post(
            reverse("admin:compliance_ruletext_change", args=[text.pk]), _rule_text_form()
        )

    assert callbacks == []
    assert mail.outbox == []


def test_deleting_a_rule_text_mails_affected_owners(
    admin_client, django_capture_on_commit_callbacks
):
    affected = _saved({"legal_form": "foundation", "board_size": 3})
    text = RuleText.objects.create(**{**_rule_text_form(), "valid_to": None})
    mail.outbox = []

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:compliance_ruletext_delete", args=[text.pk]), {"post": "yes"}
        )

    assert not RuleText.objects.exists()
    assert [m.to for m in mail.outbox] == [[affected.owner.email]]


def test_rule_text_cannot_end_before_it_starts(admin_client):
    response = admin_client.post(
        reverse("admin:compliance_ruletext_add"), _rule_text_form(valid_to="2020-01-01")
    )

    assert response.status_code == 200
    assert not RuleText.objects.exists()


def test_rule_text_form_starts_from_the_code_texts(admin_client):
    response = admin_client.get(reverse("admin:compliance_ruletext_add") + f"?rule_key={RULE}")

    assert REGISTRY[RULE].title in response.content.decode()


def test_parameter_change_notifies_the_rules_of_its_topic(
    admin_client, django_capture_on_commit_callbacks
):
    form = {
        "key": "allowance.max_per_month",
        "value": "230",
        "valid_from": "2026-01-01",
        "valid_to": "2026-12-31",
        "source": "[V] Belastingdienst 2026",
    }

    with django_capture_on_commit_callbacks() as callbacks:
        response = admin_client.post(reverse("admin:compliance_parameteroverride_add"), form)

    assert response.status_code == 302
    assert ParameterOverride.objects.get().value == 230
    assert len(callbacks) == len(rule_keys_for_parameter(key="allowance.max_per_month"))


def test_a_parameter_belongs_to_the_rules_of_its_topic():
    keys = rule_keys_for_parameter(key="lottery.municipal_prize_limit")

    assert keys and all(REGISTRY[key].topic == "lottery" for key in keys)


def test_parameter_of_no_known_topic_belongs_to_every_rule():
    assert rule_keys_for_parameter(key="unknown.amount") == list(REGISTRY)


def test_rule_overview_lists_every_rule_its_use_and_the_amounts_in_force(admin_client):
    RuleUsage.objects.create(rule_key=RULE, day=date(2026, 1, 2), applied=7)
    ParameterOverride.objects.create(
        key="lottery.municipal_prize_limit",
        value=5000,
        valid_from=date(2000, 1, 1),
        source="Test: NOV's own amount",
    )

    response = admin_client.get(reverse("admin:compliance_ruleusage_changelist"))

    assert response.status_code == 200
    assert [row.rule.key for row in response.context["rows"]] == sorted(
        REGISTRY, key=lambda k: (REGISTRY[k].topic, k)
    )
    assert next(r for r in response.context["rows"] if r.rule.key == RULE).applied == 7
    parameters = {p.key: p for p in response.context["parameters"]}
    assert parameters["lottery.municipal_prize_limit"].overridden
    assert parameters["lottery.municipal_prize_limit"].source == "Test: NOV's own amount"
    assert not parameters["allowance.adult_age"].overridden
    assert "Test: NOV&#x27;s own amount" in response.content.decode()


def test_rule_overview_is_not_for_people_without_admin_access(client):
    client.force_login(UserFactory())

    response = client.get(reverse("admin:compliance_ruleusage_changelist"))

    assert response.status_code == 302


def test_viewing_a_saved_checklist_in_the_admin_is_audited(admin_client):
    saved = _saved({"legal_form": "foundation", "board_size": 3})

    response = admin_client.get(reverse("admin:compliance_savedcheck_change", args=[saved.pk]))

    assert response.status_code == 200
    event = AuditEvent.objects.get(action="admin.saved_check_viewed")
    assert event.subject == saved.owner


def test_bottleneck_list_opens(admin_client):
    response = admin_client.get(reverse("admin:compliance_bottleneck_changelist"))

    assert response.status_code == 200
