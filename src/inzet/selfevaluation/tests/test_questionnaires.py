"""Questionnaire versions: the shipped starting set, publishing, new versions, the admin."""

from decimal import Decimal

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from inzet.accounts.tests.factories import UserFactory
from inzet.organisations.tests.factories import OrganisationFactory
from inzet.selfevaluation.constants import Phase, QuestionnaireStatus
from inzet.selfevaluation.models import (
    AdviserAssignment,
    AdviserNote,
    Evaluation,
    Part,
    Questionnaire,
    Statement,
    VolunteerAnswer,
    VolunteerResponse,
)
from inzet.selfevaluation.selectors.questionnaires import (
    DEFAULT_QUESTIONNAIRE_SLUG,
    questionnaire_current,
    questionnaire_parts,
)
from inzet.selfevaluation.services.questionnaires import (
    questionnaire_check_editable,
    questionnaire_draft_new_version,
    questionnaire_publish,
    questionnaire_retire,
)

pytestmark = pytest.mark.django_db

SLUG = "test-vragenlijst"


def _draft(*, slug: str = SLUG, version: int = 1, parts: int = 2, statements: int = 2):
    """A draft with parts A, B, … each holding statements; the first of each is starred."""
    questionnaire = Questionnaire.objects.create(slug=slug, name="Testlijst", version=version)
    for p in range(parts):
        code = "ABCDEF"[p]
        part = Part.objects.create(
            questionnaire=questionnaire,
            code=code,
            name=f"Deel {code}",
            phase=list(Phase)[p % 3],
            minimum_score=Decimal("2.50"),
            order=p + 1,
        )
        for s in range(statements):
            Statement.objects.create(
                part=part,
                code=f"{code}{s + 1}",
                text=f"We doen {code}{s + 1}.",
                volunteer_text=f"Mijn organisatie doet {code}{s + 1}.",
                evidence_hint="beleidsplan",
                starred=s == 0,
                order=s + 1,
            )
    return questionnaire


def _published(**kwargs) -> Questionnaire:
    return questionnaire_publish(questionnaire=_draft(**kwargs))


def _snapshot(questionnaire: Questionnaire) -> list[tuple]:
    return [
        (p.code, p.name, p.phase, p.minimum_score, p.order, s.code, s.text, s.volunteer_text,
         s.evidence_hint, s.starred, s.order)
        for p in questionnaire.parts.order_by("order")
        for s in p.statements.order_by("order")
    ]  # fmt: skip


# --- Publishing


def test_publishing_a_draft_freezes_it():
    questionnaire = _draft()

    questionnaire_publish(questionnaire=questionnaire)

    questionnaire.refresh_from_db()
    assert questionnaire.status == QuestionnaireStatus.PUBLISHED
    assert questionnaire.published_at is not None
    with pytest.raises(ValidationError) as exc:
        questionnaire_check_editable(questionnaire=questionnaire)
    assert exc.value.code == "frozen"


def test_a_draft_is_editable():
    questionnaire_check_editable(questionnaire=_draft())


def test_publishing_an_empty_questionnaire_is_refused():
    questionnaire = _draft(parts=0)

    with pytest.raises(ValidationError) as exc:
        questionnaire_publish(questionnaire=questionnaire)

    assert exc.value.code == "empty"
    questionnaire.refresh_from_db()
    assert questionnaire.status == QuestionnaireStatus.DRAFT


def test_publishing_with_a_part_without_statements_is_refused():
    questionnaire = _draft(statements=0)

    with pytest.raises(ValidationError) as exc:
        questionnaire_publish(questionnaire=questionnaire)

    assert exc.value.code == "empty_part"
    assert "A, B" in exc.value.messages[0]


def test_publishing_with_a_double_statement_code_is_refused():
    questionnaire = _draft()
    Statement.objects.filter(code="B1", part__questionnaire=questionnaire).update(code="A1")

    with pytest.raises(ValidationError) as exc:
        questionnaire_publish(questionnaire=questionnaire)

    assert exc.value.code == "duplicate_code"


def test_publishing_twice_is_refused():
    questionnaire = _published()

    with pytest.raises(ValidationError) as exc:
        questionnaire_publish(questionnaire=questionnaire)

    assert exc.value.code == "not_draft"


def test_publishing_a_new_version_retires_the_old_one_and_becomes_current():
    v1 = _published()
    v2 = questionnaire_draft_new_version(questionnaire=v1)

    questionnaire_publish(questionnaire=v2)

    v1.refresh_from_db()
    assert v1.status == QuestionnaireStatus.RETIRED
    assert questionnaire_current(slug=SLUG) == v2


def test_an_evaluation_keeps_its_version_when_a_new_one_is_published():
    v1 = _published()
    evaluation = Evaluation.objects.create(
        organisation=OrganisationFactory(), questionnaire=v1, small_organisation=False
    )
    v2 = questionnaire_draft_new_version(questionnaire=v1)
    Statement.objects.filter(part__questionnaire=v2, code="A1").update(text="Nieuwe tekst.")

    questionnaire_publish(questionnaire=v2)

    evaluation.refresh_from_db()
    assert evaluation.questionnaire == v1
    statements = Statement.objects.filter(part__questionnaire=evaluation.questionnaire)
    assert statements.get(code="A1").text == "We doen A1."


# --- New versions


def test_drafting_a_new_version_copies_everything_and_leaves_the_original_untouched():
    v1 = _published(parts=3, statements=3)
    before = _snapshot(v1)

    v2 = questionnaire_draft_new_version(questionnaire=v1)

    assert (v2.slug, v2.version, v2.status) == (SLUG, 2, QuestionnaireStatus.DRAFT)
    assert (v2.name, v2.introduction, v2.is_starting_set) == (
        v1.name,
        v1.introduction,
        v1.is_starting_set,
    )
    assert _snapshot(v2) == before
    assert _snapshot(v1) == before
    v1_ids = set(Statement.objects.filter(part__questionnaire=v1).values_list("pk", flat=True))
    v2_ids = set(Statement.objects.filter(part__questionnaire=v2).values_list("pk", flat=True))
    assert v1_ids and v2_ids and not v1_ids & v2_ids
    v1.refresh_from_db()
    assert v1.status == QuestionnaireStatus.PUBLISHED


def test_a_second_draft_of_the_same_questionnaire_is_refused():
    v1 = _published()
    questionnaire_draft_new_version(questionnaire=v1)

    with pytest.raises(ValidationError) as exc:
        questionnaire_draft_new_version(questionnaire=v1)

    assert exc.value.code == "draft_exists"
    assert Questionnaire.objects.filter(slug=SLUG).count() == 2


def test_a_new_version_numbers_after_the_highest_version():
    v1 = _published()
    v2 = questionnaire_publish(questionnaire=questionnaire_draft_new_version(questionnaire=v1))

    v3 = questionnaire_draft_new_version(questionnaire=v1)

    assert v3.version == v2.version + 1 == 3


def test_publishing_an_older_draft_after_a_newer_version_is_refused():
    old_draft = _draft(version=1)
    _published(version=2)

    with pytest.raises(ValidationError) as exc:
        questionnaire_publish(questionnaire=old_draft)

    assert exc.value.code == "outdated"


# --- Retiring


def test_retiring_a_published_version():
    questionnaire = _published()

    questionnaire_retire(questionnaire=questionnaire)

    questionnaire.refresh_from_db()
    assert questionnaire.status == QuestionnaireStatus.RETIRED
    with pytest.raises(ValidationError):
        questionnaire_check_editable(questionnaire=questionnaire)


def test_retiring_a_draft_is_refused():
    with pytest.raises(ValidationError) as exc:
        questionnaire_retire(questionnaire=_draft())

    assert exc.value.code == "not_published"


# --- Selectors


def test_current_is_the_latest_published_version_not_a_draft():
    v1 = _published()
    questionnaire_draft_new_version(questionnaire=v1)

    assert questionnaire_current(slug=SLUG) == v1


def test_current_without_a_published_version_is_a_validation_error():
    _draft()

    with pytest.raises(ValidationError) as exc:
        questionnaire_current(slug=SLUG)

    assert exc.value.code == "no_questionnaire"


def test_parts_for_a_small_organisation_hold_only_starred_statements():
    questionnaire = _published(parts=3, statements=3)

    small = questionnaire_parts(questionnaire=questionnaire, small_organisation=True)
    large = questionnaire_parts(questionnaire=questionnaire, small_organisation=False)

    assert [p.code for p in small] == ["A", "B", "C"]
    assert [[s.code for s in p.statements] for p in small] == [["A1"], ["B1"], ["C1"]]
    assert [[s.code for s in p.statements] for p in large] == [
        ["A1", "A2", "A3"],
        ["B1", "B2", "B3"],
        ["C1", "C2", "C3"],
    ]


def test_parts_leave_out_a_part_without_statements_in_scope():
    questionnaire = _draft(parts=2)
    Statement.objects.filter(part__questionnaire=questionnaire, part__code="B").update(
        starred=False
    )

    parts = questionnaire_parts(questionnaire=questionnaire, small_organisation=True)

    assert [p.code for p in parts] == ["A"]


# --- The shipped starting set


def test_the_starting_set_is_shipped_and_published():
    questionnaire = questionnaire_current()

    assert questionnaire.slug == DEFAULT_QUESTIONNAIRE_SLUG == "vrijwillige-inzet-goed-geregeld"
    assert questionnaire.version == 1
    assert questionnaire.status == QuestionnaireStatus.PUBLISHED
    assert questionnaire.is_starting_set
    assert questionnaire.name == "Vrijwillige Inzet Goed Geregeld – startset"
    assert "startset" in questionnaire.introduction
    assert "NOV" in questionnaire.introduction


def test_the_starting_set_follows_richten_inrichten_verrichten():
    questionnaire = questionnaire_current()

    parts = list(questionnaire.parts.order_by("order"))

    assert [(p.code, p.name, p.phase) for p in parts] == [
        ("A", "Richten", Phase.AIM),
        ("B", "Inrichten", Phase.ORGANISE),
        ("C", "Verrichten", Phase.DO),
    ]
    assert all(p.minimum_score == Decimal("2.50") for p in parts)


def test_every_statement_of_the_starting_set_is_complete():
    statements = list(Statement.objects.filter(part__questionnaire=questionnaire_current()))

    assert 24 <= len(statements) <= 30
    assert len({s.code for s in statements}) == len(statements)
    for statement in statements:
        assert statement.code.startswith(statement.part.code)
        assert statement.text
        assert statement.volunteer_text.startswith(("Ik ", "Mijn ", "In mijn ", "Als ik "))
        assert len(statement.volunteer_text) <= 100, statement.code
        assert statement.evidence_hint
    starred = [s for s in statements if s.starred]
    assert 0.4 <= len(starred) / len(statements) <= 0.6


def test_every_part_of_the_starting_set_has_at_least_two_starred_statements():
    for part in questionnaire_parts(questionnaire=questionnaire_current(), small_organisation=True):
        assert len(part.statements) >= 2, part.code


def test_the_starting_set_can_be_replaced_by_a_new_version():
    v1 = questionnaire_current()

    v2 = questionnaire_draft_new_version(questionnaire=v1)

    assert v2.version == 2
    assert _snapshot(v2) == _snapshot(v1)


# --- Admin


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_pages_load_for_a_superuser(admin_client):
    questionnaire = _published()
    part = questionnaire.parts.first()
    draft = _draft(slug="ander-concept")
    organisation = OrganisationFactory()
    Evaluation.objects.create(
        organisation=organisation, questionnaire=questionnaire, small_organisation=True
    )
    assignment = AdviserAssignment.objects.create(adviser=UserFactory(), organisation=organisation)
    note = AdviserNote.objects.create(assignment=assignment, text="Intake gehad.")
    urls = [
        reverse("admin:selfevaluation_questionnaire_changelist"),
        reverse("admin:selfevaluation_questionnaire_add"),
        reverse("admin:selfevaluation_questionnaire_change", args=[questionnaire.pk]),
        reverse("admin:selfevaluation_questionnaire_change", args=[draft.pk]),
        reverse("admin:selfevaluation_part_changelist"),
        reverse("admin:selfevaluation_part_add"),
        reverse("admin:selfevaluation_part_change", args=[part.pk]),
        reverse("admin:selfevaluation_part_change", args=[draft.parts.first().pk]),
        reverse("admin:selfevaluation_evaluation_changelist"),
        reverse("admin:selfevaluation_adviserassignment_changelist"),
        reverse("admin:selfevaluation_adviserassignment_change", args=[assignment.pk]),
        reverse("admin:selfevaluation_advisernote_changelist"),
        reverse("admin:selfevaluation_advisernote_change", args=[note.pk]),
    ]

    for url in urls:
        assert admin_client.get(url).status_code == 200, url


def test_the_admin_shows_no_evaluation_detail(admin_client):
    evaluation = Evaluation.objects.create(
        organisation=OrganisationFactory(), questionnaire=questionnaire_current(),
        small_organisation=False,
    )  # fmt: skip

    response = admin_client.get(
        reverse("admin:selfevaluation_evaluation_change", args=[evaluation.pk])
    )

    assert response.status_code in (302, 403)


def test_volunteer_answers_are_not_in_the_admin():
    assert not admin.site.is_registered(VolunteerResponse)
    assert not admin.site.is_registered(VolunteerAnswer)


def _questionnaire_post(questionnaire: Questionnaire, **changes) -> dict:
    data = {
        "name": questionnaire.name,
        "introduction": questionnaire.introduction,
        "is_starting_set": "on" if questionnaire.is_starting_set else "",
        "parts-TOTAL_FORMS": "0",
        "parts-INITIAL_FORMS": "0",
        "parts-MIN_NUM_FORMS": "0",
        "parts-MAX_NUM_FORMS": "1000",
        **changes,
    }
    return {key: value for key, value in data.items() if value != ""}


def test_a_frozen_questionnaire_cannot_be_changed_through_the_admin(admin_client):
    questionnaire = questionnaire_current()
    before = _snapshot(questionnaire)

    response = admin_client.post(
        reverse("admin:selfevaluation_questionnaire_change", args=[questionnaire.pk]),
        _questionnaire_post(questionnaire, name="Gewijzigd"),
    )

    assert response.status_code == 403
    questionnaire.refresh_from_db()
    assert questionnaire.name == "Vrijwillige Inzet Goed Geregeld – startset"
    assert _snapshot(questionnaire) == before


def test_a_part_of_a_frozen_questionnaire_cannot_be_changed_through_the_admin(admin_client):
    part = questionnaire_current().parts.get(code="A")
    statement = part.statements.get(code="A1")

    response = admin_client.post(
        reverse("admin:selfevaluation_part_change", args=[part.pk]),
        {
            "questionnaire": part.questionnaire_id,
            "code": "A",
            "name": "Gewijzigd",
            "phase": part.phase,
            "minimum_score": "1.00",
            "order": "1",
            "statements-TOTAL_FORMS": "1",
            "statements-INITIAL_FORMS": "1",
            "statements-MIN_NUM_FORMS": "0",
            "statements-MAX_NUM_FORMS": "1000",
            "statements-0-id": statement.pk,
            "statements-0-part": part.pk,
            "statements-0-code": "A1",
            "statements-0-text": "Gewijzigd",
            "statements-0-volunteer_text": "Gewijzigd",
            "statements-0-order": "1",
        },
    )

    assert response.status_code == 403
    part.refresh_from_db()
    statement.refresh_from_db()
    assert (part.name, part.minimum_score) == ("Richten", Decimal("2.50"))
    assert statement.text.startswith("We hebben het doel")


def test_a_new_part_cannot_be_added_to_a_frozen_questionnaire_through_the_admin(admin_client):
    questionnaire = questionnaire_current()

    response = admin_client.post(
        reverse("admin:selfevaluation_part_add"),
        {
            "questionnaire": questionnaire.pk,
            "code": "D",
            "name": "Extra",
            "phase": Phase.DO,
            "minimum_score": "2.50",
            "order": "4",
            "statements-TOTAL_FORMS": "0",
            "statements-INITIAL_FORMS": "0",
            "statements-MIN_NUM_FORMS": "0",
            "statements-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == 200  # the form again, with an error
    assert not questionnaire.parts.filter(code="D").exists()


def test_a_draft_part_can_be_changed_through_the_admin(admin_client):
    part = _draft().parts.get(code="A")
    statement = part.statements.get(code="A1")

    response = admin_client.post(
        reverse("admin:selfevaluation_part_change", args=[part.pk]),
        {
            "questionnaire": part.questionnaire_id,
            "code": "A",
            "name": "Richten",
            "phase": Phase.AIM,
            "minimum_score": "3.00",
            "order": "1",
            "statements-TOTAL_FORMS": "2",
            "statements-INITIAL_FORMS": "1",
            "statements-MIN_NUM_FORMS": "0",
            "statements-MAX_NUM_FORMS": "1000",
            "statements-0-id": statement.pk,
            "statements-0-part": part.pk,
            "statements-0-code": "A1",
            "statements-0-text": "We doen het anders.",
            "statements-0-volunteer_text": "Mijn organisatie doet het anders.",
            "statements-0-order": "1",
            "statements-1-part": part.pk,
            "statements-1-code": "A9",
            "statements-1-text": "We doen ook dit.",
            "statements-1-volunteer_text": "Ik zie dit ook.",
            "statements-1-order": "9",
        },
    )

    assert response.status_code == 302
    part.refresh_from_db()
    assert part.minimum_score == Decimal("3.00")
    assert part.statements.get(code="A1").text == "We doen het anders."
    assert part.statements.filter(code="A9").exists()


def test_the_admin_actions_draft_and_publish_a_new_version(admin_client):
    v1 = _published()
    url = reverse("admin:selfevaluation_questionnaire_changelist")

    admin_client.post(url, {"action": "draft_new_version", "_selected_action": [v1.pk]})
    v2 = Questionnaire.objects.get(slug=SLUG, version=2)
    response = admin_client.post(
        url, {"action": "publish", "_selected_action": [v2.pk]}, follow=True
    )

    v1.refresh_from_db()
    v2.refresh_from_db()
    assert (v1.status, v2.status) == (QuestionnaireStatus.RETIRED, QuestionnaireStatus.PUBLISHED)
    assert {m.level_tag for m in response.context["messages"]} == {"success"}


def test_an_admin_action_that_is_refused_shows_the_reason(admin_client):
    v1 = _published()
    url = reverse("admin:selfevaluation_questionnaire_changelist")

    response = admin_client.post(
        url, {"action": "publish", "_selected_action": [v1.pk]}, follow=True
    )

    assert [m.level_tag for m in response.context["messages"]] == ["error"]
