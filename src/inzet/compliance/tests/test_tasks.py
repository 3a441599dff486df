"""The notice when a rule changes: tasks.notify_rule_change → services.rule_change_notify."""

from datetime import date

from django.conf import settings
from django.core import mail
from django.urls import reverse

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.compliance.models import RuleText, SavedCheck
from inzet.compliance.services import saved_check_save
from inzet.compliance.tasks import notify_rule_change

pytestmark = pytest.mark.django_db

RULE = "wbtr.conflict_of_interest"  # applies to every foundation, association and cooperative
FOUNDATION = {"legal_form": "foundation", "board_size": 3}
INITIATIVE = {"legal_form": "citizens_initiative", "board_size": 0}


def _saved(answers, **kwargs) -> SavedCheck:
    return saved_check_save(owner=UserFactory(), name="Onze checklist", answers=answers, **kwargs)


def _rule_text(title: str) -> RuleText:
    return RuleText.objects.create(
        rule_key=RULE,
        title=title,
        action="Leg vast hoe het bestuur besluit bij een tegenstrijdig belang.",
        legal_basis="Art. 2:44 lid 6 BW",
        valid_from=date(2021, 7, 1),
    )


def test_changed_rule_mails_the_owners_it_applies_to_once():
    affected = _saved(FOUNDATION)
    _saved(INITIATIVE)
    text = _rule_text("Nieuwe titel van NOV")
    mail.outbox = []

    notify_rule_change.enqueue(rule_key=RULE, change_id=f"ruletext:{text.pk}@1")
    notify_rule_change.enqueue(rule_key=RULE, change_id=f"ruletext:{text.pk}@1")

    assert [m.to for m in mail.outbox] == [[affected.owner.email]]
    body = mail.outbox[0].body
    assert "Nieuwe titel van NOV" in body
    url = settings.SITE_URL.rstrip("/") + reverse(
        "compliance:saved-detail", args=[affected.public_id]
    )
    assert url in body


def test_a_later_change_of_the_same_rule_mails_again():
    _saved(FOUNDATION)
    mail.outbox = []

    notify_rule_change.enqueue(rule_key=RULE, change_id="ruletext:1@first")
    notify_rule_change.enqueue(rule_key=RULE, change_id="ruletext:1@second")

    assert len(mail.outbox) == 2


def test_owner_of_a_checklist_the_rule_no_longer_applies_to_is_told():
    saved = _saved(INITIATIVE)
    saved.applying_rules = [*saved.applying_rules, RULE]  # it applied at the last save
    saved.save(update_fields=["applying_rules"])
    mail.outbox = []

    sent = notify_rule_change.enqueue(rule_key=RULE, change_id="x@1").return_value

    assert sent == 1
    assert [m.to for m in mail.outbox] == [[saved.owner.email]]
    saved.refresh_from_db()
    assert RULE not in saved.applying_rules
    assert f"{RULE}@x@1" in saved.notified_changes


def test_notice_updates_the_rules_that_apply_but_not_the_owners_last_change():
    saved = _saved(FOUNDATION)
    SavedCheck.objects.filter(pk=saved.pk).update(applying_rules=[])
    updated_at = SavedCheck.objects.get(pk=saved.pk).updated_at

    notify_rule_change.enqueue(rule_key=RULE, change_id="x@1")

    saved.refresh_from_db()
    assert RULE in saved.applying_rules
    assert saved.updated_at == updated_at


def test_inactive_owner_gets_no_mail():
    saved = _saved(FOUNDATION)
    saved.owner.is_active = False
    saved.owner.save(update_fields=["is_active"])
    mail.outbox = []

    notify_rule_change.enqueue(rule_key=RULE, change_id="x@1")

    assert mail.outbox == []


def test_unknown_rule_mails_nobody():
    _saved(FOUNDATION)
    mail.outbox = []

    sent = notify_rule_change.enqueue(rule_key="gone.rule", change_id="x@1").return_value

    assert sent == 0
    assert mail.outbox == []


def test_mail_goes_through_every_batch(monkeypatch):
    monkeypatch.setattr("inzet.compliance.services.NOTIFY_BATCH_SIZE", 2)
    owners = {_saved(FOUNDATION).owner.email for _ in range(5)}
    mail.outbox = []

    notify_rule_change.enqueue(rule_key=RULE, change_id="x@1")

    assert {m.to[0] for m in mail.outbox} == owners
