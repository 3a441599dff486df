"""The questionnaire → checklist flow (views/checklist.py), through the test client."""

import re

from django.urls import reverse
from django.utils import timezone, translation

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.compliance.engine import REGISTRY
from inzet.compliance.facts import FACTS_BY_KEY
from inzet.compliance.forms import FactStepForm
from inzet.compliance.models import RuleUsage, SavedCheck
from inzet.compliance.services import saved_check_save
from inzet.compliance.tests.profiles import DAY, FOUNDATION_PAYING_TOO_MUCH, INITIATIVE, answer_for
from inzet.compliance.views.checklist import SESSION_KEY
from inzet.organisations.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fixed_day(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: DAY)


@pytest.fixture
def only_rules():
    """Evaluate with a few registered rules only (the registry is restored afterwards)."""
    saved = dict(REGISTRY)

    def keep(*keys: str) -> None:
        REGISTRY.clear()
        REGISTRY.update({key: saved[key] for key in keys})

    yield keep
    REGISTRY.clear()
    REGISTRY.update(saved)


def _walk(client, profile: dict[str, str], *, until: str | None = None):
    """Answer every page the questionnaire shows (up to step ``until``); return the last
    response and the steps shown."""
    response = client.get(reverse("compliance:check-start"), follow=True)
    steps: list[str] = []
    for _page in range(20):
        if response.resolver_match.url_name != "check-step":
            return response, steps
        assert response.status_code == 200
        step = response.resolver_match.kwargs["step"]
        if step == until:
            return response, steps
        if step not in steps:
            steps.append(step)
        data = {key: answer_for(profile, key) for key in response.context["form"].fields}
        response = client.post(response.request["PATH_INFO"], data, follow=True)
    raise AssertionError(f"the questionnaire does not end: {steps}")


def _checked(content: str, name: str, value: str) -> bool:
    match = re.search(rf'<input[^>]*name="{name}" value="{value}"[^>]*>', content)
    return bool(match) and " checked" in match.group(0)


def _titles(response) -> list[str]:
    return [outcome.texts.title for outcome in response.context["outcomes"]]


def _message(msgid: str) -> str:
    """A message as the (Dutch) site shows it."""
    with translation.override("nl"):
        return translation.gettext(msgid)


# --- Walking through the questionnaire


def test_informal_initiative_gets_its_checklist(client):
    response, steps = _walk(client, INITIATIVE)

    assert response.resolver_match.url_name == "check-result"
    assert steps == ["organisation", "people", "data", "money", "activities"]
    titles = _titles(response)
    assert REGISTRY["insurance.liability"].title in titles
    assert REGISTRY["kvk.informal_liability"].title in titles
    assert REGISTRY["avg.processing_register"].title in titles
    assert REGISTRY["wbtr.conflict_of_interest"].title not in titles  # not a legal person
    assert REGISTRY["insurance.liability"].title in response.content.decode()


def test_foundation_paying_above_the_limit_gets_the_allowance_duty(client):
    response, _steps = _walk(client, FOUNDATION_PAYING_TOO_MUCH)

    titles = _titles(response)
    assert REGISTRY["allowance.within_limits"].title in titles
    assert REGISTRY["wbtr.conflict_of_interest"].title in titles
    assert REGISTRY["insurance.liability"].title not in titles
    kinds = [outcome.rule.kind for outcome in response.context["outcomes"]]
    assert kinds == sorted(kinds, key=lambda kind: kind != "duty"), "duties come first"
    content = response.content.decode()
    assert "Je betaalt een vrijwilliger tot €250 per maand" in content  # the why, from the rule
    assert REGISTRY["allowance.within_limits"].legal_basis in content


def test_steps_without_questions_are_skipped(client, only_rules):
    only_rules("wbtr.conflict_of_interest", "insurance.liability")

    response, steps = _walk(client, INITIATIVE)

    assert steps == ["organisation", "activities"]
    assert response.resolver_match.url_name == "check-result"
    skipped = client.get(reverse("compliance:check-step", args=["people"]))
    assert skipped.url == reverse("compliance:check-step", args=["activities"])


def test_progress_says_which_step_of_how_many(client):
    response, _steps = _walk(client, FOUNDATION_PAYING_TOO_MUCH, until="people")

    assert (response.context["step_number"], response.context["step_count"]) == (2, 5)
    assert response.context["previous_url"] == reverse(
        "compliance:check-step", args=["organisation"]
    )


def _plain(step: str) -> dict[str, str]:
    return {key: answer_for({}, key) for key, fact in FACTS_BY_KEY.items() if fact.step == step}


def test_follow_up_questions_on_the_same_page_are_asked_next(client):
    url = reverse("compliance:check-step", args=["organisation"])

    response = client.post(url, {"legal_form": "informal_association", "board_size": "2"})

    assert response.url == url
    follow_up = client.get(url)
    assert {"kvk_registered", "runs_enterprise"} <= set(follow_up.context["form"].fields)
    assert _checked(follow_up.content.decode(), "legal_form", "informal_association")


def test_questionnaire_asks_about_paid_staff_and_events(client):
    people, _steps = _walk(client, INITIATIVE, until="people")
    assert "paid_staff" in people.context["form"].facts

    activities, _steps = _walk(client, INITIATIVE, until="activities")
    assert "events" in activities.context["form"].facts


def _question(content: str, key: str) -> str:
    """The opening tag of a question's wrapper on the step page."""
    match = re.search(rf'<div class="compliance-question" id="question-{key}"[^>]*>', content)
    assert match, f"no question {key} on the page"
    return match.group(0)


def test_follow_ups_on_the_same_page_are_rendered_hidden_and_disabled(client):
    _walk(client, INITIATIVE, until="data")

    response = client.get(reverse("compliance:check-step", args=["data"]))

    content = response.content.decode()
    wrapper = _question(content, "photos_of_minors")
    assert " hidden" in wrapper
    assert "data-ask-if=" in wrapper and "publishes_photos" in wrapper
    assert re.search(r'<input[^>]*name="photos_of_minors"[^>]*disabled', content)
    assert " hidden" not in _question(content, "publishes_photos")
    assert "photos_of_minors" not in response.context["form"].facts
    assert "compliance.js" in content and " defer" in content


def test_follow_up_answered_on_the_same_page_with_javascript_needs_no_round_trip(client):
    _walk(client, INITIATIVE, until="data")
    url = reverse("compliance:check-step", args=["data"])
    data = {
        **_plain("data"),
        "processes_personal_data": "no",
        "publishes_photos": "yes",
        "photos_of_minors": "yes",
        "shown_questions": "photos_of_minors",  # compliance.js showed the follow-up
    }

    response = client.post(url, data)

    assert response.url == reverse("compliance:check-step", args=["money"])
    assert client.session[SESSION_KEY]["answers"]["photos_of_minors"] is True


def test_follow_up_without_javascript_is_asked_after_the_submit(client):
    _walk(client, INITIATIVE, until="data")
    url = reverse("compliance:check-step", args=["data"])
    # The hidden follow-up is posted by a browser without JavaScript only if it is enabled:
    # it is not, but a value sent anyway is not taken as an answer the person saw.
    data = {**_plain("data"), "processes_personal_data": "no", "publishes_photos": "yes"}

    response = client.post(url, {**data, "photos_of_minors": "yes"})

    assert response.url == url
    assert "photos_of_minors" not in client.session[SESSION_KEY]["answers"]
    again = client.get(url)
    assert " hidden" not in _question(again.content.decode(), "photos_of_minors")


def test_follow_up_shown_but_not_answered_gets_a_message_and_stays_visible(client):
    _walk(client, INITIATIVE, until="data")
    url = reverse("compliance:check-step", args=["data"])
    data = {
        **_plain("data"),
        "processes_personal_data": "no",
        "publishes_photos": "yes",
        "shown_questions": "photos_of_minors",
    }
    data.pop("photos_of_minors", None)

    response = client.post(url, data)

    assert response.status_code == 200
    assert response.context["form"].errors["photos_of_minors"]
    assert " hidden" not in _question(response.content.decode(), "photos_of_minors")
    assert _checked(response.content.decode(), "publishes_photos", "yes")


def test_shown_question_that_does_not_apply_is_ignored(client):
    _walk(client, INITIATIVE, until="data")
    url = reverse("compliance:check-step", args=["data"])
    data = {
        **_plain("data"),
        "processes_personal_data": "no",
        "publishes_photos": "no",
        "photos_of_minors": "yes",
        "shown_questions": "photos_of_minors legal_form",
    }

    response = client.post(url, data)

    assert response.url == reverse("compliance:check-step", args=["money"])
    answers = client.session[SESSION_KEY]["answers"]
    assert "photos_of_minors" not in answers and answers["legal_form"] == "citizens_initiative"


def test_previous_step_shows_the_answers_given(client):
    _walk(client, FOUNDATION_PAYING_TOO_MUCH)

    response = client.get(reverse("compliance:check-step", args=["money"]))

    assert response.context["form"].initial["allowance_per_month"] == "250,00"
    assert response.context["form"].initial["pays_allowance"] == "yes"


def test_changing_an_earlier_answer_drops_answers_that_no_longer_apply(client):
    _walk(client, INITIATIVE)
    url = reverse("compliance:check-step", args=["organisation"])

    client.post(url, {**_plain("organisation"), "legal_form": "foundation", "board_size": "3"})

    answers = client.session[SESSION_KEY]["answers"]
    assert answers["legal_form"] == "foundation"
    assert "kvk_registered" not in answers


# --- Bad input


def test_bad_number_keeps_what_was_typed_and_says_what_to_do(client):
    _walk(client, FOUNDATION_PAYING_TOO_MUCH, until="people")

    response = client.post(
        reverse("compliance:check-step", args=["people"]),
        {"volunteer_count": "abc", "paid_staff": "yes"},
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["volunteer_count"] == [_message("Fill in a number.")]
    content = response.content.decode()
    assert 'value="abc"' in content
    assert _message("Fill in a number.") in content
    assert 'id="error-summary-title"' in content


def test_unanswered_question_asks_for_a_choice(client):
    response = client.post(reverse("compliance:check-step", args=["organisation"]), {})

    assert response.status_code == 200
    label = str(FACTS_BY_KEY["legal_form"].question)
    with translation.override("nl"):
        expected = translation.gettext("Make a choice for “%(label)s”.") % {"label": label}
    assert response.context["form"].errors["legal_form"] == [expected]
    assert 'href="#id_legal_form_0"' in response.content.decode()


def test_initiative_that_says_it_is_an_anbi_is_told_that_cannot_be(client):
    _walk(client, INITIATIVE)

    response = client.post(
        reverse("compliance:check-step", args=["money"]),
        {**_plain("money"), "anbi_status": "yes", "pays_allowance": "no"},
    )

    assert response.status_code == 200
    errors = response.context["form"].errors["anbi_status"]
    assert errors == [_contradiction("anbi_status", legal_form="citizens_initiative")]
    assert _checked(response.content.decode(), "anbi_status", "yes")


def _contradiction(key: str, **facts) -> str:
    from inzet.compliance.facts import facts_contradictions

    with translation.override("nl"):
        return facts_contradictions({**facts, "anbi_status": "yes"})[key]


def test_contradiction_with_an_answer_on_another_page_is_a_general_error():
    people = [fact for fact in FACTS_BY_KEY.values() if fact.step == "people"][:1]
    earlier = {"legal_form": "citizens_initiative", "anbi_status": "yes"}

    form = FactStepForm({"paid_staff": "no"}, facts=people, earlier=earlier)

    assert not form.is_valid()
    assert form.non_field_errors() == [_contradiction("anbi_status", **earlier)]


# --- The result


def test_result_without_answers_sends_to_the_first_step(client):
    response = client.get(reverse("compliance:check-result"), follow=True)

    assert response.redirect_chain[0][0] == reverse("compliance:check-step", args=["organisation"])
    assert [str(m) for m in response.context["messages"]] == [
        _message("Answer the questions first. Then you get your checklist.")
    ]


def test_result_with_unfinished_answers_sends_to_the_open_step(client):
    _walk(client, FOUNDATION_PAYING_TOO_MUCH, until="people")

    response = client.get(reverse("compliance:check-result"))

    assert response.url == reverse("compliance:check-step", args=["people"])


def test_rule_usage_is_counted_once_per_completed_questionnaire(client):
    _walk(client, FOUNDATION_PAYING_TOO_MUCH)
    client.get(reverse("compliance:check-result"))
    client.get(reverse("compliance:check-result"))

    usage = RuleUsage.objects.get(rule_key="allowance.within_limits", day=DAY)

    assert usage.applied == 1


def test_passed_deadline_is_pointed_out(client):
    _walk(client, {**FOUNDATION_PAYING_TOO_MUCH, "statutes_multiple_votes": "yes"})

    response = client.get(reverse("compliance:check-result"))

    content = response.content.decode()
    assert REGISTRY["wbtr.multiple_votes"].title in content
    assert _message("this deadline has passed") in content


def test_result_as_pdf(client):
    _walk(client, INITIATIVE)

    response = client.get(reverse("compliance:check-result-pdf"))

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert (
        response["Content-Disposition"] == 'attachment; filename="inzet-checklist-2026-11-02.pdf"'
    )


def test_anonymous_visitor_gets_a_login_link_instead_of_the_save_form(client):
    response, _steps = _walk(client, INITIATIVE)

    content = response.content.decode()
    login = reverse("account_login") + "?next=" + reverse("compliance:check-result")
    assert f'href="{login}"' in content
    assert reverse("compliance:saved-create") not in content


# --- Saved checklists


def test_saving_requires_login(client):
    _walk(client, INITIATIVE)

    response = client.post(reverse("compliance:saved-create"), {"name": "Buurtinitiatief"})

    assert response.url.startswith(reverse("account_login"))
    assert not SavedCheck.objects.exists()


def test_save_checklist_for_own_organisation(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    _walk(client, FOUNDATION_PAYING_TOO_MUCH)

    response = client.post(
        reverse("compliance:saved-create"),
        {"name": "Stichting 2026", "organisation": membership.organisation.pk},
    )

    saved = SavedCheck.objects.get()
    assert response.url == reverse("compliance:saved-detail", args=[saved.public_id])
    assert (saved.owner, saved.organisation, saved.name) == (
        membership.user,
        membership.organisation,
        "Stichting 2026",
    )
    assert saved.answers["allowance_per_month"] == "250.00"
    assert "allowance.within_limits" in saved.applying_rules


def test_cannot_save_for_an_organisation_one_is_not_a_member_of(client):
    client.force_login(MembershipFactory().user)
    _walk(client, INITIATIVE)

    response = client.post(
        reverse("compliance:saved-create"),
        {"name": "Niet van mij", "organisation": OrganisationFactory().pk},
    )

    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not SavedCheck.objects.exists()


def _saved(owner=None, answers=None) -> SavedCheck:
    answers = answers or {"legal_form": "foundation", "board_size": 3, "volunteer_count": 5}
    return saved_check_save(owner=owner or UserFactory(), name="Onze checklist", answers=answers)


@pytest.mark.parametrize(
    ("url_name", "method", "owner_status"),
    [
        ("saved-detail", "get", 200),
        ("saved-pdf", "get", 200),
        ("saved-mark", "post", 302),
        ("saved-edit", "post", 302),
    ],
)
@pytest.mark.parametrize(
    ("_case", "who", "status"),
    [("anonymous", None, 302), ("someone else", "other", 404), ("owner", "owner", None)],
)
def test_saved_checklist_access(client, url_name, method, owner_status, _case, who, status):
    saved = _saved()
    if who == "owner":
        client.force_login(saved.owner)
    elif who == "other":
        client.force_login(UserFactory())
    url = reverse(f"compliance:{url_name}", args=[saved.public_id])

    response = getattr(client, method)(url, {"rule_key": "wbtr.conflict_of_interest", "done": "1"})

    assert response.status_code == (status or owner_status)
    if who is None:
        assert response.url.startswith(reverse("account_login"))
    saved.refresh_from_db()
    if who != "owner":
        assert saved.done_rules == []


def test_saved_list_shows_only_own_checklists(client):
    mine, theirs = _saved(), _saved()
    client.force_login(mine.owner)

    response = client.get(reverse("compliance:saved-list"))

    assert [row["saved_check"] for row in response.context["rows"]] == [mine]
    assert theirs.public_id.hex not in response.content.decode()


def test_saved_list_requires_login(client):
    response = client.get(reverse("compliance:saved-list"))

    assert response.url.startswith(reverse("account_login"))


def test_tick_off_an_item_and_put_it_back(client):
    saved = _saved()
    client.force_login(saved.owner)
    mark = reverse("compliance:saved-mark", args=[saved.public_id])

    response = client.post(mark, {"rule_key": "wbtr.conflict_of_interest", "done": "1"})

    assert response.url.endswith("#rule-wbtr.conflict_of_interest")
    detail = client.get(reverse("compliance:saved-detail", args=[saved.public_id]))
    assert detail.context["done_rules"] == ["wbtr.conflict_of_interest"]
    total = len(detail.context["outcomes"])
    with translation.override("nl"):
        counted = translation.gettext("%(done)s of %(total)s done") % {"done": 1, "total": total}
    assert counted in detail.content.decode()

    client.post(mark, {"rule_key": "wbtr.conflict_of_interest", "done": "0"})

    saved.refresh_from_db()
    assert saved.done_rules == []


def test_unknown_item_cannot_be_ticked_off(client):
    saved = _saved()
    client.force_login(saved.owner)

    client.post(
        reverse("compliance:saved-mark", args=[saved.public_id]),
        {"rule_key": "no.such_rule", "done": "1"},
    )

    saved.refresh_from_db()
    assert saved.done_rules == []


def test_saved_checklist_says_once_when_the_rules_that_apply_changed(client):
    saved = _saved()
    SavedCheck.objects.filter(pk=saved.pk).update(applying_rules=["wbtr.conflict_of_interest"])
    client.force_login(saved.owner)
    url = reverse("compliance:saved-detail", args=[saved.public_id])

    first = client.get(url)
    second = client.get(url)

    assert first.context["changed"] is True
    assert "wbtr.conflict_of_interest" not in first.context["new_rules"]
    assert len(first.context["new_rules"]) == len(first.context["outcomes"]) - 1
    assert second.context["changed"] is False


def test_editing_a_saved_checklist_updates_the_same_one(client):
    saved = _saved(answers={"legal_form": "foundation", "board_size": 3})
    client.force_login(saved.owner)

    response = client.post(reverse("compliance:saved-edit", args=[saved.public_id]))
    assert response.url == reverse("compliance:check-step", args=["organisation"])
    assert client.session[SESSION_KEY]["answers"]["legal_form"] == "foundation"
    _walk(client, FOUNDATION_PAYING_TOO_MUCH)
    result = client.get(reverse("compliance:check-result"))
    assert result.context["saved_check"] == saved
    assert result.context["form"].initial["name"] == "Onze checklist"
    client.post(reverse("compliance:saved-create"), {"name": "Onze checklist 2026"})

    saved.refresh_from_db()
    assert SavedCheck.objects.count() == 1
    assert saved.name == "Onze checklist 2026"
    assert saved.answers["allowance_per_month"] == "250.00"


def test_saved_checklist_as_pdf(client):
    saved = _saved()
    client.force_login(saved.owner)

    response = client.get(reverse("compliance:saved-pdf", args=[saved.public_id]))

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
