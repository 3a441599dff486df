"""Services and selectors of an organisation's self-evaluation."""

import io
import zipfile

from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404

import pytest

from inzet.accounts.tests.factories import UserFactory, adviser
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory, OrganisationFactory
from inzet.selfevaluation.constants import EvaluationStatus, QuestionnaireStatus
from inzet.selfevaluation.models import (
    AdviserAssignment,
    Answer,
    AnswerChange,
    Evidence,
    Questionnaire,
    Statement,
    VolunteerInvitation,
)
from inzet.selfevaluation.selectors.evaluations import (
    evaluation_get_for_runner,
    evaluation_get_for_viewer,
    evaluation_history,
    evaluation_open_statements,
    evaluation_progress,
    evaluation_statements,
)
from inzet.selfevaluation.services.evaluations import (
    answer_save,
    evaluation_close,
    evaluation_start,
    evidence_add,
    evidence_delete,
    volunteer_invitations_send,
)
from inzet.selfevaluation.tests.factories import (
    EvaluationFactory,
    QuestionnaireFactory,
    answer_all,
    runner,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def _statements(evaluation) -> list[Statement]:
    return list(evaluation_statements(evaluation=evaluation))


# --- Start


def test_start_uses_the_current_published_questionnaire():
    Questionnaire.objects.filter(status=QuestionnaireStatus.PUBLISHED).update(
        status=QuestionnaireStatus.RETIRED
    )
    current = QuestionnaireFactory(slug="vrijwillige-inzet-goed-geregeld", version=90)
    organisation = OrganisationFactory()
    user = runner(organisation)

    evaluation = evaluation_start(organisation=organisation, user=user, small_organisation=True)

    assert evaluation.questionnaire == current
    assert evaluation.small_organisation is True
    assert evaluation.started_by == user
    assert evaluation.status == EvaluationStatus.OPEN


def test_start_without_published_questionnaire_explains_instead_of_failing():
    Questionnaire.objects.filter(status=QuestionnaireStatus.PUBLISHED).update(
        status=QuestionnaireStatus.RETIRED
    )
    organisation = OrganisationFactory()

    with pytest.raises(ValidationError) as exc:
        evaluation_start(
            organisation=organisation, user=runner(organisation), small_organisation=False
        )

    assert exc.value.code == "no_questionnaire"


def test_start_refuses_a_second_open_evaluation():
    evaluation = EvaluationFactory()

    with pytest.raises(ValidationError) as exc:
        evaluation_start(
            organisation=evaluation.organisation,
            user=runner(evaluation.organisation),
            small_organisation=False,
            questionnaire=QuestionnaireFactory(),
        )

    assert exc.value.code == "already_open"


def test_start_again_after_closing_is_allowed():
    evaluation = EvaluationFactory(closed=True)

    again = evaluation_start(
        organisation=evaluation.organisation,
        user=runner(evaluation.organisation),
        small_organisation=False,
        questionnaire=QuestionnaireFactory(),
    )

    assert again.pk != evaluation.pk


# --- Scope


def test_small_organisation_answers_only_the_starred_statements():
    questionnaire = QuestionnaireFactory(parts=2, parts__statements=3)
    small = EvaluationFactory(questionnaire=questionnaire, small_organisation=True)
    large = EvaluationFactory(questionnaire=questionnaire, small_organisation=False)

    small_codes = [s.code for s in _statements(small)]
    large_codes = [s.code for s in _statements(large)]

    assert small_codes == ["A1", "B1"]
    assert large_codes == ["A1", "A2", "A3", "B1", "B2", "B3"]
    assert [(p.part.code, p.answered, p.total) for p in evaluation_progress(evaluation=small)] == [
        ("A", 0, 1),
        ("B", 0, 1),
    ]


def test_answer_to_a_statement_out_of_scope_is_refused():
    questionnaire = QuestionnaireFactory()
    evaluation = EvaluationFactory(questionnaire=questionnaire, small_organisation=True)
    not_starred = Statement.objects.get(part__questionnaire=questionnaire, code="A2")
    other = QuestionnaireFactory().parts.first().statements.first()

    for statement in (not_starred, other):
        with pytest.raises(ValidationError) as exc:
            answer_save(
                evaluation=evaluation, statement=statement, user=UserFactory(), score=3, note=""
            )
        assert exc.value.code == "out_of_scope"


# --- Answers and history


def test_answer_save_records_who_changed_what():
    evaluation = EvaluationFactory()
    statement = _statements(evaluation)[0]
    noor, piet = UserFactory(name="Noor"), UserFactory(name="Piet")

    answer_save(evaluation=evaluation, statement=statement, user=noor, score=2, note="Op papier")
    answer_save(evaluation=evaluation, statement=statement, user=piet, score=4, note=None)

    answer = Answer.objects.get(evaluation=evaluation, statement=statement)
    assert (answer.score, answer.note, answer.updated_by) == (4, "Op papier", piet)
    changes = [
        (c.changed_by, c.old_score, c.new_score, c.note_changed)
        for c in evaluation_history(evaluation=evaluation)
    ]
    assert changes == [(piet, 2, 4, False), (noor, None, 2, True)]


def test_saving_the_same_answer_again_adds_no_history():
    evaluation = EvaluationFactory()
    statement = _statements(evaluation)[0]
    user = UserFactory()
    answer_save(evaluation=evaluation, statement=statement, user=user, score=3, note="x")

    answer_save(evaluation=evaluation, statement=statement, user=user, score=3, note="x ")

    assert AnswerChange.objects.count() == 1


def test_note_alone_can_be_saved_and_cleared_without_touching_the_score():
    evaluation = EvaluationFactory()
    statement = _statements(evaluation)[0]
    user = UserFactory()
    answer_save(evaluation=evaluation, statement=statement, user=user, score=3, note=None)

    answer_save(evaluation=evaluation, statement=statement, user=user, score=None, note="Uitleg")
    answer_save(evaluation=evaluation, statement=statement, user=user, score=None, note="")

    answer = Answer.objects.get(evaluation=evaluation, statement=statement)
    assert (answer.score, answer.note) == (3, "")
    assert AnswerChange.objects.filter(note_changed=True).count() == 2


@pytest.mark.parametrize("score", [0, 5, -1])
def test_score_outside_the_scale_is_refused(score):
    evaluation = EvaluationFactory()

    with pytest.raises(ValidationError) as exc:
        answer_save(
            evaluation=evaluation,
            statement=_statements(evaluation)[0],
            user=UserFactory(),
            score=score,
            note=None,
        )

    assert exc.value.code == "invalid_score"
    assert not Answer.objects.exists()


def test_closed_evaluation_refuses_answers():
    evaluation = EvaluationFactory(closed=True)

    with pytest.raises(ValidationError) as exc:
        answer_save(
            evaluation=evaluation,
            statement=_statements(evaluation)[0],
            user=UserFactory(),
            score=3,
            note="",
        )

    assert exc.value.code == "closed"


# --- Close


def test_close_with_open_statements_is_refused_and_lists_them():
    evaluation = EvaluationFactory(questionnaire=QuestionnaireFactory(parts=2, parts__statements=2))
    first, *rest = _statements(evaluation)
    answer_save(evaluation=evaluation, statement=first, user=UserFactory(), score=3, note="")

    with pytest.raises(ValidationError) as exc:
        evaluation_close(evaluation=evaluation, user=UserFactory())

    assert [e.code for e in exc.value.error_list] == ["open_statement"] * 3
    assert [e.params["code"] for e in exc.value.error_list] == ["A2", "B1", "B2"]
    assert [e.params["part_code"] for e in exc.value.error_list] == ["A", "B", "B"]
    evaluation.refresh_from_db()
    assert evaluation.is_open
    assert Answer.objects.get(statement=first).score == 3


def test_close_when_all_statements_are_answered():
    evaluation = EvaluationFactory(small_organisation=True)
    answer_all(evaluation)

    evaluation_close(evaluation=evaluation, user=UserFactory())

    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.CLOSED
    assert evaluation.closed_at is not None
    assert evaluation_open_statements(evaluation=evaluation) == []


# --- Evidence


def test_evidence_file_is_stored_under_a_random_name(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    evaluation = EvaluationFactory()
    statement = _statements(evaluation)[0]
    upload = SimpleUploadedFile("Beleid van Jan Jansen.pdf", PDF, content_type="text/html")

    evidence = evidence_add(
        evaluation=evaluation, statement=statement, user=UserFactory(), file=upload
    )

    assert evidence.original_name == "Beleid van Jan Jansen.pdf"
    assert evidence.content_type == "application/pdf"
    assert "Jansen" not in evidence.file.name
    assert evidence.file.name.startswith(f"private/evidence/{evaluation.public_id}/")


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("script.exe", b"MZ\x90\x00", "file_type"),
        ("pagina.html", b"<html></html>", "file_type"),
        ("nep.pdf", b"<html><script>alert(1)</script></html>", "file_content"),
        ("nep.png", PDF, "file_content"),
        ("nep.docx", b"PK\x03\x04 not really a zip", "file_content"),
        ("leeg.pdf", b"", "empty"),
    ],
)
def test_evidence_file_type_is_checked_by_content(settings, tmp_path, name, content, code):
    settings.MEDIA_ROOT = tmp_path
    evaluation = EvaluationFactory()

    with pytest.raises(ValidationError) as exc:
        evidence_add(
            evaluation=evaluation,
            statement=_statements(evaluation)[0],
            user=UserFactory(),
            file=SimpleUploadedFile(name, content, content_type="application/pdf"),
        )

    assert exc.value.error_dict["file"][0].code == code
    assert not Evidence.objects.exists()


def test_evidence_accepts_real_office_and_image_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    evaluation = EvaluationFactory()
    statement = _statements(evaluation)[0]

    for name, content in (("beleid.docx", _docx()), ("foto.png", PNG)):
        evidence_add(
            evaluation=evaluation,
            statement=statement,
            user=UserFactory(),
            file=SimpleUploadedFile(name, content),
        )

    assert Evidence.objects.count() == 2


def test_evidence_larger_than_the_limit_is_refused(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.INZET_EVIDENCE_MAX_BYTES = 100
    evaluation = EvaluationFactory()

    with pytest.raises(ValidationError) as exc:
        evidence_add(
            evaluation=evaluation,
            statement=_statements(evaluation)[0],
            user=UserFactory(),
            file=SimpleUploadedFile("groot.pdf", PDF + b"0" * 200),
        )

    assert exc.value.error_dict["file"][0].code == "file_size"


def test_evidence_needs_a_file_or_a_link_not_both(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    evaluation = EvaluationFactory()
    statement = _statements(evaluation)[0]

    for kwargs in ({}, {"url": "https://example.org", "file": SimpleUploadedFile("a.pdf", PDF)}):
        with pytest.raises(ValidationError) as exc:
            evidence_add(evaluation=evaluation, statement=statement, user=UserFactory(), **kwargs)
        assert exc.value.error_dict["file"][0].code == "file_or_url"


def test_evidence_delete_removes_the_file(settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path
    evaluation = EvaluationFactory()
    evidence = evidence_add(
        evaluation=evaluation,
        statement=_statements(evaluation)[0],
        user=UserFactory(),
        file=SimpleUploadedFile("a.pdf", PDF),
    )
    path = evidence.file.path

    with django_capture_on_commit_callbacks(execute=True):
        evidence_delete(evidence=evidence, user=UserFactory())

    assert not Evidence.objects.exists()
    assert not (tmp_path / path).exists()


# --- Volunteers


def test_invitations_send_one_link_each_and_keep_no_address():
    evaluation = EvaluationFactory()

    sent = volunteer_invitations_send(
        evaluation=evaluation,
        user=UserFactory(),
        emails=["an@example.org", "Bo@example.org", "bo@example.org "],
    )

    assert sent == 2
    assert len(mail.outbox) == 2
    tokens = set(VolunteerInvitation.objects.values_list("token", flat=True))
    assert len(tokens) == 2
    for message in mail.outbox:
        assert any(f"/zelfevaluatie/v/{token}/" in message.body for token in tokens)
        assert evaluation.organisation.name in message.subject
    assert not VolunteerInvitation.objects.filter(token__contains="@").exists()


def test_invitations_refuse_invalid_addresses_and_send_nothing():
    evaluation = EvaluationFactory()

    with pytest.raises(ValidationError) as exc:
        volunteer_invitations_send(
            evaluation=evaluation, user=UserFactory(), emails=["an@example.org", "geen-adres"]
        )

    assert "geen-adres" in exc.value.error_dict["emails"][0].message
    assert mail.outbox == []
    assert not VolunteerInvitation.objects.exists()


def test_invitations_at_most_200():
    evaluation = EvaluationFactory()

    with pytest.raises(ValidationError) as exc:
        volunteer_invitations_send(
            evaluation=evaluation,
            user=UserFactory(),
            emails=[f"v{i}@example.org" for i in range(201)],
        )

    assert exc.value.error_dict["emails"][0].code == "too_many"


def test_closed_evaluation_sends_no_invitations():
    evaluation = EvaluationFactory(closed=True)

    with pytest.raises(ValidationError) as exc:
        volunteer_invitations_send(
            evaluation=evaluation, user=UserFactory(), emails=["an@example.org"]
        )

    assert exc.value.code == "closed"


# --- Gatekeepers


@pytest.mark.parametrize(
    ("who", "may_view", "may_run"),
    [
        ("outsider", False, False),
        ("member", True, False),
        ("coordinator", True, True),
        ("admin", True, True),
        ("assigned adviser", True, False),
        ("other adviser", False, False),
    ],
)
def test_gatekeepers(who, may_view, may_run):
    evaluation = EvaluationFactory()
    organisation = evaluation.organisation
    if who == "outsider":
        user = UserFactory()
    elif who in {"assigned adviser", "other adviser"}:
        user = adviser()
        if who == "assigned adviser":
            AdviserAssignment.objects.create(adviser=user, organisation=organisation)
    else:
        user = MembershipFactory(organisation=organisation, role=OrganisationRole(who)).user

    for gatekeeper, allowed in (
        (evaluation_get_for_viewer, may_view),
        (evaluation_get_for_runner, may_run),
    ):
        if allowed:
            assert gatekeeper(user=user, public_id=evaluation.public_id) == evaluation
        else:
            with pytest.raises(Http404):
                gatekeeper(user=user, public_id=evaluation.public_id)
