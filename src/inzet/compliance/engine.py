"""A small rules engine: rules are data plus a plain Python condition over named facts.

A condition receives a :class:`Context` (the organisation's answers, the date and that
date's parameters) and returns the reasons why the rule applies, in plain Dutch, or an
empty list when it does not. Nothing here touches the database: texts and parameters come
in through the context, so rules are tested as pure functions.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class RuleKind(models.TextChoices):
    DUTY = "duty", _("Legal duty")
    RECOMMENDATION = "recommendation", _("Good practice")


@dataclass(frozen=True)
class Context:
    facts: Mapping[str, Any]
    on: date
    parameter: Callable[[str], Decimal]

    def yes(self, key: str) -> bool:
        return self.facts.get(key) is True

    def no(self, key: str) -> bool:
        return self.facts.get(key) is False

    def value(self, key: str) -> Any:
        return self.facts.get(key)

    def number(self, key: str) -> Decimal | None:
        value = self.facts.get(key)
        return None if value is None or value == "" else Decimal(str(value))

    def is_one_of(self, key: str, values: Iterable[str]) -> bool:
        return self.facts.get(key) in set(values)


Condition = Callable[[Context], list[str]]


@dataclass(frozen=True)
class Rule:
    key: str
    topic: str
    kind: RuleKind
    title: str
    action: str
    legal_basis: str
    facts: tuple[str, ...]
    condition: Condition
    dossier: str = ""
    deadline: date | None = None
    valid_from: date = date(2000, 1, 1)
    valid_to: date | None = None

    def is_valid_on(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@dataclass(frozen=True)
class RuleTexts:
    """What NOV staff can change without a code change."""

    title: str
    action: str
    legal_basis: str
    dossier_url: str


@dataclass(frozen=True)
class Outcome:
    rule: Rule
    applies: bool
    why: list[str] = field(default_factory=list)
    texts: RuleTexts | None = None


REGISTRY: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    if rule.key in REGISTRY:
        raise ValueError(f"Rule {rule.key!r} is registered twice.")
    REGISTRY[rule.key] = rule
    return rule


def evaluate(
    *,
    facts: Mapping[str, Any],
    on: date,
    parameter: Callable[[str], Decimal],
    texts: Callable[[Rule], RuleTexts],
    rules: Iterable[Rule] | None = None,
) -> list[Outcome]:
    """Every rule valid on ``on``, with whether it applies and why."""
    context = Context(facts=facts, on=on, parameter=parameter)
    outcomes = []
    for rule in rules if rules is not None else REGISTRY.values():
        if not rule.is_valid_on(on):
            continue
        why = rule.condition(context)
        outcomes.append(Outcome(rule=rule, applies=bool(why), why=list(why), texts=texts(rule)))
    return outcomes
