from django import forms
from django.utils.translation import gettext_lazy as _

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm

from inzet.core.forms import HelpfulRequiredMessages
from inzet.geo.forms import PostcodeField

from .constants import Language


class SignupForm(HelpfulRequiredMessages, AllauthSignupForm):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("Organisations see this name when you respond to their vacancy."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    field_order = ["name", "email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # allauth sets placeholders; visible labels do the job better (and stay on screen).
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)


class LoginForm(HelpfulRequiredMessages, AllauthLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)


class ProfileForm(HelpfulRequiredMessages, forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    postcode = PostcodeField(
        label=_("Postcode"),
        required=False,
        help_text=_("Used to show work near you, for example 3511 AB or 3511."),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language of the website and e-mails"),
        choices=Language.choices,
        widget=forms.RadioSelect,
    )


class AccountDeleteForm(HelpfulRequiredMessages, forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        help_text=_("To be sure it is really you."),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("Yes, delete my account and my personal data"),
        error_messages={"required": _("Tick the box if you really want to delete your account.")},
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("This password is not correct. Try again."), code="wrong_password"
            )
        return password
