"""Forms of the toolbox tools: the two calculators and the knelpunten (bottlenecks)."""

import re
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from inzet.accounts.models import User
from inzet.core.forms import HelpfulRequiredMessages
from inzet.geo.forms import PostcodeField, postcode_area_for
from inzet.organisations.selectors import sector_list

from . import selectors
from .engine import REGISTRY
from .facts import FACTS_BY_KEY
from .parameters import known_years
from .services import PATTERN_ALLOWANCE, PATTERN_REAL_COSTS

ALLOWANCE_YEAR_KEY = "allowance.max_per_month"
OTHER_TOPIC = "other"

# Readable names of the rule topics (engine.Rule.topic). A topic without one shows its key.
TOPIC_LABELS: dict[str, Promise] = {
    "wbtr": _("Board and supervision (WBTR)"),
    "ubo": _("UBO register"),
    "kvk": _("KvK registration"),
    "accounts": _("Accountability and administration"),
    "anbi": _("ANBI and SBBI"),
    "insurance": _("Insurance and VAT"),
    "events": _("Events"),
    "avg": _("Privacy (AVG)"),
    "vog": _("VOG"),
    "allowance": _("Volunteer allowance"),
    "arbo": _("Working conditions (Arbowet)"),
    "youth": _("Young people"),
    "lottery": _("Lotteries"),
    "benefits": _("Benefits"),
    "asylum": _("Asylum seekers"),
    "meldcode": _("Reporting code (Meldcode)"),
    OTHER_TOPIC: _("Something else"),
}


def topic_label(topic: str) -> str:
    return str(TOPIC_LABELS.get(topic, topic))


def rule_label(rule_key: str) -> str:
    """The rule's title; an empty key means the report is about the topic in general."""
    if not rule_key:
        return str(_("The topic in general"))
    rule = REGISTRY.get(rule_key)
    return rule.title if rule else rule_key


def topic_choices() -> list[tuple[str, str]]:
    """The topics of the registered rules, by label, then "something else"."""
    topics = sorted({rule.topic for rule in REGISTRY.values()}, key=topic_label)
    return [(topic, topic_label(topic)) for topic in topics] + [
        (OTHER_TOPIC, topic_label(OTHER_TOPIC))
    ]


def rule_choices() -> list[tuple[str, Any]]:
    """Rules grouped by topic, for a select with option groups."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for rule in sorted(REGISTRY.values(), key=lambda r: r.title):
        groups.setdefault(rule.topic, []).append((rule.key, rule.title))
    return [(topic_label(topic), groups[topic]) for topic in sorted(groups, key=topic_label)]


def allowance_default_year() -> int:
    years = known_years(ALLOWANCE_YEAR_KEY)
    this_year = timezone.localdate().year
    return this_year if this_year in years else years[-1]


class AmountField(forms.CharField):
    """An amount in euros as people type it: "5,75", "5.75", "€ 220" → Decimal."""

    # At most nine digits before the separator, so nothing can overflow further on.
    _AMOUNT_RE = re.compile(r"^-?\d{1,9}(?:[.,]\d{1,2})?$")
    default_error_messages = {
        "invalid": _(
            "Fill in an amount in euros, such as 220 or 5,75. Leave out dots between thousands."
        ),
    }

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.update({"inputmode": "decimal", "size": "8"})
        return attrs

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        text = re.sub(r"\s+", "", text.replace("€", ""))
        if not self._AMOUNT_RE.match(text):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return Decimal(text.replace(",", "."))


class AllowanceForm(HelpfulRequiredMessages, forms.Form):
    """A GET form, so a result can be shared as a link."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    age = forms.IntegerField(
        label=_("Age of the volunteer"),
        required=False,
        help_text=_("Only needed for an amount per hour: the limit is lower under 21."),
        error_messages={"invalid": _("Fill in the age as a whole number, such as 25.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": "8"}),
    )
    pattern = forms.ChoiceField(
        label=_("What do volunteers get?"),
        choices=(
            (PATTERN_ALLOWANCE, _("A fixed allowance (per hour, month or year)")),
            (PATTERN_REAL_COSTS, _("Only real costs back, with receipts")),
        ),
        required=False,
        initial=PATTERN_ALLOWANCE,
        widget=forms.RadioSelect,
    )
    per_hour = AmountField(label=_("Allowance per hour, in euros"), required=False)
    per_month = AmountField(label=_("Allowance per month, in euros"), required=False)
    per_year = AmountField(label=_("Allowance per year, in euros"), required=False)
    costs_per_month = AmountField(
        label=_("Costs paid back per month on top of an allowance per hour, in euros"),
        required=False,
        help_text=_(
            "Such as travel costs. They count towards the limit per month. Leave empty if you "
            "do not pay an allowance per hour."
        ),
    )

    AMOUNTS = ("per_hour", "per_month", "per_year")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        years = known_years(ALLOWANCE_YEAR_KEY)
        year = cast(forms.TypedChoiceField, self.fields["year"])
        year.choices = [(y, str(y)) for y in years]
        year.initial = allowance_default_year()
        year.error_messages["invalid_choice"] = _(
            "We know the limits for %(years)s. Choose one of these years."
        ) % {"years": ", ".join(map(str, years))}

    @classmethod
    def from_query(cls, query: Any) -> "AllowanceForm":
        """Bound when the link carries any answer; a missing year means the default year."""
        if not any(name in query for name in cls.base_fields):
            return cls()
        data = query.copy()
        if not data.get("year"):
            data["year"] = str(allowance_default_year())
        return cls(data)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        # An old link has no pattern: it was always about a fixed allowance.
        cleaned["pattern"] = cleaned.get("pattern") or PATTERN_ALLOWANCE
        if cleaned["pattern"] == PATTERN_REAL_COSTS:
            return cleaned
        if not self.errors and all(cleaned.get(name) is None for name in self.AMOUNTS):
            self.add_error(
                "per_month", _("Fill in at least one amount: per hour, per month or per year.")
            )
        return cleaned


YES_NO = (("yes", _("Yes")), ("no", _("No")))


def _is_yes(value: str) -> bool:
    return value == "yes"


def _yes_no_field(fact_key: str) -> forms.TypedChoiceField:
    fact = FACTS_BY_KEY[fact_key]
    return forms.TypedChoiceField(
        label=fact.question,
        choices=YES_NO,
        coerce=_is_yes,
        widget=forms.RadioSelect,
        help_text=fact.help_text,
    )


class FreeVogForm(HelpfulRequiredMessages, forms.Form):
    """The questions of the Regeling Gratis VOG, in the wording of the checklist."""

    works_with_vulnerable = _yes_no_field("works_with_vulnerable")
    vog_required_by_law = _yes_no_field("vog_required_by_law")
    kvk_registered = _yes_no_field("kvk_registered")
    has_code_of_conduct = _yes_no_field("has_code_of_conduct")
    has_selection_policy = _yes_no_field("has_selection_policy")
    has_confidential_adviser = _yes_no_field("has_confidential_adviser")

    def facts(self) -> dict[str, bool]:
        return {key: self.cleaned_data[key] for key in self.fields}


class BottleneckForm(HelpfulRequiredMessages, forms.Form):
    topic = forms.ChoiceField(label=_("What is the problem about?"))
    rule = forms.ChoiceField(
        label=_("Which rule?"),
        required=False,
        help_text=_("Choose a rule from the checklist if the problem is about one rule."),
    )
    description = forms.CharField(
        label=_("What is the problem?"),
        max_length=5000,
        help_text=_(
            "Describe in a few sentences what goes wrong and what it means for your volunteers. "
            "Do not write names or other personal details of people."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    postcode = PostcodeField(
        label=_("Postcode"),
        required=False,
        help_text=_("Where do you meet the problem? We only use it to find the municipality."),
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=sector_list(),
        required=False,
        empty_label=_("No specific sector"),
    )
    organisation = forms.ModelChoiceField(
        label=_("On behalf of"),
        queryset=selectors.bottleneck_organisation_list(user=None),
        required=False,
        empty_label=_("Only myself"),
        help_text=_("NOV sees the name of the organisation, not your name."),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        topic = cast(forms.ChoiceField, self.fields["topic"])
        rule = cast(forms.ChoiceField, self.fields["rule"])
        topic.choices = [("", _("Choose a topic")), *topic_choices()]
        rule.choices = [("", _("No specific rule")), *rule_choices()]
        organisations = selectors.bottleneck_organisation_list(user=user)
        if organisations.exists():
            organisation = cast(forms.ModelChoiceField, self.fields["organisation"])
            organisation.queryset = organisations
            if organisations.count() == 1:
                organisation.initial = organisations.first()
        else:
            del self.fields["organisation"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        rule = REGISTRY.get(cleaned.get("rule") or "")
        topic = cleaned.get("topic")
        if rule and topic and topic != rule.topic:
            self.add_error(
                "rule",
                _("This rule is about “%(topic)s”. Choose that topic, or no specific rule.")
                % {"topic": topic_label(rule.topic)},
            )
        return cleaned

    def report_data(self) -> dict[str, Any]:
        """Keyword arguments for services.bottleneck_report."""
        data = self.cleaned_data
        area = postcode_area_for(data["postcode"])
        return {
            "topic": data["topic"],
            "rule_key": data["rule"],
            "description": data["description"],
            "municipality": area.municipality if area else None,
            "sector": data["sector"],
            "organisation": data.get("organisation"),
        }


class BottleneckFilterForm(forms.Form):
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=sector_list(),
        to_field_name="slug",
        required=False,
        empty_label=_("All sectors"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        topic = cast(forms.ChoiceField, self.fields["topic"])
        topic.choices = [("", _("All topics")), *topic_choices()]

    def filters(self) -> dict[str, str]:
        """The valid filters as arguments for the summary selector; invalid ones are ignored."""
        if not self.is_bound or not self.is_valid():
            return {"topic": "", "sector_slug": ""}
        sector = self.cleaned_data["sector"]
        return {"topic": self.cleaned_data["topic"], "sector_slug": sector.slug if sector else ""}
