"""Forms of the platform manager's pages: the period filters and the bulk action."""

from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.core.forms import HelpfulRequiredMessages

from .selectors import bulk_documents, bulk_pages, owner_choices
from .services import BulkAction

DEFAULT_MONTHS = 6
DEFAULT_WEEKS = 8


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.display_name


class BulkActionForm(HelpfulRequiredMessages, forms.Form):
    """Pages and documents are ticked in the overview's table (the checkboxes are drawn by
    the template); this form parses them together with what to do."""

    SOURCES = ["stale", "unviewed", "orphans"]

    pages = forms.ModelMultipleChoiceField(
        queryset=bulk_pages(),
        to_field_name="public_id",
        required=False,
        error_messages={
            "invalid_choice": _("A chosen page no longer exists. Choose again."),
            "invalid_pk_value": _("A chosen page no longer exists. Choose again."),
        },
    )
    documents = forms.ModelMultipleChoiceField(
        queryset=bulk_documents(),
        to_field_name="public_id",
        required=False,
        error_messages={
            "invalid_choice": _("A chosen document no longer exists. Choose again."),
            "invalid_pk_value": _("A chosen document no longer exists. Choose again."),
        },
    )
    action = forms.ChoiceField(
        label=_("What do you want to do with the chosen items?"),
        choices=[
            (BulkAction.REASSIGN, _("Give them a new owner")),
            (BulkAction.ARCHIVE, _("Archive them")),
        ],
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose what to do: a new owner or archive.")},
    )
    new_owner = OwnerChoiceField(
        label=_("New owner"),
        queryset=owner_choices(),
        to_field_name="public_id",
        required=False,
        empty_label=_("Choose a person"),
        help_text=_("Only needed for a new owner: NOV staff and people who already own content."),
        error_messages={"invalid_choice": _("Choose the new owner from the list.")},
    )
    source = forms.ChoiceField(
        choices=[(s, s) for s in SOURCES], widget=forms.HiddenInput, initial="stale"
    )
    months = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=60)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Fresh querysets per request (the class attributes are evaluated once at import).
        self.fields["pages"].queryset = bulk_pages()
        self.fields["documents"].queryset = bulk_documents()
        self.fields["new_owner"].queryset = owner_choices()

    def clean(self):
        data = super().clean()
        if "pages" in data and "documents" in data and not (data["pages"] or data["documents"]):
            self.add_error(None, _("Tick at least one page or document in the list."))
        reassign = data.get("action") == BulkAction.REASSIGN
        if reassign and not data.get("new_owner") and "new_owner" not in self.errors:
            self.add_error("new_owner", _("Choose the new owner from the list."))
        return data

    def selected_values(self, name: str) -> set[str]:
        """What was ticked, as typed, so an invalid form keeps the selection."""
        return set(self.data.getlist(name)) if self.is_bound else set()


class _PeriodForm(forms.Form):
    """A period filter on an overview; a bad value falls back to the default."""

    name = ""
    default = 0

    def value(self) -> int:
        if self.is_valid() and self.cleaned_data.get(self.name):
            return self.cleaned_data[self.name]
        return self.default


class MonthsForm(_PeriodForm):
    name = "maanden"
    default = DEFAULT_MONTHS
    maanden = forms.IntegerField(
        label=_("Months without views"),
        min_value=1,
        max_value=60,
        required=False,
        error_messages={
            "invalid": _("Fill in a whole number of months, for example 6."),
            "min_value": _("Fill in a number of months from 1 to 60."),
            "max_value": _("Fill in a number of months from 1 to 60."),
        },
    )


class WeeksForm(_PeriodForm):
    name = "weken"
    default = DEFAULT_WEEKS
    weken = forms.IntegerField(
        label=_("Weeks without activity"),
        min_value=1,
        max_value=260,
        required=False,
        error_messages={
            "invalid": _("Fill in a whole number of weeks, for example 8."),
            "min_value": _("Fill in a number of weeks from 1 to 260."),
            "max_value": _("Fill in a number of weeks from 1 to 260."),
        },
    )
