import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from inzet.core.forms import HelpfulRequiredMessages
from inzet.selfevaluation.models import Questionnaire
from inzet.selfevaluation.services.evaluations import (
    EVIDENCE_EXTENSIONS_LABEL,
    NOTE_MAX_LENGTH,
    VOLUNTEER_INVITATIONS_MAX,
)


class EvaluationStartForm(HelpfulRequiredMessages, forms.Form):
    small_organisation = forms.TypedChoiceField(
        label=_("Which statements does your organisation answer?"),
        choices=[
            (
                "ja",
                _(
                    "Only the core questions: we have fewer than 100 volunteers and less than "
                    "2 fte paid staff"
                ),
            ),
            (
                "nee",
                _("All statements: we have 100 volunteers or more, or 2 fte paid staff or more"),
            ),
        ],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        help_text=_(
            "Small organisations only answer the core questions, marked with a star. Count the "
            "paid staff who work with or for volunteers in full-time jobs (fte)."
        ),
    )


PART_FORM_ID = "part-form"


def scale_field_kwargs(questionnaire: Questionnaire) -> dict[str, object]:
    """Choices and error message of a score field on the questionnaire's own answer scale."""
    return {
        "choices": [(str(value), label) for value, label in questionnaire.scale],
        "error_messages": {
            "invalid_choice": gettext("Choose a score from %(min)s to %(max)s.")
            % {"min": questionnaire.scale_min, "max": questionnaire.scale_max}
        },
    }


class PartForm(forms.Form):
    """All statements of one part: a score and an explanation each. The hidden initial
    values let us save only what this person changed, so a save never overwrites what a
    colleague answered in the meantime."""

    def __init__(self, *args, rows, questionnaire: Questionnaire, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            pk = row.statement.pk
            self.fields[f"score_{pk}"] = forms.TypedChoiceField(
                label=row.statement.text,
                **scale_field_kwargs(questionnaire),
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect(attrs={"form": PART_FORM_ID}),
                show_hidden_initial=True,
                initial=str(row.score) if row.score else "",
            )
            self.fields[f"note_{pk}"] = forms.CharField(
                label=_("Explanation"),
                required=False,
                max_length=NOTE_MAX_LENGTH,
                widget=forms.Textarea(
                    attrs={"rows": 3, "form": PART_FORM_ID, "class": "inzet-textbox"}
                ),
                show_hidden_initial=True,
                initial=row.note,
                strip=True,
            )

    def mark_invalid_fields(self) -> None:
        """Point each invalid control at its error message."""
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}_error"

    def changes(self) -> list[tuple[object, int | None, str | None]]:
        """(statement, score or None to keep, note or None to keep) for each changed row."""
        changed = set(self.changed_data)
        result = []
        for row in self.rows:
            pk = row.statement.pk
            score_changed = f"score_{pk}" in changed
            note_changed = f"note_{pk}" in changed
            if not (score_changed or note_changed):
                continue
            result.append(
                (
                    row.statement,
                    self.cleaned_data[f"score_{pk}"] if score_changed else None,
                    self.cleaned_data[f"note_{pk}"] if note_changed else None,
                )
            )
        return result


class AnswerForm(forms.Form):
    """One answer, as sent by the autosave script (either field may be left out)."""

    note = forms.CharField(required=False, max_length=NOTE_MAX_LENGTH, strip=True)

    def __init__(self, *args, questionnaire: Questionnaire, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["score"] = forms.TypedChoiceField(
            **scale_field_kwargs(questionnaire), coerce=int, empty_value=None, required=False
        )


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("File"), required=False)
    url = forms.URLField(
        label=_("Or a link"),
        required=False,
        assume_scheme="https",
        help_text=_("For example a page on your website or a shared document."),
        error_messages={"invalid": _("Fill in a complete link, for example https://…")},
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=300,
        help_text=_("What does this show? For example: volunteer policy 2025."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext("%(types)s, at most %(size)s MB.") % {
            "types": EVIDENCE_EXTENSIONS_LABEL,
            "size": settings.INZET_EVIDENCE_MAX_BYTES // (1024 * 1024),
        }

    def clean(self):
        cleaned = super().clean()
        if not self.errors and bool(cleaned.get("file")) == bool(cleaned.get("url")):
            self.add_error("file", _("Choose a file or fill in a link (one of the two)."))
        return cleaned


_SEPARATORS = re.compile(r"[\s,;]+")


class VolunteerInviteForm(forms.Form):
    emails = forms.CharField(
        label=_("E-mail addresses of volunteers"),
        widget=forms.Textarea(attrs={"rows": 8, "autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": _("Fill in at least one e-mail address.")},
        max_length=100_000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["emails"].help_text = gettext(
            "One address per line, or separated by commas. At most %(max)s at once. We do not "
            "keep the addresses."
        ) % {"max": VOLUNTEER_INVITATIONS_MAX}

    def clean_emails(self) -> list[str]:
        return [part for part in _SEPARATORS.split(self.cleaned_data["emails"]) if part]


class VolunteerLinkExtendForm(HelpfulRequiredMessages, forms.Form):
    """A new end date for the volunteer link: it then works until the end of that day."""

    until = forms.DateField(
        label=_("New end date"),
        help_text=_("For example 31-12-2026. The link works until the end of that day."),
        input_formats=["%d-%m-%Y", "%d/%m/%Y", "%d-%m-%y", "%Y-%m-%d"],
        widget=forms.DateInput(format="%d-%m-%Y", attrs={"size": 12, "autocomplete": "off"}),
        error_messages={"invalid": _("Fill in a date like 31-12-2026.")},
    )
