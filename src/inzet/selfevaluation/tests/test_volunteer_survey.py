"""The anonymous volunteers' survey: services/volunteers.py and views/volunteer.py."""

import re
import threading

from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.selfevaluation.constants import EvaluationStatus
from inzet.selfevaluation.models import VolunteerAnswer, VolunteerInvitation, VolunteerResponse
from inzet.selfevaluation.services.volunteers import volunteer_response_submit
from inzet.selfevaluation.tests.factories import VolunteerInvitationFactory
from inzet.selfevaluation.tests.test_scoring import make_evaluation

pytestmark = pytest.mark.django_db


def _message(msgid: str) -> str:
    """A text as the (Dutch) site shows it."""
    with translation.override("nl"):
        return translation.gettext(msgid)


def _url(token: str) -> str:
    return reverse("selfevaluation:volunteer-survey", args=[token])


def _field(statement) -> str:
    return f"statement_{statement.pk}"


def _checked(content: str, name: str, value: str) -> bool:
    match = re.search(rf'<input[^>]*name="{name}" value="{value}"[^>]*>', content)
    return bool(match) and " checked" in match.group(0)


# --- Service


def test_submit_stores_the_scores_and_skips_dont_know():
    evaluation, [statements] = make_evaluation(statements=4)

    response = volunteer_response_submit(
        evaluation=evaluation,
        answers={statements[0].pk: 4, statements[1].pk: 2, statements[2].pk: None},
    )

    stored = dict(response.answers.values_list("statement_id", "score"))
    assert stored == {statements[0].pk: 4, statements[1].pk: 2}
    assert response.submitted_at == timezone.localdate()


def test_a_response_keeps_only_its_evaluation_and_the_day():
    fields = {field.name for field in VolunteerResponse._meta.concrete_fields}

    assert fields == {"id", "evaluation", "submitted_at"}
    assert VolunteerResponse._meta.get_field("submitted_at").get_internal_type() == "DateField"


def test_submit_needs_at_least_half_of_the_statements_scored():
    evaluation, [statements] = make_evaluation(statements=5)  # half of 5, rounded up: 3

    with pytest.raises(ValidationError) as error:
        volunteer_response_submit(
            evaluation=evaluation,
            answers={statements[0].pk: 3, statements[1].pk: 3, statements[2].pk: None},
        )

    assert error.value.code == "too_few"
    assert not VolunteerResponse.objects.exists()


def test_submit_with_exactly_half_is_accepted():
    evaluation, [statements] = make_evaluation(statements=4)

    volunteer_response_submit(
        evaluation=evaluation, answers={statements[0].pk: 1, statements[1].pk: 4}
    )

    assert VolunteerResponse.objects.count() == 1


def test_submit_rejects_a_score_outside_the_scale():
    evaluation, [statements] = make_evaluation(statements=2)

    with pytest.raises(ValidationError) as error:
        volunteer_response_submit(
            evaluation=evaluation, answers={statements[0].pk: 5, statements[1].pk: 3}
        )

    assert error.value.code == "invalid_score"
    assert not VolunteerResponse.objects.exists()


def test_submit_ignores_statements_outside_the_evaluation():
    evaluation, [statements] = make_evaluation(statements=2, small_organisation=True)
    other, [others] = make_evaluation(statements=1)

    response = volunteer_response_submit(
        evaluation=evaluation,
        answers={statements[0].pk: 3, statements[1].pk: 3, others[0].pk: 3},
    )

    assert list(response.answers.values_list("statement_id", flat=True)) == [statements[0].pk]


def test_submit_to_a_closed_evaluation_is_refused():
    evaluation, [statements] = make_evaluation(statements=1, closed=True)

    with pytest.raises(ValidationError) as error:
        volunteer_response_submit(evaluation=evaluation, answers={statements[0].pk: 3})

    assert error.value.code == "closed"


def test_an_invitation_is_used_once():
    evaluation, [statements] = make_evaluation(statements=1)
    invitation = VolunteerInvitationFactory(evaluation=evaluation)
    volunteer_response_submit(
        evaluation=evaluation, answers={statements[0].pk: 3}, invitation=invitation
    )

    stale = VolunteerInvitation.objects.get(pk=invitation.pk)
    stale.used_at = None  # as read by a second request before the first one finished
    with pytest.raises(ValidationError) as error:
        volunteer_response_submit(
            evaluation=evaluation, answers={statements[0].pk: 3}, invitation=stale
        )

    assert error.value.code == "already_answered"
    assert VolunteerResponse.objects.count() == 1
    used_at = timezone.localtime(VolunteerInvitation.objects.get(pk=invitation.pk).used_at)
    assert (used_at.hour, used_at.minute, used_at.second) == (0, 0, 0)  # the day only


def test_an_invitation_of_another_evaluation_is_refused():
    evaluation, [statements] = make_evaluation(statements=1)
    invitation = VolunteerInvitationFactory()

    with pytest.raises(ValidationError):
        volunteer_response_submit(
            evaluation=evaluation, answers={statements[0].pk: 3}, invitation=invitation
        )

    assert not VolunteerResponse.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_submits_at_the_same_moment_use_an_invitation_once():
    evaluation, [statements] = make_evaluation(statements=1)
    invitation = VolunteerInvitationFactory(evaluation=evaluation)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def submit():
        stale = VolunteerInvitation.objects.get(pk=invitation.pk)
        barrier.wait()
        try:
            volunteer_response_submit(
                evaluation=evaluation, answers={statements[0].pk: 3}, invitation=stale
            )
        except ValidationError as exc:
            outcomes.append(exc.code)
        else:
            outcomes.append("stored")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["already_answered", "stored"]
    assert VolunteerResponse.objects.count() == 1


# --- Views


def test_the_shared_link_shows_every_statement_grouped_by_part(client):
    evaluation, parts = make_evaluation(parts=2, statements=2)

    response = client.get(_url(evaluation.volunteer_token))

    assert response.status_code == 200
    content = response.content.decode()
    for part in parts:
        assert f">{part[0].part.name}</h2>" in content
        for statement in part:
            assert statement.volunteer_text in content
            assert statement.text not in content  # the organisation's wording is not shown
            for value in ["1", "2", "3", "4", "unknown"]:
                assert f'name="{_field(statement)}" value="{value}"' in content
    assert content.count("<fieldset") == 4
    assert content.count("<legend") == 4


def test_a_small_organisation_asks_volunteers_only_the_starred_statements(client):
    evaluation, [statements] = make_evaluation(statements=3, small_organisation=True)

    content = client.get(_url(evaluation.volunteer_token)).content.decode()

    assert statements[0].volunteer_text in content
    assert statements[1].volunteer_text not in content
    assert statements[2].volunteer_text not in content


def test_submitting_the_survey_stores_an_anonymous_response_and_thanks(client):
    evaluation, [statements] = make_evaluation(statements=3)
    user = UserFactory()
    client.force_login(user)  # even when logged in, nothing links the answers to the person

    response = client.post(
        _url(evaluation.volunteer_token),
        {_field(statements[0]): "4", _field(statements[1]): "unknown", _field(statements[2]): "2"},
    )

    assert response.status_code == 302
    assert response.url == reverse(
        "selfevaluation:volunteer-thanks", args=[evaluation.volunteer_token]
    )
    stored = VolunteerResponse.objects.get(evaluation=evaluation)
    assert sorted(stored.answers.values_list("score", flat=True)) == [2, 4]
    thanks = client.get(response.url)
    assert thanks.status_code == 200


def test_the_shared_link_takes_many_responses(client):
    evaluation, [statements] = make_evaluation(statements=1)

    for _i in range(3):
        client.post(_url(evaluation.volunteer_token), {_field(statements[0]): "3"})

    assert VolunteerResponse.objects.filter(evaluation=evaluation).count() == 3


def test_the_survey_sets_no_session_cookie(client):
    evaluation, [statements] = make_evaluation(statements=1)

    client.get(_url(evaluation.volunteer_token))
    response = client.post(_url(evaluation.volunteer_token), {_field(statements[0]): "3"})

    assert "sessionid" not in response.cookies
    assert "sessionid" not in client.cookies


def test_too_few_answers_lists_the_open_statements_and_keeps_the_answers(client):
    evaluation, [statements] = make_evaluation(statements=4)

    response = client.post(
        _url(evaluation.volunteer_token),
        {_field(statements[0]): "4", _field(statements[1]): "unknown"},
    )

    assert response.status_code == 422
    content = response.content.decode()
    assert 'class="inzet-error-summary"' in content
    summary = content.split('class="inzet-error-summary"')[1].split("</div>")[0]
    assert f'href="#id_{_field(statements[2])}_0"' in summary
    assert f'href="#id_{_field(statements[3])}_0"' in summary
    assert f'href="#id_{_field(statements[0])}_0"' not in summary
    assert _checked(content, _field(statements[0]), "4")
    assert _checked(content, _field(statements[1]), "unknown")
    assert not VolunteerResponse.objects.exists()


def test_an_unknown_token_gives_a_clear_not_found_page(client):
    response = client.get(_url("no-such-token"))

    assert response.status_code == 404
    assert _message("This link does not work") in response.content.decode()
    assert client.post(_url("no-such-token"), {}).status_code == 404
    assert client.get(reverse("selfevaluation:volunteer-thanks", args=["nope"])).status_code == 404


def test_a_closed_evaluation_gives_a_clear_gone_page(client):
    evaluation, [statements] = make_evaluation(statements=1, closed=True)
    invitation = VolunteerInvitationFactory(evaluation=evaluation)

    for token in [evaluation.volunteer_token, invitation.token]:
        response = client.get(_url(token))
        assert response.status_code == 410
        assert _message("This survey is closed") in response.content.decode()
        assert client.post(_url(token), {_field(statements[0]): "3"}).status_code == 410
    assert not VolunteerResponse.objects.exists()


def test_an_evaluation_closed_while_answering_gives_the_closed_page(client):
    evaluation, [statements] = make_evaluation(statements=1)
    page = client.get(_url(evaluation.volunteer_token))
    assert page.status_code == 200
    evaluation.status = EvaluationStatus.CLOSED
    evaluation.save()

    response = client.post(_url(evaluation.volunteer_token), {_field(statements[0]): "3"})

    assert response.status_code == 410


def test_an_invitation_answers_once_then_says_you_already_answered(client):
    evaluation, [statements] = make_evaluation(statements=1)
    invitation = VolunteerInvitationFactory(evaluation=evaluation)

    first = client.post(_url(invitation.token), {_field(statements[0]): "3"})
    second = client.post(_url(invitation.token), {_field(statements[0]): "1"})
    again = client.get(_url(invitation.token))

    assert first.status_code == 302
    assert second.status_code == 409
    assert _message("You have already answered") in second.content.decode()
    assert again.status_code == 409
    assert list(VolunteerAnswer.objects.values_list("score", flat=True)) == [3]
    assert client.get(first.url).status_code == 200  # the thanks page still works


def test_an_invalid_choice_is_shown_on_the_statement(client):
    evaluation, [statements] = make_evaluation(statements=1)

    response = client.post(_url(evaluation.volunteer_token), {_field(statements[0]): "7"})

    assert response.status_code == 422
    assert not VolunteerResponse.objects.exists()
