import re

from django import template
from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def post_body(post) -> SafeString:
    """A post as escaped plain text with paragraphs and line breaks; @-mentions of members
    are highlighted. No HTML from users ever reaches the page."""
    html = escape(post.body)
    names = sorted({user.name for user in post.mentions.all() if user.name}, key=len, reverse=True)
    if names:
        pattern = re.compile(
            r"(?<![\w.])@(" + "|".join(re.escape(escape(name)) for name in names) + r")(?![\w])",
            re.IGNORECASE,
        )
        html = pattern.sub(r'<strong class="inzet-mention">@\1</strong>', html)
    # Already escaped above; linebreaks only adds <p> and <br>.
    return mark_safe(linebreaks(html, autoescape=False))  # noqa: S308
