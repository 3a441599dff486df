from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.core.forms import HelpfulRequiredMessages

from .constants import SEARCH_KIND_DOCUMENT, PageKind, Visibility
from .models import Page, Theme
from .selectors import dossiers_for_choice

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]

BODY_HELP = _(
    "HTML. Allowed tags: paragraphs (p), headings (h2, h3, h4), lists (ul, ol, li), links "
    "(a with href and title), bold (strong), italic (em), quotes (blockquote), images (img "
    "with src and alt), tables and line breaks (br). Anything else, such as scripts, styles "
    "or event handlers, is removed when you save."
)


class SearchForm(forms.Form):
    """The GET form of the kennisbank: words plus filters. Lenient: a long query is kept
    (the selector refuses it with a message), unknown filters are ignored."""

    q = forms.CharField(label=_("Search the knowledge base"), required=False, max_length=5000)
    thema = forms.ChoiceField(label=_("Theme"), required=False)
    soort = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[
            ("", _("All types")),
            *PageKind.choices,
            (SEARCH_KIND_DOCUMENT, _("Document")),
        ],
    )

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("All themes"))] + [
            (theme.slug, str(theme)) for theme in themes
        ]


class PageForm(HelpfulRequiredMessages, forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=PageKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.all())
    dossier = forms.ModelChoiceField(
        label=_("Part of dossier"),
        queryset=Page.objects.none(),
        required=False,
        help_text=_("Leave empty for a page that stands on its own."),
    )
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences. For a snackable: at most 600 characters."),
    )
    body = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=BODY_HELP,
    )
    read_more = forms.ModelChoiceField(
        label=_("Read more on"),
        queryset=Page.objects.none(),
        required=False,
        help_text=_("For a snackable: the page with the full story."),
    )
    visibility = forms.ChoiceField(
        label=_("Who can see it"),
        choices=[(Visibility.PUBLIC, Visibility.PUBLIC.label),
                 (Visibility.MEMBERS, Visibility.MEMBERS.label)],
    )  # fmt: skip
    review_on = forms.DateField(
        label=_("Review on"),
        input_formats=DATE_INPUT_FORMATS,
        help_text=_("The date on which the owner checks that the page is still right."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Fill in a date like 31-12-2026.")},
    )
    note = forms.CharField(
        label=_("What did you change?"),
        required=False,
        max_length=300,
        help_text=_("A short note for the history, for example “Amounts for 2026”."),
    )
    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, page: Page | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        dossiers = dossiers_for_choice()
        pages = Page.objects.filter(network__isnull=True).order_by("title")
        if page is not None:
            dossiers = dossiers.exclude(pk=page.pk)
            pages = pages.exclude(pk=page.pk)
            if page.network_id is not None:
                # A network page keeps its network; the choice is not offered here.
                del self.fields["visibility"]
        self.fields["dossier"].queryset = dossiers
        self.fields["read_more"].queryset = pages


class DocumentUploadForm(HelpfulRequiredMessages, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.all(), required=False)
    visibility = forms.ChoiceField(
        label=_("Who can see it"),
        choices=[(Visibility.PUBLIC, Visibility.PUBLIC.label),
                 (Visibility.MEMBERS, Visibility.MEMBERS.label)],
    )  # fmt: skip
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt), PNG or JPEG."),
    )
    page = forms.ModelChoiceField(
        label=_("Show on page"),
        queryset=Page.objects.filter(network__isnull=True).order_by("title"),
        required=False,
        to_field_name="slug",
        help_text=_("The document appears as an attachment on this page."),
    )


class DocumentVersionForm(HelpfulRequiredMessages, forms.Form):
    file = forms.FileField(
        label=_("New version of the file"),
        help_text=_("PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt), PNG or JPEG."),
    )
