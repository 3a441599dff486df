"""Scoring rules (selectors/scoring.py), as written in docs/zelfevaluatie.md "## Scoring"."""

from decimal import Decimal
from statistics import fmean, pstdev

import pytest

from inzet.selfevaluation.models import Answer, Statement, VolunteerAnswer, VolunteerResponse
from inzet.selfevaluation.selectors.scoring import evaluation_report, organisation_progress
from inzet.selfevaluation.tests.factories import EvaluationFactory, QuestionnaireFactory

pytestmark = pytest.mark.django_db


# --- Helpers (shared with the other test modules of this part)


def make_evaluation(*, parts: int = 1, statements: int = 4, **kwargs):
    """An evaluation of a fresh questionnaire; returns it with its statements per part."""
    questionnaire = QuestionnaireFactory(parts=parts, parts__statements=statements)
    evaluation = EvaluationFactory(questionnaire=questionnaire, **kwargs)
    by_part = [
        list(Statement.objects.filter(part=part).order_by("order"))
        for part in questionnaire.parts.order_by("order")
    ]
    return evaluation, by_part


def answer(evaluation, scores: dict[Statement, int | None]) -> None:
    """The organisation's own scores."""
    for statement, score in scores.items():
        Answer.objects.update_or_create(
            evaluation=evaluation, statement=statement, defaults={"score": score}
        )


def respond(evaluation, scores: dict[Statement, int]) -> VolunteerResponse:
    """One volunteer's answers, stored directly ("don't know" = no row)."""
    response = VolunteerResponse.objects.create(evaluation=evaluation)
    for statement, score in scores.items():
        VolunteerAnswer.objects.create(response=response, statement=statement, score=score)
    return response


def respond_many(evaluation, statements: list[Statement], rows: list[list[int]]) -> None:
    for row in rows:
        respond(evaluation, dict(zip(statements, row, strict=True)))


# --- The organisation's score


def test_organisation_score_per_part_is_the_mean_of_the_answered_statements():
    evaluation, [statements] = make_evaluation(statements=4)
    answer(evaluation, {statements[0]: 4, statements[1]: 3, statements[2]: None})

    part = evaluation_report(evaluation=evaluation).parts[0]

    assert part.organisation == pytest.approx(3.5)
    assert part.organisation_answered == 2
    assert [score.organisation for score in part.statements] == [4, 3, None, None]


def test_scores_outside_the_scale_are_not_counted():
    evaluation, [statements] = make_evaluation(statements=2)
    answer(evaluation, {statements[0]: 9, statements[1]: 1})
    respond_many(evaluation, statements, [[0, 4]] * 5)

    part = evaluation_report(evaluation=evaluation).parts[0]

    assert part.organisation == 1
    assert part.volunteers is not None
    assert 1 <= part.volunteers.lowest <= part.volunteers.highest <= 4
    assert part.volunteers.mean == 4


def test_every_score_stays_between_1_and_4():
    evaluation, [statements] = make_evaluation(statements=3)
    answer(evaluation, {statements[0]: 1, statements[1]: 4, statements[2]: 4})
    respond_many(evaluation, statements, [[1, 1, 1], [4, 4, 4], [1, 4, 2], [3, 3, 3], [4, 1, 4]])

    part = evaluation_report(evaluation=evaluation).parts[0]

    for value in [part.organisation, part.volunteers.mean, part.volunteers.lowest]:
        assert 1 <= value <= 4
    for score in part.statements:
        assert 1 <= score.volunteers.mean <= 4
        assert -3 <= score.gap <= 3


def test_small_organisation_counts_only_the_starred_statements():
    evaluation, [statements] = make_evaluation(statements=3, small_organisation=True)
    starred = statements[0]
    assert starred.starred and not statements[1].starred
    answer(evaluation, {starred: 2, statements[1]: 4, statements[2]: 4})
    respond_many(evaluation, statements, [[3, 1, 1]] * 5)

    part = evaluation_report(evaluation=evaluation).parts[0]

    assert [score.statement for score in part.statements] == [starred]
    assert part.organisation == 2
    assert part.volunteers.mean == 3


def test_a_large_organisation_counts_every_statement():
    evaluation, [statements] = make_evaluation(statements=3, small_organisation=False)
    answer(evaluation, {statements[0]: 2, statements[1]: 4, statements[2]: 3})

    part = evaluation_report(evaluation=evaluation).parts[0]

    assert len(part.statements) == 3
    assert part.organisation == 3


def test_a_part_without_answers_has_no_score_and_does_not_meet_its_minimum():
    evaluation, _parts = make_evaluation(parts=2, statements=2)

    report = evaluation_report(evaluation=evaluation)

    assert [part.organisation for part in report.parts] == [None, None]
    assert not any(part.minimum_met for part in report.parts)


def test_empty_evaluation_gives_a_report_without_scores():
    evaluation, _parts = make_evaluation(parts=2, statements=3)

    report = evaluation_report(evaluation=evaluation)

    assert report.response_count == 0
    assert report.volunteers_missing == 5
    assert not report.volunteers_shown
    assert report.strengths == [] and report.improvements == []
    for part in report.parts:
        assert part.volunteers is None
        assert part.volunteers_missing == 5
        assert part.gap is None


# --- Minimum score


@pytest.mark.parametrize(
    ("scores", "met"),
    [
        ([3, 2], True),  # 2.50: exactly the minimum
        ([3, 2, 2], False),  # 2.33
        ([4, 3], True),
        ([2, 2], False),
    ],
)
def test_minimum_is_met_from_exactly_the_minimum_score(scores, met):
    evaluation, [statements] = make_evaluation(statements=3)
    statements[0].part.minimum_score = Decimal("2.50")
    statements[0].part.save()
    answer(evaluation, dict(zip(statements, scores, strict=False)))

    part = evaluation_report(evaluation=evaluation).parts[0]

    assert part.minimum_met is met


def test_minimum_comparison_has_no_rounding_error_at_the_boundary():
    evaluation, [statements] = make_evaluation(statements=3)
    part = statements[0].part
    part.minimum_score = Decimal("2.67")
    part.save()
    answer(evaluation, {statements[0]: 3, statements[1]: 3, statements[2]: 2})  # 2.666…

    assert evaluation_report(evaluation=evaluation).parts[0].minimum_met is False


# --- Volunteers: threshold, per-response means, spread


def test_with_four_responses_volunteer_scores_are_hidden_and_one_more_is_needed():
    evaluation, [statements] = make_evaluation(statements=2)
    answer(evaluation, {statements[0]: 3, statements[1]: 3})
    respond_many(evaluation, statements, [[2, 2]] * 4)

    report = evaluation_report(evaluation=evaluation)
    part = report.parts[0]

    assert report.response_count == 4
    assert report.volunteers_missing == 1
    assert part.volunteers is None and part.volunteers_missing == 1
    assert part.gap is None
    assert all(score.volunteers is None and score.gap is None for score in part.statements)


def test_with_five_responses_volunteer_scores_are_shown():
    evaluation, [statements] = make_evaluation(statements=2)
    respond_many(evaluation, statements, [[2, 2]] * 5)

    report = evaluation_report(evaluation=evaluation)

    assert report.volunteers_missing == 0
    assert report.parts[0].volunteers.count == 5
    assert report.parts[0].volunteers_missing == 0


def test_the_threshold_follows_the_setting(settings):
    settings.INZET_VOLUNTEER_MIN_ANSWERS = 3
    evaluation, [statements] = make_evaluation(statements=2)
    respond_many(evaluation, statements, [[2, 2]] * 3)

    assert evaluation_report(evaluation=evaluation).parts[0].volunteers.count == 3


def test_volunteer_part_score_is_the_mean_per_response_then_summed_up():
    evaluation, [statements] = make_evaluation(statements=2)
    rows = [[1, 2], [2, 3], [3, 3], [3, 4], [4, 4]]
    respond_many(evaluation, statements, rows)

    volunteers = evaluation_report(evaluation=evaluation).parts[0].volunteers

    per_response = [1.5, 2.5, 3.0, 3.5, 4.0]
    assert volunteers.mean == pytest.approx(fmean(per_response))
    assert volunteers.spread == pytest.approx(pstdev(per_response))  # population
    assert volunteers.lowest == 1.5
    assert volunteers.highest == 4.0
    assert volunteers.count == 5


def test_a_response_counts_with_the_mean_of_only_the_statements_it_answered():
    evaluation, [statements] = make_evaluation(statements=2)
    for _i in range(4):
        respond(evaluation, {statements[0]: 2, statements[1]: 2})
    respond(evaluation, {statements[0]: 4})  # "don't know" on the second statement

    part = evaluation_report(evaluation=evaluation).parts[0]

    assert part.volunteers.mean == pytest.approx((2 * 4 + 4) / 5)
    assert part.volunteers.highest == 4
    assert part.statements[0].volunteers.count == 5
    assert part.statements[1].volunteers is None  # only four answered it
    assert part.statements[1].volunteers_missing == 1


def test_dont_know_is_not_counted():
    evaluation, parts = make_evaluation(parts=2, statements=1)
    [a1], [b1] = parts
    for _i in range(5):
        respond(evaluation, {a1: 3})  # every volunteer: "don't know" on part B

    report = evaluation_report(evaluation=evaluation)

    assert report.parts[0].volunteers.mean == 3
    assert report.parts[1].volunteers is None
    assert report.parts[1].volunteers_missing == 5


def test_spread_is_zero_when_all_volunteers_agree():
    evaluation, [statements] = make_evaluation(statements=1)
    respond_many(evaluation, statements, [[3]] * 6)

    volunteers = evaluation_report(evaluation=evaluation).parts[0].volunteers

    assert volunteers.spread == 0
    assert volunteers.lowest == volunteers.highest == 3


# --- Gap, strengths and points to improve


def test_gap_is_organisation_minus_volunteers():
    evaluation, parts = make_evaluation(parts=2, statements=1)
    [a1], [b1] = parts
    answer(evaluation, {a1: 4, b1: 1})
    respond_many(evaluation, [a1, b1], [[2, 3]] * 5)

    report = evaluation_report(evaluation=evaluation)

    assert report.parts[0].gap == pytest.approx(2.0)  # organisation more positive
    assert report.parts[1].gap == pytest.approx(-2.0)  # volunteers more positive
    assert report.parts[0].statements[0].gap == pytest.approx(2.0)


def test_no_gap_without_an_organisation_score():
    evaluation, [statements] = make_evaluation(statements=1)
    respond_many(evaluation, statements, [[3]] * 5)

    part = evaluation_report(evaluation=evaluation).parts[0]

    assert part.volunteers.mean == 3
    assert part.gap is None


def test_strengths_and_points_to_improve_without_volunteer_data():
    evaluation, [statements] = make_evaluation(statements=4)
    answer(evaluation, {statements[0]: 4, statements[1]: 3, statements[2]: 2, statements[3]: 1})

    part = evaluation_report(evaluation=evaluation).parts[0]

    assert [score.statement for score in part.strengths] == [statements[0]]
    assert [score.statement for score in part.improvements] == statements[2:]


def test_with_volunteer_data_a_strength_needs_the_volunteers_to_agree():
    evaluation, [statements] = make_evaluation(statements=2)
    answer(evaluation, {statements[0]: 4, statements[1]: 4})
    respond_many(evaluation, statements, [[4, 3]] * 3 + [[3, 2]] * 2)  # means 3.6 and 2.6

    part = evaluation_report(evaluation=evaluation).parts[0]

    assert [score.statement for score in part.strengths] == [statements[0]]
    # 4 − 2.6 = 1.4: the volunteers see it differently, so it is a point to improve
    assert [score.statement for score in part.improvements] == [statements[1]]


def test_a_gap_of_one_either_way_is_a_point_to_improve():
    evaluation, [statements] = make_evaluation(statements=3)
    answer(evaluation, {statements[0]: 3, statements[1]: 3, statements[2]: 3})
    respond_many(evaluation, statements, [[4, 2, 3]] * 5)  # gaps −1, +1, 0

    part = evaluation_report(evaluation=evaluation).parts[0]

    assert [score.statement for score in part.improvements] == statements[:2]
    assert part.strengths == []


def test_gap_counts_only_when_volunteer_data_is_shown():
    evaluation, [statements] = make_evaluation(statements=1)
    answer(evaluation, {statements[0]: 4})
    respond_many(evaluation, statements, [[1]] * 4)

    part = evaluation_report(evaluation=evaluation).parts[0]

    assert part.improvements == []
    assert [score.statement for score in part.strengths] == statements


# --- Progress


def test_progress_lines_up_the_parts_of_every_evaluation_oldest_first():
    first, parts = make_evaluation(parts=2, statements=1, closed=True)
    [a1], [b1] = parts
    answer(first, {a1: 2, b1: 2})
    second = EvaluationFactory(organisation=first.organisation, questionnaire=first.questionnaire)
    answer(second, {a1: 4})
    respond_many(second, [a1, b1], [[3, 3]] * 5)
    EvaluationFactory()  # another organisation's evaluation is not included

    progress = organisation_progress(organisation=first.organisation)

    assert [report.evaluation for report in progress.evaluations] == [first, second]
    assert [part.code for part in progress.parts] == ["A", "B"]
    a_points = progress.parts[0].points
    assert [(p.organisation, p.volunteers) for p in a_points] == [(2, None), (4, 3)]
    assert [p.organisation for p in progress.parts[1].points] == [2, None]
