"""Forms of the adviser screens: assigning an adviser, and the adviser's notes."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inzet.accounts.models import User
from inzet.core.forms import HelpfulRequiredMessages


class AdviserChoiceField(forms.ModelChoiceField):
    assigned_ids: frozenset[int] = frozenset()

    def label_from_instance(self, obj: User) -> str:
        label = f"{obj.display_name} ({obj.email})" if obj.name else obj.email
        if obj.pk in self.assigned_ids:
            label = _("%(label)s – already guides this organisation") % {"label": label}
        return str(label)


class AdviserAssignForm(HelpfulRequiredMessages, forms.Form):
    adviser = AdviserChoiceField(
        label=_("Adviser"),
        queryset=User.objects.none(),
        empty_label=_("Choose an adviser"),
    )

    def __init__(self, *args, advisers, assigned_ids=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adviser"].queryset = advisers
        self.fields["adviser"].assigned_ids = frozenset(assigned_ids)


class HoursField(forms.Field):
    """Hours with a decimal comma or point: "1,5", "1.5", "2"."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "size": "6", "maxlength": "10"})

    def to_python(self, value):
        value = str(value or "").strip()
        if not value:
            return None
        text = value.replace(" ", "").replace(",", ".")
        try:
            hours = Decimal(text) if len(text) <= 10 else None
        except InvalidOperation:
            hours = None
        if hours is None or not hours.is_finite():
            raise ValidationError(
                _("Enter the hours as a number, for example 1,5."), code="invalid"
            )
        return hours


class AdviserNoteForm(HelpfulRequiredMessages, forms.Form):
    text = forms.CharField(
        label=_("Note"),
        help_text=_("What did you do or agree with the organisation?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    hours = HoursField(
        label=_("Hours"),
        help_text=_("Between 0 and 24, for example 1,5 for an hour and a half."),
    )
    date = forms.DateField(
        label=_("Date"),
        help_text=_("The day you did the work; not in the future."),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter the date as day-month-year, for example 15-03-2025.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"date": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["date"].widget.attrs["max"] = timezone.localdate().isoformat()
