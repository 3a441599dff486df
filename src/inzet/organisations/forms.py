from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.core.forms import HelpfulRequiredMessages
from inzet.geo.forms import PostcodeField

from .constants import LegalForm, OrganisationRole
from .models import Sector
from .services import OrganisationData


class OrganisationForm(HelpfulRequiredMessages, forms.Form):
    name = forms.CharField(
        label=_("Name of the organisation"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    legal_form = forms.ChoiceField(
        label=_("Legal form"),
        choices=LegalForm.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Not sure? An informal group without statutes at a notary is a "
            "citizens' initiative or an informal association."
        ),
    )
    kvk_number = forms.CharField(
        label=_("KvK number"),
        required=False,
        max_length=12,
        help_text=_("8 digits. Required, except for informal associations and initiatives."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": "8"}),
    )
    street = forms.CharField(
        label=_("Street and house number"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    postcode = PostcodeField(
        label=_("Postcode"),
        help_text=_(
            "We use it to find your municipality and volunteer centre. For example 8011 CW."
        ),
    )
    city = forms.CharField(
        label=_("Place"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"),
        queryset=Sector.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one or more fields you work in."),
        error_messages={"required": _("Choose at least one sector.")},
    )
    description = forms.CharField(
        label=_("What does your organisation do?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    email = forms.EmailField(
        label=_("E-mail address of the organisation"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    def to_data(self) -> OrganisationData:
        data = self.cleaned_data
        return OrganisationData(
            name=data["name"],
            legal_form=data["legal_form"],
            kvk_number=data["kvk_number"],
            street=data["street"],
            postcode=data["postcode"],
            city=data["city"],
            description=data["description"],
            email=data["email"],
            website=data["website"],
            sectors=tuple(data["sectors"]),
        )

    @classmethod
    def initial_for(cls, organisation) -> dict:
        return {
            "name": organisation.name,
            "legal_form": organisation.legal_form,
            "kvk_number": organisation.kvk_number,
            "street": organisation.street,
            "postcode": organisation.postcode,
            "city": organisation.city,
            "sectors": list(organisation.sectors.all()),
            "description": organisation.description,
            "email": organisation.email,
            "website": organisation.website,
        }


class InvitationForm(HelpfulRequiredMessages, forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("We send an invitation with a link to this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=OrganisationRole.choices,
        initial=OrganisationRole.MEMBER,
        widget=forms.RadioSelect,
        help_text=_(
            "Administrators manage the organisation and its members. Coordinators "
            "handle vacancies and volunteers. Members can look along."
        ),
    )


class MembershipRoleForm(HelpfulRequiredMessages, forms.Form):
    role = forms.ChoiceField(label=_("New role"), choices=OrganisationRole.choices)


class CentreLookupForm(HelpfulRequiredMessages, forms.Form):
    postcode = PostcodeField(
        label=_("Your postcode"),
        help_text=_("For example 3511 AB or 3511."),
    )
