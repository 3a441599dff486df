"""Reads: rule outcomes for a date (with NOV's texts and parameters), saved checklists."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404

from inzet.accounts.models import User
from inzet.core import permissions
from inzet.organisations.models import Organisation

from .engine import REGISTRY, Outcome, Rule, RuleTexts, evaluate
from .facts import (
    FACTS_BY_KEY,
    STEPS,
    Fact,
    fact_parse,
    facts_candidates,
    facts_clean,
    facts_contradictions,
    facts_to_ask,
)
from .models import Bottleneck, ParameterOverride, RuleText, RuleUsage, SavedCheck
from .parameters import DEFAULTS, default_value


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


# --- Rule overview and parameters in force (management site, API, rule-change notice)


@dataclass(frozen=True)
class ParameterInForce:
    key: str
    value: Decimal
    valid_from: date
    valid_to: date | None
    source: str
    overridden: bool


def parameters_in_force(*, on: date) -> list[ParameterInForce]:
    """Every parameter's value on ``on`` and where it comes from (NOV's override or the code)."""
    overrides: dict[str, ParameterOverride] = {}
    for override in ParameterOverride.objects.filter(_valid_on(on)).order_by("key", "valid_from"):
        overrides[override.key] = override  # the latest start date wins, as in parameter_value
    keys = sorted({value.key for value in DEFAULTS} | overrides.keys())
    in_force = []
    for key in keys:
        if key in overrides:
            o = overrides[key]
            in_force.append(
                ParameterInForce(key, o.value, o.valid_from, o.valid_to, o.source, overridden=True)
            )
        elif (default := default_value(key, on)) is not None:
            in_force.append(
                ParameterInForce(
                    key,
                    default.value,
                    default.valid_from,
                    default.valid_to,
                    default.source,
                    overridden=False,
                )
            )
    return in_force


def parameter_keys() -> list[str]:
    """The parameters the code knows (the keys NOV can override)."""
    return sorted({value.key for value in DEFAULTS})


def rule_keys_for_parameter(*, key: str) -> list[str]:
    """The rules a parameter change may affect: those of the topic its key starts with
    ("allowance.max_per_month" → topic "allowance"), or every rule if no topic matches."""
    topic = key.partition(".")[0]
    matching = [rule.key for rule in REGISTRY.values() if rule.topic == topic]
    return matching or list(REGISTRY)


@dataclass(frozen=True)
class RuleOverviewRow:
    rule: Rule
    texts: RuleTexts
    nov_text: bool
    applied: int


def rule_overview(*, on: date) -> list[RuleOverviewRow]:
    """Every registered rule with the texts in force on ``on`` and how often it applied."""
    texts = rule_texts_on(on=on)
    applied = {row["rule_key"]: row["total"] or 0 for row in rule_usage_ranking()}
    return [
        RuleOverviewRow(
            rule=rule,
            texts=texts.get(rule.key)
            or RuleTexts(rule.title, rule.action, rule.legal_basis, rule.dossier),
            nov_text=rule.key in texts,
            applied=applied.get(rule.key, 0),
        )
        for rule in sorted(REGISTRY.values(), key=lambda r: (r.topic, r.key))
    ]


def allowance_limits(*, year: int) -> dict[str, Decimal]:
    """The tax-free limits of a year (mid-year values), for the allowance calculator."""
    on = date(year, 7, 1)
    return {
        key: parameter_value(key=f"allowance.{key}", on=on)
        for key in ("max_per_hour_adult", "max_per_hour_young", "max_per_month", "max_per_year")
    } | {"adult_age": parameter_value(key="allowance.adult_age", on=on)}


def bottleneck_organisation_list(*, user: User | None) -> QuerySet[Organisation]:
    """The organisations someone may report a knelpunt for: the ones they are a member of."""
    if user is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user).order_by("name")


def bottleneck_summary_visible_to(*, user: permissions.AnyUser | None) -> bool:
    return permissions.can_view_bottleneck_reports(user)


def bottleneck_summary_get_for_viewer(
    *, user: permissions.AnyUser | None, topic: str = "", sector_slug: str = ""
) -> dict[str, Any]:
    """Gatekeeper of the knelpunten summary: a 404 for everyone who may not see it."""
    if not bottleneck_summary_visible_to(user=user):
        raise Http404
    return bottleneck_summary(topic=topic, sector_slug=sector_slug)


# --- The questionnaire behind the checklist (views/checklist.py): steps, questions, answers


def questionnaire_questions(*, step: str, answers: Mapping[str, Any]) -> list[Fact]:
    """The questions of one step, given the answers so far."""
    return facts_to_ask(step=step, answers=answers, rules=REGISTRY.values())


def questionnaire_candidates(*, step: str, answers: Mapping[str, Any]) -> list[Fact]:
    """The questions of one step plus the follow-ups an answer on that page may bring up."""
    return facts_candidates(step=step, answers=answers, rules=REGISTRY.values())


def questionnaire_steps(*, answers: Mapping[str, Any]) -> list[str]:
    """The steps that have questions, given the answers so far; the others are skipped."""
    return [key for key, _title in STEPS if questionnaire_questions(step=key, answers=answers)]


def questionnaire_step_open(*, answers: Mapping[str, Any]) -> str | None:
    """The first step with a question not answered yet or an answer that contradicts
    another one; None when the questionnaire is complete."""
    problems = facts_contradictions(answers)
    for step in questionnaire_steps(answers=answers):
        for fact in questionnaire_questions(step=step, answers=answers):
            if fact.key not in answers or fact.key in problems:
                return step
    return None


def questionnaire_answers_merge(
    *, answers: Mapping[str, Any], step: str, step_answers: Mapping[str, Any]
) -> dict[str, Any]:
    """Replace the answers of one step, and drop answers to questions that no longer apply."""
    kept = {key: value for key, value in answers.items() if FACTS_BY_KEY[key].step != step}
    return facts_clean({**kept, **step_answers}, REGISTRY.values())


def questionnaire_answers_load(*, data: Mapping[str, Any]) -> dict[str, Any]:
    """Answers stored as JSON (session, saved checklist) back in the types the rules expect.

    Unknown and invalid answers are left out, and so are answers to questions that are no
    longer asked (the rules changed since they were given).
    """
    parsed: dict[str, Any] = {}
    for key, value in data.items():
        fact = FACTS_BY_KEY.get(key)
        if fact is None:
            continue
        try:
            parsed[key] = fact_parse(fact, value)
        except ValidationError:
            continue
    return facts_clean(parsed, REGISTRY.values())


def questionnaire_answers_json(*, answers: Mapping[str, Any]) -> dict[str, Any]:
    """Answers as JSON-safe values (amounts as strings), for the session."""
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in answers.items()}


def saved_check_organisation_options(*, owner: User) -> QuerySet[Organisation]:
    """The organisations a checklist can be saved for: the ones its owner is a member of."""
    return Organisation.objects.filter(memberships__user=owner).order_by("name")


def compliance_data_export(*, user: User) -> dict[str, Any]:
    """Saved checklists and reported knelpunten of one person, for the AVG export."""
    return {
        "saved_checklists": [
            {
                "name": check.name,
                "organisation": check.organisation.name if check.organisation else None,
                "answers": check.answers,
                "done": check.done_rules,
                "saved_at": check.updated_at.isoformat(),
            }
            for check in SavedCheck.objects.filter(owner=user).select_related("organisation")
        ],
        "reported_knelpunten": [
            {"topic": b.topic, "description": b.description, "at": b.created_at.isoformat()}
            for b in Bottleneck.objects.filter(reported_by=user)
        ],
    }
