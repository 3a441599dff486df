from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.core import mail
from django.test import RequestFactory
from django.utils import timezone

import pytest

from inzet.accounts.constants import PlatformRoleKind
from inzet.core import permissions
from inzet.core.demo import ORGANISATIONS, PEOPLE, demo_logins, demo_seed
from inzet.qualitymark.constants import ApplicationStatus, Decision
from inzet.qualitymark.models import Application, QualityMark
from inzet.qualitymark.selectors import register_list
from inzet.qualitymark.services import add_months, quality_mark_send_reminders
from inzet.selfevaluation import demo
from inzet.selfevaluation.constants import EvaluationStatus
from inzet.selfevaluation.models import (
    Action,
    AdviserAssignment,
    AdviserNote,
    Answer,
    AnswerChange,
    Evaluation,
    Evidence,
    VolunteerAnswer,
    VolunteerResponse,
)
from inzet.selfevaluation.selectors.scoring import evaluation_report, organisation_progress

pytestmark = pytest.mark.django_db

ASSESSOR = "beoordelaar@demo.inzet.nl"


@pytest.fixture
def seeded(geodata):
    first = demo_seed()
    second = demo_seed()
    return first, second


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            Evaluation,
            Answer,
            AnswerChange,
            Evidence,
            VolunteerResponse,
            VolunteerAnswer,
            Action,
            AdviserAssignment,
            AdviserNote,
            Application,
            QualityMark,
        )
    }


def test_demo_uses_only_demo_people_and_organisations():
    people = {person.email for person in PEOPLE}
    assert set(demo.PEOPLE_USED) <= people
    assert set(demo.ORGANISATIONS_USED) <= {organisation.name for organisation in ORGANISATIONS}


def test_second_run_creates_nothing(seeded):
    first, second = seeded
    before = counts()

    assert first.selfevaluation_created > 0
    assert second.selfevaluation_created == 0
    assert not second.created_anything
    assert demo_seed().selfevaluation_created == 0
    assert counts() == before


def test_every_stage_exists(seeded):
    today = timezone.localdate()

    # In progress, for the organisation the demo board member runs.
    open_evaluation = Evaluation.objects.get(
        status=EvaluationStatus.OPEN, organisation__name=demo.PELIKAAN
    )
    assert open_evaluation.organisation.memberships.filter(
        user__email="bestuur@demo.inzet.nl"
    ).exists()
    report = evaluation_report(evaluation=open_evaluation)
    answered = [part.organisation_answered for part in report.parts]
    assert answered[0] > 0 and answered[-1] == 0  # some parts answered, not all
    assert AnswerChange.objects.filter(answer__evaluation=open_evaluation).count() > len(
        open_evaluation.answers.all()
    )

    # Closed with enough volunteers to show their figures, a gap, and an action plan.
    closed = (
        Evaluation.objects.filter(
            status=EvaluationStatus.CLOSED, organisation__name=demo.VOEDSELHULP_ZWOLLE
        )
        .order_by("-started_at")
        .first()
    )
    assert closed.volunteer_responses.count() >= settings.INZET_VOLUNTEER_MIN_ANSWERS
    assert closed.volunteer_responses.count() == 7
    report = evaluation_report(evaluation=closed)
    assert report.volunteers_shown
    assert any(part.gap is not None and abs(part.gap) >= 0.5 for part in report.parts)
    assert closed.actions.count() == 3
    assert all(action.due_date >= today for action in closed.actions.all())

    # An older closed evaluation about a year earlier, with other scores.
    progress = organisation_progress(organisation=closed.organisation)
    older, newer = progress.evaluations
    assert older.evaluation.status == EvaluationStatus.CLOSED
    assert 330 <= (newer.evaluation.started_at - older.evaluation.started_at).days <= 400
    assert all(
        new.organisation > old.organisation
        for old, new in zip(older.parts, newer.parts, strict=True)
    )

    # An application under assessment, with the demo adviser and the demo assessor.
    application = Application.objects.get(status=ApplicationStatus.ASSESSMENT)
    assert application.adviser.email == "adviseur@demo.inzet.nl"
    assert application.assessor.email == ASSESSOR
    assert application.evaluation.status == EvaluationStatus.CLOSED

    # Three current keurmerk holders: one with conditions, one ending within 6 months.
    current = register_list(today=today)
    assert current.count() >= 3
    assert (
        current.filter(application__decision=Decision.GRANTED_WITH_CONDITIONS)
        .exclude(conditions="")
        .exists()
    )
    ending = current.get(valid_until__lte=add_months(today, 6))
    assert ending.granted_on <= add_months(today, -42)
    for mark in current:
        decided = mark.application.decided_at
        assert timezone.localtime(decided).date() == mark.granted_on
        assert mark.application.evaluation.closed_at < mark.application.submitted_at < decided

    # The adviser guides at least three organisations and has noted hours.
    assignments = AdviserAssignment.objects.filter(
        adviser__email="adviseur@demo.inzet.nl", ended_at__isnull=True
    )
    assert assignments.count() >= 3
    for assignment in assignments:
        assert assignment.notes.exists()
        assert all(note.hours > 0 and note.date <= today for note in assignment.notes.all())
        assert permissions.is_assigned_adviser(assignment.adviser, assignment.organisation)


def test_the_reminder_for_the_ending_keurmerk_is_due(seeded):
    today = timezone.localdate()
    mail.outbox.clear()

    assert quality_mark_send_reminders(today=today) == 1

    mark = QualityMark.objects.get(organisation__name=demo.TUINDORP)
    assert mark.reminded_months == [6]
    assert [message.to for message in mail.outbox] == [["ilse.jansen@demo.inzet.nl"]]


def test_dates_are_in_the_past(seeded):
    now = timezone.now()
    assert not Evaluation.objects.filter(started_at__gt=now).exists()
    assert not Evaluation.objects.filter(closed_at__gt=now).exists()
    assert not Answer.objects.filter(updated_at__gt=now).exists()
    assert not VolunteerResponse.objects.filter(submitted_at__gt=now.date()).exists()
    for evaluation in Evaluation.objects.filter(status=EvaluationStatus.CLOSED):
        assert evaluation.started_at < evaluation.closed_at
        assert not evaluation.answers.filter(updated_at__gt=evaluation.closed_at).exists()
        assert not evaluation.answers.filter(updated_at__lt=evaluation.started_at).exists()
    assert Evaluation.objects.filter(started_at__lt=now - timedelta(days=3 * 365)).exists()


def test_the_demo_sends_no_mail(geodata):
    mail.outbox.clear()

    demo_seed()

    assert mail.outbox == []


def test_the_assessor_can_log_in(seeded):
    login = next(login for login in demo_logins() if login.email == ASSESSOR)
    assert login.role == "final assessor"

    user = authenticate(
        RequestFactory().post("/accounts/login/"), username=login.email, password=login.password
    )

    assert user is not None
    assert user.platform_roles.filter(role=PlatformRoleKind.ASSESSOR).exists()
    assert not user.organisation_memberships.exists()  # independent of every organisation
    assert not user.is_staff
