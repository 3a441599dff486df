"""Forms of the questionnaire → checklist flow: one form per step, built from the facts."""

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from inzet.accounts.models import User
from inzet.core.forms import HelpfulRequiredMessages

from . import selectors
from .engine import REGISTRY
from .facts import BOOL, CHOICE, INTEGER, Fact, fact_parse, facts_contradictions

YES, NO = "yes", "no"


def _fact_field(fact: Fact) -> forms.Field:
    common: dict[str, Any] = {"label": fact.question, "help_text": fact.help_text}
    if fact.kind == BOOL:
        return forms.ChoiceField(
            choices=[(YES, _("Yes")), (NO, _("No"))], widget=forms.RadioSelect, **common
        )
    if fact.kind == CHOICE:
        return forms.ChoiceField(choices=fact.choices, widget=forms.RadioSelect, **common)
    inputmode = "numeric" if fact.kind == INTEGER else "decimal"
    return forms.CharField(
        max_length=20,
        required=fact.kind == INTEGER,
        widget=forms.TextInput(attrs={"inputmode": inputmode, "size": "8", "autocomplete": "off"}),
        **common,
    )


def _to_python(fact: Fact, value: Any) -> Any:
    """A posted radio value in the type fact_parse expects."""
    if fact.kind == BOOL:
        return {YES: True, NO: False}.get(value, value)
    return value


def fact_initial(fact: Fact, value: Any) -> Any:
    """A stored answer as the form shows it."""
    if value is None:
        return ""
    if fact.kind == BOOL:
        return YES if value else NO
    if isinstance(value, Decimal):
        return number_format(value, decimal_pos=2)
    return value


class FactStepForm(HelpfulRequiredMessages, forms.Form):
    """The questions of one step. Each answer is checked with ``facts.fact_parse``, and all
    answers so far with ``facts.facts_contradictions``.

    ``earlier`` holds the answers of the steps before this one. When a posted answer makes a
    follow-up question on this page no longer apply (another legal form, say), that question
    is dropped instead of asking for it.
    """

    def __init__(
        self,
        *args: Any,
        facts: list[Fact],
        earlier: Mapping[str, Any],
        answers: Mapping[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        self.facts = {fact.key: fact for fact in facts}
        self.earlier = dict(earlier)
        # Our fields, declared per instance, before HelpfulRequiredMessages words their errors.
        self.base_fields = {fact.key: _fact_field(fact) for fact in facts}
        if answers is not None:
            kwargs["initial"] = {
                fact.key: fact_initial(fact, answers[fact.key])
                for fact in facts
                if fact.key in answers
            }
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self._drop_questions_that_no_longer_apply()

    def _drop_questions_that_no_longer_apply(self) -> None:
        known = dict(self.earlier)
        unsure = False  # an answer above could not be read: keep what the page showed
        for key, fact in list(self.facts.items()):
            if not unsure and not fact.ask_if(known):
                del self.fields[key]
                del self.facts[key]
                continue
            try:
                known[key] = fact_parse(fact, _to_python(fact, self.data.get(self.add_prefix(key))))
            except ValidationError:
                unsure = True

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        answers: dict[str, Any] = {}
        for key, fact in self.facts.items():
            if key not in cleaned:
                continue  # the field itself already has an error
            try:
                answers[key] = fact_parse(fact, _to_python(fact, cleaned[key]))
            except ValidationError as error:
                self.add_error(key, error)
        if not self.errors:
            for key, message in facts_contradictions({**self.earlier, **answers}).items():
                self.add_error(key if key in self.fields else None, message)
        self.answers = answers
        return cleaned


class SavedCheckForm(HelpfulRequiredMessages, forms.Form):
    name = forms.CharField(
        label=_("Name of the checklist"),
        max_length=200,
        help_text=_("For example the name of your organisation and the year."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=None,
        required=False,
        empty_label=_("No organisation"),
        help_text=_("Save the checklist for one of your organisations."),
    )

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        options = selectors.saved_check_organisation_options(owner=owner)
        if options.exists():
            self.fields["organisation"].queryset = options  # type: ignore[attr-defined]
        else:
            del self.fields["organisation"]


class SavedCheckMarkForm(forms.Form):
    rule_key = forms.ChoiceField(choices=())
    done = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda v: v == "1")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rule_key"].choices = [(key, key) for key in REGISTRY]  # type: ignore[attr-defined]
