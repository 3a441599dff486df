from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.core.forms import HelpfulRequiredMessages
from inzet.organisations.models import Organisation

from . import selectors
from .constants import Decision, Recommendation

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def _yes(value: str) -> bool:
    return value == "yes"


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.display_name} ({obj.email})" if obj.name else obj.email


class ApplicationAssignForm(HelpfulRequiredMessages, forms.Form):
    adviser = PersonChoiceField(
        label=_("Adviser for the assessment interview"),
        queryset=selectors.adviser_choices(),
        empty_label=_("Choose an adviser"),
        help_text=_("Usually the adviser who already guides the organisation."),
    )
    assessor = PersonChoiceField(
        label=_("Independent final assessor"),
        queryset=selectors.adviser_choices().none(),
        empty_label=_("Choose a final assessor"),
        help_text=_("Not the adviser, and not a member of the organisation."),
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adviser"].queryset = selectors.adviser_choices()
        self.fields["assessor"].queryset = selectors.assessor_choices(organisation=organisation)


class ApplicationAssessForm(HelpfulRequiredMessages, forms.Form):
    scores_right = forms.TypedChoiceField(
        label=_("Are the scores of the self-evaluation right?"),
        choices=YES_NO,
        coerce=_yes,
        widget=forms.RadioSelect,
    )
    evidence_complete = forms.TypedChoiceField(
        label=_("Is the evidence complete?"),
        choices=YES_NO,
        coerce=_yes,
        widget=forms.RadioSelect,
    )
    notes = forms.CharField(
        label=_("Notes of the assessment interview"),
        help_text=_("What did you check, what did you find? The final assessor reads this."),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10000,
    )
    recommendation = forms.ChoiceField(
        label=_("Your recommendation"),
        choices=Recommendation.choices,
        widget=forms.RadioSelect,
    )


class ApplicationDecideForm(HelpfulRequiredMessages, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        help_text=_("The organisation and the adviser read these."),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
    )
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        help_text=_("Only with “granted with conditions”: what the organisation has to do."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
    )
