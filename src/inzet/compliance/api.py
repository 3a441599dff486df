"""Toolbox wet- en regelgeving as an open API: the checklist, the rules and the allowance check.

Validation errors come back as 422 with ``{"detail": [{"field": …, "message": …}]}``, the
field written as a path into the request body (``profile.volunteer_count``).
"""

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ninja import Field, Router, Schema, Status

from . import selectors, services
from .engine import REGISTRY
from .facts import FACTS_BY_KEY, fact_parse, facts_contradictions, facts_needed
from .parameters import known_years

router = Router(tags=["toolbox laws and regulations"])

CENT = Decimal("0.01")


class FieldError(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    detail: list[FieldError]


def _unprocessable(errors: list[dict[str, str]]) -> Status[dict[str, Any]]:
    return Status(422, {"detail": errors})


def _field_errors(exc: ValidationError, prefix: str = "") -> list[dict[str, str]]:
    if not hasattr(exc, "error_dict"):
        return [{"field": prefix.rstrip("."), "message": message} for message in exc.messages]
    return [
        {"field": f"{prefix}{name}", "message": message}
        for name, messages in exc.message_dict.items()
        for message in messages
    ]


# --- POST /check


class CheckIn(Schema):
    profile: dict[str, Any] = Field(
        default_factory=dict,
        description="Answers by fact key; GET /compliance/rules lists the facts.",
        examples=[{"legal_form": "foundation", "board_size": 3, "volunteer_count": 12}],
    )
    date: str | None = Field(
        None,
        description="The date to check on, YYYY-MM-DD. Default: today.",
        examples=["2026-01-15"],
    )


class RuleResultOut(Schema):
    rule: str
    title: str
    applies: bool
    kind: str
    why: list[str]
    action: str
    legal_basis: str
    deadline: date | None
    dossier_url: str


class CheckOut(Schema):
    date: date
    results: list[RuleResultOut]


def _profile_parse(profile: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, str]]]:
    facts: dict[str, Any] = {}
    errors: list[dict[str, str]] = []
    for key, value in profile.items():
        fact = FACTS_BY_KEY.get(key)
        if fact is None:
            errors.append(
                {
                    "field": f"profile.{key}",
                    "message": _(
                        "We do not know this fact. GET /api/v1/compliance/rules lists the facts "
                        "you can give."
                    ),
                }
            )
            continue
        try:
            facts[key] = fact_parse(fact, value)
        except ValidationError as exc:
            errors.extend(_field_errors(exc, prefix=f"profile.{key}."))
    if not errors:
        errors = [
            {"field": f"profile.{key}", "message": message}
            for key, message in facts_contradictions(facts).items()
        ]
    return facts, errors


def _date_parse(value: str | None) -> tuple[date | None, list[dict[str, str]]]:
    if value is None or value == "":
        return timezone.localdate(), []
    try:
        on = date.fromisoformat(value)
    except ValueError:
        return None, [
            {
                "field": "date",
                "message": _("Fill in the date as YYYY-MM-DD, for example 2026-01-15."),
            }
        ]
    if not selectors.rules_valid_on(on=on):
        first = min((rule.valid_from for rule in REGISTRY.values()), default=None)
        message = _("No rule is in force on %(date)s.") % {"date": on.isoformat()}
        if first is not None and on < first:
            message += " " + _("Choose a date from %(first)s on.") % {"first": first.isoformat()}
        return None, [{"field": "date", "message": message}]
    return on, []


@router.post(
    "/check",
    response={200: CheckOut, 422: ErrorOut},
    summary="Which rules apply to an organisation",
)
def check(request, payload: CheckIn):
    """Every rule in force on the date, with whether it applies to the profile and why.

    Facts you leave out count as unknown: a rule that needs them does not apply.
    """
    facts, errors = _profile_parse(payload.profile)
    on, date_errors = _date_parse(payload.date)
    if errors or date_errors or on is None:
        return _unprocessable(errors + date_errors)
    outcomes = sorted(
        selectors.compliance_evaluate(facts=facts, on=on),
        key=lambda o: (o.rule.kind != "duty", o.rule.topic, o.rule.key),
    )
    results = []
    for outcome in outcomes:
        rule, texts = outcome.rule, outcome.texts
        results.append(
            {
                "rule": rule.key,
                "title": texts.title if texts else rule.title,
                "applies": outcome.applies,
                "kind": str(rule.kind),
                "why": outcome.why,
                "action": texts.action if texts else rule.action,
                "legal_basis": texts.legal_basis if texts else rule.legal_basis,
                "deadline": rule.deadline,
                "dossier_url": texts.dossier_url if texts else rule.dossier,
            }
        )
    return {"date": on, "results": results}


# --- GET /rules


class RuleOut(Schema):
    rule: str
    title: str
    kind: str
    topic: str
    facts: list[str]
    legal_basis: str
    valid_from: date
    valid_to: date | None
    deadline: date | None


class ChoiceOut(Schema):
    value: str
    label: str


class FactOut(Schema):
    key: str
    question: str
    type: str
    choices: list[ChoiceOut]
    minimum: int | None
    maximum: int | None


class RulesOut(Schema):
    rules: list[RuleOut]
    facts: list[FactOut]


@router.get("/rules", response=RulesOut, summary="The rules and the facts they read")
def rules(request):
    """Every rule the toolbox knows, with its validity dates, and every fact a rule reads.

    Title and legal basis are the wording in force today. ``type`` of a fact is ``bool``,
    ``choice`` (one of ``choices``), ``integer`` or ``money`` (euros, a number).
    """
    return {
        "rules": [
            {
                "rule": row.rule.key,
                "title": row.texts.title,
                "kind": str(row.rule.kind),
                "topic": row.rule.topic,
                "facts": list(row.rule.facts),
                "legal_basis": row.texts.legal_basis,
                "valid_from": row.rule.valid_from,
                "valid_to": row.rule.valid_to,
                "deadline": row.rule.deadline,
            }
            for row in selectors.rule_overview(on=timezone.localdate())
        ],
        "facts": [
            {
                "key": fact.key,
                "question": str(fact.question),
                "type": fact.kind,
                "choices": [{"value": v, "label": str(label)} for v, label in fact.choices],
                "minimum": fact.minimum if fact.kind in ("integer", "money") else None,
                "maximum": fact.maximum if fact.kind in ("integer", "money") else None,
            }
            for fact in facts_needed(REGISTRY.values())
        ],
    }


# --- POST /allowance


class AllowanceIn(Schema):
    year: int = Field(..., examples=[2026])
    age: int | None = Field(None, description="Needed with per_hour: young volunteers differ.")
    per_hour: Decimal | None = Field(None, description="Euros per hour.")
    per_month: Decimal | None = Field(None, description="Highest amount in one month, euros.")
    per_year: Decimal | None = Field(None, description="Amount in the whole year, euros.")
    pattern: str = Field(
        "allowance",
        description=(
            "'allowance' (a fixed allowance) or 'real_costs' (only real costs paid back with "
            "receipts: not a volunteer allowance, no limit; leave the amounts out)."
        ),
    )
    costs_per_month: Decimal | None = Field(
        None,
        description="Costs paid back per month on top of per_hour, euros; they count "
        "towards the limit per month.",
    )


class LimitsOut(Schema):
    per_hour: Decimal
    per_month: Decimal
    per_year: Decimal


class AllowanceOut(Schema):
    year: int
    pattern: str
    within_limits: bool
    limits: LimitsOut
    exceeded: list[str]
    explanation: list[str]


@router.post(
    "/allowance",
    response={200: AllowanceOut, 422: ErrorOut},
    summary="Is a volunteer allowance tax-free",
)
def allowance(request, payload: AllowanceIn):
    """Checks an allowance against that year's tax-free limits for volunteers.

    Leave out the amounts you do not pay. Limits are per volunteer, for all organisations
    together. Paying back only real costs with receipts (``"pattern": "real_costs"``) is not a
    volunteer allowance: it has no fixed maximum. Costs paid back on top of an hourly allowance
    (``costs_per_month``) count towards the limit per month. Amounts in the answer are strings
    with two decimals.
    """
    if not 1 <= payload.year <= 9999:  # date() cannot hold the year at all
        years = known_years("allowance.max_per_month")
        return _unprocessable(
            [
                {
                    "field": "year",
                    "message": _("We know the limits for %(years)s, not for %(year)s.")
                    % {"years": ", ".join(map(str, years)), "year": payload.year},
                }
            ]
        )
    try:
        result = services.allowance_check(
            year=payload.year,
            age=payload.age,
            per_hour=payload.per_hour,
            per_month=payload.per_month,
            per_year=payload.per_year,
            pattern=payload.pattern,
            costs_per_month=payload.costs_per_month,
        )
    except ValidationError as exc:
        return _unprocessable(_field_errors(exc))
    return {
        "year": result.year,
        "pattern": result.pattern,
        "within_limits": result.within_limits,
        "limits": {name: limit.quantize(CENT) for name, limit in result.limits.items()},
        "exceeded": result.exceeded,
        "explanation": result.explanation,
    }
