"""Forms for a volunteer centre's own work: mediation cases, proposals and the vacancy import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.core.forms import HelpfulRequiredMessages

from .constants import CaseStatus


class CaseForm(HelpfulRequiredMessages, forms.Form):
    volunteer_email = forms.EmailField(
        label=_("E-mail address of the volunteer"),
        help_text=_("The volunteer needs an account on Inzet with this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "off", "class": "inzet-textbox"}),
        error_messages={"invalid": _("Enter an e-mail address like name@example.nl.")},
    )
    consent = forms.BooleanField(
        label=_("The volunteer gives consent to record their data for mediation"),
        required=True,
        error_messages={
            "required": _(
                "Confirm that the volunteer agrees. Without consent you may not record their data."
            )
        },
    )
    wishes = forms.CharField(
        label=_("Wishes"),
        required=False,
        help_text=_("What does the volunteer want to do, when, and where?"),
        widget=forms.Textarea(attrs={"rows": 5, "class": "inzet-textbox"}),
        max_length=5000,
    )
    staff_member = forms.ModelChoiceField(
        label=_("Staff member"),
        queryset=None,
        empty_label=None,
        widget=forms.Select(attrs={"class": "inzet-textbox"}),
    )

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff_member"].queryset = staff
        self.fields["staff_member"].label_from_instance = lambda user: user.display_name
        self.fields["consent"].widget.attrs["aria-required"] = "true"
        self.fields["volunteer_email"].widget.attrs["aria-required"] = "true"


class ProposalForm(HelpfulRequiredMessages, forms.Form):
    vacancy = forms.TypedChoiceField(
        label=_("Vacancy"),
        coerce=int,
        help_text=_("Published vacancies in your centre's area that you have not proposed yet."),
        widget=forms.Select(attrs={"class": "inzet-textbox"}),
        error_messages={"invalid_choice": _("Choose a vacancy from the list.")},
    )
    note = forms.CharField(
        label=_("Note for the volunteer"),
        required=False,
        help_text=_("The volunteer sees this note with the proposal and in the e-mail."),
        widget=forms.Textarea(attrs={"rows": 3, "class": "inzet-textbox"}),
        max_length=2000,
    )

    def __init__(self, *args, vacancies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vacancy"].choices = [("", _("Choose a vacancy"))] + [
            (v.pk, f"{v.title} – {v.organisation.name}") for v in vacancies
        ]


class CaseStatusForm(forms.Form):
    status = forms.ChoiceField(choices=CaseStatus.choices)


class VacancyImportForm(forms.Form):
    file = forms.FileField(
        label=_("File with vacancies"),
        help_text=_(
            "A CSV file (UTF-8, separated by ; or ,) or an Excel file (.xlsx), at most 2 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
        error_messages={
            "required": _("Choose a CSV or Excel file to import."),
            "empty": _("The file is empty. Choose a file with a header row and vacancies."),
            "invalid": _("Choose a CSV or Excel file to import."),
        },
    )
