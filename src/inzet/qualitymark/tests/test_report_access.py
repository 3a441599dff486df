"""The people handling a keurmerk application can read the evaluation it rests on."""

import pytest

from inzet.accounts.tests.factories import UserFactory, adviser, nov_staff
from inzet.qualitymark.constants import ApplicationStatus
from inzet.qualitymark.tests.factories import ApplicationFactory, assessor
from inzet.selfevaluation.tests.factories import EvaluationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("application assessor", 200),
        ("application adviser", 200),
        ("nov staff", 200),
        ("other assessor", 404),
        ("other adviser", 404),
        ("outsider", 404),
    ],
)
def test_report_of_an_application_is_open_to_the_people_handling_it(client, who, status):
    application = ApplicationFactory(status=ApplicationStatus.ASSESSMENT)
    user = {
        "application assessor": lambda: application.assessor,
        "application adviser": lambda: application.adviser,
        "nov staff": nov_staff,
        "other assessor": assessor,
        "other adviser": adviser,
        "outsider": UserFactory,
    }[who]()
    client.force_login(user)

    response = client.get(f"/zelfevaluatie/{application.evaluation.public_id}/rapport/")

    assert response.status_code == status


def test_assessor_of_one_application_cannot_read_other_evaluations(client):
    application = ApplicationFactory(status=ApplicationStatus.ASSESSMENT)
    other = EvaluationFactory(closed=True)
    client.force_login(application.assessor)

    response = client.get(f"/zelfevaluatie/{other.public_id}/rapport/")

    assert response.status_code == 404
