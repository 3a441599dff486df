"""Every rule's test cases, written as data in cases/*.yaml (in the style of OpenFisca).

A case gives a profile (facts), a date, and the rules that must and must not apply;
optionally a piece of text each "why" must contain.
"""

from pathlib import Path

import pytest
import yaml

from inzet.compliance.engine import REGISTRY
from inzet.compliance.facts import FACTS_BY_KEY, fact_parse
from inzet.compliance.selectors import compliance_evaluate

CASES_DIR = Path(__file__).parent / "cases"


def _load_cases() -> list:
    return [
        pytest.param(case, id=f"{path.stem}: {case['name']}")
        for path in sorted(CASES_DIR.glob("*.yaml"))
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))
    ]


CASES = _load_cases()


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES)
def test_rule_case(case):
    facts = {key: fact_parse(FACTS_BY_KEY[key], value) for key, value in case["facts"].items()}

    outcomes = {o.rule.key: o for o in compliance_evaluate(facts=facts, on=case["date"])}

    for key in case.get("applies", []):
        assert key in outcomes and outcomes[key].applies, f"{key} should apply"
    for key in case.get("not_applies", []):
        assert key not in outcomes or not outcomes[key].applies, f"{key} should not apply"
    for key, text in case.get("why_contains", {}).items():
        assert any(text in why for why in outcomes[key].why), f"{key}: no '{text}' in why"


def test_every_rule_has_cases_where_it_applies_and_where_it_does_not():
    applies = {key for c in CASES for key in c.values[0].get("applies", [])}
    not_applies = {key for c in CASES for key in c.values[0].get("not_applies", [])}

    assert set(REGISTRY) - applies == set(), "rules never shown to apply"
    assert set(REGISTRY) - not_applies == set(), "rules never shown not to apply"


def test_cases_use_only_known_rules_and_facts():
    for param in CASES:
        case = param.values[0]
        assert set(case["facts"]) <= FACTS_BY_KEY.keys(), case["name"]
        named = set(case.get("applies", [])) | set(case.get("not_applies", []))
        assert named <= REGISTRY.keys(), case["name"]


def test_questions_conditions_are_data_the_page_can_read():
    from inzet.compliance.facts import fact_condition_on_page, yes

    age = FACTS_BY_KEY["youngest_paid_volunteer_age"]
    assert fact_condition_on_page(age) == [
        {"fact": "pays_allowance", "op": "in", "values": ["yes"]},
        {"fact": "allowance_per_hour", "op": "filled", "values": []},
    ]
    # pays_allowance depends on the number of volunteers, asked on an earlier page.
    assert fact_condition_on_page(FACTS_BY_KEY["pays_allowance"]) == []
    assert fact_condition_on_page(FACTS_BY_KEY["volunteers_under_18"]) == [
        {"fact": "volunteer_count", "op": "gt", "values": [0.0]}
    ]
    assert yes("lottery").holds({"lottery": True})
    assert not yes("lottery").holds({"lottery": 1})
    assert not yes("lottery").holds({})


def test_follow_up_candidates_hold_on_earlier_pages_only():
    from inzet.compliance.facts import facts_candidates

    rules = REGISTRY.values()
    no_volunteers = facts_candidates(
        step="money", answers={"volunteer_count": 0, "legal_form": "foundation"}, rules=rules
    )
    with_volunteers = facts_candidates(step="money", answers={"volunteer_count": 5}, rules=rules)

    assert "pays_allowance" not in {f.key for f in no_volunteers}
    keys = {f.key for f in with_volunteers}
    assert {"pays_allowance", "allowance_per_hour", "youngest_paid_volunteer_age"} <= keys
    assert {"sbbi_status", "fundraising", "annual_income"} <= keys
