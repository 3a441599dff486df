"""Views of an organisation's self-evaluation: who may do what, and what bad input does."""

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from inzet.accounts.tests.factories import UserFactory, adviser, nov_staff
from inzet.organisations.constants import OrganisationRole
from inzet.organisations.tests.factories import MembershipFactory
from inzet.selfevaluation.constants import EvaluationStatus, QuestionnaireStatus
from inzet.selfevaluation.models import (
    AdviserAssignment,
    Answer,
    AnswerChange,
    Evaluation,
    Evidence,
    Questionnaire,
    VolunteerInvitation,
)
from inzet.selfevaluation.selectors.evaluations import evaluation_statements
from inzet.selfevaluation.services.evaluations import answer_save, evidence_add
from inzet.selfevaluation.tests.factories import (
    EvaluationFactory,
    EvidenceFactory,
    QuestionnaireFactory,
    answer_all,
    runner,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"

ANONYMOUS, OUTSIDER, MEMBER, COORDINATOR, ADMIN = (
    "anonymous",
    "outsider",
    "member",
    "coordinator",
    "admin",
)
ADVISER, OTHER_ADVISER, NOV = "assigned adviser", "other adviser", "nov staff"
EVERYONE = [ANONYMOUS, OUTSIDER, MEMBER, COORDINATOR, ADMIN, ADVISER, OTHER_ADVISER, NOV]
VIEWERS = {MEMBER, COORDINATOR, ADMIN, ADVISER}
RUNNERS = {COORDINATOR, ADMIN}


def _login_as(client, who: str, organisation):
    if who == ANONYMOUS:
        return None
    if who == OUTSIDER:
        user = UserFactory()
    elif who == NOV:
        user = nov_staff()
    elif who in {ADVISER, OTHER_ADVISER}:
        user = adviser()
        if who == ADVISER:
            AdviserAssignment.objects.create(adviser=user, organisation=organisation)
    else:
        user = MembershipFactory(organisation=organisation, role=OrganisationRole(who)).user
    client.force_login(user)
    return user


def _expected(who: str, allowed: set[str], ok: int) -> int:
    if who == ANONYMOUS:
        return 302
    return ok if who in allowed else 404


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _statements(evaluation):
    return list(evaluation_statements(evaluation=evaluation))


def _part_url(evaluation, code="A"):
    return reverse("selfevaluation:evaluation-part", args=[evaluation.public_id, code])


# --- Who may open what


GET_PAGES = {
    "evaluation-detail": VIEWERS,
    "evaluation-history": VIEWERS,
    "evaluation-part": VIEWERS,
    "volunteer-invite": RUNNERS,
}


@pytest.mark.parametrize(("page", "who"), [(page, who) for page in GET_PAGES for who in EVERYONE])
def test_page_access(client, page, who):
    evaluation = EvaluationFactory()
    _login_as(client, who, evaluation.organisation)
    args = [evaluation.public_id] + (["A"] if page == "evaluation-part" else [])

    response = client.get(reverse(f"selfevaluation:{page}", args=args))

    assert response.status_code == _expected(who, GET_PAGES[page], 200)
    if who == ANONYMOUS:
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("who", EVERYONE)
def test_evidence_download_access(client, media, who):
    evaluation = EvaluationFactory()
    evidence = evidence_add(
        evaluation=evaluation,
        statement=_statements(evaluation)[0],
        user=UserFactory(),
        file=SimpleUploadedFile("Beleid 2025.pdf", PDF),
    )
    _login_as(client, who, evaluation.organisation)

    response = client.get(reverse("selfevaluation:evidence-download", args=[evidence.public_id]))

    assert response.status_code == _expected(who, VIEWERS, 200)
    if response.status_code == 200:
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
        assert "Beleid 2025.pdf" in response["Content-Disposition"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "private" in response["Cache-Control"]


def test_evidence_link_has_no_download(client):
    evidence = EvidenceFactory()
    client.force_login(runner(evidence.evaluation.organisation))

    response = client.get(reverse("selfevaluation:evidence-download", args=[evidence.public_id]))

    assert response.status_code == 404


@pytest.mark.parametrize("who", EVERYONE)
def test_answer_save_access(client, who):
    evaluation = EvaluationFactory()
    statement = _statements(evaluation)[0]
    _login_as(client, who, evaluation.organisation)

    response = client.post(
        reverse("selfevaluation:answer-save", args=[evaluation.public_id, statement.pk]),
        {"score": "3"},
        HTTP_ACCEPT="application/json",
    )

    assert response.status_code == _expected(who, RUNNERS, 200)
    assert Answer.objects.filter(score=3).exists() == (who in RUNNERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_part_save_access(client, who):
    evaluation = EvaluationFactory()
    statement = _statements(evaluation)[0]
    _login_as(client, who, evaluation.organisation)

    response = client.post(_part_url(evaluation), {f"score_{statement.pk}": "2"})

    assert response.status_code == _expected(who, RUNNERS, 302)
    assert Answer.objects.filter(score=2).exists() == (who in RUNNERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_start_access(client, who):
    Questionnaire.objects.filter(status=QuestionnaireStatus.PUBLISHED).update(
        status=QuestionnaireStatus.RETIRED
    )
    QuestionnaireFactory(slug="vrijwillige-inzet-goed-geregeld", version=90)
    organisation = MembershipFactory().organisation
    _login_as(client, who, organisation)

    response = client.post(
        reverse("selfevaluation:evaluation-start", args=[organisation.public_id]),
        {f"o-{organisation.public_id.hex[:8]}-small_organisation": "ja"},
    )

    assert response.status_code == _expected(who, RUNNERS, 302)
    assert Evaluation.objects.filter(organisation=organisation).exists() == (who in RUNNERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_close_access(client, who):
    evaluation = EvaluationFactory(small_organisation=True)
    answer_all(evaluation)
    _login_as(client, who, evaluation.organisation)

    response = client.post(reverse("selfevaluation:evaluation-close", args=[evaluation.public_id]))

    assert response.status_code == _expected(who, RUNNERS, 302)
    evaluation.refresh_from_db()
    assert (evaluation.status == EvaluationStatus.CLOSED) == (who in RUNNERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_evidence_add_access(client, media, who):
    evaluation = EvaluationFactory()
    statement = _statements(evaluation)[0]
    _login_as(client, who, evaluation.organisation)

    response = client.post(
        reverse("selfevaluation:evidence-add", args=[evaluation.public_id, statement.pk]),
        {f"e{statement.pk}-url": "https://example.org/beleid"},
    )

    assert response.status_code == _expected(who, RUNNERS, 302)
    assert Evidence.objects.exists() == (who in RUNNERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_evidence_delete_access(client, who):
    evidence = EvidenceFactory()
    _login_as(client, who, evidence.evaluation.organisation)

    response = client.post(reverse("selfevaluation:evidence-delete", args=[evidence.public_id]))

    assert response.status_code == _expected(who, RUNNERS, 302)
    assert Evidence.objects.exists() == (who not in RUNNERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_volunteer_invite_send_access(client, who):
    evaluation = EvaluationFactory()
    _login_as(client, who, evaluation.organisation)

    response = client.post(
        reverse("selfevaluation:volunteer-invite", args=[evaluation.public_id]),
        {"emails": "an@example.org"},
    )

    assert response.status_code == _expected(who, RUNNERS, 302)
    assert len(mail.outbox) == (1 if who in RUNNERS else 0)


def test_get_is_not_allowed_for_actions(client):
    evaluation = EvaluationFactory()
    client.force_login(runner(evaluation.organisation))

    response = client.get(reverse("selfevaluation:evaluation-close", args=[evaluation.public_id]))

    assert response.status_code == 405


# --- Overview and start


def test_index_asks_anonymous_to_log_in(client):
    response = client.get(reverse("selfevaluation:index"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_index_lists_own_organisations_and_offers_start_only_to_runners(client):
    admin_membership = MembershipFactory(role=OrganisationRole.ADMIN)
    user = admin_membership.user
    member_of = MembershipFactory(user=user, role=OrganisationRole.MEMBER).organisation
    evaluation = EvaluationFactory(organisation=member_of)
    elsewhere = EvaluationFactory()
    client.force_login(user)

    response = client.get(reverse("selfevaluation:index"))

    html = response.content.decode()
    assert admin_membership.organisation.name in html
    assert member_of.name in html
    assert elsewhere.organisation.name not in html
    assert reverse("selfevaluation:evaluation-detail", args=[evaluation.public_id]) in html
    assert (
        reverse("selfevaluation:evaluation-start", args=[admin_membership.organisation.public_id])
        in html
    )
    assert reverse("selfevaluation:evaluation-start", args=[member_of.public_id]) not in html


def test_start_without_a_choice_explains_what_to_do(client):
    organisation = MembershipFactory().organisation
    client.force_login(runner(organisation))

    response = client.post(
        reverse("selfevaluation:evaluation-start", args=[organisation.public_id]), {}
    )

    assert response.status_code == 422
    assert 'class="inzet-error-summary"' in response.content.decode()
    assert not Evaluation.objects.filter(organisation=organisation).exists()


# --- Detail and close


def test_detail_shows_progress_and_volunteer_count_only(client):
    evaluation = EvaluationFactory(questionnaire=QuestionnaireFactory(parts=2, parts__statements=2))
    answer_save(
        evaluation=evaluation,
        statement=_statements(evaluation)[0],
        user=UserFactory(),
        score=3,
        note="",
    )
    client.force_login(runner(evaluation.organisation))

    response = client.get(reverse("selfevaluation:evaluation-detail", args=[evaluation.public_id]))

    html = response.content.decode()
    assert "1 of 2" in html or "1 van 2" in html
    assert _part_url(evaluation, "B") in html
    assert reverse("selfevaluation:volunteer-invite", args=[evaluation.public_id]) in html
    assert reverse("selfevaluation:report", args=[evaluation.public_id]) in html


def test_close_with_open_statements_lists_each_with_a_link(client):
    evaluation = EvaluationFactory(questionnaire=QuestionnaireFactory(parts=2, parts__statements=2))
    first, *open_statements = _statements(evaluation)
    answer_save(evaluation=evaluation, statement=first, user=UserFactory(), score=3, note="")
    client.force_login(runner(evaluation.organisation))

    response = client.post(reverse("selfevaluation:evaluation-close", args=[evaluation.public_id]))

    assert response.status_code == 422
    html = response.content.decode()
    for statement in open_statements:
        assert f"{_part_url(evaluation, statement.part.code)}#statement-{statement.pk}" in html
    assert f"#statement-{first.pk}" not in html
    evaluation.refresh_from_db()
    assert evaluation.is_open
    assert Answer.objects.get(statement=first).score == 3


# --- A part


def test_part_shows_only_statements_in_scope_with_core_mark(client):
    evaluation = EvaluationFactory(small_organisation=True)
    client.force_login(runner(evaluation.organisation))

    response = client.get(_part_url(evaluation))

    html = response.content.decode()
    assert "Stelling A1" in html
    assert "Stelling A2" not in html
    assert "★" in html
    assert html.count('type="radio"') == 4


def test_part_save_keeps_open_statements_open(client):
    evaluation = EvaluationFactory()
    a1, a2, a3 = _statements(evaluation)[:3]
    client.force_login(runner(evaluation.organisation))

    response = client.post(
        _part_url(evaluation),
        {f"score_{a1.pk}": "4", f"note_{a2.pk}": "Nog bespreken", "save": ""},
    )

    assert response.status_code == 302
    assert Answer.objects.get(statement=a1).score == 4
    assert Answer.objects.get(statement=a2).score is None
    assert Answer.objects.get(statement=a2).note == "Nog bespreken"
    assert not Answer.objects.filter(statement=a3).exists()


def test_part_save_does_not_overwrite_what_a_colleague_saved_meanwhile(client):
    evaluation = EvaluationFactory()
    a1, a2 = _statements(evaluation)[:2]
    colleague = UserFactory()
    # The page was loaded while nothing was answered; then a colleague answered A2.
    answer_save(evaluation=evaluation, statement=a2, user=colleague, score=2, note="Van collega")
    client.force_login(runner(evaluation.organisation))

    client.post(
        _part_url(evaluation),
        {
            f"score_{a1.pk}": "3",
            f"initial-score_{a1.pk}": "",
            f"initial-score_{a2.pk}": "",
            f"note_{a2.pk}": "",
            f"initial-note_{a2.pk}": "",
        },
    )

    answer = Answer.objects.get(statement=a2)
    assert (answer.score, answer.note, answer.updated_by) == (2, "Van collega", colleague)
    assert Answer.objects.get(statement=a1).score == 3


def test_part_save_and_next_goes_to_the_next_part(client):
    evaluation = EvaluationFactory()
    a1 = _statements(evaluation)[0]
    client.force_login(runner(evaluation.organisation))

    response = client.post(
        _part_url(evaluation), {f"score_{a1.pk}": "1", "save_next": "", "next_part": "B"}
    )

    assert response["Location"] == _part_url(evaluation, "B")


def test_part_with_invalid_score_keeps_what_was_typed(client):
    evaluation = EvaluationFactory()
    a1, a2 = _statements(evaluation)[:2]
    client.force_login(runner(evaluation.organisation))

    response = client.post(
        _part_url(evaluation), {f"score_{a1.pk}": "9", f"note_{a2.pk}": "Mijn uitleg"}
    )

    assert response.status_code == 422
    html = response.content.decode()
    assert f'href="#id_score_{a1.pk}_0"' in html
    assert "Mijn uitleg" in html
    assert not Answer.objects.exists()


def test_closed_evaluation_part_is_read_only(client):
    evaluation = EvaluationFactory(closed=True)
    statement = _statements(evaluation)[0]
    client.force_login(runner(evaluation.organisation))

    page = client.get(_part_url(evaluation))
    response = client.post(_part_url(evaluation), {f"score_{statement.pk}": "3"})

    assert 'type="radio"' not in page.content.decode()
    assert response.status_code == 422
    assert not Answer.objects.exists()


def test_unknown_part_is_404(client):
    evaluation = EvaluationFactory()
    client.force_login(runner(evaluation.organisation))

    assert client.get(_part_url(evaluation, "Z")).status_code == 404


# --- Autosave


def _autosave(client, evaluation, statement, data):
    return client.post(
        reverse("selfevaluation:answer-save", args=[evaluation.public_id, statement.pk]),
        data,
        HTTP_ACCEPT="application/json",
        HTTP_X_REQUESTED_WITH="fetch",
    )


def test_autosave_returns_json_and_records_the_change(client):
    evaluation = EvaluationFactory()
    statement = _statements(evaluation)[0]
    user = runner(evaluation.organisation)
    client.force_login(user)

    first = _autosave(client, evaluation, statement, {"score": "2"})
    second = _autosave(client, evaluation, statement, {"note": "Staat in het jaarplan"})

    assert first.status_code == 200
    assert first.json()["status"] == "saved"
    assert first.json()["message"]
    assert second.json()["score"] == 2
    answer = Answer.objects.get(statement=statement)
    assert (answer.score, answer.note) == (2, "Staat in het jaarplan")
    assert AnswerChange.objects.filter(changed_by=user).count() == 2


@pytest.mark.parametrize("data", [{"score": "7"}, {"score": "drie"}])
def test_autosave_with_bad_score_is_422_with_message(client, data):
    evaluation = EvaluationFactory()
    client.force_login(runner(evaluation.organisation))

    response = _autosave(client, evaluation, _statements(evaluation)[0], data)

    assert response.status_code == 422
    assert response.json()["message"]
    assert not Answer.objects.exists()


def test_autosave_on_closed_evaluation_is_422(client):
    evaluation = EvaluationFactory(closed=True)
    client.force_login(runner(evaluation.organisation))

    response = _autosave(client, evaluation, _statements(evaluation)[0], {"score": "3"})

    assert response.status_code == 422
    assert response.json()["status"] == "error"


def test_autosave_on_statement_out_of_scope_is_404(client):
    evaluation = EvaluationFactory(small_organisation=True)
    not_starred = _statements(EvaluationFactory(questionnaire=evaluation.questionnaire))[1]
    client.force_login(runner(evaluation.organisation))

    response = _autosave(client, evaluation, not_starred, {"score": "3"})

    assert response.status_code == 404


def test_plain_answer_post_redirects_back_to_the_statement(client):
    evaluation = EvaluationFactory()
    statement = _statements(evaluation)[0]
    client.force_login(runner(evaluation.organisation))

    response = client.post(
        reverse("selfevaluation:answer-save", args=[evaluation.public_id, statement.pk]),
        {"score": "3"},
    )

    assert response.status_code == 302
    assert response["Location"] == f"{_part_url(evaluation)}#statement-{statement.pk}"


# --- History


def test_history_shows_who_changed_what(client):
    evaluation = EvaluationFactory()
    statement = _statements(evaluation)[0]
    noor = UserFactory(name="Noor Bakker")
    answer_save(evaluation=evaluation, statement=statement, user=noor, score=1, note=None)
    answer_save(evaluation=evaluation, statement=statement, user=noor, score=4, note=None)
    client.force_login(runner(evaluation.organisation))

    response = client.get(reverse("selfevaluation:evaluation-history", args=[evaluation.public_id]))

    html = response.content.decode()
    assert "Noor Bakker" in html
    assert "1 → 4" in html
    assert statement.code in html


# --- Evidence upload


def _upload(client, evaluation, statement, name, content):
    return client.post(
        reverse("selfevaluation:evidence-add", args=[evaluation.public_id, statement.pk]),
        {
            f"e{statement.pk}-file": SimpleUploadedFile(name, content, "application/pdf"),
            f"e{statement.pk}-description": "Ons beleid",
        },
    )


def test_upload_good_file(client, media):
    evaluation = EvaluationFactory()
    statement = _statements(evaluation)[0]
    client.force_login(runner(evaluation.organisation))

    response = _upload(client, evaluation, statement, "beleid.pdf", PDF)

    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert (evidence.original_name, evidence.description) == ("beleid.pdf", "Ons beleid")


@pytest.mark.parametrize(
    ("name", "content"),
    [("virus.exe", b"MZ\x90\x00"), ("nep.pdf", b"<script>alert(1)</script>")],
)
def test_upload_bad_file_type_shows_message_and_keeps_description(client, media, name, content):
    evaluation = EvaluationFactory()
    statement = _statements(evaluation)[0]
    client.force_login(runner(evaluation.organisation))

    response = _upload(client, evaluation, statement, name, content)

    assert response.status_code == 422
    html = response.content.decode()
    assert f'href="#id_e{statement.pk}-file"' in html
    assert 'value="Ons beleid"' in html
    assert not Evidence.objects.exists()


def test_upload_too_large_file_shows_message(client, media, settings):
    settings.INZET_EVIDENCE_MAX_BYTES = 50
    evaluation = EvaluationFactory()
    statement = _statements(evaluation)[0]
    client.force_login(runner(evaluation.organisation))

    response = _upload(client, evaluation, statement, "groot.pdf", PDF + b"x" * 100)

    assert response.status_code == 422
    assert f'href="#id_e{statement.pk}-file"' in response.content.decode()
    assert not Evidence.objects.exists()


def test_upload_without_file_or_link_explains(client, media):
    evaluation = EvaluationFactory()
    statement = _statements(evaluation)[0]
    client.force_login(runner(evaluation.organisation))

    response = client.post(
        reverse("selfevaluation:evidence-add", args=[evaluation.public_id, statement.pk]), {}
    )

    assert response.status_code == 422
    assert not Evidence.objects.exists()


# --- Volunteer invitations


def test_invite_page_shows_the_shared_link(client):
    evaluation = EvaluationFactory()
    client.force_login(runner(evaluation.organisation))

    response = client.get(reverse("selfevaluation:volunteer-invite", args=[evaluation.public_id]))

    survey = reverse("selfevaluation:volunteer-survey", args=[evaluation.volunteer_token])
    assert survey in response.content.decode()


def test_invite_sends_one_mail_per_address_and_stores_no_address(client):
    evaluation = EvaluationFactory()
    client.force_login(runner(evaluation.organisation))
    addresses = ["an@example.org", "bo@example.org", "cas@example.org"]

    response = client.post(
        reverse("selfevaluation:volunteer-invite", args=[evaluation.public_id]),
        {"emails": "an@example.org, bo@example.org\ncas@example.org\n"},
    )

    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == addresses
    invitations = list(VolunteerInvitation.objects.filter(evaluation=evaluation).values())
    assert len(invitations) == 3
    stored = repr(invitations) + repr(list(Evaluation.objects.values()))
    assert not any(address in stored for address in addresses)
    assert not any(field.name == "email" for field in VolunteerInvitation._meta.get_fields())
    tokens = {invitation["token"] for invitation in invitations}
    linked = {token for token in tokens for message in mail.outbox if token in message.body}
    assert linked == tokens  # each address its own one-use link


def test_invite_with_bad_address_keeps_the_text_and_sends_nothing(client):
    evaluation = EvaluationFactory()
    client.force_login(runner(evaluation.organisation))

    response = client.post(
        reverse("selfevaluation:volunteer-invite", args=[evaluation.public_id]),
        {"emails": "an@example.org\nniet-goed"},
    )

    assert response.status_code == 422
    html = response.content.decode()
    assert "niet-goed" in html
    assert 'href="#id_emails"' in html
    assert mail.outbox == []


def test_invite_page_of_closed_evaluation_offers_no_form(client):
    evaluation = EvaluationFactory(closed=True)
    client.force_login(runner(evaluation.organisation))

    response = client.post(
        reverse("selfevaluation:volunteer-invite", args=[evaluation.public_id]),
        {"emails": "an@example.org"},
    )

    assert response.status_code == 422
    assert 'name="emails"' not in response.content.decode()
    assert mail.outbox == []
