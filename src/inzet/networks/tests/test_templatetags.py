import pytest

from inzet.networks.templatetags.network_tags import post_body

from .factories import PostFactory, ThreadFactory, member

pytestmark = pytest.mark.django_db


def test_post_body_escapes_html_keeps_line_breaks_and_highlights_mentions():
    thread = ThreadFactory()
    sanne = member(thread.network, user__name="Sanne D'Hondt")
    post = PostFactory(
        thread=thread, body="Hoi @sanne d'hondt,\nzie <b>dit</b>.\n\nGroet, mail info@sanne.nl"
    )
    post.mentions.add(sanne)

    html = post_body(post)

    assert '<strong class="inzet-mention">@sanne d&#x27;hondt</strong>' in html
    assert "&lt;b&gt;dit&lt;/b&gt;" in html and "<b>" not in html
    assert "<br>" in html and html.count("<p>") == 2
    assert "info@sanne.nl" in html and html.count("inzet-mention") == 1
