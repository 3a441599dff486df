from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    name = "inzet.compliance"
    verbose_name = _("Toolbox laws and regulations")

    def ready(self) -> None:
        from . import rules  # noqa: F401  (fills the rule registry)
