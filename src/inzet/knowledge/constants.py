from django.db import models
from django.utils.translation import gettext_lazy as _


class PageKind(models.TextChoices):
    DOSSIER = "dossier", _("Dossier")
    PAGE = "page", _("Knowledge page")
    SNACKABLE = "snackable", _("Snackable")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Logged-in members")
    NETWORK = "network", _("One network")


class ContentStatus(models.TextChoices):
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")
