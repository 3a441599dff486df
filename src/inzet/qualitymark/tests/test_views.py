from django.urls import reverse

import pytest

from inzet.accounts.tests.factories import UserFactory, adviser, nov_staff
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory
from inzet.qualitymark.constants import ApplicationStatus, Decision, Recommendation
from inzet.qualitymark.models import Application, QualityMark
from inzet.qualitymark.tests.factories import ApplicationFactory, admin_of, assessor
from inzet.selfevaluation.models import AdviserAssignment
from inzet.selfevaluation.tests.factories import EvaluationFactory

pytestmark = pytest.mark.django_db

# Who is who around one application.
ANONYMOUS = "anonymous"
OUTSIDER = "outsider"
MEMBER = "member"
ADMIN = "admin"
NOV = "nov staff"
ITS_ADVISER = "its adviser"
OTHER_ADVISER = "other adviser"
ITS_ASSESSOR = "its assessor"
OTHER_ASSESSOR = "other assessor"
EVERYONE = [
    ANONYMOUS,
    OUTSIDER,
    MEMBER,
    ADMIN,
    NOV,
    ITS_ADVISER,
    OTHER_ADVISER,
    ITS_ASSESSOR,
    OTHER_ASSESSOR,
]


def _person(who: str, application: Application):
    organisation = application.organisation
    return {
        ANONYMOUS: lambda: None,
        OUTSIDER: UserFactory,
        MEMBER: lambda: (
            MembershipFactory(organisation=organisation, role=OrganisationRole.MEMBER).user
        ),
        ADMIN: lambda: admin_of(organisation),
        NOV: nov_staff,
        ITS_ADVISER: lambda: application.adviser,
        OTHER_ADVISER: adviser,
        ITS_ASSESSOR: lambda: application.assessor,
        OTHER_ASSESSOR: assessor,
    }[who]()


def _login(client, who: str, application: Application):
    user = _person(who, application)
    if user is not None:
        client.force_login(user)
    return user


def _expected(who: str, allowed: set[str]) -> int:
    if who == ANONYMOUS:
        return 302
    return 200 if who in allowed else 404


# --- Access, both ways, for every page of the flow


@pytest.mark.parametrize("who", EVERYONE)
def test_application_detail_access(client, who):
    application = ApplicationFactory(status=ApplicationStatus.ASSESSMENT)
    _login(client, who, application)

    response = client.get(reverse("qualitymark:application-detail", args=[application.public_id]))

    assert response.status_code == _expected(who, {MEMBER, ADMIN, NOV, ITS_ADVISER, ITS_ASSESSOR})


@pytest.mark.parametrize("who", EVERYONE)
def test_application_list_access(client, who):
    application = ApplicationFactory(status=ApplicationStatus.ASSESSMENT)
    _login(client, who, application)

    response = client.get(reverse("qualitymark:application-list"))

    assert response.status_code == _expected(who, {NOV})


@pytest.mark.parametrize("who", EVERYONE)
def test_assign_page_access(client, who):
    application = ApplicationFactory(status=ApplicationStatus.SUBMITTED)
    application.adviser, application.assessor = adviser(), assessor()  # people to log in as
    application.save()
    _login(client, who, application)

    response = client.get(reverse("qualitymark:application-assign", args=[application.public_id]))

    assert response.status_code == _expected(who, {NOV})


@pytest.mark.parametrize("who", EVERYONE)
def test_assess_page_access(client, who):
    application = ApplicationFactory(status=ApplicationStatus.ASSESSMENT)
    _login(client, who, application)

    response = client.get(reverse("qualitymark:application-assess", args=[application.public_id]))

    assert response.status_code == _expected(who, {ITS_ADVISER})


@pytest.mark.parametrize("who", EVERYONE)
def test_decide_page_access(client, who):
    application = ApplicationFactory(status=ApplicationStatus.RECOMMENDED)
    _login(client, who, application)

    response = client.get(reverse("qualitymark:application-decide", args=[application.public_id]))

    assert response.status_code == _expected(who, {ITS_ASSESSOR})


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (None, 302),
        ("outsider", 404),
        (OrganisationRole.MEMBER, 404),
        (OrganisationRole.COORDINATOR, 404),
        (OrganisationRole.ADMIN, 200),
        ("nov", 404),
    ],
)
def test_apply_page_access(client, role, status):
    evaluation = EvaluationFactory(closed=True)
    if role == "outsider":
        client.force_login(UserFactory())
    elif role == "nov":
        client.force_login(nov_staff())
    elif role:
        client.force_login(MembershipFactory(organisation=evaluation.organisation, role=role).user)

    response = client.get(reverse("qualitymark:apply", args=[evaluation.public_id]))

    assert response.status_code == status


def test_detail_links_the_report_for_the_assessor(client):
    application = ApplicationFactory(status=ApplicationStatus.RECOMMENDED)
    client.force_login(application.assessor)

    response = client.get(reverse("qualitymark:application-detail", args=[application.public_id]))

    report = reverse("selfevaluation:report", args=[application.evaluation.public_id])
    assert report in response.content.decode()
    assert response.context["actions"].can_decide


# --- Apply


def test_admin_applies_with_a_closed_evaluation(client):
    evaluation = EvaluationFactory(closed=True)
    client.force_login(admin_of(evaluation.organisation))
    url = reverse("qualitymark:apply", args=[evaluation.public_id])

    assert client.get(url).context["problem"] is None
    response = client.post(url)

    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "qualitymark:application-detail", args=[application.public_id]
    )
    assert application.status == ApplicationStatus.SUBMITTED


def test_applying_with_an_open_evaluation_explains_why_not(client):
    evaluation = EvaluationFactory()
    client.force_login(admin_of(evaluation.organisation))
    url = reverse("qualitymark:apply", args=[evaluation.public_id])

    page = client.get(url)
    response = client.post(url)

    assert page.context["problem"]
    assert response.status_code == 422
    assert not Application.objects.exists()


# --- NOV staff: list and assign


def test_application_list_filters_by_status_and_name(client):
    submitted = ApplicationFactory(organisation__name="Voedselbank Oost")
    ApplicationFactory(organisation__name="Voedselbank West", status=ApplicationStatus.DECIDED)
    ApplicationFactory(organisation__name="Buurthuis", status=ApplicationStatus.SUBMITTED)
    client.force_login(nov_staff())

    response = client.get(
        reverse("qualitymark:application-list"), {"status": "submitted", "q": "voedsel"}
    )

    assert list(response.context["page"]) == [submitted]


def test_application_list_ignores_an_unknown_status(client):
    ApplicationFactory()
    client.force_login(nov_staff())

    response = client.get(reverse("qualitymark:application-list"), {"status": "nonsense"})

    assert response.status_code == 200
    assert len(response.context["page"]) == 1


def test_nov_assigns_with_the_organisations_adviser_preselected(client):
    application = ApplicationFactory()
    own_adviser = adviser()
    AdviserAssignment.objects.create(adviser=own_adviser, organisation=application.organisation)
    final = assessor()
    client.force_login(nov_staff())
    url = reverse("qualitymark:application-assign", args=[application.public_id])

    page = client.get(url)
    response = client.post(url, {"adviser": own_adviser.pk, "assessor": final.pk})

    assert page.context["form"]["adviser"].value() == own_adviser.pk
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ASSESSMENT
    assert (application.adviser, application.assessor) == (own_adviser, final)


def test_assessors_who_are_members_are_not_offered(client):
    application = ApplicationFactory()
    member_assessor = assessor()
    MembershipFactory(organisation=application.organisation, user=member_assessor)
    independent = assessor()
    client.force_login(nov_staff())

    response = client.get(reverse("qualitymark:application-assign", args=[application.public_id]))

    offered = list(response.context["form"].fields["assessor"].queryset)
    assert offered == [independent]


def test_assign_form_errors_keep_the_choice(client):
    application = ApplicationFactory()
    own_adviser = adviser()
    client.force_login(nov_staff())

    response = client.post(
        reverse("qualitymark:application-assign", args=[application.public_id]),
        {"adviser": own_adviser.pk, "assessor": ""},
    )

    assert response.status_code == 422
    assert response.context["form"]["adviser"].value() == str(own_adviser.pk)
    assert "assessor" in response.context["form"].errors


def test_assign_page_after_the_recommendation_redirects(client):
    application = ApplicationFactory(status=ApplicationStatus.RECOMMENDED)
    client.force_login(nov_staff())

    response = client.get(reverse("qualitymark:application-assign", args=[application.public_id]))

    assert response.status_code == 302


# --- Adviser and assessor


def test_adviser_recommends(client):
    application = ApplicationFactory(status=ApplicationStatus.ASSESSMENT)
    client.force_login(application.adviser)

    response = client.post(
        reverse("qualitymark:application-assess", args=[application.public_id]),
        {
            "scores_right": "yes",
            "evidence_complete": "no",
            "notes": "Het vrijwilligersbeleid ontbreekt nog.",
            "recommendation": Recommendation.GRANT_WITH_CONDITIONS,
        },
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.RECOMMENDED
    assert application.check_scores_right is True
    assert application.check_evidence_complete is False


def test_assess_errors_are_shown_per_field_and_keep_the_notes(client):
    application = ApplicationFactory(status=ApplicationStatus.ASSESSMENT)
    client.force_login(application.adviser)

    response = client.post(
        reverse("qualitymark:application-assess", args=[application.public_id]),
        {
            "scores_right": "no",
            "evidence_complete": "yes",
            "notes": "Mijn aantekeningen",
            "recommendation": Recommendation.GRANT,
        },
    )

    assert response.status_code == 422
    assert set(response.context["form"].errors) == {"recommendation"}
    assert "Mijn aantekeningen" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ASSESSMENT


def test_assess_with_nothing_filled_in_names_every_field(client):
    application = ApplicationFactory(status=ApplicationStatus.ASSESSMENT)
    client.force_login(application.adviser)

    response = client.post(
        reverse("qualitymark:application-assess", args=[application.public_id]), {}
    )

    assert response.status_code == 422
    assert set(response.context["form"].errors) == {
        "scores_right",
        "evidence_complete",
        "notes",
        "recommendation",
    }


def test_assessor_grants_with_conditions(client):
    application = ApplicationFactory(status=ApplicationStatus.RECOMMENDED)
    client.force_login(application.assessor)

    response = client.post(
        reverse("qualitymark:application-decide", args=[application.public_id]),
        {
            "decision": Decision.GRANTED_WITH_CONDITIONS,
            "reasons": "Goed op weg.",
            "conditions": "Binnen een jaar een VOG-beleid.",
        },
    )

    assert response.status_code == 302
    mark = QualityMark.objects.get()
    assert mark.conditions == "Binnen een jaar een VOG-beleid."
    detail = client.get(response["Location"])
    assert reverse("qualitymark:badge-check", args=[mark.public_id]) in detail.content.decode()


def test_decide_without_conditions_asks_for_them(client):
    application = ApplicationFactory(status=ApplicationStatus.RECOMMENDED)
    client.force_login(application.assessor)

    response = client.post(
        reverse("qualitymark:application-decide", args=[application.public_id]),
        {"decision": Decision.GRANTED_WITH_CONDITIONS, "reasons": "Goed op weg."},
    )

    assert response.status_code == 422
    assert set(response.context["form"].errors) == {"conditions"}
    assert not QualityMark.objects.exists()


def test_decide_twice_is_not_possible(client):
    application = ApplicationFactory(status=ApplicationStatus.DECIDED)
    client.force_login(application.assessor)

    response = client.post(
        reverse("qualitymark:application-decide", args=[application.public_id]),
        {"decision": Decision.GRANTED, "reasons": "Nog eens."},
    )

    assert response.status_code == 302
    assert not QualityMark.objects.exists()


# --- Withdraw


@pytest.mark.parametrize(
    ("who", "withdrawn"),
    [(ADMIN, True), (MEMBER, False), (ITS_ADVISER, False), (NOV, False)],
)
def test_withdraw_from_the_detail_page(client, who, withdrawn):
    application = ApplicationFactory(status=ApplicationStatus.ASSESSMENT)
    _login(client, who, application)

    response = client.post(
        reverse("qualitymark:application-detail", args=[application.public_id]),
        {"withdraw": "1"},
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.status == ApplicationStatus.WITHDRAWN) is withdrawn


def test_withdraw_button_only_for_the_admin(client):
    application = ApplicationFactory(status=ApplicationStatus.SUBMITTED)
    client.force_login(admin_of(application.organisation))

    response = client.get(reverse("qualitymark:application-detail", args=[application.public_id]))

    assert 'name="withdraw"' in response.content.decode()
    client.force_login(nov_staff())
    response = client.get(reverse("qualitymark:application-detail", args=[application.public_id]))
    assert 'name="withdraw"' not in response.content.decode()
