from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QualityMarkConfig(AppConfig):
    name = "inzet.qualitymark"
    verbose_name = _("NOV quality mark (keurmerk)")
