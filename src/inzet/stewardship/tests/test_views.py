"""The manager's overviews, the bulk action, the dormant-account overview and the keep link."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from inzet.accounts.tests.factories import UserFactory, nov_staff
from inzet.audit.models import AuditEvent
from inzet.knowledge.constants import ContentStatus, Visibility
from inzet.knowledge.models import SearchTermDay
from inzet.knowledge.services import document_link_pages, document_upload, page_view_record
from inzet.knowledge.tests.factories import NetworkFactory, PageFactory, docx_bytes, upload
from inzet.networks.models import Network
from inzet.stewardship.constants import DormancyStage

from .factories import DormantAccountFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)

MANAGER_URLS = [
    ("stewardship:overview", "get"),
    ("stewardship:stale-content", "get"),
    ("stewardship:unviewed-pages", "get"),
    ("stewardship:orphan-documents", "get"),
    ("stewardship:quiet-networks", "get"),
    ("stewardship:failed-searches", "get"),
    ("stewardship:dormant-accounts", "get"),
    ("stewardship:bulk-action", "post"),
]


def _document(title: str, **kwargs):
    return document_upload(
        uploaded_file=upload("tekst.docx", docx_bytes("Een handleiding.")),
        title=title,
        owner=kwargs.pop("owner", None) or UserFactory(),
        visibility=kwargs.pop("visibility", Visibility.PUBLIC),
        **kwargs,
    )


def _old_page(**kwargs):
    """A page created a year ago (the unviewed overview skips younger pages)."""
    page = PageFactory(**kwargs)
    page.created_at = timezone.now() - datetime.timedelta(days=365)
    page.save(update_fields=["created_at"])
    return page


# --- Who may


@pytest.mark.parametrize(("name", "method"), MANAGER_URLS)
def test_anonymous_visitor_is_sent_to_log_in(client, name, method):
    response = getattr(client, method)(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith("/account/inloggen/")


@pytest.mark.parametrize(("name", "method"), MANAGER_URLS)
def test_member_who_is_not_nov_staff_gets_404(client, name, method):
    client.force_login(UserFactory())

    response = getattr(client, method)(reverse(name))

    assert response.status_code == 404


@pytest.mark.parametrize(("name", "method"), MANAGER_URLS[:-1])
def test_nov_staff_sees_every_overview(client, name, method):
    client.force_login(nov_staff())

    response = client.get(reverse(name))

    assert response.status_code == 200


def test_nov_staff_can_post_a_bulk_action(client):
    page = PageFactory(review_on=TODAY - DAY)
    client.force_login(nov_staff())

    response = client.post(
        reverse("stewardship:bulk-action"),
        {"source": "stale", "action": "archive", "pages": [page.public_id]},
    )

    assert response.status_code == 302


# --- Overviews show the right items


def test_overview_counts_each_kind_of_item(client):
    PageFactory.create_batch(2, review_on=TODAY - DAY)
    PageFactory(review_on=TODAY + DAY)
    _document("Losse handleiding")
    quiet = NetworkFactory()
    Network.objects.filter(pk=quiet.pk).update(
        last_activity_at=timezone.now() - datetime.timedelta(weeks=9)
    )
    NetworkFactory()
    DormantAccountFactory()
    DormantAccountFactory(deactivated=True)
    DormantAccountFactory(deactivated=True)
    client.force_login(nov_staff())

    response = client.get(reverse("stewardship:overview"))

    counts = response.context["counts"]
    assert (counts.stale, counts.orphans, counts.quiet_networks) == (2, 1, 1)
    assert counts.dormant == {"asked": 1, "kept": 0, "deactivated": 2, "erased": 0}
    assert 'data-stage="deactivated">2<' in response.content.decode()


def test_stale_content_lists_pages_past_review_grouped_by_owner(client):
    anna = UserFactory(name="Anna de Wit")
    late = PageFactory(title="Vrijwilligersvergoeding 2024", owner=anna, review_on=TODAY - 10 * DAY)
    PageFactory(title="Nog actueel", owner=anna, review_on=TODAY + DAY)
    PageFactory(title="Gearchiveerd", review_on=TODAY - DAY, status=ContentStatus.ARCHIVED)
    network = NetworkFactory()
    PageFactory(
        title="Netwerkpagina",
        review_on=TODAY - DAY,
        visibility=Visibility.NETWORK,
        network=network,
    )
    client.force_login(nov_staff())

    response = client.get(reverse("stewardship:stale-content"))

    html = response.content.decode()
    assert [p.pk for p in response.context["page"].object_list] == [late.pk]
    assert "Anna de Wit" in html
    assert "Vrijwilligersvergoeding 2024" in html
    assert response.context["page"].object_list[0].days_overdue == 10
    assert response.context["owner_counts"] == {anna.pk: 1}
    # Network content stays inside the network, even for NOV staff.
    assert "Netwerkpagina" not in html
    assert "Nog actueel" not in html
    assert "Gearchiveerd" not in html
    assert f'value="{late.public_id}"' in html


def test_unviewed_pages_honours_the_months_parameter(client):
    read_recently = _old_page(title="Onlangs gelezen")
    page_view_record(page=read_recently, day=TODAY - 10 * DAY)
    read_long_ago = _old_page(title="Lang geleden gelezen")
    page_view_record(page=read_long_ago, day=TODAY - 100 * DAY)
    never_read = _old_page(title="Nooit gelezen")
    client.force_login(nov_staff())

    six = client.get(reverse("stewardship:unviewed-pages"))
    two = client.get(reverse("stewardship:unviewed-pages"), {"maanden": "2"})

    assert {p.pk for p in six.context["page"].object_list} == {never_read.pk}
    assert {p.pk for p in two.context["page"].object_list} == {never_read.pk, read_long_ago.pk}


def test_unviewed_pages_with_a_bad_number_explains_and_uses_the_default(client):
    client.force_login(nov_staff())

    response = client.get(reverse("stewardship:unviewed-pages"), {"maanden": "veel"})

    assert response.status_code == 200
    assert response.context["months"] == 6
    assert response.context["period_form"].errors["maanden"]


def test_orphan_documents_lists_kennisbank_documents_no_page_links_to(client):
    orphan = _document("Losse handleiding")
    linked = _document("Gekoppelde handleiding")
    document_link_pages(document=linked, pages=[PageFactory()])
    network = NetworkFactory()
    _document("Netwerkdocument", network=network, visibility=Visibility.NETWORK)
    client.force_login(nov_staff())

    response = client.get(reverse("stewardship:orphan-documents"))

    assert [d.pk for d in response.context["page"].object_list] == [orphan.pk]
    assert "Netwerkdocument" not in response.content.decode()


def test_quiet_networks_honours_the_weeks_parameter(client):
    now = timezone.now()
    three_weeks = NetworkFactory(name="Drie weken stil")
    ten_weeks = NetworkFactory(name="Tien weken stil")
    NetworkFactory(name="Druk")
    Network.objects.filter(pk=three_weeks.pk).update(last_activity_at=now - 3 * 7 * DAY)
    Network.objects.filter(pk=ten_weeks.pk).update(last_activity_at=now - 10 * 7 * DAY)
    client.force_login(nov_staff())

    default = client.get(reverse("stewardship:quiet-networks"))
    two = client.get(reverse("stewardship:quiet-networks"), {"weken": "2"})

    assert [n.pk for n in default.context["page"].object_list] == [ten_weeks.pk]
    assert [n.pk for n in two.context["page"].object_list] == [ten_weeks.pk, three_weeks.pk]


def test_failed_searches_lists_terms_that_found_nothing(client):
    SearchTermDay.objects.create(term="vog-regeling", day=TODAY, count=5, empty_count=4)
    SearchTermDay.objects.create(term="werving", day=TODAY, count=9, empty_count=0)
    SearchTermDay.objects.create(term="te oud", day=TODAY - 100 * DAY, count=3, empty_count=3)
    client.force_login(nov_staff())

    response = client.get(reverse("stewardship:failed-searches"))

    assert [row["term"] for row in response.context["terms"]] == ["vog-regeling"]
    assert "?q=vog-regeling" in response.content.decode()


# --- Bulk actions


def test_bulk_reassign_gives_the_chosen_pages_a_new_owner(client):
    manager = nov_staff()
    colleague = nov_staff()
    first, second, untouched = PageFactory.create_batch(3, review_on=TODAY - DAY)
    client.force_login(manager)

    response = client.post(
        reverse("stewardship:bulk-action"),
        {
            "source": "stale",
            "action": "reassign",
            "new_owner": colleague.public_id,
            "pages": [first.public_id, second.public_id],
        },
        follow=True,
    )

    assert response.redirect_chain == [(reverse("stewardship:stale-content"), 302)]
    for page in (first, second, untouched):
        page.refresh_from_db()
    assert first.owner == second.owner == colleague
    assert untouched.owner != colleague
    messages = [str(m) for m in response.context["messages"]]
    assert any("2" in m for m in messages)


def test_bulk_archive_archives_documents_and_goes_back(client):
    first = _document("Eerste losse handleiding")
    second = _document("Tweede losse handleiding")
    client.force_login(nov_staff())

    response = client.post(
        reverse("stewardship:bulk-action"),
        {"source": "orphans", "action": "archive", "documents": [first.public_id]},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("stewardship:orphan-documents")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == ContentStatus.ARCHIVED
    assert second.status == ContentStatus.PUBLISHED


def test_bulk_archive_from_unviewed_returns_to_the_same_period(client):
    page = _old_page()
    client.force_login(nov_staff())

    response = client.post(
        reverse("stewardship:bulk-action"),
        {"source": "unviewed", "months": "3", "action": "archive", "pages": [page.public_id]},
    )

    assert response["Location"] == reverse("stewardship:unviewed-pages") + "?maanden=3"
    page.refresh_from_db()
    assert page.status == ContentStatus.ARCHIVED


def test_bulk_reassign_to_someone_not_in_the_list_is_refused_and_keeps_the_selection(client):
    outsider = UserFactory()  # not NOV staff and owns nothing
    page = PageFactory(review_on=TODAY - DAY)
    owner = page.owner
    client.force_login(nov_staff())

    response = client.post(
        reverse("stewardship:bulk-action"),
        {
            "source": "stale",
            "action": "reassign",
            "new_owner": outsider.public_id,
            "pages": [page.public_id],
        },
    )

    assert response.status_code == 422
    assert "new_owner" in response.context["bulk_form"].errors
    html = response.content.decode()
    assert f'value="{page.public_id}" id="kies-{page.public_id}" checked' in html
    assert 'class="inzet-error-summary"' in html
    page.refresh_from_db()
    assert page.owner == owner


@pytest.mark.parametrize(
    ("data", "error_field"),
    [
        ({"action": "reassign"}, "new_owner"),
        ({"action": "delete"}, "action"),
        ({}, "action"),
        ({"action": "archive", "pages": ["geen-uuid"]}, "pages"),
    ],
)
def test_bulk_action_with_bad_input_answers_422(client, data, error_field):
    page = PageFactory(review_on=TODAY - DAY)
    client.force_login(nov_staff())

    response = client.post(
        reverse("stewardship:bulk-action"),
        {"source": "stale", "pages": [page.public_id], **data},
    )

    assert response.status_code == 422
    assert error_field in response.context["bulk_form"].errors
    page.refresh_from_db()
    assert page.status == ContentStatus.PUBLISHED


def test_bulk_action_without_a_selection_answers_422(client):
    PageFactory(review_on=TODAY - DAY)
    client.force_login(nov_staff())

    response = client.post(
        reverse("stewardship:bulk-action"), {"source": "stale", "action": "archive"}
    )

    assert response.status_code == 422
    assert response.context["bulk_form"].non_field_errors()


def test_bulk_action_cannot_touch_network_content(client):
    network = NetworkFactory()
    page = PageFactory(review_on=TODAY - DAY, visibility=Visibility.NETWORK, network=network)
    client.force_login(nov_staff())

    response = client.post(
        reverse("stewardship:bulk-action"),
        {"source": "stale", "action": "archive", "pages": [page.public_id]},
    )

    assert response.status_code == 422
    page.refresh_from_db()
    assert page.status == ContentStatus.PUBLISHED


# --- Dormant accounts overview


def test_dormant_overview_lists_one_stage_and_audits_the_view(client):
    asked = DormantAccountFactory(user__email="gevraagd@example.org")
    DormantAccountFactory(deactivated=True, user__email="gesloten@example.org")
    manager = nov_staff()
    client.force_login(manager)

    response = client.get(reverse("stewardship:dormant-accounts"))
    closed = client.get(reverse("stewardship:dormant-accounts"), {"fase": "deactivated"})

    assert "gevraagd@example.org" in response.content.decode()
    assert "gesloten@example.org" not in response.content.decode()
    assert "gesloten@example.org" in closed.content.decode()
    assert AuditEvent.objects.filter(
        actor=manager, subject=asked.user, action="stewardship.dormant_accounts_viewed"
    ).exists()


def test_dormant_overview_with_unknown_stage_shows_the_first(client):
    client.force_login(nov_staff())

    response = client.get(reverse("stewardship:dormant-accounts"), {"fase": "onzin"})

    assert response.status_code == 200
    assert response.context["stage"] == DormancyStage.ASKED


# --- The keep link


def test_keep_link_shows_a_button_then_keeps_the_account(client):
    dormant = DormantAccountFactory()
    url = reverse("stewardship:keep-account", args=[dormant.keep_token])

    shown = client.get(url)
    kept = client.post(url)

    assert shown.status_code == 200
    assert 'id="keep-account"' in shown.content.decode()
    assert kept.status_code == 200
    dormant.refresh_from_db()
    assert dormant.stage == DormancyStage.KEPT


def test_keep_link_reactivates_a_deactivated_account(client):
    dormant = DormantAccountFactory(deactivated=True)

    response = client.post(reverse("stewardship:keep-account", args=[dormant.keep_token]))

    assert response.status_code == 200
    assert response.context["was_deactivated"] is True
    dormant.user.refresh_from_db()
    assert dormant.user.is_active is True


def test_used_keep_link_shows_a_friendly_404(client):
    dormant = DormantAccountFactory(stage=DormancyStage.KEPT, kept_at=timezone.now())
    url = reverse("stewardship:keep-account", args=[dormant.keep_token])

    assert client.get(url).status_code == 404
    response = client.post(url)

    assert response.status_code == 404
    assert "stewardship/keep_account_invalid.html" in [t.name for t in response.templates]


def test_unknown_keep_link_shows_a_friendly_404(client):
    response = client.get(reverse("stewardship:keep-account", args=["onbekend"]))

    assert response.status_code == 404
    assert "stewardship/keep_account_invalid.html" in [t.name for t in response.templates]


def test_keep_link_of_an_erased_account_no_longer_works(client):
    dormant = DormantAccountFactory(stage=DormancyStage.ERASED, erased_at=timezone.now())

    response = client.post(reverse("stewardship:keep-account", args=[dormant.keep_token]))

    assert response.status_code == 404
    dormant.user.refresh_from_db()
    assert dormant.user.is_active is True  # untouched: the factory made it active
