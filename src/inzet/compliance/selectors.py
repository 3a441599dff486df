"""Reads: rule outcomes for a date (with NOV's texts and parameters), saved checklists."""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404

from inzet.accounts.models import User

from .engine import REGISTRY, Outcome, Rule, RuleTexts, evaluate
from .models import Bottleneck, ParameterOverride, RuleText, RuleUsage, SavedCheck
from .parameters import default_value


class UnknownParameter(LookupError):
    pass


def parameter_value(*, key: str, on: date) -> Decimal:
    """The value in force on ``on``: NOV's override if there is one, else the shipped value."""
    override = (
        ParameterOverride.objects.filter(_valid_on(on), key=key).order_by("-valid_from").first()
    )
    if override is not None:
        return override.value
    default = default_value(key, on)
    if default is None:
        raise UnknownParameter(f"No value for {key} on {on}.")
    return default.value


def _valid_on(on: date) -> Q:
    return Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on))


def rule_texts_on(*, on: date) -> dict[str, RuleTexts]:
    """NOV's wording in force on ``on``, per rule key (the latest start date wins)."""
    return {
        text.rule_key: RuleTexts(text.title, text.action, text.legal_basis, text.dossier_url)
        for text in RuleText.objects.filter(_valid_on(on)).order_by("rule_key", "valid_from")
    }


def rules_valid_on(*, on: date) -> list[Rule]:
    return [rule for rule in REGISTRY.values() if rule.is_valid_on(on)]


def compliance_evaluate(*, facts: Mapping[str, Any], on: date) -> list[Outcome]:
    """Every rule in force on ``on``, with NOV's current texts and that date's amounts."""
    overrides = {
        o.key: o.value
        for o in ParameterOverride.objects.filter(_valid_on(on)).order_by("key", "valid_from")
    }
    texts = rule_texts_on(on=on)

    def parameter(key: str) -> Decimal:
        if key in overrides:
            return overrides[key]
        default = default_value(key, on)
        if default is None:
            raise UnknownParameter(f"No value for {key} on {on}.")
        return default.value

    return evaluate(
        facts=facts,
        on=on,
        parameter=parameter,
        texts=lambda rule: (
            texts.get(rule.key)
            or RuleTexts(rule.title, rule.action, rule.legal_basis, rule.dossier)
        ),
        rules=rules_valid_on(on=on),
    )


def checklist(*, facts: Mapping[str, Any], on: date) -> list[Outcome]:
    """The rules that apply, duties first, then by topic."""
    outcomes = [o for o in compliance_evaluate(facts=facts, on=on) if o.applies]
    return sorted(outcomes, key=lambda o: (o.rule.kind != "duty", o.rule.topic, o.rule.key))


def saved_check_list(*, owner: User) -> QuerySet[SavedCheck]:
    return SavedCheck.objects.filter(owner=owner).select_related("organisation")


def saved_check_get_for_owner(*, owner: User, public_id: UUID) -> SavedCheck:
    try:
        return SavedCheck.objects.get(owner=owner, public_id=public_id)
    except SavedCheck.DoesNotExist:
        raise Http404 from None


def bottleneck_summary(
    *, topic: str = "", municipality_code: str = "", sector_slug: str = ""
) -> dict[str, Any]:
    """Bottlenecks aggregated by rule, sector and province, for NOV's lobby work."""
    reports = Bottleneck.objects.all()
    if topic:
        reports = reports.filter(topic=topic)
    if municipality_code:
        reports = reports.filter(municipality_id=municipality_code)
    if sector_slug:
        reports = reports.filter(sector__slug=sector_slug)
    return {
        "total": reports.count(),
        "by_rule": list(
            reports.values("topic", "rule_key").annotate(count=Count("id")).order_by("-count")
        ),
        "by_sector": list(
            reports.values("sector__name").annotate(count=Count("id")).order_by("-count")
        ),
        "by_province": list(
            reports.values("municipality__province__name")
            .annotate(count=Count("id"))
            .order_by("-count")
        ),
        "latest": list(reports.select_related("municipality", "sector", "organisation")[:50]),
    }


def rule_usage_ranking() -> list[dict[str, Any]]:
    return list(
        RuleUsage.objects.values("rule_key").annotate(total=Sum("applied")).order_by("-total")
    )
