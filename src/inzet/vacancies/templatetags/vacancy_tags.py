from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def for_you(context, limit: int = 3) -> list:
    """The top recommendations for the logged-in volunteer, for the dashboard block."""
    from inzet.vacancies.views.search import for_you_hits

    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return []
    return for_you_hits(user=request.user, limit=limit)
