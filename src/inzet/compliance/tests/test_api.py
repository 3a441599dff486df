"""The open API of the toolbox: /api/v1/compliance/check, /rules and /allowance."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone, translation

import pytest

from inzet.compliance.engine import REGISTRY
from inzet.compliance.facts import FACTS_BY_KEY, fact_parse
from inzet.compliance.models import RuleText
from inzet.compliance.services import allowance_check

pytestmark = pytest.mark.django_db

CHECK = "/api/v1/compliance/check"
RULES = "/api/v1/compliance/rules"
ALLOWANCE = "/api/v1/compliance/allowance"


def _post(client, url, body):
    return client.post(url, body, content_type="application/json")


def _fields(response) -> list[str]:
    return [error["field"] for error in response.json()["detail"]]


# --- POST /check


def test_check_lists_every_rule_in_force_with_whether_it_applies(client):
    profile = {"legal_form": "foundation", "board_size": 3, "statutes_absence_clause": True}

    response = _post(client, CHECK, {"profile": profile, "date": "2026-01-15"})

    assert response.status_code == 200
    body = response.json()
    assert body["date"] == "2026-01-15"
    results = {r["rule"]: r for r in body["results"]}
    in_force = {key for key, rule in REGISTRY.items() if rule.is_valid_on(date(2026, 1, 15))}
    assert set(results) == in_force
    conflict = results["wbtr.conflict_of_interest"]
    assert conflict["applies"] is True
    assert conflict["kind"] == "duty"
    assert conflict["why"]
    assert conflict["action"] and conflict["legal_basis"]
    assert results["wbtr.absence_clause"]["applies"] is False
    assert results["wbtr.absence_clause"]["why"] == []


def test_check_gives_the_deadline_of_a_rule(client):
    profile = {"legal_form": "association", "board_size": 5, "statutes_multiple_votes": True}

    response = _post(client, CHECK, {"profile": profile, "date": "2026-01-15"})

    result = next(r for r in response.json()["results"] if r["rule"] == "wbtr.multiple_votes")
    assert result["applies"] is True
    assert result["deadline"] == "2026-07-01"


def test_check_uses_nov_text_in_force_on_the_date(client):
    RuleText.objects.create(
        rule_key="wbtr.conflict_of_interest",
        title="Nieuwe titel van NOV",
        action="Doe dit.",
        legal_basis="Art. 2:44 lid 6 BW",
        dossier_url="https://www.vrijwilligerswerk.nl/",
        valid_from=date(2026, 1, 1),
    )
    profile = {"legal_form": "foundation", "board_size": 3}

    response = _post(client, CHECK, {"profile": profile, "date": "2026-02-01"})

    result = next(r for r in response.json()["results"] if r["rule"] == "wbtr.conflict_of_interest")
    assert result["title"] == "Nieuwe titel van NOV"
    assert result["legal_basis"] == "Art. 2:44 lid 6 BW"
    assert result["dossier_url"] == "https://www.vrijwilligerswerk.nl/"


def test_check_defaults_to_today(client):
    response = _post(client, CHECK, {"profile": {"legal_form": "foundation", "board_size": 1}})

    assert response.status_code == 200
    assert response.json()["date"] == timezone.localdate().isoformat()


def test_check_refuses_unknown_facts_naming_each_one(client):
    profile = {"legal_form": "foundation", "shoe_size": 42, "favourite_colour": "blue"}

    response = _post(client, CHECK, {"profile": profile})

    assert response.status_code == 422
    assert sorted(_fields(response)) == ["profile.favourite_colour", "profile.shoe_size"]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("volunteer_count", "many"),
        ("volunteer_count", 2.5),
        ("volunteer_count", -1),
        ("paid_staff", "yes"),
        ("legal_form", "limited_company"),
        ("board_size", None),
    ],
)
def test_check_refuses_ill_typed_values_with_the_questionnaire_message(client, key, value):
    with pytest.raises(ValidationError) as excinfo:
        fact_parse(FACTS_BY_KEY[key], value)

    response = _post(client, CHECK, {"profile": {key: value}})

    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"field": f"profile.{key}", "message": excinfo.value.messages[0]}
    ]


def test_check_refuses_contradicting_answers_naming_the_field(client):
    profile = {"legal_form": "foundation", "board_size": 0}

    response = _post(client, CHECK, {"profile": profile})

    assert response.status_code == 422
    assert _fields(response) == ["profile.board_size"]
    assert response.json()["detail"][0]["message"]


def test_check_refuses_a_malformed_date(client):
    response = _post(client, CHECK, {"profile": {}, "date": "15-01-2026"})

    assert response.status_code == 422
    assert _fields(response) == ["date"]


def test_check_refuses_a_date_on_which_no_rule_is_in_force(client):
    first = min(rule.valid_from for rule in REGISTRY.values())
    before = date(first.year - 1, 1, 1)

    response = _post(client, CHECK, {"profile": {}, "date": before.isoformat()})

    assert response.status_code == 422
    assert _fields(response) == ["date"]
    assert first.isoformat() in response.json()["detail"][0]["message"]


# --- GET /rules


def test_rules_lists_every_rule_and_the_facts_they_read(client):
    response = client.get(RULES)

    assert response.status_code == 200
    body = response.json()
    assert {r["rule"] for r in body["rules"]} == set(REGISTRY)
    wbtr = next(r for r in body["rules"] if r["rule"] == "wbtr.multiple_votes")
    assert wbtr == {
        "rule": "wbtr.multiple_votes",
        "title": REGISTRY["wbtr.multiple_votes"].title,
        "kind": "duty",
        "topic": "wbtr",
        "facts": ["legal_form", "statutes_multiple_votes"],
        "legal_basis": REGISTRY["wbtr.multiple_votes"].legal_basis,
        "valid_from": "2021-07-01",
        "valid_to": None,
        "deadline": "2026-07-01",
    }
    facts = {f["key"]: f for f in body["facts"]}
    assert {key for rule in REGISTRY.values() for key in rule.facts} == set(facts)
    assert facts["legal_form"]["type"] == "choice"
    assert "foundation" in {c["value"] for c in facts["legal_form"]["choices"]}
    assert facts["statutes_multiple_votes"]["type"] == "bool"
    assert facts["statutes_multiple_votes"]["choices"] == []


# --- POST /allowance


def test_allowance_within_limits(client):
    body = {"year": 2024, "age": 30, "per_hour": "5.00", "per_month": 150, "per_year": 1500}

    response = _post(client, ALLOWANCE, body)

    assert response.status_code == 200
    result = response.json()
    assert result["within_limits"] is True
    assert result["exceeded"] == []
    assert result["limits"] == {"per_hour": "5.50", "per_month": "210.00", "per_year": "2100.00"}
    assert result["explanation"]


def test_allowance_names_what_is_exceeded_and_amounts_may_be_left_out(client):
    response = _post(client, ALLOWANCE, {"year": 2023, "per_month": 200})

    assert response.status_code == 200
    assert response.json()["within_limits"] is False
    assert response.json()["exceeded"] == ["per_month"]


@pytest.mark.parametrize("year", [2019, 2031, 99999])
def test_allowance_for_an_unknown_year_names_the_known_years(client, year):
    response = _post(client, ALLOWANCE, {"year": year, "per_month": 100})

    assert response.status_code == 422
    assert _fields(response) == ["year"]
    assert "2023, 2024, 2025, 2026" in response.json()["detail"][0]["message"]


def test_allowance_refuses_negative_amounts(client):
    response = _post(client, ALLOWANCE, {"year": 2025, "per_month": -10, "per_year": -1})

    assert response.status_code == 422
    assert sorted(_fields(response)) == ["per_month", "per_year"]


def test_allowance_only_real_costs_is_within_limits_whatever_the_costs(client):
    response = _post(client, ALLOWANCE, {"year": 2026, "pattern": "real_costs"})

    assert response.status_code == 200
    result = response.json()
    assert result["pattern"] == "real_costs"
    assert result["within_limits"] is True
    assert result["exceeded"] == []
    with translation.override("nl"):
        expected = allowance_check(year=2026, pattern="real_costs").explanation
    assert result["explanation"] == expected


def test_allowance_real_costs_with_a_fixed_amount_is_a_422_on_pattern(client):
    body = {"year": 2026, "pattern": "real_costs", "per_month": 500}

    response = _post(client, ALLOWANCE, body)

    assert response.status_code == 422
    assert _fields(response) == ["pattern"]


def test_allowance_costs_on_top_of_an_hourly_allowance_count_towards_the_month(client):
    body = {"year": 2023, "age": 30, "per_hour": 4, "per_month": 160, "costs_per_month": 48}

    response = _post(client, ALLOWANCE, body)

    assert response.status_code == 200
    assert response.json()["pattern"] == "allowance"
    assert response.json()["exceeded"] == ["per_month"]
    body["costs_per_month"] = 30
    assert _post(client, ALLOWANCE, body).json()["within_limits"] is True


def test_allowance_costs_on_top_without_hourly_allowance_is_a_422(client):
    body = {"year": 2026, "per_month": 100, "costs_per_month": 20}

    response = _post(client, ALLOWANCE, body)

    assert response.status_code == 422
    assert _fields(response) == ["costs_per_month"]


# --- the document


def test_openapi_document_lists_the_toolbox_paths(client):
    response = client.get("/api/v1/openapi.json")

    paths = response.json()["paths"]
    assert {"/api/v1/compliance/check", "/api/v1/compliance/rules"} <= paths.keys()
    assert "/api/v1/compliance/allowance" in paths
