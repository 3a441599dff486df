"""The calculations in services.py: allowance limits and the Gratis VOG check."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError

import pytest

from inzet.compliance.models import ParameterOverride
from inzet.compliance.services import _real_costs_explanation, allowance_check, free_vog_check

D = Decimal

LIMITS = {
    # year: (per month, per year, per hour 21+, per hour under 21)
    2023: ("190", "1900", "5.00", "2.75"),
    2024: ("210", "2100", "5.50", "3.25"),
    2025: ("210", "2100", "5.60", "3.30"),
    2026: ("220", "2200", "5.75", "3.40"),
}


def _errors(excinfo) -> dict[str, list[str]]:
    return excinfo.value.message_dict


# --- allowance_check


@pytest.mark.django_db
@pytest.mark.parametrize("year", sorted(LIMITS))
def test_allowance_limits_per_year(year):
    month, per_year, adult, young = map(D, LIMITS[year])

    as_adult = allowance_check(year=year, age=21)
    as_young = allowance_check(year=year, age=20)

    assert as_adult.year == year
    assert as_adult.limits == {"per_hour": adult, "per_month": month, "per_year": per_year}
    assert as_young.limits["per_hour"] == young
    assert as_adult.within_limits and as_adult.exceeded == []


@pytest.mark.django_db
def test_allowance_without_age_uses_the_adult_hourly_limit():
    assert allowance_check(year=2026).limits["per_hour"] == D("5.75")


@pytest.mark.django_db
@pytest.mark.parametrize("year", sorted(LIMITS))
def test_allowance_exactly_at_every_limit_is_within(year):
    month, per_year, adult, young = map(D, LIMITS[year])

    adult_result = allowance_check(
        year=year, age=21, per_hour=adult, per_month=month, per_year=per_year
    )
    young_result = allowance_check(year=year, age=20, per_hour=young)

    assert adult_result.within_limits and adult_result.exceeded == []
    assert young_result.within_limits and young_result.exceeded == []


@pytest.mark.django_db
@pytest.mark.parametrize("year", sorted(LIMITS))
def test_allowance_one_cent_above_each_limit_is_exceeded(year):
    month, per_year, adult, young = (D(v) + D("0.01") for v in LIMITS[year])

    assert allowance_check(year=year, per_month=month).exceeded == ["per_month"]
    assert allowance_check(year=year, per_year=per_year).exceeded == ["per_year"]
    assert allowance_check(year=year, age=21, per_hour=adult).exceeded == ["per_hour"]
    assert allowance_check(year=year, age=20, per_hour=young).exceeded == ["per_hour"]


@pytest.mark.django_db
def test_allowance_lists_every_exceeded_limit_in_order():
    result = allowance_check(
        year=2024, age=19, per_hour=D("5.50"), per_month=D("250"), per_year=D("2500")
    )

    assert not result.within_limits
    assert result.exceeded == ["per_hour", "per_month", "per_year"]
    assert len(result.explanation) == 3


@pytest.mark.django_db
def test_allowance_adult_rate_is_too_much_for_a_20_year_old_in_2026():
    assert allowance_check(year=2026, age=21, per_hour=D("5.75")).within_limits
    assert allowance_check(year=2026, age=20, per_hour=D("5.75")).exceeded == ["per_hour"]
    assert allowance_check(year=2026, age=20, per_hour=D("3.40")).within_limits


@pytest.mark.django_db
def test_allowance_override_by_nov_wins_over_the_shipped_amount():
    ParameterOverride.objects.create(
        key="allowance.max_per_month",
        value=D("230"),
        valid_from=date(2026, 1, 1),
        valid_to=date(2026, 12, 31),
        source="test",
    )

    result = allowance_check(year=2026, per_month=D("225"))

    assert result.limits["per_month"] == D("230")
    assert result.within_limits


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["per_hour", "per_month", "per_year"])
def test_allowance_negative_amount_is_an_error_on_that_field(field):
    with pytest.raises(ValidationError) as excinfo:
        allowance_check(year=2025, age=30, **{field: D("-0.01")})

    assert set(_errors(excinfo)) == {field}


@pytest.mark.django_db
def test_allowance_zero_is_allowed():
    assert allowance_check(year=2025, age=30, per_hour=D("0"), per_month=D("0")).within_limits


@pytest.mark.django_db
@pytest.mark.parametrize("year", [2022, 2027])
def test_allowance_unknown_year_names_the_known_years(year):
    with pytest.raises(ValidationError) as excinfo:
        allowance_check(year=year, per_month=D("100"))

    errors = _errors(excinfo)
    assert set(errors) == {"year"}
    assert "2023, 2024, 2025, 2026" in errors["year"][0]
    assert str(year) in errors["year"][0]


@pytest.mark.django_db
def test_allowance_only_real_costs_is_not_an_allowance_and_has_no_limit():
    result = allowance_check(year=2026, pattern="real_costs")

    assert result.within_limits is True
    assert result.exceeded == []
    assert result.pattern == "real_costs"
    # The limits are still given, for reference; nothing was compared with them.
    assert result.limits["per_month"] == D("220")
    # The real-costs explanation, not the one about staying within the limits.
    assert result.explanation == _real_costs_explanation()
    assert result.explanation != allowance_check(year=2026, per_month=D("10")).explanation


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["per_hour", "per_month", "per_year", "costs_per_month"])
def test_allowance_real_costs_with_an_allowance_amount_is_a_contradiction(field):
    with pytest.raises(ValidationError) as excinfo:
        allowance_check(year=2026, age=30, pattern="real_costs", **{field: D("10")})

    assert set(_errors(excinfo)) == {"pattern"}


@pytest.mark.django_db
def test_allowance_unknown_pattern_is_an_error():
    with pytest.raises(ValidationError) as excinfo:
        allowance_check(year=2026, pattern="gift", per_month=D("10"))

    assert set(_errors(excinfo)) == {"pattern"}


@pytest.mark.django_db
def test_allowance_costs_on_top_of_an_hourly_allowance_count_towards_the_month_limit():
    # The Belastingdienst's example for 2023: EUR 4 per hour + EUR 48 a week travel = EUR 208
    # per month, above the EUR 190 limit. Here: EUR 160 allowance + EUR 48 costs.
    over = allowance_check(
        year=2023, age=30, per_hour=D("4"), per_month=D("160"), costs_per_month=D("48")
    )
    assert over.within_limits is False
    assert over.exceeded == ["per_month"]
    assert over.amounts["per_month"] == D("208")
    assert "208,00" in over.explanation[0]

    # The same allowance without the costs, or with costs up to the limit, fits.
    assert allowance_check(year=2023, age=30, per_hour=D("4"), per_month=D("160")).within_limits
    at_limit = allowance_check(
        year=2023, age=30, per_hour=D("4"), per_month=D("160"), costs_per_month=D("30")
    )
    assert at_limit.within_limits is True
    assert at_limit.amounts["per_month"] == D("190")


@pytest.mark.django_db
def test_allowance_costs_on_top_without_an_hourly_allowance_is_an_error():
    # The sources only say how costs combine with an hourly allowance.
    with pytest.raises(ValidationError) as excinfo:
        allowance_check(year=2026, per_month=D("100"), costs_per_month=D("20"))

    assert set(_errors(excinfo)) == {"costs_per_month"}


@pytest.mark.django_db
def test_allowance_negative_costs_on_top_is_an_error():
    with pytest.raises(ValidationError) as excinfo:
        allowance_check(year=2026, age=30, per_hour=D("4"), costs_per_month=D("-1"))

    assert set(_errors(excinfo)) == {"costs_per_month"}


@pytest.mark.django_db
def test_allowance_per_hour_without_age_is_an_error():
    with pytest.raises(ValidationError) as excinfo:
        allowance_check(year=2025, per_hour=D("3.00"))

    assert set(_errors(excinfo)) == {"age"}


@pytest.mark.django_db
@pytest.mark.parametrize("age", [-1, 121])
def test_allowance_age_out_of_range_is_an_error(age):
    with pytest.raises(ValidationError) as excinfo:
        allowance_check(year=2025, age=age)

    assert set(_errors(excinfo)) == {"age"}


@pytest.mark.django_db
def test_allowance_reports_all_input_errors_at_once():
    with pytest.raises(ValidationError) as excinfo:
        allowance_check(year=2025, per_hour=D("-1"), per_year=D("-1"))

    assert set(_errors(excinfo)) == {"per_hour", "per_year", "age"}


# --- free_vog_check

FULL_POLICY = {
    "works_with_vulnerable": True,
    "vog_required_by_law": False,
    "has_code_of_conduct": True,
    "has_selection_policy": True,
    "has_confidential_adviser": True,
}


def test_free_vog_eligible_with_a_full_policy():
    result = free_vog_check(facts=FULL_POLICY)

    assert result.eligible
    assert result.missing_measures == []
    assert result.reasons and "5 jaar" in result.reasons[0]
    assert result.steps and "gratisvog.nl" in result.steps[0]


def test_free_vog_not_eligible_when_the_vog_is_already_required_by_law():
    result = free_vog_check(facts={**FULL_POLICY, "vog_required_by_law": True})

    assert not result.eligible
    assert any("andere wet" in reason for reason in result.reasons)
    assert result.steps == []


def test_free_vog_not_eligible_without_vulnerable_people():
    result = free_vog_check(facts={**FULL_POLICY, "works_with_vulnerable": False})

    assert not result.eligible
    assert any("kwetsbare" in reason for reason in result.reasons)


def test_free_vog_not_eligible_without_kvk_registration():
    result = free_vog_check(facts={**FULL_POLICY, "kvk_registered": False})

    assert not result.eligible
    assert any("KvK" in reason for reason in result.reasons)


@pytest.mark.parametrize("kvk_registered", [True, None])
def test_free_vog_registered_or_unasked_kvk_does_not_block(kvk_registered):
    assert free_vog_check(facts={**FULL_POLICY, "kvk_registered": kvk_registered}).eligible


def test_free_vog_lists_missing_measures_but_stays_eligible():
    result = free_vog_check(
        facts={**FULL_POLICY, "has_selection_policy": False, "has_confidential_adviser": None}
    )

    assert result.eligible
    assert result.missing_measures == [
        "een aannamebeleid (zoals een intakegesprek en referenties)",
        "een vertrouwenspersoon",
    ]


def test_free_vog_lists_missing_measures_when_not_eligible_too():
    result = free_vog_check(facts={"works_with_vulnerable": True, "vog_required_by_law": True})

    assert not result.eligible
    assert len(result.missing_measures) == 3
