from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelfEvaluationConfig(AppConfig):
    name = "inzet.selfevaluation"
    verbose_name = _("Self-evaluation Vrijwillige Inzet Goed Geregeld")
