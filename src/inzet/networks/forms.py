"""Forms of the network pages. They only parse what was typed; services check the rules."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from inzet.accounts.models import User
from inzet.core.forms import HelpfulRequiredMessages

from .constants import NetworkRole, NotificationChoice
from .models import Folder, Network


def _users_from_emails(text: str) -> list[User]:
    """Existing accounts for e-mail addresses typed one per line (or comma separated)."""
    emails = [e.strip().lower() for e in text.replace(",", "\n").splitlines() if e.strip()]
    users = []
    unknown = []
    for email in dict.fromkeys(emails):
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            unknown.append(email)
        else:
            users.append(user)
    if unknown:
        raise forms.ValidationError(
            gettext(
                "There is no account with this e-mail address: %(emails)s. Check the "
                "spelling, or ask the person to create an account first."
            )
            % {"emails": ", ".join(unknown)},
            code="unknown_user",
        )
    return users


class NetworkCreateForm(HelpfulRequiredMessages, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    slug = forms.CharField(
        label=_("Web address"),
        max_length=80,
        help_text=_("Lowercase letters, digits and hyphens, e.g. wet-en-regelgeving."),
    )
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the network is for and who it is for. Everyone can read this."),
    )
    accepts_join_requests = forms.BooleanField(
        label=_("People can ask to join"), required=False, initial=True
    )
    moderators = forms.CharField(
        label=_("E-mail addresses of the moderators (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line. Leave empty to be the moderator yourself."),
    )

    def clean_moderators(self) -> list[User]:
        return _users_from_emails(self.cleaned_data.get("moderators") or "")


class NetworkEditForm(HelpfulRequiredMessages, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}))
    accepts_join_requests = forms.BooleanField(label=_("People can ask to join"), required=False)
    add_moderators = forms.CharField(
        label=_("Appoint moderators: e-mail addresses (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line. Only NOV staff can appoint moderators here."),
    )

    def __init__(self, *args, can_appoint: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_appoint:
            del self.fields["add_moderators"]

    def clean_add_moderators(self) -> list[User]:
        return _users_from_emails(self.cleaned_data.get("add_moderators") or "")


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Why do you want to join? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The moderators read this. For example your role and organisation."),
    )


class InvitationForm(HelpfulRequiredMessages, forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        error_messages={"invalid": _("Fill in an e-mail address like name@example.nl.")},
    )


class RoleForm(HelpfulRequiredMessages, forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=NetworkRole.choices)


class NotificationForm(HelpfulRequiredMessages, forms.Form):
    notification = forms.ChoiceField(
        label=_("E-mail about new messages"),
        choices=NotificationChoice.choices,
        widget=forms.RadioSelect,
    )


class ThreadForm(HelpfulRequiredMessages, forms.Form):
    title = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Mention a member with @ and their full name, e.g. @Anna de Vries."),
    )


class PostForm(HelpfulRequiredMessages, forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Mention a member with @ and their full name, e.g. @Anna de Vries."),
    )


class PostEditForm(HelpfulRequiredMessages, forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}))


class FolderForm(HelpfulRequiredMessages, forms.Form):
    name = forms.CharField(label=_("Folder name"), max_length=150)
    parent = forms.ModelChoiceField(
        label=_("Inside folder (optional)"),
        queryset=Folder.objects.none(),
        required=False,
        empty_label=_("No: a main folder"),
    )

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Folder.objects.filter(network=network, parent=None)


class UploadForm(HelpfulRequiredMessages, forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("PDF, Word (DOCX) and other office files."))
    title = forms.CharField(label=_("Title"), max_length=200)
    folder = forms.ModelChoiceField(
        label=_("Folder (optional)"),
        queryset=Folder.objects.none(),
        required=False,
        empty_label=_("No folder"),
    )
    description = forms.CharField(
        label=_("Description (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["folder"].queryset = Folder.objects.filter(network=network).select_related(
            "parent"
        )
        self.fields["folder"].label_from_instance = lambda f: (
            f"{f.parent.name} / {f.name}" if f.parent_id else f.name
        )


class VersionForm(HelpfulRequiredMessages, forms.Form):
    file = forms.FileField(label=_("New version of the file"))
