"""Factories for the kennisbank. Themes come from a data migration, but browser tests empty
every table, so ``ThemeFactory`` gets or creates by slug."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

import factory

from inzet.accounts.tests.factories import UserFactory
from inzet.knowledge.constants import PageKind, Visibility
from inzet.knowledge.models import Page, Theme
from inzet.knowledge.services import html_to_text
from inzet.networks.constants import NetworkRole
from inzet.networks.models import Network, NetworkMembership


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    slug = "werving"
    name = "Werving en selectie"
    name_en = "Recruitment and selection"


class PageFactory(factory.django.DjangoModelFactory):
    """A public knowledge page. Pass ``body`` as safe HTML (the factory skips the services)."""

    class Meta:
        model = Page

    slug = factory.Sequence(lambda n: f"pagina-{n}")
    kind = PageKind.PAGE
    theme = factory.SubFactory(ThemeFactory)
    title = factory.Sequence(lambda n: f"Kennispagina {n}")
    summary = "Een korte samenvatting."
    body = "<p>Tekst over het werk met vrijwilligers.</p>"
    body_text = factory.LazyAttribute(lambda page: html_to_text(page.body))
    visibility = Visibility.PUBLIC
    owner = factory.SubFactory(UserFactory)
    review_on = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=180)
    )


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    slug = factory.Sequence(lambda n: f"netwerk-{n}")
    name = factory.Sequence(lambda n: f"Netwerk {n}")
    description = "Een besloten netwerk."


def network_member(network: Network, *, role: str = NetworkRole.MEMBER, user=None):
    user = user or UserFactory()
    NetworkMembership.objects.create(network=network, user=user, role=role)
    return user


def pdf_bytes(text: str) -> bytes:
    """A real PDF with ``text``, made by WeasyPrint."""
    from weasyprint import HTML

    return HTML(string=f"<html><body><p>{text}</p></body></html>").write_pdf()


def docx_bytes(text: str) -> bytes:
    """A real DOCX with ``text``, made by python-docx."""
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)
