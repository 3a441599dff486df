"""Volunteer links stop working at an end date; the organisation sees it and can move it."""

from datetime import datetime, time, timedelta
from unittest import mock

from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import formats, timezone, translation

import pytest

from inzet.selfevaluation.models import Evaluation, VolunteerResponse
from inzet.selfevaluation.services.evaluations import volunteer_link_extend
from inzet.selfevaluation.services.volunteers import (
    SurveyExpired,
    volunteer_response_submit,
    volunteer_survey_get,
)
from inzet.selfevaluation.tests.factories import (
    EvaluationFactory,
    VolunteerInvitationFactory,
    runner,
)
from inzet.selfevaluation.tests.test_evaluation_views import EVERYONE, RUNNERS, _expected, _login_as
from inzet.selfevaluation.tests.test_scoring import make_evaluation

pytestmark = pytest.mark.django_db


def _survey_url(token: str) -> str:
    return reverse("selfevaluation:volunteer-survey", args=[token])


def _invite_url(evaluation) -> str:
    return reverse("selfevaluation:volunteer-invite", args=[evaluation.public_id])


def _extend_url(evaluation) -> str:
    return reverse("selfevaluation:volunteer-link-extend", args=[evaluation.public_id])


def _expire_in(evaluation, delta: timedelta) -> None:
    Evaluation.objects.filter(pk=evaluation.pk).update(
        volunteer_link_expires_at=timezone.now() + delta
    )
    evaluation.refresh_from_db()


def _at(moment: datetime):
    """Pretend it is ``moment`` (everything that asks django.utils.timezone.now)."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def _date_text(moment: datetime) -> str:
    with translation.override("nl"):
        return formats.date_format(timezone.localtime(moment), "j F Y")


# --- The end date


def test_a_new_evaluation_link_works_for_the_default_period():
    before = timezone.now()
    evaluation = EvaluationFactory()

    assert (
        before + timedelta(days=60)
        <= evaluation.volunteer_link_expires_at
        <= timezone.now() + timedelta(days=60)
    )


def test_the_default_period_is_a_setting(settings):
    settings.INZET_VOLUNTEER_LINK_DAYS = 10

    evaluation = EvaluationFactory()

    remaining = evaluation.volunteer_link_expires_at - timezone.now()
    assert timedelta(days=9, hours=23) < remaining <= timedelta(days=10)


def test_the_link_works_until_the_end_moment_and_not_after():
    evaluation = EvaluationFactory()
    end = evaluation.volunteer_link_expires_at

    with _at(end - timedelta(microseconds=1)):
        assert not evaluation.volunteer_link_expired
        volunteer_survey_get(token=evaluation.volunteer_token)
    with _at(end):
        assert evaluation.volunteer_link_expired
        with pytest.raises(SurveyExpired):
            volunteer_survey_get(token=evaluation.volunteer_token)


# --- Volunteers with an expired link


def test_just_before_the_end_the_survey_opens_and_takes_answers(client):
    evaluation, [statements] = make_evaluation(statements=2)
    _expire_in(evaluation, timedelta(seconds=30))

    page = client.get(_survey_url(evaluation.volunteer_token))
    sent = client.post(
        _survey_url(evaluation.volunteer_token),
        {f"statement_{statements[0].pk}": "3", f"statement_{statements[1].pk}": "4"},
    )

    assert page.status_code == 200
    assert sent.status_code == 302
    assert VolunteerResponse.objects.count() == 1


def test_just_after_the_end_the_survey_says_the_link_has_expired(client):
    evaluation, [statements] = make_evaluation(statements=2)
    _expire_in(evaluation, timedelta(seconds=-1))

    page = client.get(_survey_url(evaluation.volunteer_token))
    sent = client.post(
        _survey_url(evaluation.volunteer_token),
        {f"statement_{statements[0].pk}": "3", f"statement_{statements[1].pk}": "4"},
    )

    assert page.status_code == 410
    assert page.context["reason"] == "expired"
    content = page.content.decode()
    assert 'id="link-expired"' in content
    assert content.count("<h1") == 1
    assert evaluation.organisation.name in content  # whom to ask for a new link
    assert statements[0].volunteer_text not in content
    assert sent.status_code == 410
    assert not VolunteerResponse.objects.exists()


def test_a_one_use_invitation_expires_with_the_evaluation_link(client):
    invitation = VolunteerInvitationFactory()
    _expire_in(invitation.evaluation, timedelta(seconds=-1))

    response = client.get(_survey_url(invitation.token))

    assert response.status_code == 410
    assert response.context["reason"] == "expired"


def test_an_answer_sent_as_the_link_expires_is_refused():
    """The page was opened in time, but the answers arrive after the end."""
    evaluation, [statements] = make_evaluation(statements=2)
    _expire_in(evaluation, timedelta(seconds=-1))

    with pytest.raises(ValidationError) as error:
        volunteer_response_submit(
            evaluation=evaluation, answers={statements[0].pk: 3, statements[1].pk: 3}
        )

    assert error.value.code == "expired"
    assert not VolunteerResponse.objects.exists()


def test_a_closed_evaluation_still_says_closed_even_after_the_end(client):
    evaluation = EvaluationFactory(closed=True)
    _expire_in(evaluation, timedelta(seconds=-1))

    response = client.get(_survey_url(evaluation.volunteer_token))

    assert response.status_code == 410
    assert response.context["reason"] == "closed"


# --- The organisation sees the end date and moves it


def test_the_invite_page_shows_the_end_date(client):
    evaluation = EvaluationFactory()
    client.force_login(runner(evaluation.organisation))

    response = client.get(_invite_url(evaluation))

    content = response.content.decode()
    assert 'id="link-expires"' in content
    assert _date_text(evaluation.volunteer_link_expires_at) in content
    assert 'name="link-until"' in content
    assert 'id="volunteer-link"' in content


def test_after_the_end_the_invite_page_warns_and_hides_the_link(client):
    evaluation = EvaluationFactory()
    _expire_in(evaluation, timedelta(seconds=-1))
    client.force_login(runner(evaluation.organisation))

    content = client.get(_invite_url(evaluation)).content.decode()

    assert 'id="link-expired"' in content
    assert 'id="volunteer-link"' not in content
    assert 'name="link-until"' in content


def test_no_invitations_are_sent_for_an_expired_link(client):
    evaluation = EvaluationFactory()
    _expire_in(evaluation, timedelta(seconds=-1))
    client.force_login(runner(evaluation.organisation))

    response = client.post(_invite_url(evaluation), {"emails": "an@example.org"})

    assert response.status_code == 422
    assert response.context["form"].errors
    assert "an@example.org" in response.content.decode()  # what was typed is kept
    assert mail.outbox == []


def test_the_invitation_mail_says_until_when_the_link_works(client):
    evaluation = EvaluationFactory()
    client.force_login(runner(evaluation.organisation))

    client.post(_invite_url(evaluation), {"emails": "an@example.org"})

    assert len(mail.outbox) == 1
    assert _date_text(evaluation.volunteer_link_expires_at) in mail.outbox[0].body


def test_extending_makes_the_link_work_until_the_end_of_that_day(client):
    evaluation = EvaluationFactory()
    client.force_login(runner(evaluation.organisation))
    until = timezone.localdate() + timedelta(days=90)

    response = client.post(_extend_url(evaluation), {"link-until": until.strftime("%d-%m-%Y")})

    assert response.status_code == 302
    assert response.url == _invite_url(evaluation)
    evaluation.refresh_from_db()
    end = timezone.localtime(evaluation.volunteer_link_expires_at)
    assert end.date() == until
    last_minute = timezone.make_aware(datetime.combine(until, time(23, 59)))
    with _at(last_minute):
        assert not evaluation.volunteer_link_expired
    with _at(last_minute + timedelta(minutes=1)):
        assert evaluation.volunteer_link_expired


def test_extending_renews_an_expired_link_with_the_same_address(client):
    evaluation = EvaluationFactory()
    token = evaluation.volunteer_token
    _expire_in(evaluation, timedelta(seconds=-1))
    assert client.get(_survey_url(token)).status_code == 410
    client.force_login(runner(evaluation.organisation))

    client.post(
        _extend_url(evaluation),
        {"link-until": (timezone.localdate() + timedelta(days=7)).strftime("%d-%m-%Y")},
    )

    client.logout()
    assert client.get(_survey_url(token)).status_code == 200


def test_extending_to_today_works_for_the_rest_of_the_day():
    evaluation = EvaluationFactory()
    _expire_in(evaluation, timedelta(seconds=-1))

    volunteer_link_extend(
        evaluation=evaluation, user=runner(evaluation.organisation), until=timezone.localdate()
    )

    evaluation.refresh_from_db()
    assert not evaluation.volunteer_link_expired


@pytest.mark.parametrize(
    ("days", "code"),
    [(-1, "in_the_past"), (366, "too_far")],
)
def test_extending_refuses_a_date_in_the_past_or_too_far_away(days, code):
    evaluation = EvaluationFactory()
    before = evaluation.volunteer_link_expires_at

    with pytest.raises(ValidationError) as error:
        volunteer_link_extend(
            evaluation=evaluation,
            user=runner(evaluation.organisation),
            until=timezone.localdate() + timedelta(days=days),
        )

    assert error.value.code == code
    evaluation.refresh_from_db()
    assert evaluation.volunteer_link_expires_at == before


def test_a_closed_evaluation_cannot_be_extended():
    evaluation = EvaluationFactory(closed=True)

    with pytest.raises(ValidationError) as error:
        volunteer_link_extend(
            evaluation=evaluation,
            user=runner(evaluation.organisation),
            until=timezone.localdate() + timedelta(days=7),
        )

    assert error.value.code == "closed"


@pytest.mark.parametrize("typed", ["morgen", "01-01-2000"])
def test_a_bad_end_date_is_explained_and_kept(client, typed):
    evaluation = EvaluationFactory()
    before = evaluation.volunteer_link_expires_at
    client.force_login(runner(evaluation.organisation))

    response = client.post(_extend_url(evaluation), {"link-until": typed})

    assert response.status_code == 422
    assert response.context["link_form"].errors["until"]
    assert f'value="{typed}"' in response.content.decode()
    assert 'class="inzet-error-summary"' in response.content.decode()
    evaluation.refresh_from_db()
    assert evaluation.volunteer_link_expires_at == before


@pytest.mark.parametrize("who", EVERYONE)
def test_extend_access(client, who):
    evaluation = EvaluationFactory()
    before = evaluation.volunteer_link_expires_at
    _login_as(client, who, evaluation.organisation)
    until = timezone.localdate() + timedelta(days=100)

    response = client.post(_extend_url(evaluation), {"link-until": until.strftime("%d-%m-%Y")})

    assert response.status_code == _expected(who, RUNNERS, 302)
    evaluation.refresh_from_db()
    assert (evaluation.volunteer_link_expires_at != before) == (who in RUNNERS)


def test_extend_takes_only_post(client):
    evaluation = EvaluationFactory()
    client.force_login(runner(evaluation.organisation))

    assert client.get(_extend_url(evaluation)).status_code == 405


def test_the_overview_shows_until_when_volunteers_can_answer(client):
    evaluation = EvaluationFactory()
    expired = EvaluationFactory()
    _expire_in(expired, timedelta(seconds=-1))
    detail = "selfevaluation:evaluation-detail"

    client.force_login(runner(evaluation.organisation))
    open_page = client.get(reverse(detail, args=[evaluation.public_id])).content.decode()
    client.force_login(runner(expired.organisation))
    expired_page = client.get(reverse(detail, args=[expired.public_id])).content.decode()

    assert _date_text(evaluation.volunteer_link_expires_at) in open_page
    assert _date_text(expired.volunteer_link_expires_at) in expired_page
    assert reverse("selfevaluation:volunteer-invite", args=[expired.public_id]) in expired_page
