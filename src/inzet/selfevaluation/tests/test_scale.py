"""The answer scale is a property of the questionnaire version (default 1–4), used wherever
scores are entered, checked, averaged, compared with the minimum and shown."""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

import pytest

from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory
from inzet.selfevaluation.constants import SCALE, QuestionnaireStatus
from inzet.selfevaluation.models import (
    Answer,
    Questionnaire,
    Statement,
    VolunteerResponse,
)
from inzet.selfevaluation.selectors.questionnaires import questionnaire_current
from inzet.selfevaluation.selectors.scoring import evaluation_report, organisation_progress
from inzet.selfevaluation.services.evaluations import answer_save
from inzet.selfevaluation.services.questionnaires import (
    questionnaire_draft_new_version,
    questionnaire_publish,
)
from inzet.selfevaluation.services.volunteers import volunteer_response_submit
from inzet.selfevaluation.tests.factories import (
    EvaluationFactory,
    QuestionnaireFactory,
    runner,
)
from inzet.selfevaluation.tests.test_report import _pdf_text, _text
from inzet.selfevaluation.tests.test_scoring import answer, respond_many

pytestmark = pytest.mark.django_db

FIVE_LABELS = "Helemaal niet\nNauwelijks\nDeels\nGrotendeels\nHelemaal"


def _message(msgid: str, **params) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid) % params


def _five_point_evaluation(*, statements: int = 2, **kwargs):
    """An evaluation of a questionnaire with the scale 1–5 and one part (minimum 4.20)."""
    questionnaire = QuestionnaireFactory(
        parts=1, parts__statements=statements, scale_max=5, scale_labels=FIVE_LABELS
    )
    part = questionnaire.parts.get()
    part.minimum_score = Decimal("4.20")
    part.save()
    evaluation = EvaluationFactory(questionnaire=questionnaire, **kwargs)
    return evaluation, list(Statement.objects.filter(part=part).order_by("order"))


# --- The scale of a version


def test_existing_and_new_questionnaires_keep_the_standard_scale():
    shipped = questionnaire_current()

    assert shipped.scale_max == 4
    assert shipped.scale_labels == ""
    assert shipped.scale == list(SCALE)
    assert Questionnaire(slug="x", name="x").scale == list(SCALE)


def test_a_scale_of_one_to_five_has_its_own_labels():
    questionnaire = Questionnaire(slug="x", name="x", scale_max=5, scale_labels=FIVE_LABELS)

    assert questionnaire.scale == [
        (1, "Helemaal niet"),
        (2, "Nauwelijks"),
        (3, "Deels"),
        (4, "Grotendeels"),
        (5, "Helemaal"),
    ]
    assert questionnaire.on_scale(5)
    assert not questionnaire.on_scale(6)
    assert not questionnaire.on_scale(0)


@pytest.mark.parametrize(
    ("scale_max", "labels", "code"),
    [
        (5, "", "scale_labels"),  # only 1–4 has standard labels
        (5, "Een\nTwee\nDrie\nVier", "scale_labels"),  # one label short
        (4, "Een\nTwee\nDrie\nVier\nVijf", "scale_labels"),  # one too many
        (2, "Een\nTwee", "scale_max"),
        (11, "\n".join(str(n) for n in range(11)), "scale_max"),
    ],
)
def test_a_scale_that_cannot_work_is_refused(scale_max, labels, code):
    questionnaire = Questionnaire(slug="x", name="x", scale_max=scale_max, scale_labels=labels)

    with pytest.raises(ValidationError) as error:
        questionnaire.scale_check()

    assert error.value.code == code


def test_publish_refuses_a_bad_scale_and_a_minimum_above_the_top():
    questionnaire = QuestionnaireFactory(draft=True, parts=1, scale_max=5, scale_labels="")
    with pytest.raises(ValidationError) as error:
        questionnaire_publish(questionnaire=questionnaire)
    assert error.value.code == "scale_labels"

    Questionnaire.objects.filter(pk=questionnaire.pk).update(scale_labels=FIVE_LABELS)
    questionnaire.parts.update(minimum_score=Decimal("5.50"))
    with pytest.raises(ValidationError) as error:
        questionnaire_publish(questionnaire=questionnaire)
    assert error.value.code == "minimum_score"
    assert "1" in error.value.messages[0] and "5" in error.value.messages[0]

    questionnaire.parts.update(minimum_score=Decimal("4.50"))  # above 4: fine on 1–5
    published = questionnaire_publish(questionnaire=questionnaire)
    assert published.status == QuestionnaireStatus.PUBLISHED


def test_a_new_draft_keeps_the_scale_of_its_version():
    questionnaire = QuestionnaireFactory(parts=1, scale_max=5, scale_labels=FIVE_LABELS)

    draft = questionnaire_draft_new_version(questionnaire=questionnaire)

    assert (draft.scale_max, draft.scale_labels) == (5, FIVE_LABELS)


# --- Admin: editable while a draft, frozen once published


def _admin_post(questionnaire: Questionnaire, **changes) -> dict:
    data = {
        "name": questionnaire.name,
        "introduction": questionnaire.introduction,
        "scale_max": str(questionnaire.scale_max),
        "scale_labels": questionnaire.scale_labels,
        "parts-TOTAL_FORMS": "0",
        "parts-INITIAL_FORMS": "0",
        "parts-MIN_NUM_FORMS": "0",
        "parts-MAX_NUM_FORMS": "1000",
        **changes,
    }
    return data


def test_nov_sets_the_scale_of_a_draft_in_the_admin(admin_client):
    draft = QuestionnaireFactory(draft=True, parts=0)
    url = reverse("admin:selfevaluation_questionnaire_change", args=[draft.pk])

    assert 'name="scale_max"' in admin_client.get(url).content.decode()
    response = admin_client.post(url, _admin_post(draft, scale_max="5", scale_labels=FIVE_LABELS))

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.scale_max == 5
    assert draft.scale[-1] == (5, "Helemaal")


def test_the_admin_refuses_a_scale_without_enough_labels(admin_client):
    draft = QuestionnaireFactory(draft=True, parts=0)
    url = reverse("admin:selfevaluation_questionnaire_change", args=[draft.pk])

    response = admin_client.post(url, _admin_post(draft, scale_max="5", scale_labels="Een\nTwee"))

    assert response.status_code == 200  # the form again, with the error
    assert "scale_labels" in response.context["adminform"].form.errors
    draft.refresh_from_db()
    assert draft.scale_max == 4


def test_the_scale_of_a_published_version_cannot_be_changed_in_the_admin(admin_client):
    questionnaire = QuestionnaireFactory(parts=0)
    url = reverse("admin:selfevaluation_questionnaire_change", args=[questionnaire.pk])

    page = admin_client.get(url).content.decode()
    response = admin_client.post(url, _admin_post(questionnaire, scale_max="5"))

    assert 'name="scale_max"' not in page
    assert response.status_code == 403
    questionnaire.refresh_from_db()
    assert questionnaire.scale_max == 4


# --- The organisation answers on the scale 1–5


def test_answer_save_accepts_five_and_refuses_six_on_a_scale_of_five():
    evaluation, statements = _five_point_evaluation()
    user = runner(evaluation.organisation)

    answer_save(evaluation=evaluation, statement=statements[0], user=user, score=5)
    with pytest.raises(ValidationError) as error:
        answer_save(evaluation=evaluation, statement=statements[1], user=user, score=6)

    assert Answer.objects.get(statement=statements[0]).score == 5
    assert not Answer.objects.filter(statement=statements[1], score=6).exists()
    assert error.value.code == "invalid_score"
    expected = _message("Choose a score from %(min)s to %(max)s.", min=1, max=5)
    assert error.value.messages == [expected]


def test_five_is_refused_on_the_standard_scale():
    evaluation = EvaluationFactory()
    statement = Statement.objects.filter(part__questionnaire=evaluation.questionnaire).first()

    with pytest.raises(ValidationError):
        answer_save(
            evaluation=evaluation,
            statement=statement,
            user=runner(evaluation.organisation),
            score=5,
        )


def test_the_part_page_offers_the_five_points_and_saves_a_five(client):
    evaluation, statements = _five_point_evaluation()
    client.force_login(runner(evaluation.organisation))
    url = reverse("selfevaluation:evaluation-part", args=[evaluation.public_id, "A"])

    page = client.get(url).content.decode()
    response = client.post(url, {f"score_{statements[0].pk}": "5"})

    assert re.findall(rf'name="score_{statements[0].pk}" value="(\d+)"', page) == [
        "1",
        "2",
        "3",
        "4",
        "5",
    ]
    assert "5 – Helemaal" in page
    assert response.status_code == 302
    assert Answer.objects.get(statement=statements[0]).score == 5


def test_the_part_page_refuses_six_with_a_clear_message_and_keeps_the_rest(client):
    evaluation, statements = _five_point_evaluation()
    client.force_login(runner(evaluation.organisation))
    url = reverse("selfevaluation:evaluation-part", args=[evaluation.public_id, "A"])

    response = client.post(
        url,
        {f"score_{statements[0].pk}": "6", f"note_{statements[1].pk}": "Staat in het plan."},
    )

    assert response.status_code == 422
    assert _message("Choose a score from %(min)s to %(max)s.", min=1, max=5) in _text(
        response.content
    )
    assert "Staat in het plan." in response.content.decode()
    assert not Answer.objects.exists()


def test_autosave_refuses_six_with_a_clear_message(client):
    evaluation, statements = _five_point_evaluation()
    client.force_login(runner(evaluation.organisation))
    url = reverse("selfevaluation:answer-save", args=[evaluation.public_id, statements[0].pk])

    refused = client.post(url, {"score": "6"}, HTTP_ACCEPT="application/json")
    saved = client.post(url, {"score": "5"}, HTTP_ACCEPT="application/json")

    assert refused.status_code == 422
    assert refused.json()["message"] == _message(
        "Choose a score from %(min)s to %(max)s.", min=1, max=5
    )
    assert saved.status_code == 200
    assert Answer.objects.get(statement=statements[0]).score == 5


# --- Volunteers answer on the scale 1–5


def test_volunteers_see_the_five_points_and_may_answer_five(client):
    evaluation, statements = _five_point_evaluation()
    url = reverse("selfevaluation:volunteer-survey", args=[evaluation.volunteer_token])

    page = client.get(url).content.decode()
    response = client.post(
        url,
        {f"statement_{statements[0].pk}": "5", f"statement_{statements[1].pk}": "1"},
    )

    assert re.findall(rf'name="statement_{statements[0].pk}" value="(\w+)"', page) == [
        "1",
        "2",
        "3",
        "4",
        "5",
        "unknown",
    ]
    assert "Grotendeels" in page
    assert 'id="survey-scale"' in page  # the explanation names this scale, not 1–4
    assert response.status_code == 302
    assert sorted(VolunteerResponse.objects.get().answers.values_list("score", flat=True)) == [1, 5]


def test_volunteers_cannot_send_six(client):
    evaluation, statements = _five_point_evaluation()
    url = reverse("selfevaluation:volunteer-survey", args=[evaluation.volunteer_token])

    response = client.post(
        url,
        {f"statement_{statements[0].pk}": "6", f"statement_{statements[1].pk}": "4"},
    )

    assert response.status_code == 422
    assert not VolunteerResponse.objects.exists()


def test_the_volunteer_service_refuses_six_on_a_scale_of_five():
    evaluation, statements = _five_point_evaluation()

    with pytest.raises(ValidationError) as error:
        volunteer_response_submit(
            evaluation=evaluation, answers={statements[0].pk: 6, statements[1].pk: 5}
        )

    assert error.value.code == "invalid_score"
    assert not VolunteerResponse.objects.exists()
    volunteer_response_submit(
        evaluation=evaluation, answers={statements[0].pk: 5, statements[1].pk: 5}
    )
    assert VolunteerResponse.objects.count() == 1


# --- The report on the scale 1–5


def _scored_five_point_evaluation():
    """Organisation: 5 and 4 (mean 4.5, minimum 4.20). Volunteers' part means: 3.5, 4.0,
    4.5, 5.0 and 4.5 (mean 4.3); on the first statement they give 4.6 on average."""
    evaluation, statements = _five_point_evaluation()
    answer(evaluation, {statements[0]: 5, statements[1]: 4})
    respond_many(evaluation, statements, [[4, 3], [4, 4], [5, 4], [5, 5], [5, 4]])
    return evaluation, statements


def test_the_report_averages_and_compares_on_the_scale_of_five():
    evaluation, statements = _scored_five_point_evaluation()

    part = evaluation_report(evaluation=evaluation).parts[0]

    assert part.organisation == pytest.approx(4.5)
    assert part.volunteers.mean == pytest.approx(4.3)
    assert part.volunteers.lowest == pytest.approx(3.5)
    assert part.volunteers.highest == pytest.approx(5.0)
    assert part.gap == pytest.approx(0.2)
    assert part.minimum_met  # 4.5 ≥ 4.20
    # A 5 is the top of this scale, and volunteers agree (4.6 ≥ 5 − 4/6): a strength.
    # On the fixed scale of 1 to 4 no 5 would have been counted at all.
    assert [score.statement for score in part.strengths] == [statements[0]]


def test_the_minimum_on_the_scale_of_five_can_be_missed():
    evaluation, statements = _five_point_evaluation()
    answer(evaluation, {statements[0]: 5, statements[1]: 3})  # 4.0 < 4.20

    part = evaluation_report(evaluation=evaluation).parts[0]

    assert not part.minimum_met


def test_points_to_improve_follow_the_scale():
    """On 1–5 a point to improve is 2 or lower (a third of the range); a 3 is not."""
    evaluation, statements = _five_point_evaluation(statements=3)
    answer(evaluation, {statements[0]: 2, statements[1]: 3, statements[2]: 5})

    part = evaluation_report(evaluation=evaluation).parts[0]

    assert [score.statement for score in part.improvements] == [statements[0]]
    assert [score.statement for score in part.strengths] == [statements[2]]


def test_the_report_page_pdf_and_chart_use_the_scale_of_five(client):
    evaluation, _statements = _scored_five_point_evaluation()
    client.force_login(
        MembershipFactory(organisation=evaluation.organisation, role=OrganisationRole.MEMBER).user
    )

    page = client.get(reverse("selfevaluation:report", args=[evaluation.public_id]))
    pdf = client.get(reverse("selfevaluation:report-pdf", args=[evaluation.public_id]))

    chart = page.context["chart"]
    assert [tick.value for tick in chart.ticks] == [0, 1, 2, 3, 4, 5]
    # A bar at the top of the scale fills the whole width; 4.5 of 5 is 90% of it.
    assert chart.rows[0].organisation.width == round(4.5 / 5 * 320)
    assert "5" in chart.title
    text = _text(page.content)
    assert "4,5" in text and "4,3" in text and "0,2" in text
    assert "Helemaal niet" in text and "Helemaal" in text  # the scale's own labels
    pdf_text = _pdf_text(pdf.content)
    assert "4,5" in pdf_text and "4,3" in pdf_text


def test_the_standard_scale_report_still_uses_the_standard_text(client):
    evaluation = EvaluationFactory()
    client.force_login(runner(evaluation.organisation))

    response = client.get(reverse("selfevaluation:report", args=[evaluation.public_id]))

    assert 'id="report-scale"' not in response.content.decode()
    assert [tick.value for tick in response.context["chart"].ticks] == [0, 1, 2, 3, 4]


def test_progress_over_versions_with_different_scales(client):
    first = EvaluationFactory(closed=True)
    second, statements = _five_point_evaluation(organisation=first.organisation)
    answer(second, {statements[0]: 5, statements[1]: 5})

    overview = organisation_progress(organisation=first.organisation)
    client.force_login(runner(first.organisation))
    response = client.get(reverse("selfevaluation:progress", args=[first.organisation.public_id]))

    assert overview.scale_max == 5
    assert overview.scales_differ
    assert response.status_code == 200
    charts = [part["chart"] for part in response.context["parts"]]
    assert all(chart.ticks[-1].value == 5 for chart in charts)


def test_the_survey_on_the_standard_scale_keeps_its_explanation(client):
    evaluation = EvaluationFactory()

    page = client.get(
        reverse("selfevaluation:volunteer-survey", args=[evaluation.volunteer_token])
    ).content.decode()

    assert 'id="survey-scale"' not in page
    assert _message("For each statement: how far is it true? 1 is not at all, 4 is fully.") in (
        page
    )


def test_the_start_page_names_the_scale_of_the_current_version(client):
    client.force_login(runner(EvaluationFactory().organisation))
    url = reverse("selfevaluation:index")

    standard = client.get(url)
    current = questionnaire_current()
    QuestionnaireFactory(
        slug=current.slug,
        version=current.version + 1,
        parts=1,
        scale_max=5,
        scale_labels=FIVE_LABELS,
    )
    five = client.get(url)

    assert standard.context["current_scale_max"] is None
    assert five.context["current_scale_max"] == 5
