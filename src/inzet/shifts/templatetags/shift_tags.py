from django import template

from inzet.core import permissions
from inzet.shifts.models import ShiftPlan
from inzet.shifts.services import SHIFT_VACANCY_FORMS

register = template.Library()


@register.simple_tag(takes_context=True)
def vacancy_shift_links(context, vacancy) -> dict[str, bool]:
    """For the vacancy page: whether it has a shift schedule, and whether the viewer may
    plan shifts (only for the kinds of work that can have shifts)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "has_plan": ShiftPlan.objects.filter(vacancy=vacancy).exists(),
        "can_manage": vacancy.form in SHIFT_VACANCY_FORMS
        and permissions.can_manage_shifts(user, vacancy),
    }
