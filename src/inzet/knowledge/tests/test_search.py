"""The search behaviour, one suite for both databases (SQLite FTS5 and PostgreSQL)."""

from django.urls import reverse

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.knowledge import selectors, services
from inzet.knowledge.constants import PageKind, Visibility
from inzet.knowledge.models import SearchTermDay

from .factories import (
    NetworkFactory,
    PageFactory,
    ThemeFactory,
    network_member,
    pdf_bytes,
    upload,
)

pytestmark = pytest.mark.django_db


def _titles(results):
    return [hit.item.title for hit in results.hits]


def test_title_match_ranks_above_body_match():
    PageFactory(title="Over het werk", body="<p>De vrijwilligersvergoeding is onbelast.</p>")
    PageFactory(title="De vrijwilligersvergoeding", body="<p>Bedragen en regels.</p>")
    results = selectors.knowledge_search(query="vrijwilligersvergoeding", viewer=None)
    assert _titles(results) == ["De vrijwilligersvergoeding", "Over het werk"]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("vrijwilligers", "Een vrijwilliger werven"),
        ("verenigingen", "Besturen van een vereniging"),
    ],
)
def test_dutch_word_forms_are_found(query, title):
    PageFactory(title=title, body="<p>Iets anders.</p>")
    PageFactory(title="Koffie", body="<p>Niets hiermee te maken.</p>")
    assert _titles(selectors.knowledge_search(query=query, viewer=None)) == [title]


def test_snippet_highlights_and_escapes():
    PageFactory(
        title="Veilig",
        body="<p>x</p>",
        body_text="<script>alert(1)</script> Elke vrijwilliger krijgt een goede introductie.",
    )
    results = selectors.knowledge_search(query="introductie", viewer=None)
    hit = results.paginate(1).object_list[0]
    assert "<mark>introductie</mark>" in hit.snippet
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet or "script" not in hit.snippet


def test_documents_are_found_by_extracted_text():
    document = services.document_upload(
        uploaded_file=upload("vog.pdf", pdf_bytes("De verklaring omtrent gedrag is gratis.")),
        title="Folder",
        owner=UserFactory(),
        visibility=Visibility.PUBLIC,
        theme=ThemeFactory(),
    )
    PageFactory(title="Iets anders")
    results = selectors.knowledge_search(query="verklaring gedrag", viewer=None)
    assert [hit.item for hit in results.hits] == [document]
    assert results.hits[0].is_document
    assert "<mark>" in results.paginate(1).object_list[0].snippet


def test_filters_theme_and_kind():
    werving = ThemeFactory(slug="werving")
    besturen = ThemeFactory(slug="besturen", name="Besturen", name_en="Governance")
    PageFactory(title="Werven van bestuurders", theme=werving)
    PageFactory(title="Bestuurders zoeken", theme=besturen, kind=PageKind.DOSSIER)
    by_theme = selectors.knowledge_search(query="bestuurders", viewer=None, theme="besturen")
    assert _titles(by_theme) == ["Bestuurders zoeken"]
    assert _titles(selectors.knowledge_search(query="bestuurders", viewer=None, kind="page")) == [
        "Werven van bestuurders"
    ]
    assert selectors.knowledge_search(query="bestuurders", viewer=None, kind="document").hits == []


def test_visibility_in_search():
    network = NetworkFactory()
    member = network_member(network)
    PageFactory(title="Openbaar vrijwilligerswerk")
    PageFactory(title="Leden vrijwilligerswerk", visibility=Visibility.MEMBERS)
    PageFactory(
        title="Netwerk vrijwilligerswerk", visibility=Visibility.NETWORK, network=network
    )
    PageFactory(title="Oud vrijwilligerswerk", status="archived")
    assert set(_titles(selectors.knowledge_search(query="vrijwilligerswerk", viewer=None))) == {
        "Openbaar vrijwilligerswerk"
    }
    assert set(
        _titles(selectors.knowledge_search(query="vrijwilligerswerk", viewer=UserFactory()))
    ) == {"Openbaar vrijwilligerswerk", "Leden vrijwilligerswerk"}
    assert set(_titles(selectors.knowledge_search(query="vrijwilligerswerk", viewer=member))) == {
        "Openbaar vrijwilligerswerk",
        "Leden vrijwilligerswerk",
        "Netwerk vrijwilligerswerk",
    }


def test_each_search_is_counted_without_user_data(client):
    PageFactory(title="Vrijwilligersvergoeding")
    client.force_login(UserFactory())
    client.get(reverse("knowledge:index"), {"q": "  Vrijwilligersvergoeding "})
    client.logout()
    client.get(reverse("knowledge:index"), {"q": "zonnebloempitten"})
    client.get("/api/v1/knowledge/search", {"q": "zonnebloempitten"})
    # The next page of the same search is not another search.
    client.get(reverse("knowledge:index"), {"q": "zonnebloempitten", "pagina": "2"})
    rows = {row.term: (row.count, row.empty_count) for row in SearchTermDay.objects.all()}
    assert rows == {"vrijwilligersvergoeding": (1, 0), "zonnebloempitten": (2, 2)}


# --- Through the page


def test_empty_search_shows_themes(client):
    ThemeFactory()
    response = client.get(reverse("knowledge:index"), {"q": "   "})
    assert response.status_code == 200
    assert "results" not in response.context
    assert b'role="search"' in response.content
    assert reverse("knowledge:theme-detail", args=["werving"]).encode() in response.content
    assert SearchTermDay.objects.count() == 0


def test_stop_words_only_is_treated_as_empty(client):
    response = client.get(reverse("knowledge:index"), {"q": "de het een"})
    assert response.status_code == 200
    assert response.context["results"].state == "empty"
    assert SearchTermDay.objects.count() == 0


def test_very_long_search_gets_a_message_and_keeps_the_query(client):
    query = "vrijwilliger " * 160  # 2,080 characters
    response = client.get(reverse("knowledge:index"), {"q": query})
    assert response.status_code == 200
    assert response.context["results"].state == "too_long"
    assert b'id="id_q_error"' in response.content
    assert b'aria-invalid="true"' in response.content
    assert response.context["form"]["q"].value() == query


def test_nothing_found_gives_advice_and_logs_the_term(client):
    PageFactory(title="Vrijwilligersvergoeding")
    response = client.get(reverse("knowledge:index"), {"q": "qwertyuiop"})
    assert response.status_code == 200
    assert b'id="no-results"' in response.content
    assert SearchTermDay.objects.get().empty_count == 1


def test_results_page_shows_marks_and_paginates(client):
    for n in range(25):
        PageFactory(title=f"Werving deel {n}", body="<p>Tips voor werving van mensen.</p>")
    response = client.get(reverse("knowledge:index"), {"q": "werving"})
    assert response.status_code == 200
    assert response.context["results"].count == 25
    assert len(response.context["page"].object_list) == 20
    assert b"<mark>" in response.content
    second = client.get(reverse("knowledge:index"), {"q": "werving", "pagina": "2"})
    assert len(second.context["page"].object_list) == 5


def test_unknown_filters_do_not_break(client):
    PageFactory(title="Werving")
    response = client.get(
        reverse("knowledge:index"), {"q": "werving", "thema": "bestaat-niet", "soort": "x"}
    )
    assert response.status_code == 200
    assert response.context["results"].count == 1
