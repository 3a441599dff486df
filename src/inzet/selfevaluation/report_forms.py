"""Forms of the volunteers' survey, the action plan and its status changes."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from inzet.core.forms import HelpfulRequiredMessages
from inzet.selfevaluation.constants import ActionStatus
from inzet.selfevaluation.models import Part, Questionnaire, Statement

DONT_KNOW = "unknown"
DATE_INPUT_FORMATS = ["%d-%m-%Y", "%d/%m/%Y", "%d-%m-%y", "%Y-%m-%d"]


# --- The volunteers' survey


@dataclass
class SurveyGroup:
    part: Part
    fields: list[forms.BoundField]


class VolunteerSurveyForm(forms.Form):
    """One radio group per statement: the questionnaire's answer scale, or "don't know".

    Every group may stay empty here; the service decides whether enough has been answered.
    """

    def __init__(
        self,
        *args: Any,
        statements: Iterable[Statement],
        questionnaire: Questionnaire,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.statements = list(statements)
        choices = [(str(value), label) for value, label in questionnaire.scale]
        choices.append((DONT_KNOW, _("Don't know")))
        for statement in self.statements:
            self.fields[self.field_name(statement)] = forms.ChoiceField(
                label=statement.volunteer_text,
                choices=choices,
                widget=forms.RadioSelect,
                required=False,
                error_messages={"invalid_choice": _("Choose one of the answers.")},
            )

    @staticmethod
    def field_name(statement: Statement) -> str:
        return f"statement_{statement.pk}"

    def groups(self) -> list[SurveyGroup]:
        groups: list[SurveyGroup] = []
        for statement in self.statements:
            if not groups or groups[-1].part.pk != statement.part_id:
                groups.append(SurveyGroup(part=statement.part, fields=[]))
            groups[-1].fields.append(self[self.field_name(statement)])
        return groups

    def answers(self) -> dict[int, int | None]:
        """statement id → score, or None for "don't know". Empty groups are left out."""
        answers: dict[int, int | None] = {}
        for statement in self.statements:
            value = self.cleaned_data.get(self.field_name(statement))
            if value == DONT_KNOW:
                answers[statement.pk] = None
            elif value:
                answers[statement.pk] = int(value)
        return answers

    def mark_open(self) -> None:
        """Put a message on every statement left empty, so the error summary lists them."""
        for statement in self.statements:
            name = self.field_name(statement)
            if not self.cleaned_data.get(name):
                self.add_error(name, _("Choose an answer, or “Don’t know”."))


# --- The action plan


class StatementChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Statement) -> str:
        return f"{obj.code}. {Truncator(obj.text).chars(80)}"


class ActionForm(HelpfulRequiredMessages, forms.Form):
    description = forms.CharField(
        label=_("What will you do?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    owner = forms.CharField(
        label=_("Who does it?"),
        help_text=_("A name or a role, for example “the volunteer coordinator”."),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    due_date = forms.DateField(
        label=_("Ready on"),
        required=False,
        help_text=_("For example 31-12-2026."),
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(format="%d-%m-%Y", attrs={"size": 12, "autocomplete": "off"}),
        error_messages={"invalid": _("Fill in a date like 31-12-2026.")},
    )
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    statement = StatementChoiceField(
        label=_("About statement"),
        queryset=Statement.objects.none(),
        required=False,
        empty_label=_("No statement in particular"),
    )

    def __init__(self, *args: Any, statements: QuerySet[Statement], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["statement"].queryset = statements


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)


class ActionPrefillForm(forms.Form):
    """The "Put in action plan" button of the report: which statement to start from."""

    statement = forms.IntegerField()
