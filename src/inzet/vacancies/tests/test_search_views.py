"""The volunteers' pages: search, a vacancy's page, responding, own responses and proposals."""

from django.urls import reverse
from django.utils import timezone

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.models import Sector
from inzet.organisations.tests.factories import (
    CentreMembershipFactory,
    MembershipFactory,
    VolunteerCentreFactory,
)
from inzet.vacancies.constants import ResponseStatus, VacancyStatus
from inzet.vacancies.models import MediationCase, Proposal, Response
from inzet.vacancies.tests.factories import ResponseFactory, VacancyFactory
from inzet.volunteers.tests.factories import VolunteerProfileFactory

pytestmark = pytest.mark.django_db
SEARCH = reverse("vacancies:vacancy-search")


def nature() -> Sector:
    return Sector.objects.get(slug="natuur-milieu")


# --- Search


def test_search_page_lists_published_vacancies_only(client):
    VacancyFactory(published=True, title="Voorlezen in de bibliotheek")
    VacancyFactory(title="Concept: nog niet klaar")

    response = client.get(SEARCH)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Voorlezen in de bibliotheek" in content
    assert "Concept: nog niet klaar" not in content


def test_search_filters_by_sector_and_keeps_the_url_values(client):
    VacancyFactory(published=True, title="Bomen planten", sector=nature())
    VacancyFactory(published=True, title="Koffie schenken in de buurtkamer")

    response = client.get(SEARCH, {"sector": "natuur-milieu", "postcode": "3511"})

    content = response.content.decode()
    assert "Bomen planten" in content
    assert "Koffie schenken" not in content
    assert 'value="natuur-milieu" id="id_sector_' in content
    assert [h.vacancy.title for h in response.context["result"].hits] == ["Bomen planten"]


def test_search_near_a_postcode_shows_the_distance(client):
    VacancyFactory(published=True, title="Taalmaatje in Utrecht")

    response = client.get(SEARCH, {"postcode": "3511", "afstand": "10"})

    hit = response.context["result"].hits[0]
    assert hit.distance_km is not None and hit.distance_km < 2
    assert "Taalmaatje in Utrecht" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"postcode": "abc"}, "postcode"),
        ({"postcode": "1001"}, "postcode"),  # a PC4 that does not exist
        ({"postcode": "3511", "afstand": "7"}, "afstand"),
        ({"postcode": "3511", "afstand": "1000"}, "afstand"),
        ({"afstand": "10"}, "postcode"),  # a radius needs a postcode
        ({"uren": "veel"}, "uren"),
        ({"sector": "bestaat-niet"}, "sector"),
        ({"gemeente": "GM9999"}, "gemeente"),
        ({"sorteer": "match"}, "sorteer"),  # only with a profile
        ({"pagina": "x"}, None),  # a bad page is page 1
    ],
)
def test_search_with_bad_input_explains_on_the_field_and_keeps_values(client, params, field):
    VacancyFactory(published=True)

    response = client.get(SEARCH, params)

    assert response.status_code == 200
    form = response.context["form"]
    if field is None:
        assert form.is_valid()
    else:
        assert field in form.errors
        assert response.context["result"] is None
        assert "Controleer het volgende" in response.content.decode()
        for value in params.values():
            assert value in response.content.decode()


def test_search_sort_by_match_shows_score_and_reasons_for_volunteer_with_profile(client):
    profile = VolunteerProfileFactory(interests=[nature()])
    VacancyFactory(published=True, title="Natuurwerkdag", sector=nature())
    client.force_login(profile.user)

    response = client.get(SEARCH, {"sorteer": "match"})

    hit = response.context["result"].hits[0]
    assert hit.match_score is not None
    content = response.content.decode()
    assert "Natuurwerkdag" in content
    assert any("Natuur" in reason for reason in hit.match_reasons)


def test_search_without_results_suggests_what_to_widen(client):
    VacancyFactory(published=True, title="Klussen in het buurthuis")

    response = client.get(SEARCH, {"q": "paardrijden", "geschikt": ["wheelchair"]})

    assert response.status_code == 200
    assert response.context["result"].count == 0
    assert 'class="inzet-alert"' in response.content.decode()


def test_search_paginates(client):
    VacancyFactory.create_batch(23, published=True)

    first = client.get(SEARCH)
    second = client.get(SEARCH, {"pagina": "2"})
    beyond = client.get(SEARCH, {"pagina": "99"})

    assert len(first.context["result"].hits) == 20
    assert len(second.context["result"].hits) == 3
    assert beyond.context["page"].number == 2
    assert "pagina=2" in first.content.decode()


# --- A vacancy's page


def test_vacancy_page_is_public_and_shows_a_response_form(client):
    vacancy = VacancyFactory(published=True, contact_name="Els", contact_email="els@example.org")

    response = client.get(vacancy.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert vacancy.title in content
    assert "Els" in content
    assert "els@example.org" not in content
    assert reverse("account_login") in content  # anonymous: log in to respond


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("volunteer", 404),
        ("coordinator elsewhere", 404),
        ("own coordinator", 200),
        ("responsible centre", 200),
    ],
)
def test_draft_vacancy_page_only_for_its_organisation_and_centre(client, role, status):
    vacancy = VacancyFactory()
    user = {
        "anonymous": lambda: None,
        "volunteer": UserFactory,
        "coordinator elsewhere": lambda: MembershipFactory(role=OrganisationRole.COORDINATOR).user,
        "own coordinator": lambda: (
            MembershipFactory(
                organisation=vacancy.organisation, role=OrganisationRole.COORDINATOR
            ).user
        ),
        "responsible centre": lambda: CentreMembershipFactory().user,
    }[role]()
    if user:
        client.force_login(user)

    response = client.get(vacancy.get_absolute_url())

    assert response.status_code == status


@pytest.mark.parametrize(
    "make",
    [
        lambda: VacancyFactory(status=VacancyStatus.CLOSED),
        lambda: VacancyFactory(status=VacancyStatus.PAUSED),
        lambda: VacancyFactory(expired=True),
    ],
)
def test_closed_vacancy_page_says_so_instead_of_a_form(client, make):
    vacancy = make()
    client.force_login(UserFactory())

    response = client.get(vacancy.get_absolute_url())

    assert response.status_code == 200
    assert response.context["is_open"] is False
    assert 'name="message"' not in response.content.decode()


def test_vacancy_page_shows_fit_for_a_volunteer_with_profile(client):
    profile = VolunteerProfileFactory(interests=[nature()])
    vacancy = VacancyFactory(published=True, sector=nature())
    client.force_login(profile.user)

    response = client.get(vacancy.get_absolute_url())

    fit = response.context["fit"]
    assert fit.distance_km is not None and fit.score > 0
    assert any("Natuur" in reason for reason in fit.reasons)


# --- Responding and withdrawing


def test_respond_needs_login(client):
    vacancy = VacancyFactory(published=True)

    response = client.post(reverse("vacancies:response-create", args=[vacancy.public_id]))

    assert response.status_code == 302
    assert "/account/inloggen/" in response["Location"]
    assert not Response.objects.exists()


def test_respond_in_one_step(client):
    vacancy = VacancyFactory(published=True)
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        reverse("vacancies:response-create", args=[vacancy.public_id]),
        {"message": "Ik heb op zaterdag tijd."},
        follow=True,
    )

    created = Response.objects.get(vacancy=vacancy, volunteer=user)
    assert created.message == "Ik heb op zaterdag tijd."
    assert response.context["own_response"] == created
    assert f"{created.public_id}/intrekken/" in response.content.decode()


def test_respond_twice_explains_and_keeps_one_response(client):
    earlier = ResponseFactory()
    client.force_login(earlier.volunteer)

    response = client.post(
        reverse("vacancies:response-create", args=[earlier.vacancy.public_id]),
        {"message": "Nog een keer"},
        follow=True,
    )

    assert response.status_code == 200
    assert Response.objects.filter(vacancy=earlier.vacancy).count() == 1


def test_respond_to_a_closed_vacancy_is_refused_with_a_message(client):
    vacancy = VacancyFactory(status=VacancyStatus.CLOSED)
    client.force_login(UserFactory())

    response = client.post(
        reverse("vacancies:response-create", args=[vacancy.public_id]), {"message": ""}, follow=True
    )

    assert response.status_code == 200
    assert not Response.objects.exists()
    assert list(response.context["messages"])


def test_respond_with_too_long_message_shows_it_on_the_field(client):
    vacancy = VacancyFactory(published=True)
    client.force_login(UserFactory())

    response = client.post(
        reverse("vacancies:response-create", args=[vacancy.public_id]), {"message": "x" * 2500}
    )

    assert response.status_code == 200
    assert "message" in response.context["form"].errors
    assert not Response.objects.exists()


def test_respond_get_goes_back_to_the_vacancy(client):
    vacancy = VacancyFactory(published=True)
    client.force_login(UserFactory())

    response = client.get(reverse("vacancies:response-create", args=[vacancy.public_id]))

    assert response.status_code == 302
    assert response["Location"].startswith(vacancy.get_absolute_url())


@pytest.mark.parametrize(("whose", "status"), [("own", 302), ("someone else's", 404)])
def test_withdraw_only_own_response(client, whose, status):
    response_obj = ResponseFactory()
    user = response_obj.volunteer if whose == "own" else UserFactory()
    client.force_login(user)

    response = client.post(reverse("vacancies:response-withdraw", args=[response_obj.public_id]))

    assert response.status_code == status
    response_obj.refresh_from_db()
    expected = ResponseStatus.WITHDRAWN if whose == "own" else ResponseStatus.NEW
    assert response_obj.status == expected


def test_withdraw_a_placed_response_is_refused_with_a_message(client):
    response_obj = ResponseFactory(status=ResponseStatus.PLACED)
    client.force_login(response_obj.volunteer)

    response = client.post(
        reverse("vacancies:response-withdraw", args=[response_obj.public_id]), follow=True
    )

    assert response.status_code == 200
    response_obj.refresh_from_db()
    assert response_obj.status == ResponseStatus.PLACED


def test_withdraw_ignores_an_outside_next_url(client):
    response_obj = ResponseFactory()
    client.force_login(response_obj.volunteer)

    response = client.post(
        reverse("vacancies:response-withdraw", args=[response_obj.public_id]),
        {"next": "https://evil.example/"},
    )

    assert response["Location"] == reverse("vacancies:my-responses")


# --- The volunteer's own lists


@pytest.mark.parametrize(
    "name", ["my-responses", "my-proposals", "recommendations", "saved-search-list"]
)
def test_own_lists_need_login(client, name):
    response = client.get(reverse(f"vacancies:{name}"))

    assert response.status_code == 302


def test_my_responses_shows_own_responses_with_status_only(client):
    own = ResponseFactory(status=ResponseStatus.PLACED)
    other = ResponseFactory()
    client.force_login(own.volunteer)

    response = client.get(reverse("vacancies:my-responses"))

    content = response.content.decode()
    assert own.vacancy.title in content
    assert other.vacancy.title not in content
    assert "inzet-response-status--placed" in content


def test_my_proposals_shows_proposals_of_own_cases_only(client):
    volunteer = UserFactory()
    centre = VolunteerCentreFactory()
    case = MediationCase.objects.create(
        centre=centre, volunteer=volunteer, consent_given_at=timezone.now()
    )
    proposed = VacancyFactory(published=True, title="Dierenasiel helpen")
    Proposal.objects.create(case=case, vacancy=proposed, note="Past bij je wens")
    other_case = MediationCase.objects.create(
        centre=centre, volunteer=UserFactory(), consent_given_at=timezone.now()
    )
    Proposal.objects.create(case=other_case, vacancy=VacancyFactory(published=True, title="Geheim"))
    client.force_login(volunteer)

    response = client.get(reverse("vacancies:my-proposals"))

    content = response.content.decode()
    assert "Dierenasiel helpen" in content
    assert "Past bij je wens" in content
    assert "Geheim" not in content
    assert f"{proposed.get_absolute_url()}#reageren" in content


def test_recommendations_ask_for_a_profile_first(client):
    client.force_login(UserFactory())

    response = client.get(reverse("vacancies:recommendations"))

    assert response.status_code == 200
    assert reverse("volunteers:profile") in response.content.decode()


def test_recommendations_show_fitting_work_with_reasons(client):
    profile = VolunteerProfileFactory(interests=[nature()])
    VacancyFactory(published=True, title="Natuurwerkdag", sector=nature())
    client.force_login(profile.user)

    response = client.get(reverse("vacancies:recommendations"))

    assert "Natuurwerkdag" in response.content.decode()
    assert response.context["hits"][0].match_reasons


def test_for_you_partial_renders_top_three(rf):
    from django.template.loader import render_to_string

    profile = VolunteerProfileFactory()
    VacancyFactory.create_batch(4, published=True)
    request = rf.get("/")
    request.user = profile.user

    html = render_to_string("vacancies/_for_you.html", {"request": request}, request=request)

    assert html.count("inzet-vacancy-card__title") == 3
    assert reverse("vacancies:recommendations") in html
