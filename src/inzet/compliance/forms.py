"""Forms of the questionnaire → checklist flow: one form per step, built from the facts."""

import json
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
from .facts import (
    BOOL,
    CHOICE,
    FACTS,
    INTEGER,
    Fact,
    fact_condition_on_page,
    fact_parse,
    facts_contradictions,
)

YES, NO = "yes", "no"
FACT_ORDER = {fact.key: position for position, fact in enumerate(FACTS)}


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


# The hidden input compliance.js keeps up to date: the follow-up questions it has shown.
SHOWN_FIELD = "shown_questions"


class FactStepForm(HelpfulRequiredMessages, forms.Form):
    """The questions of one step. Each answer is checked with ``facts.fact_parse``, and all
    answers so far with ``facts.facts_contradictions``.

    ``earlier`` holds the answers of the steps before this one. When a posted answer makes a
    follow-up question on this page no longer apply (another legal form, say), that question
    is dropped instead of asking for it.

    ``candidates`` are the follow-ups an answer on this page may bring up. They are rendered
    too, hidden and disabled, so compliance.js can show them at once; without JavaScript they
    stay hidden and the page asks for them after the next submit. A candidate counts as asked
    only when the posted ``shown_questions`` says the script showed it.
    """

    def __init__(
        self,
        *args: Any,
        facts: list[Fact],
        earlier: Mapping[str, Any],
        answers: Mapping[str, Any] | None = None,
        candidates: list[Fact] | None = None,
        **kwargs: Any,
    ) -> None:
        everything = {fact.key: fact for fact in [*(candidates or []), *facts]}
        self.candidates = {
            key: everything[key] for key in sorted(everything, key=FACT_ORDER.__getitem__)
        }
        self.earlier = dict(earlier)
        # Our fields, declared per instance, before HelpfulRequiredMessages words their errors.
        self.base_fields = {key: _fact_field(fact) for key, fact in self.candidates.items()}
        if answers is not None:
            kwargs["initial"] = {
                key: fact_initial(fact, answers[key])
                for key, fact in self.candidates.items()
                if key in answers
            }
        super().__init__(*args, **kwargs)
        asked = {fact.key for fact in facts}
        if self.is_bound:
            shown = str(self.data.get(self.add_prefix(SHOWN_FIELD)) or "").split()
            asked |= set(shown) & self.candidates.keys()
        self.facts = {key: fact for key, fact in self.candidates.items() if key in asked}
        if self.is_bound:
            self._drop_questions_that_no_longer_apply()
        for key, field in self.fields.items():
            # Not asked (yet): not focusable, not posted, not checked.
            field.disabled = key not in self.facts

    def _drop_questions_that_no_longer_apply(self) -> None:
        known = dict(self.earlier)
        unsure = False  # an answer above could not be read: keep what the page showed
        for key, fact in list(self.facts.items()):
            if not unsure and not fact.ask_if(known):
                del self.facts[key]
                continue
            try:
                known[key] = fact_parse(fact, _to_python(fact, self.data.get(self.add_prefix(key))))
            except ValidationError:
                unsure = True

    def full_clean(self) -> None:
        # Only the questions asked are checked; a hidden follow-up is no answer yet.
        every = self.fields
        self.fields = {key: field for key, field in every.items() if key in self.facts}
        try:
            super().full_clean()
        finally:
            self.fields = every

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

    def question_rows(self) -> list[dict[str, Any]]:
        """Every question on the page, in order: hidden when not asked (yet), with the
        condition on answers on this page for compliance.js."""
        rows = []
        for key, fact in self.candidates.items():
            condition = fact_condition_on_page(fact)
            rows.append(
                {
                    "key": key,
                    "field": self[key],
                    "hidden": key not in self.facts,
                    "condition": json.dumps(condition) if condition else "",
                }
            )
        return rows


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
