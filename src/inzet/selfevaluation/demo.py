"""Demo content for the self-evaluation and the NOV-Keurmerk, so every stage can be shown in
`make run`: an evaluation in progress, a closed one with volunteers' answers and an action
plan (and an older one, for the progress page), a keurmerk application under assessment,
three keurmerk holders, and an adviser with organisations, notes and hours.

Everything is made through the services, so the data passes the same checks as real use;
afterwards the dates are moved back with queryset updates, because the services stamp
"now". The mails the services send are not sent: they would go to invented addresses.

Idempotent: an organisation of the demo that already has a self-evaluation is left alone,
and so is an adviser assignment that already exists (also an ended one).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from inzet.accounts.models import User
from inzet.organisations.models import Organisation
from inzet.qualitymark.constants import Decision, Recommendation
from inzet.qualitymark.models import Application, QualityMark
from inzet.qualitymark.services import (
    add_months,
    application_assess,
    application_assign,
    application_decide,
    application_submit,
    quality_mark_valid_until,
)
from inzet.selfevaluation.constants import ActionStatus
from inzet.selfevaluation.models import (
    Action,
    AdviserAssignment,
    AdviserNote,
    Answer,
    AnswerChange,
    Evaluation,
    Evidence,
    Questionnaire,
    Statement,
    VolunteerResponse,
)
from inzet.selfevaluation.selectors.evaluations import evaluation_statements
from inzet.selfevaluation.selectors.questionnaires import questionnaire_current
from inzet.selfevaluation.services.actions import action_create
from inzet.selfevaluation.services.advisers import adviser_assign, adviser_note_add
from inzet.selfevaluation.services.evaluations import (
    answer_save,
    evaluation_close,
    evaluation_start,
    evidence_add,
)
from inzet.selfevaluation.services.volunteers import volunteer_response_submit

# People of core/demo.py's PEOPLE (not imported from there: core.demo imports this module).
NOV = "nov@demo.inzet.nl"
ADVISER = "adviseur@demo.inzet.nl"
ASSESSOR = "beoordelaar@demo.inzet.nl"
BOARD = "bestuur@demo.inzet.nl"
COORDINATOR = "coordinator@demo.inzet.nl"
HENK = "henk.mulder@demo.inzet.nl"
PRIYA = "priya.ramdin@demo.inzet.nl"
THOMAS = "thomas.verbeek@demo.inzet.nl"
ILSE = "ilse.jansen@demo.inzet.nl"
GERRIT = "gerrit.hoekstra@demo.inzet.nl"
WENDY = "wendy.scholten@demo.inzet.nl"
JELLE = "jelle.dijkstra@demo.inzet.nl"
TRIJNTJE = "trijntje.bos@demo.inzet.nl"

# Organisations of core/demo.py's ORGANISATIONS, each used for one stage.
PELIKAAN = "Buurthuis De Pelikaan"  # bestuur@ is admin: an evaluation in progress
VOEDSELHULP_ZWOLLE = "Stichting Voedselhulp Zwolle-Zuid"  # two closed evaluations, a year apart
TAALHUIS = "Stichting Taalhuis Kanaleneiland"  # keurmerk application under assessment
WIERDE = "Woonzorgcentrum De Wierde"  # keurmerk granted
SCOUTING = "Scouting Paulus Zwolle"  # keurmerk granted with conditions
TUINDORP = "Zorgcentrum Tuindorp-Oost"  # keurmerk ends within 6 months: reminder due
VOEDSELHULP_UTRECHT = "Voedselhulp Utrecht-West"  # only guided by the adviser

# All the e-mail addresses and organisation names above: the tests check they exist.
PEOPLE_USED = (
    NOV,
    ADVISER,
    ASSESSOR,
    BOARD,
    COORDINATOR,
    HENK,
    PRIYA,
    THOMAS,
    ILSE,
    GERRIT,
    WENDY,
    JELLE,
    TRIJNTJE,
)
ORGANISATIONS_USED = (
    PELIKAAN,
    VOEDSELHULP_ZWOLLE,
    TAALHUIS,
    WIERDE,
    SCOUTING,
    TUINDORP,
    VOEDSELHULP_UTRECHT,
)

# Scores per part, one character per statement in questionnaire order (all statements, also
# the ones a small organisation skips): "1"–"4", or "." for not answered yet. A statement
# beyond the end of the string gets a 3, so a newer questionnaire version still works.
Profile = Mapping[str, str]

# Volunteers score around the organisation's score, shifted by a bias per statement code or
# part code, plus this fixed pattern: varied, but the same on every run.
_WIGGLE = (0, 1, 0, -1, 0, 1, -1, 0, 0, -1, 1)


@dataclass
class _Demo:
    users: dict[str, User]
    organisations: dict[str, Organisation]
    questionnaire: Questionnaire
    today: date
    created: int = 0
    # statement id → its position in its part, for reading a Profile
    positions: dict[int, int] = field(default_factory=dict)

    def user(self, email: str) -> User:
        return self.users[email]

    def day(self, days_ago: int) -> date:
        return self.today - timedelta(days=days_ago)


def _moment(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def selfevaluation_demo_seed(*, users: dict[str, User]) -> int:
    """Create the self-evaluation and keurmerk demo where it is missing; return how many
    evaluations, applications and adviser assignments were created."""
    organisations: dict[str, Organisation] = {}
    for organisation in Organisation.objects.filter(name__in=ORGANISATIONS_USED).order_by("pk"):
        organisations.setdefault(organisation.name, organisation)
    with_evaluations = set(
        Evaluation.objects.filter(organisation__in=organisations.values()).values_list(
            "organisation__name", flat=True
        )
    )
    adviser = users.get(ADVISER)
    assigned = set(
        AdviserAssignment.objects.filter(
            adviser=adviser, organisation__in=organisations.values()
        ).values_list("organisation__name", flat=True)
    )
    stages: list[tuple[str, Callable[[_Demo], None]]] = [
        (PELIKAAN, _evaluation_in_progress),
        (VOEDSELHULP_ZWOLLE, _evaluations_closed_with_volunteers),
        (TAALHUIS, _application_under_assessment),
        (WIERDE, _quality_mark_granted),
        (SCOUTING, _quality_mark_with_conditions),
        (TUINDORP, _quality_mark_ending_soon),
    ]
    missing_stages = [
        stage for name, stage in stages if name in organisations and name not in with_evaluations
    ]
    missing_assignments = [
        assignment
        for assignment in ASSIGNMENTS
        if assignment.organisation in organisations and assignment.organisation not in assigned
    ]
    if not (missing_stages or missing_assignments) or any(e not in users for e in PEOPLE_USED):
        return 0
    try:
        questionnaire = questionnaire_current()
    except ValidationError:
        return 0  # no published questionnaire: nothing to evaluate with

    demo = _Demo(
        users=users,
        organisations=organisations,
        questionnaire=questionnaire,
        today=timezone.localdate(),
    )
    for part_statements in _statements_by_part(questionnaire).values():
        for position, statement in enumerate(part_statements):
            demo.positions[statement.pk] = position
    # The services mail organisations, advisers and NOV; demo addresses get nothing.
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        transaction.atomic(),
    ):
        for assignment in missing_assignments:
            _assignment_create(demo, assignment)
        for stage in missing_stages:
            stage(demo)
    return demo.created


def _statements_by_part(questionnaire: Questionnaire) -> dict[str, list[Statement]]:
    by_part: dict[str, list[Statement]] = {}
    statements = Statement.objects.filter(part__questionnaire=questionnaire).order_by(
        "part__order", "part__code", "order", "code"
    )
    for statement in statements.select_related("part"):
        by_part.setdefault(statement.part.code, []).append(statement)
    return by_part


# --- Evaluations


def _score(demo: _Demo, profile: Profile, statement: Statement) -> int | None:
    scores = profile.get(statement.part.code, "")
    position = demo.positions.get(statement.pk, 0)
    character = scores[position] if position < len(scores) else "3"
    return None if character == "." else int(character)


def _volunteer_answers(
    statements: list[Statement],
    organisation_scores: Mapping[int, int | None],
    *,
    volunteer: int,
    bias: Mapping[str, int],
) -> dict[int, int | None]:
    """One volunteer's answers; about one statement in nine is "don't know"."""
    answers: dict[int, int | None] = {}
    for index, statement in enumerate(statements):
        if (volunteer * 5 + index) % 9 == 4:
            answers[statement.pk] = None
            continue
        base = organisation_scores.get(statement.pk) or 3
        shift = bias.get(statement.code, bias.get(statement.part.code, 0))
        wiggle = _WIGGLE[(volunteer * 3 + index) % len(_WIGGLE)]
        answers[statement.pk] = min(max(base + shift + wiggle, 1), 4)
    return answers


@dataclass(frozen=True)
class _EvaluationPlan:
    organisation: str
    small: bool
    profile: Profile
    answered_by: tuple[str, ...]  # e-mail addresses, taking turns
    started_days_ago: int
    closed_days_ago: int | None = None  # None: still in progress
    notes: Mapping[str, str] = field(default_factory=dict)  # statement code → explanation
    # Answers changed afterwards by someone else: (statement code, e-mail, score, note)
    changes: tuple[tuple[str, str, int, str], ...] = ()
    volunteers: int = 0
    volunteer_bias: Mapping[str, int] = field(default_factory=dict)
    evidence: tuple[tuple[str, str, str], ...] = ()  # (statement code, link, description)


def _evaluation_create(demo: _Demo, plan: _EvaluationPlan) -> Evaluation:
    """Start, answer, let volunteers answer, add evidence and close, through the services;
    then move the dates back to when it would have happened."""
    organisation = demo.organisations[plan.organisation]
    evaluation = evaluation_start(
        organisation=organisation,
        user=demo.user(plan.answered_by[0]),
        small_organisation=plan.small,
        questionnaire=demo.questionnaire,
    )
    demo.created += 1
    statements = list(evaluation_statements(evaluation=evaluation))
    scores = {statement.pk: _score(demo, plan.profile, statement) for statement in statements}
    for index, statement in enumerate(statements):
        score = scores[statement.pk]
        if score is None:
            continue
        answer_save(
            evaluation=evaluation,
            statement=statement,
            user=demo.user(plan.answered_by[index % len(plan.answered_by)]),
            score=score,
            note=plan.notes.get(statement.code, ""),
        )
    by_code = {statement.code: statement for statement in statements}
    for code, email, score, note in plan.changes:
        if code in by_code:
            answer_save(
                evaluation=evaluation,
                statement=by_code[code],
                user=demo.user(email),
                score=score,
                note=note,
            )
    for volunteer in range(plan.volunteers):
        volunteer_response_submit(
            evaluation=evaluation,
            answers=_volunteer_answers(
                statements, scores, volunteer=volunteer, bias=plan.volunteer_bias
            ),
        )
    for code, url, description in plan.evidence:
        if code in by_code:
            evidence_add(
                evaluation=evaluation,
                statement=by_code[code],
                user=demo.user(plan.answered_by[0]),
                url=url,
                description=description,
            )
    if plan.closed_days_ago is not None:
        evaluation_close(evaluation=evaluation, user=demo.user(plan.answered_by[0]))
    _evaluation_backdate(demo, evaluation, plan)
    evaluation.refresh_from_db()
    return evaluation


def _evaluation_backdate(demo: _Demo, evaluation: Evaluation, plan: _EvaluationPlan) -> None:
    started = demo.day(plan.started_days_ago)
    closed = demo.day(plan.closed_days_ago) if plan.closed_days_ago is not None else None
    last = (closed or demo.today) - timedelta(days=1)
    span = max((last - started).days, 1)
    Evaluation.objects.filter(pk=evaluation.pk).update(
        started_at=_moment(started, 19, 30),
        closed_at=_moment(closed, 21, 15) if closed else None,
    )

    # Answers: spread over the weeks the evaluation was open, a few each evening.
    answers = list(evaluation.answers.order_by("statement__part__order", "statement__order", "pk"))
    changes: dict[int, list[AnswerChange]] = {}
    for change in AnswerChange.objects.filter(answer__evaluation=evaluation).order_by("pk"):
        changes.setdefault(change.answer_id, []).append(change)
    changed: list[AnswerChange] = []
    for index, answer in enumerate(answers):
        day = started + timedelta(days=1 + span * index // max(len(answers), 1))
        answer.updated_at = _moment(min(day, last), 19 + index % 3, (index * 13) % 60)
        history = changes.get(answer.pk, [])
        for position, change in enumerate(history):
            change.changed_at = answer.updated_at - timedelta(
                days=2 * (len(history) - 1 - position)
            )
            changed.append(change)
    Answer.objects.bulk_update(answers, ["updated_at"])
    AnswerChange.objects.bulk_update(changed, ["changed_at"])

    responses = list(evaluation.volunteer_responses.order_by("pk"))
    for index, response in enumerate(responses):
        response.submitted_at = started + timedelta(days=2 + span * index // max(len(responses), 1))
        response.submitted_at = min(response.submitted_at, last)
    VolunteerResponse.objects.bulk_update(responses, ["submitted_at"])
    Evidence.objects.filter(evaluation=evaluation).update(
        added_at=_moment(started + timedelta(days=span // 2), 20)
    )


def _actions_backdate(evaluation: Evaluation, *, created: date) -> None:
    Action.objects.filter(evaluation=evaluation).update(created_at=_moment(created, 20, 45))


# Buurthuis De Pelikaan: a small organisation, halfway through. Part A is done, part B
# partly, part C not yet; three volunteers have answered (fewer than needed to show them).
PELIKAAN_PLAN = _EvaluationPlan(
    organisation=PELIKAAN,
    small=True,
    profile={"A": "342333", "B": "2333343334..3.3", "C": "......."},
    answered_by=(BOARD, HENK),
    started_days_ago=12,
    notes={
        "A3": "Er is nog geen vrijwilligersbeleid op papier. Henk maakt voor de zomer een "
        "eerste opzet.",
        "B1": "Alleen voor de gastvrouwen en gastheren is er een taakomschrijving, nog niet voor "
        "de kookploeg.",
        "B6": "Henk is het vaste aanspreekpunt. Iedereen heeft zijn telefoonnummer.",
    },
    # Henk's first answer, changed by Jeroen later: the history shows who changed what.
    changes=(
        (
            "B5",
            BOARD,
            2,
            "De introductie gebeurt op de eerste dag zelf en is niet voor iedereen hetzelfde.",
        ),
    ),
    volunteers=3,
)


def _evaluation_in_progress(demo: _Demo) -> None:
    _evaluation_create(demo, PELIKAAN_PLAN)


# Stichting Voedselhulp Zwolle-Zuid: two closed evaluations a year apart. The first was
# weak everywhere; after its action plan the second is better, but the volunteers are less
# positive about part B (induction, a fixed contact, insurance) than the board.
VOEDSELHULP_FIRST = _EvaluationPlan(
    organisation=VOEDSELHULP_ZWOLLE,
    small=False,
    profile={"A": "322221", "B": "231312221322122", "C": "2122121"},
    answered_by=(WENDY, COORDINATOR),
    started_days_ago=412,
    closed_days_ago=378,
    notes={
        "A3": "We hebben geen vrijwilligersbeleid. Afspraken staan verspreid in mails en in "
        "de app-groep.",
        "B1": "Niemand weet precies wat een sorteerder doet en hoeveel tijd het kost.",
        "B12": "Waarschijnlijk zijn we verzekerd via de gemeente, maar dat moeten we nagaan.",
    },
    volunteers=5,
    volunteer_bias={"C": 1},
)
VOEDSELHULP_SECOND = _EvaluationPlan(
    organisation=VOEDSELHULP_ZWOLLE,
    small=False,
    profile={"A": "433332", "B": "343433332443233", "C": "3233232"},
    answered_by=(WENDY, COORDINATOR),
    started_days_ago=44,
    closed_days_ago=9,
    notes={
        "A3": "Het bestuur heeft in maart het vrijwilligersbeleid vastgesteld. Het staat op "
        "onze website.",
        "B1": "Na de vorige zelfevaluatie hebben we taakomschrijvingen gemaakt voor "
        "chauffeurs, sorteerders en de uitgifte.",
        "B6": "Bij de uitgifte is niet altijd duidelijk wie die dag de ploegleider is.",
        "B12": "We zijn verzekerd via de vrijwilligersverzekering van de gemeente Zwolle.",
        "C6": "De eerste evaluatie van het beleid plannen we in het voorjaar.",
    },
    volunteers=7,
    volunteer_bias={"B": -1, "B10": 0, "B12": -2},
    evidence=(
        (
            "A3",
            "https://www.example.org/stichting-voedselhulp-zwolle-zuid/vrijwilligersbeleid",
            "Vrijwilligersbeleid, vastgesteld door het bestuur",
        ),
        (
            "B1",
            "https://www.example.org/stichting-voedselhulp-zwolle-zuid/taken",
            "Taakomschrijvingen chauffeur, sorteerder en uitgifte",
        ),
    ),
)


def _evaluations_closed_with_volunteers(demo: _Demo) -> None:
    first = _evaluation_create(demo, VOEDSELHULP_FIRST)
    for code, description, owner in (
        (
            "A3",
            "Vrijwilligersbeleid op papier zetten en laten vaststellen door het bestuur.",
            "Wendy Scholten (bestuur)",
        ),
        (
            "B1",
            "Taakomschrijvingen maken voor chauffeurs, sorteerders en de uitgifte.",
            "Sanne de Vries (coördinator)",
        ),
    ):
        action_create(
            evaluation=first,
            description=description,
            owner=owner,
            status=ActionStatus.DONE,
            statement=evaluation_statements(evaluation=first).filter(code=code).first(),
            created_by=demo.user(WENDY),
        )
    _actions_backdate(first, created=demo.day(VOEDSELHULP_FIRST.closed_days_ago - 6))
    Action.objects.filter(evaluation=first).update(due_date=demo.day(200))

    second = _evaluation_create(demo, VOEDSELHULP_SECOND)
    statements = {s.code: s for s in evaluation_statements(evaluation=second)}
    for code, description, owner, due_in_days, status in (
        (
            "B12",
            "Alle vrijwilligers vertellen hoe ze verzekerd zijn: een stukje in de nieuwsbrief, "
            "een vast punt in de introductie en een kaartje in de kantine.",
            "Sanne de Vries (coördinator)",
            40,
            ActionStatus.DOING,
        ),
        (
            "B6",
            "Elke uitgifteploeg krijgt een vaste ploegleider als aanspreekpunt. De ploegleiders "
            "krijgen een korte training.",
            "Wendy Scholten (bestuur)",
            90,
            ActionStatus.TODO,
        ),
        (
            "C6",
            "In het voorjaar het vrijwilligersbeleid bespreken met een groep vrijwilligers en "
            "de uitkomst delen op de vrijwilligersavond.",
            "Bestuur en coördinator",
            150,
            ActionStatus.TODO,
        ),
    ):
        action_create(
            evaluation=second,
            description=description,
            owner=owner,
            due_date=demo.today + timedelta(days=due_in_days),
            status=status,
            statement=statements.get(code),
            created_by=demo.user(COORDINATOR),
        )
    _actions_backdate(second, created=demo.day(VOEDSELHULP_SECOND.closed_days_ago - 2))


# --- Keurmerk


@dataclass(frozen=True)
class _Assessment:
    scores_right: bool
    evidence_complete: bool
    notes: str
    recommendation: str
    decision: str
    reasons: str
    conditions: str = ""


def _application_create(
    demo: _Demo, evaluation: Evaluation, *, admin: str, submitted: date
) -> Application:
    """Apply with a closed evaluation; NOV appoints the adviser and the final assessor."""
    application = application_submit(
        organisation=evaluation.organisation, evaluation=evaluation, user=demo.user(admin)
    )
    demo.created += 1
    application = application_assign(
        application=application,
        adviser=demo.user(ADVISER),
        assessor=demo.user(ASSESSOR),
        by=demo.user(NOV),
    )
    Application.objects.filter(pk=application.pk).update(submitted_at=_moment(submitted, 14, 20))
    return application


def _quality_mark_create(
    demo: _Demo,
    plan: _EvaluationPlan,
    *,
    admin: str,
    assessment: _Assessment,
    granted_on: date,
) -> None:
    """The whole road to a keurmerk, granted on ``granted_on``."""
    evaluation = _evaluation_create(demo, plan)
    application = _application_create(
        demo, evaluation, admin=admin, submitted=granted_on - timedelta(days=68)
    )
    application_assess(
        application=application,
        adviser=demo.user(ADVISER),
        scores_right=assessment.scores_right,
        evidence_complete=assessment.evidence_complete,
        notes=assessment.notes,
        recommendation=assessment.recommendation,
    )
    application_decide(
        application=application,
        assessor=demo.user(ASSESSOR),
        decision=assessment.decision,
        reasons=assessment.reasons,
        conditions=assessment.conditions,
    )
    Application.objects.filter(pk=application.pk).update(
        recommended_at=_moment(granted_on - timedelta(days=16), 16, 5),
        decided_at=_moment(granted_on, 11, 30),
    )
    QualityMark.objects.filter(application=application).update(
        granted_on=granted_on, valid_until=quality_mark_valid_until(granted_on=granted_on)
    )


def _days_before(demo: _Demo, day: date, days: int) -> int:
    """How many days ago it was ``days`` days before ``day``."""
    return (demo.today - day).days + days


# Stichting Taalhuis Kanaleneiland: applied three weeks ago; adviser and final assessor
# are appointed, the assessment interview is still to come.
TAALHUIS_PLAN = _EvaluationPlan(
    organisation=TAALHUIS,
    small=True,
    profile={"A": "443333", "B": "433344333434343", "C": "3343333"},
    answered_by=(PRIYA,),
    started_days_ago=75,
    closed_days_ago=29,
    notes={
        "A3": "Ons vrijwilligersbeleid is vorig jaar herschreven, samen met een groep taalmaatjes.",
        "B6": "Elk taalmaatje heeft een vaste begeleider. Eén keer per maand is er maatjesoverleg.",
        "B12": "Taalmaatjes zijn verzekerd via de vrijwilligersverzekering van de gemeente "
        "Utrecht. Dat staat in het welkomstpakket.",
    },
    volunteers=6,
    evidence=(
        (
            "A3",
            "https://www.example.org/stichting-taalhuis-kanaleneiland/vrijwilligersbeleid",
            "Vrijwilligersbeleid Taalhuis Kanaleneiland",
        ),
        (
            "B12",
            "https://www.example.org/stichting-taalhuis-kanaleneiland/welkomstpakket",
            "Welkomstpakket voor taalmaatjes, met de verzekering op blz. 4",
        ),
        (
            "B14",
            "https://www.example.org/stichting-taalhuis-kanaleneiland/gedragscode",
            "Gedragscode en meldprotocol",
        ),
    ),
)


def _application_under_assessment(demo: _Demo) -> None:
    evaluation = _evaluation_create(demo, TAALHUIS_PLAN)
    _application_create(demo, evaluation, admin=PRIYA, submitted=demo.day(22))


def _quality_mark_granted(demo: _Demo) -> None:
    granted_on = add_months(demo.today, -16)
    _quality_mark_create(
        demo,
        _EvaluationPlan(
            organisation=WIERDE,
            small=False,
            profile={"A": "443434", "B": "434443343444434", "C": "4343334"},
            answered_by=(TRIJNTJE, JELLE),
            started_days_ago=_days_before(demo, granted_on, 130),
            closed_days_ago=_days_before(demo, granted_on, 80),
            notes={
                "B7": "Jelle is twintig uur per week vrijwilligerscoördinator.",
                "B13": "Voor alle taken met bewoners vragen we een VOG. De kosten betalen wij.",
            },
        ),
        admin=TRIJNTJE,
        assessment=_Assessment(
            scores_right=True,
            evidence_complete=True,
            notes=(
                "Beoordelingsgesprek met Trijntje Bos, Jelle Dijkstra en twee vrijwilligers "
                "van de huiskamergroep. De scores kloppen met wat we zagen en hoorden. Het "
                "inwerkprogramma voor vrijwilligers bij bewoners met dementie is sterk."
            ),
            recommendation=Recommendation.GRANT,
            decision=Decision.GRANTED,
            reasons=(
                "Het vrijwilligerswerk is in alle drie de delen goed geregeld. Vrijwilligers "
                "worden zorgvuldig ingewerkt en goed begeleid, en de organisatie doet echt iets "
                "met wat zij vertellen."
            ),
        ),
        granted_on=granted_on,
    )


def _quality_mark_with_conditions(demo: _Demo) -> None:
    # Four months ago: two months are left to meet the conditions.
    granted_on = add_months(demo.today, -4)
    _quality_mark_create(
        demo,
        _EvaluationPlan(
            organisation=SCOUTING,
            small=True,
            profile={"A": "343333", "B": "433333333433323", "C": "3323333"},
            answered_by=(GERRIT, COORDINATOR),
            started_days_ago=_days_before(demo, granted_on, 120),
            closed_days_ago=_days_before(demo, granted_on, 76),
            notes={
                "B14": "De gedragscode van Scouting Nederland ligt er, maar nog niet alle "
                "leiding heeft hem gelezen.",
            },
        ),
        admin=GERRIT,
        assessment=_Assessment(
            scores_right=True,
            evidence_complete=False,
            notes=(
                "Gesprek met Gerrit Hoekstra en Sanne de Vries. De groep is goed georganiseerd "
                "en de leiding is betrokken. Er is geen vertrouwenspersoon en de gedragscode "
                "is nog niet met alle leiding besproken."
            ),
            recommendation=Recommendation.GRANT_WITH_CONDITIONS,
            decision=Decision.GRANTED_WITH_CONDITIONS,
            reasons=(
                "Scouting Paulus heeft het vrijwilligerswerk op de meeste punten goed geregeld. "
                "Voor een vereniging die met kinderen werkt, horen een gedragscode die iedereen "
                "kent en een vertrouwenspersoon er wel bij. Daarom stellen we voorwaarden."
            ),
            conditions=(
                "Binnen zes maanden na dit besluit: 1. alle leiding heeft de gedragscode "
                "besproken en ondertekend; 2. er is een vertrouwenspersoon die los staat van "
                "de leiding, en leden en ouders weten hoe ze die bereiken."
            ),
        ),
        granted_on=granted_on,
    )


def _quality_mark_ending_soon(demo: _Demo) -> None:
    # Granted 3 years and 8 months ago: it ends in about 4 months, so the 6-month reminder
    # is due (the reminder task has not run for it yet).
    granted_on = add_months(demo.today, -44)
    _quality_mark_create(
        demo,
        _EvaluationPlan(
            organisation=TUINDORP,
            small=False,
            profile={"A": "434333", "B": "433434343433344", "C": "3334343"},
            answered_by=(ILSE, THOMAS),
            started_days_ago=_days_before(demo, granted_on, 140),
            closed_days_ago=_days_before(demo, granted_on, 85),
        ),
        admin=ILSE,
        assessment=_Assessment(
            scores_right=True,
            evidence_complete=True,
            notes=(
                "Gesprek met Ilse Jansen en Thomas Verbeek. Het vrijwilligersbeleid is "
                "actueel en vrijwilligers weten de weg. Bewijsstukken compleet."
            ),
            recommendation=Recommendation.GRANT,
            decision=Decision.GRANTED,
            reasons=(
                "Zorgcentrum Tuindorp-Oost voldoet ruim aan de minimumscores. Vrijwilligers "
                "hebben een vaste plek in het zorgcentrum en voelen zich gewaardeerd."
            ),
        ),
        granted_on=granted_on,
    )


# --- The adviser


@dataclass(frozen=True)
class _AssignmentPlan:
    organisation: str
    assigned_days_ago: int
    notes: tuple[tuple[int, str, str], ...]  # (days ago, hours, what was done)


ASSIGNMENTS: tuple[_AssignmentPlan, ...] = (
    _AssignmentPlan(
        organisation=TAALHUIS,
        assigned_days_ago=104,
        notes=(
            (
                98,
                "2",
                "Kennismaking met Priya Ramdin. Uitgelegd hoe de zelfevaluatie en het keurmerk "
                "werken. Afgesproken dat ze de vragen met de taalmaatjes bespreekt.",
            ),
            (
                52,
                "1.5",
                "Bewijsstukken doorgenomen. Vrijwilligersbeleid en gedragscode zijn op orde; de "
                "informatie over de verzekering ontbrak nog.",
            ),
            (
                14,
                "0.5",
                "Beoordelingsgesprek gepland. Priya vraagt twee taalmaatjes om aan te schuiven.",
            ),
        ),
    ),
    _AssignmentPlan(
        organisation=PELIKAAN,
        assigned_days_ago=30,
        notes=(
            (
                26,
                "1.5",
                "Kennismaking met Jeroen Bakker en Henk Mulder. Uitgelegd dat zij als kleine "
                "organisatie alleen de uitspraken met een ster invullen.",
            ),
            (
                6,
                "1",
                "Telefonisch meegedacht over deel B. Een voorbeeld van een taakomschrijving "
                "voor de kookploeg gemaild.",
            ),
        ),
    ),
    _AssignmentPlan(
        organisation=VOEDSELHULP_UTRECHT,
        assigned_days_ago=58,
        notes=(
            (
                51,
                "2",
                "Eerste gesprek met Henk Mulder over het werven van chauffeurs en over de "
                "onkostenregeling.",
            ),
            (
                17,
                "0.75",
                "Voorbeeld van een onkostenregeling gestuurd, met de regels voor de "
                "vrijwilligersvergoeding.",
            ),
        ),
    ),
    _AssignmentPlan(
        organisation=TUINDORP,
        assigned_days_ago=40,
        notes=(
            (
                33,
                "1.25",
                "Het keurmerk loopt over een paar maanden af. Met Ilse Jansen en Thomas Verbeek "
                "de herbeoordeling besproken: eerst een nieuwe zelfevaluatie.",
            ),
        ),
    ),
)


def _assignment_create(demo: _Demo, plan: _AssignmentPlan) -> None:
    assignment = adviser_assign(
        organisation=demo.organisations[plan.organisation],
        adviser=demo.user(ADVISER),
        by=demo.user(NOV),
    )
    demo.created += 1
    AdviserAssignment.objects.filter(pk=assignment.pk).update(
        assigned_at=_moment(demo.day(plan.assigned_days_ago), 9, 40)
    )
    for days_ago, hours, text in plan.notes:
        note = adviser_note_add(
            assignment=assignment, text=text, hours=Decimal(hours), date=demo.day(days_ago)
        )
        AdviserNote.objects.filter(pk=note.pk).update(created_at=_moment(note.date, 17, 20))
