"""Writes and calculations of the toolbox: allowance limits, Gratis VOG, saved checklists,
knelpunten and the notice when a rule changes."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.geo.models import Municipality
from inzet.organisations.models import Organisation, Sector

from .engine import REGISTRY, Outcome, Rule, RuleTexts
from .models import Bottleneck, RuleUsage, SavedCheck
from .parameters import known_years
from .selectors import (
    UnknownParameter,
    checklist,
    compliance_evaluate,
    parameter_value,
    questionnaire_answers_load,
    rule_texts_on,
)

# How a volunteer is paid. Paying back only real costs with receipts is not the volunteer
# allowance at all: it is untaxed and has no fixed maximum (domain facts §1, [V]).
PATTERN_ALLOWANCE = "allowance"
PATTERN_REAL_COSTS = "real_costs"
ALLOWANCE_PATTERNS = (PATTERN_ALLOWANCE, PATTERN_REAL_COSTS)


@dataclass(frozen=True)
class AllowanceResult:
    year: int
    within_limits: bool
    limits: dict[str, Decimal]
    exceeded: list[str]
    explanation: list[str]
    pattern: str = PATTERN_ALLOWANCE
    # The amounts compared with the limits: per month includes costs paid on top.
    amounts: dict[str, Decimal | None] = field(default_factory=dict)


def allowance_check(
    *,
    year: int,
    age: int | None = None,
    per_hour: Decimal | None = None,
    per_month: Decimal | None = None,
    per_year: Decimal | None = None,
    pattern: str = PATTERN_ALLOWANCE,
    costs_per_month: Decimal | None = None,
) -> AllowanceResult:
    """Does a volunteer allowance stay within that year's tax-free limits?

    ``pattern="real_costs"``: only real costs with receipts are paid back; that is not a
    volunteer allowance and no limit applies. ``costs_per_month``: costs paid back on top of an
    hourly allowance; the Belastingdienst counts them towards the limit per month.
    """
    amounts = {"per_hour": per_hour, "per_month": per_month, "per_year": per_year}
    errors: dict[str, str] = {}
    if pattern not in ALLOWANCE_PATTERNS:
        errors["pattern"] = _("Choose one of: %(choices)s.") % {
            "choices": ", ".join(ALLOWANCE_PATTERNS)
        }
    for name, amount in (*amounts.items(), ("costs_per_month", costs_per_month)):
        if amount is not None and amount < 0:
            errors[name] = _("An amount cannot be negative.")
    if pattern == PATTERN_REAL_COSTS:
        if any(v is not None for v in (*amounts.values(), costs_per_month)):
            errors.setdefault(
                "pattern",
                _(
                    "You chose: only real costs with receipts. That is not a volunteer "
                    "allowance, so leave the amounts empty. Or choose a fixed allowance."
                ),
            )
    else:
        if per_hour is not None and age is None:
            errors["age"] = _("Fill in the age: the limit per hour is lower for young volunteers.")
        if costs_per_month is not None and per_hour is None:
            errors.setdefault(
                "costs_per_month",
                _(
                    "We can only count costs on top of an allowance per hour. Fill in the "
                    "allowance per hour too, or leave this empty."
                ),
            )
    if age is not None and not 0 <= age <= 120:
        errors["age"] = _("Fill in an age from 0 to 120.")
    if errors:
        raise ValidationError(errors)
    on = date(year, 7, 1)
    try:
        adult_age = int(parameter_value(key="allowance.adult_age", on=on))
        limits = {
            "per_hour": parameter_value(
                key="allowance.max_per_hour_adult"
                if age is None or age >= adult_age
                else "allowance.max_per_hour_young",
                on=on,
            ),
            "per_month": parameter_value(key="allowance.max_per_month", on=on),
            "per_year": parameter_value(key="allowance.max_per_year", on=on),
        }
    except UnknownParameter:
        years = known_years("allowance.max_per_month")
        raise ValidationError(
            {
                "year": _("We know the limits for %(years)s, not for %(year)s.")
                % {"years": ", ".join(map(str, years)), "year": year}
            },
            code="unknown_year",
        ) from None
    if pattern == PATTERN_REAL_COSTS:
        return AllowanceResult(
            year, True, limits, [], _real_costs_explanation(), pattern, amounts
        )
    if costs_per_month is not None:
        amounts["per_month"] = (per_month or Decimal(0)) + costs_per_month
    exceeded = [k for k, v in amounts.items() if v is not None and v > limits[k]]
    explanation = _allowance_explanation(exceeded, limits, age, adult_age)
    if costs_per_month is not None:
        explanation.insert(0, _costs_on_top_line(costs_per_month, amounts["per_month"]))
    return AllowanceResult(year, not exceeded, limits, exceeded, explanation, pattern, amounts)


def _real_costs_explanation() -> list[str]:
    return [
        _(
            "You only pay back real costs that volunteers prove with receipts, such as travel, "
            "paper or postage. That is not a volunteer allowance: it is tax-free and has no "
            "fixed maximum, so the limits do not apply."
        ),
        _(
            "A mileage allowance may cover the real costs, also when that is more than the "
            "amount per kilometre employees get tax-free (€0.23 in 2024)."
        ),
        _(
            "Do you also pay an allowance per hour? Then the costs you pay back on top count "
            "towards the limit per month. Choose a fixed allowance and fill in those costs."
        ),
    ]


def _costs_on_top_line(costs: Decimal, month_total: Decimal | None) -> str:
    return _(
        "Costs paid back on top of an allowance per hour count towards the limit per month: "
        "€ %(costs)s in costs makes € %(total)s per month together. The Belastingdienst's "
        "example: € 4 per hour plus € 48 a week in travel costs is € 208 per month, above "
        "the limit of € 190 in 2023."
    ) % {"costs": _euro_text(costs), "total": _euro_text(month_total or costs)}


def _euro_text(amount: Decimal) -> str:
    return f"{amount.quantize(Decimal('0.01')):,}".replace(",", "X").replace(".", ",").replace(
        "X", "."
    )


def _allowance_explanation(
    exceeded: list[str], limits: dict[str, Decimal], age: int | None, adult_age: int
) -> list[str]:
    if not exceeded:
        return [
            _("The allowance stays within the limits, so it is tax-free."),
            _(
                "The limits count per volunteer for all organisations together. Ask volunteers "
                "whether they get an allowance elsewhere too."
            ),
        ]
    lines = []
    if "per_month" in exceeded or "per_year" in exceeded:
        lines.append(
            _(
                "Above the limit per month or per year, the whole allowance is taxable, not just "
                "the part above it. The volunteer then has to prove real costs with receipts."
            )
        )
    if "per_hour" in exceeded:
        who = _("under %(age)s") if age is not None and age < adult_age else _("%(age)s and older")
        lines.append(
            _(
                "The amount per hour is above the limit for volunteers %(who)s. A higher amount "
                "only counts as an allowance if you can show it is far below what paid work "
                "earns."
            )
            % {"who": who % {"age": adult_age}}
        )
    lines.append(
        _(
            "Paying back only real costs with receipts (travel, postage, materials) is not a "
            "volunteer allowance: it is tax-free and has no maximum."
        )
    )
    return lines


@dataclass(frozen=True)
class FreeVogResult:
    eligible: bool
    reasons: list[str]
    missing_measures: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)


FREE_VOG_STEPS = [
    "Meld je organisatie aan op gratisvog.nl. Je organisatie moet ingeschreven zijn bij de KvK.",
    "Het CIBG (onderdeel van VWS) bekijkt of je aanvraag compleet is en beoordeelt je beleid.",
    "Na toelating log je met eHerkenning in bij Justis en zet je per vrijwilliger een "
    "VOG-aanvraag klaar (screeningsprofiel 'personen').",
    "De vrijwilliger rondt de aanvraag af met DigiD.",
    "Justis doet de screening en geeft de VOG af. Alleen digitale aanvragen zijn gratis.",
]


def free_vog_check(*, facts: Mapping[str, Any]) -> FreeVogResult:
    """Regeling Gratis VOG voor vrijwilligers, art. 2: who qualifies and what is missing."""
    reasons: list[str] = []
    if facts.get("works_with_vulnerable") is not True:
        reasons.append(
            "De regeling is alleen voor vrijwilligers die werken met kwetsbare mensen, zoals "
            "minderjarigen, ouderen of mensen met een beperking."
        )
    if facts.get("vog_required_by_law") is True:
        reasons.append(
            "Je vrijwilligers moeten al volgens een andere wet een VOG hebben (bijvoorbeeld in "
            "de kinderopvang). Voor hen geldt de regeling niet."
        )
    kvk = facts.get("kvk_registered")
    if kvk is False:
        reasons.append("Je organisatie moet ingeschreven zijn bij de KvK om te kunnen aanvragen.")
    missing = [
        label
        for key, label in (
            ("has_code_of_conduct", "een gedragscode voor vrijwilligers"),
            ("has_selection_policy", "een aannamebeleid (zoals een intakegesprek en referenties)"),
            ("has_confidential_adviser", "een vertrouwenspersoon"),
        )
        if facts.get(key) is not True
    ]
    if reasons:
        return FreeVogResult(eligible=False, reasons=reasons, missing_measures=missing)
    return FreeVogResult(
        eligible=True,
        reasons=[
            "Je vrijwilligers werken met kwetsbare mensen en hoeven niet al wettelijk een VOG "
            "te hebben. Dan kun je toegelaten worden, voor maximaal 5 jaar, als je een actief "
            "preventie- en integriteitsbeleid hebt."
        ],
        missing_measures=missing,
        steps=FREE_VOG_STEPS,
    )


def rule_usage_record(*, outcomes: list[Outcome], on: date | None = None) -> None:
    """Count which rules applied in a finished check (no answers are stored)."""
    day = on or timezone.localdate()
    for outcome in outcomes:
        if not outcome.applies:
            continue
        usage, _created = RuleUsage.objects.get_or_create(rule_key=outcome.rule.key, day=day)
        # F() so concurrent checks never lose a count.
        RuleUsage.objects.filter(pk=usage.pk).update(applied=F("applied") + 1)


@transaction.atomic
def saved_check_save(
    *,
    owner: User,
    name: str,
    answers: dict[str, Any],
    organisation: Organisation | None = None,
    saved_check: SavedCheck | None = None,
) -> SavedCheck:
    """Save answers (new or updated) and remember which rules applied today."""
    applying = [o.rule.key for o in checklist(facts=answers, on=timezone.localdate())]
    if saved_check is None:
        saved_check = SavedCheck(owner=owner)
    saved_check.name = name.strip() or _("My checklist")
    saved_check.organisation = organisation
    saved_check.answers = _json_ready(answers)
    saved_check.applying_rules = applying
    saved_check.done_rules = [key for key in saved_check.done_rules if key in applying]
    saved_check.save()
    return saved_check


def saved_check_mark(*, saved_check: SavedCheck, rule_key: str, done: bool) -> SavedCheck:
    done_rules = set(saved_check.done_rules)
    (done_rules.add if done else done_rules.discard)(rule_key)
    saved_check.done_rules = sorted(done_rules)
    saved_check.save(update_fields=["done_rules", "updated_at"])
    return saved_check


def _json_ready(answers: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in answers.items()}


def bottleneck_report(
    *,
    reporter: User,
    topic: str,
    description: str,
    rule_key: str = "",
    municipality: Municipality | None = None,
    sector: Sector | None = None,
    organisation: Organisation | None = None,
) -> Bottleneck:
    if not description.strip():
        raise ValidationError({"description": _("Describe the problem in a few sentences.")})
    return Bottleneck.objects.create(
        reported_by=reporter,
        topic=topic,
        rule_key=rule_key,
        description=description.strip(),
        municipality=municipality,
        sector=sector,
        organisation=organisation,
    )


# --- The notice when a rule changes

NOTIFY_BATCH_SIZE = 500
NOTIFIED_CHANGES_KEPT = 100


def rule_change_announce(*, rule_keys: Iterable[str], change_id: str) -> None:
    """After the current transaction commits, notify the owners affected by a changed rule."""
    from .tasks import notify_rule_change  # tasks import this module

    for rule_key in dict.fromkeys(rule_keys):
        transaction.on_commit(
            partial(notify_rule_change.enqueue, rule_key=rule_key, change_id=change_id)
        )


def rule_change_notify(*, rule_key: str, change_id: str) -> int:
    """Mail the owner of every saved checklist the rule applies to now or applied to when it
    was last evaluated; remember which rules apply now. Returns the number of mails sent.

    A checklist is mailed at most once per ``rule_key@change_id``, so running this twice for
    the same change (a retried task) mails nobody twice.
    """
    rule = REGISTRY.get(rule_key)
    if rule is None:
        return 0
    today = timezone.localdate()
    marker = f"{rule_key}@{change_id}"
    sent = 0
    last_pk = 0
    while True:
        batch = list(
            SavedCheck.objects.filter(pk__gt=last_pk)
            .order_by("pk")
            .values_list("pk", flat=True)[:NOTIFY_BATCH_SIZE]
        )
        if not batch:
            return sent
        last_pk = batch[-1]
        for pk in batch:
            sent += _saved_check_notify(pk=pk, rule=rule, marker=marker, on=today)


@transaction.atomic
def _saved_check_notify(*, pk: int, rule: Rule, marker: str, on: date) -> int:
    saved_check = (
        SavedCheck.objects.select_for_update(of=("self",))
        .select_related("owner")
        .filter(pk=pk)
        .first()
    )
    if saved_check is None or marker in saved_check.notified_changes:
        return 0
    outcomes = compliance_evaluate(
        facts=questionnaire_answers_load(data=saved_check.answers), on=on
    )
    applying = [o.rule.key for o in outcomes if o.applies]
    outcome = next((o for o in outcomes if o.rule.key == rule.key), None)
    applies_now = rule.key in applying
    if not applies_now and rule.key not in saved_check.applying_rules:
        return 0
    owner = saved_check.owner
    mailed = 0
    if owner.is_active and owner.email:
        texts = (outcome.texts if outcome else None) or _rule_texts_now(rule=rule, on=on)
        _rule_changed_send(
            saved_check=saved_check, texts=texts, applies_now=applies_now, why=_why(outcome)
        )
        mailed = 1
    saved_check.applying_rules = applying
    saved_check.notified_changes = [*saved_check.notified_changes, marker][-NOTIFIED_CHANGES_KEPT:]
    # Not updated_at: a notice is not a change the owner made.
    saved_check.save(update_fields=["applying_rules", "notified_changes"])
    return mailed


def _rule_texts_now(*, rule: Rule, on: date) -> RuleTexts:
    return rule_texts_on(on=on).get(rule.key) or RuleTexts(
        rule.title, rule.action, rule.legal_basis, rule.dossier
    )


def _why(outcome: Outcome | None) -> list[str]:
    return list(outcome.why) if outcome is not None else []


def _rule_changed_send(
    *, saved_check: SavedCheck, texts: RuleTexts, applies_now: bool, why: list[str]
) -> None:
    url = settings.SITE_URL.rstrip("/") + reverse(
        "compliance:saved-detail", args=[saved_check.public_id]
    )
    context = {
        "saved_check": saved_check,
        "texts": texts,
        "applies_now": applies_now,
        "why": why,
        "url": url,
    }
    # Rule texts are written in Dutch, so the whole mail is.
    with translation.override("nl"):
        subject = _("A rule in your checklist “%(name)s” has changed") % {"name": saved_check.name}
        body = render_to_string("compliance/email/rule_changed.txt", context)
    send_mail(subject, body, None, [saved_check.owner.email])


# --- Saved checklists seen again (views/checklist.py)


def saved_check_seen(*, saved_check: SavedCheck, applying_rules: list[str]) -> SavedCheck:
    """Remember which rules applied when the owner last looked, so a change is shown once."""
    saved_check.applying_rules = list(applying_rules)
    # Not updated_at: looking is not a change the owner made.
    saved_check.save(update_fields=["applying_rules"])
    return saved_check


def compliance_data_erase(*, user: User) -> None:
    """Part of erasing an account. Personal checklists go; a checklist kept for an
    organisation stays for its other members. Knelpunten stay for the lobby figures, no longer
    linked to the person (their text is the reporter's own words about the problem)."""
    SavedCheck.objects.filter(owner=user, organisation__isnull=True).delete()
    Bottleneck.objects.filter(reported_by=user).update(reported_by=None)
