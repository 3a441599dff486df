from django.urls import reverse

import pytest

from inzet.accounts.tests.factories import UserFactory, adviser, nov_staff
from inzet.compliance.models import Bottleneck
from inzet.compliance.services import bottleneck_report
from inzet.geo.models import Municipality
from inzet.organisations.models import Sector
from inzet.organisations.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

ALLOWANCE_URL = reverse("compliance:allowance")
FREE_VOG_URL = reverse("compliance:free-vog")
REPORT_URL = reverse("compliance:bottleneck-report")
SUMMARY_URL = reverse("compliance:bottleneck-summary")
LAWS = "wet-en-regelgeving"


# --- index


def test_index_links_to_the_check_the_calculators_and_knelpunten(client):
    response = client.get(reverse("compliance:index"))

    content = response.content.decode()
    assert response.status_code == 200
    for name in ("check-start", "allowance", "free-vog", "bottleneck-report"):
        assert reverse(f"compliance:{name}") in content
    assert reverse("compliance:saved-list") not in content
    assert SUMMARY_URL not in content


def test_index_shows_saved_checklists_to_a_logged_in_user(client):
    client.force_login(UserFactory())

    response = client.get(reverse("compliance:index"))

    assert reverse("compliance:saved-list") in response.content.decode()
    assert SUMMARY_URL not in response.content.decode()


def test_index_links_nov_staff_to_the_summary(client):
    client.force_login(nov_staff())

    response = client.get(reverse("compliance:index"))

    assert SUMMARY_URL in response.content.decode()


# --- allowance


@pytest.mark.parametrize(
    ("query", "within_limits"),
    [
        ({"per_month": "220"}, True),
        ({"per_month": "220,01"}, False),
        ({"per_month": "220.01"}, False),
        ({"per_year": "2200"}, True),
        ({"per_year": "2200.01"}, False),
        ({"per_hour": "5.75", "age": "21"}, True),
        ({"per_hour": "5,76", "age": "21"}, False),
        ({"per_hour": "3,40", "age": "20"}, True),
        ({"per_hour": "3.41", "age": "20"}, False),
        ({"per_hour": "€ 3,40", "age": "20", "per_month": " 100 "}, True),
    ],
)
def test_allowance_within_or_over_the_limits_of_2026(client, query, within_limits):
    response = client.get(ALLOWANCE_URL, {"year": "2026", **query})

    assert response.status_code == 200
    assert response.context["form"].errors == {}
    assert response.context["result"].within_limits is within_limits


def test_allowance_result_names_the_limit_that_is_exceeded(client):
    response = client.get(ALLOWANCE_URL, {"year": "2026", "per_month": "250", "per_year": "2000"})

    result = response.context["result"]
    assert result.exceeded == ["per_month"]
    assert result.limits["per_month"] == 220
    rows = {row["key"]: row["exceeded"] for row in response.context["rows"]}
    assert rows == {"per_hour": False, "per_month": True, "per_year": False}
    assert result.explanation[0] in response.content.decode()


def test_allowance_uses_the_limits_of_the_chosen_year(client):
    response = client.get(ALLOWANCE_URL, {"year": "2023", "per_month": "200"})

    assert response.context["result"].within_limits is False
    assert response.context["result"].limits["per_month"] == 190


def test_allowance_without_answers_shows_the_limits_of_a_known_year(client):
    response = client.get(ALLOWANCE_URL)

    assert response.status_code == 200
    assert not response.context["form"].is_bound
    assert response.context["result"] is None
    assert {"max_per_month", "max_per_hour_young"} <= response.context["limits"].keys()


def test_allowance_link_without_a_year_uses_the_default_year(client):
    response = client.get(ALLOWANCE_URL, {"per_month": "100"})

    assert response.context["result"].within_limits is True


def test_allowance_unknown_year_gets_a_message(client):
    response = client.get(ALLOWANCE_URL, {"year": "2019", "per_month": "100"})

    assert response.status_code == 200
    assert "2026" in response.context["form"].errors["year"][0]
    assert response.context["result"] is None
    assert 'href="#id_year"' in response.content.decode()


def test_allowance_only_real_costs_gets_no_table_and_no_limit(client):
    response = client.get(ALLOWANCE_URL, {"year": "2026", "pattern": "real_costs"})

    assert response.status_code == 200
    assert response.context["form"].errors == {}
    result = response.context["result"]
    assert result.pattern == "real_costs"
    assert result.within_limits is True
    assert response.context["rows"] == []
    assert result.explanation[0] in response.content.decode()


def test_allowance_real_costs_with_an_amount_keeps_the_answers_and_explains(client):
    query = {"year": "2026", "pattern": "real_costs", "per_month": "300"}

    response = client.get(ALLOWANCE_URL, query)

    assert response.context["form"].errors["pattern"]
    assert response.context["result"] is None
    assert 'value="300"' in response.content.decode()


def test_allowance_costs_on_top_count_in_the_month_row(client):
    query = {"year": "2023", "age": "30", "per_hour": "4", "per_month": "160"}

    within = client.get(ALLOWANCE_URL, query).context["result"]
    over = client.get(ALLOWANCE_URL, {**query, "costs_per_month": "48"})

    assert within.within_limits is True
    assert over.context["result"].exceeded == ["per_month"]
    month = next(row for row in over.context["rows"] if row["key"] == "per_month")
    assert month["amount"] == 208 and month["exceeded"] is True


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"per_month": "-5"}, "per_month"),
        ({"per_month": "abc"}, "per_month"),
        ({"per_year": "1e999"}, "per_year"),
        ({"per_year": "99999999999999999999999"}, "per_year"),
        ({"per_year": "2.200"}, "per_year"),
        ({"per_hour": "5"}, "age"),
        ({"per_hour": "5", "age": "abc"}, "age"),
        ({"per_hour": "5", "age": "-1"}, "age"),
        ({"per_hour": "5", "age": "99999999999999999999999999"}, "age"),
        ({"age": "30"}, "per_month"),
        ({"per_month": "100", "costs_per_month": "20"}, "costs_per_month"),
        ({"pattern": "gift", "per_month": "100"}, "pattern"),
    ],
)
def test_allowance_bad_input_gets_a_message_on_the_field(client, query, field):
    response = client.get(ALLOWANCE_URL, {"year": "2026", **query})

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert response.context["result"] is None
    assert 'aria-invalid="true"' in response.content.decode()


# --- free VOG

ALL_YES = {
    "works_with_vulnerable": "yes",
    "vog_required_by_law": "no",
    "kvk_registered": "yes",
    "has_code_of_conduct": "yes",
    "has_selection_policy": "yes",
    "has_confidential_adviser": "yes",
}


def test_free_vog_eligible_shows_the_steps(client):
    response = client.post(FREE_VOG_URL, ALL_YES)

    result = response.context["result"]
    assert result.eligible is True
    assert result.missing_measures == []
    assert result.steps[0] in response.content.decode()


def test_free_vog_not_eligible_without_vulnerable_people(client):
    response = client.post(FREE_VOG_URL, {**ALL_YES, "works_with_vulnerable": "no"})

    result = response.context["result"]
    assert result.eligible is False
    assert result.reasons[0] in response.content.decode()


def test_free_vog_lists_missing_measures(client):
    response = client.post(FREE_VOG_URL, {**ALL_YES, "has_confidential_adviser": "no"})

    assert response.context["result"].missing_measures == ["een vertrouwenspersoon"]


def test_free_vog_asks_the_questions_of_the_checklist(client):
    from inzet.compliance.facts import FACTS_BY_KEY

    response = client.get(FREE_VOG_URL)

    assert response.status_code == 200
    assert str(FACTS_BY_KEY["has_selection_policy"].question) in response.content.decode()


def test_free_vog_unanswered_questions_get_a_message(client):
    response = client.post(FREE_VOG_URL, {"works_with_vulnerable": "maybe"})

    assert response.status_code == 200
    assert response.context["result"] is None
    assert set(response.context["form"].errors) == set(ALL_YES)


# --- knelpunt (bottleneck) report


def _report_data(**changes):
    return {
        "topic": "wbtr",
        "rule": "wbtr.conflict_of_interest",
        "description": "De regels over tegenstrijdig belang zijn voor ons kleine bestuur lastig.",
        "postcode": "3511ab",
        "sector": Sector.objects.get(slug="sport").pk,
        **changes,
    }


def test_bottleneck_report_needs_login(client):
    response = client.get(REPORT_URL)

    assert response.status_code == 302
    assert "/account/inloggen/" in response["Location"]


def test_bottleneck_report_saves_with_the_municipality_of_the_postcode(client):
    membership = MembershipFactory()
    client.force_login(membership.user)

    response = client.post(REPORT_URL, _report_data(organisation=membership.organisation.pk))

    assert response.status_code == 302
    assert response["Location"] == reverse("compliance:index")
    report = Bottleneck.objects.get()
    assert report.municipality == Municipality.objects.get(postcode_areas__pc4="3511")
    assert report.topic == "wbtr"
    assert report.rule_key == "wbtr.conflict_of_interest"
    assert report.sector.slug == "sport"
    assert report.organisation == membership.organisation
    assert report.reported_by == membership.user


def test_bottleneck_report_without_optional_answers(client):
    client.force_login(UserFactory())

    response = client.post(
        REPORT_URL, {"topic": "other", "description": "Het UWV vraagt te veel formulieren."}
    )

    assert response.status_code == 302
    report = Bottleneck.objects.get()
    assert (report.topic, report.rule_key, report.municipality, report.organisation) == (
        "other",
        "",
        None,
        None,
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"postcode": "1000"}, "postcode"),
        ({"postcode": "12"}, "postcode"),
        ({"description": "   "}, "description"),
        ({"topic": ""}, "topic"),
        ({"topic": "nonsense"}, "topic"),
        ({"topic": "other"}, "rule"),
        ({"rule": "no.such.rule"}, "rule"),
        ({"sector": "999999"}, "sector"),
    ],
)
def test_bottleneck_report_bad_input_keeps_what_was_typed(client, changes, field):
    client.force_login(UserFactory())
    data = _report_data(**changes)

    response = client.post(REPORT_URL, data)

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Bottleneck.objects.exists()
    content = response.content.decode()
    assert "Controleer het volgende" in content
    if data["description"].strip():
        assert data["description"] in content


def test_bottleneck_report_only_for_own_organisations(client):
    client.force_login(MembershipFactory().user)

    response = client.post(REPORT_URL, _report_data(organisation=OrganisationFactory().pk))

    assert response.context["form"].errors["organisation"]
    assert not Bottleneck.objects.exists()


def test_bottleneck_report_offers_only_own_organisations(client):
    membership = MembershipFactory()
    other = OrganisationFactory()
    client.force_login(membership.user)

    response = client.get(REPORT_URL)

    content = response.content.decode()
    assert membership.organisation.name in content
    assert other.name not in content


# --- summary


@pytest.mark.parametrize(
    ("_case", "make_user", "status"),
    [
        ("anonymous", lambda: None, 302),
        ("ordinary user", UserFactory, 404),
        ("organisation member", lambda: MembershipFactory().user, 404),
        ("adviser", adviser, 404),
        ("NOV staff", nov_staff, 200),
        ("member of another network", lambda: _network_member("novi"), 404),
        ("member of the Wet- & Regelgeving network", lambda: _network_member(LAWS), 200),
    ],
)
def test_bottleneck_summary_access(client, _case, make_user, status):
    if user := make_user():
        client.force_login(user)

    response = client.get(SUMMARY_URL)

    assert response.status_code == status


def _network_member(slug):
    from inzet.networks.tests.factories import MembershipFactory as NetworkMembershipFactory

    return NetworkMembershipFactory(network__slug=slug).user


def _report(topic="wbtr", rule_key="", sector_slug="", pc4="", organisation=None, reporter=None):
    return bottleneck_report(
        reporter=reporter or UserFactory(),
        topic=topic,
        rule_key=rule_key,
        description=f"Probleem met {topic}",
        sector=Sector.objects.get(slug=sector_slug) if sector_slug else None,
        municipality=Municipality.objects.get(postcode_areas__pc4=pc4) if pc4 else None,
        organisation=organisation,
    )


def test_bottleneck_summary_counts_by_topic_rule_sector_and_province(client):
    _report(rule_key="wbtr.conflict_of_interest", sector_slug="sport", pc4="3511")
    _report(rule_key="wbtr.conflict_of_interest", sector_slug="sport", pc4="8011")
    _report(sector_slug="dieren", pc4="3511")
    _report(topic="other")
    client.force_login(nov_staff())

    response = client.get(SUMMARY_URL)

    context = response.context
    assert context["total"] == 4
    assert context["by_topic"] == [("Bestuur en toezicht (WBTR)", 3), ("Iets anders", 1)]
    rule_title = "Regel wat er gebeurt bij een tegenstrijdig belang"
    assert ("Bestuur en toezicht (WBTR)", rule_title, 2) in context["by_rule"]
    assert ("Bestuur en toezicht (WBTR)", "Het onderwerp in het algemeen", 1) in context["by_rule"]
    assert dict(context["by_sector"]) == {"Sport en bewegen": 2, "Dieren": 1, None: 1}
    assert dict(context["by_province"]) == {"Utrecht": 2, "Overijssel": 1, None: 1}
    assert rule_title in response.content.decode()


def test_bottleneck_summary_filters_by_topic_and_sector(client):
    _report(sector_slug="sport")
    _report(sector_slug="dieren")
    _report(topic="other", sector_slug="sport")
    client.force_login(nov_staff())

    by_topic = client.get(SUMMARY_URL, {"topic": "wbtr"})
    by_both = client.get(SUMMARY_URL, {"topic": "wbtr", "sector": "sport"})
    unknown = client.get(SUMMARY_URL, {"topic": "nonsense"})

    assert by_topic.context["total"] == 2
    assert by_both.context["total"] == 1
    assert unknown.status_code == 200
    assert unknown.context["total"] == 3


def test_bottleneck_summary_shows_the_organisation_but_not_the_reporter(client):
    reporter = UserFactory(email="melder@example.org", name="Mila Melder")
    organisation = OrganisationFactory(name="Scouting De Bevers")
    _report(organisation=organisation, reporter=reporter)
    client.force_login(nov_staff())

    response = client.get(SUMMARY_URL)

    content = response.content.decode()
    assert "Scouting De Bevers" in content
    assert "melder@example.org" not in content
    assert "Mila Melder" not in content
