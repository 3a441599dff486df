"""Demo shifts, so `make run` shows a schedule, an agenda and hours in the statistics.

`shifts_demo_seed()` is meant to run from `core.demo.demo_seed()`, after the demo vacancies
and volunteers exist (vacancies/demo.py). For Buurthuis De Pelikaan (the board login's
organisation) it publishes the one-off vacancy "Vrijwilligers voor het Buurtfestival Zuilen"
and plans it in shifts:

- nine shifts over the festival weekend about three weeks from now: setting up, the bar
  (18+), the till, the first-aid post (needs the skill "EHBO"), the children's corner and
  clearing up, with 2 to 6 places; the Saturday till is full and has a waiting list;
- one shift last month (handing out flyers in the neighbourhood) with attendance marked, so
  the organisation's shift statistics show hours.

The demo volunteer (vrijwilliger@demo.inzet.nl) has a place on two shifts that do not overlap,
waits for the full one, and came to last month's shift, so /agenda/ shows all three kinds.
Other places go to adult demo volunteers, Utrecht first.

Idempotent: the vacancy and the shifts have fixed public_ids (uuid5 in the vacancies demo's
namespace); sign-ups are made only for shifts made in the same run. No e-mail is sent.
"""

import datetime
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from inzet.accounts.models import User
from inzet.geo.models import PostcodeArea
from inzet.organisations.models import Organisation, Sector
from inzet.vacancies.constants import VacancyStatus
from inzet.vacancies.demo import DEMO_NAMESPACE, demo_volunteer_email, skills_ensure
from inzet.vacancies.models import Vacancy
from inzet.volunteers.constants import DutchLevel, VacancyForm, slot_bit
from inzet.volunteers.models import VolunteerProfile

from .constants import Attendance, SignupStatus
from .models import Shift, ShiftPlan, ShiftSignup
from .services import AttendanceEntry, shift_attendance_record, shift_plan_create, shift_sign_up

UTRECHT = "GM0344"
CANDIDATE_VOLUNTEERS = 400
MIN_AGE = 18  # everyone the demo signs up is an adult, so every shift's minimum age is met
FESTIVAL_ID = uuid.uuid5(DEMO_NAMESPACE, "board-festival")
FESTIVAL_POSTCODE = "3552"
FESTIVAL_FIELD = "Grasveld naast Buurthuis De Pelikaan, Zuilenstraat 14, Utrecht"


def demo_shift_id(key: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"festival-shift-{key}")


@dataclass(frozen=True)
class DemoShift:
    key: str
    title: str
    day: int  # 0 = the festival Saturday, 1 = Sunday; -1 = the past shift
    start: tuple[int, int]
    end: tuple[int, int]
    capacity: int
    confirmed: int  # places the demo gives to other demo volunteers
    waitlisted: int = 0
    place: str = FESTIVAL_FIELD
    min_age: int = 0
    skill: str = ""


SHIFTS: tuple[DemoShift, ...] = (
    DemoShift("opbouw", "Opbouw: tenten, podium en hekken", 0, (8, 0), (12, 0), 6, 4),
    # Full: the demo volunteer waits behind one other person.
    DemoShift("kassa-za", "Kassa: munten verkopen", 0, (12, 0), (16, 0), 2, 2, waitlisted=1),
    DemoShift("bar-za-middag", "Bar", 0, (12, 0), (16, 0), 4, 3, min_age=18),
    DemoShift(
        "ehbo",
        "EHBO-post",
        0,
        (12, 0),
        (18, 0),
        2,
        1,
        place="EHBO-tent bij de ingang, Zuilenstraat 14, Utrecht",
        skill="ehbo",
    ),
    DemoShift(
        "kinderhoek",
        "Kinderhoek: schminken en spelletjes",
        0,
        (13, 0),
        (17, 0),
        3,
        2,
        place="Speeltuin achter het buurthuis, Zuilenstraat 14, Utrecht",
    ),
    DemoShift("bar-za-avond", "Bar", 0, (16, 0), (20, 0), 4, 2, min_age=18),
    DemoShift("bar-zo", "Bar", 1, (12, 0), (16, 0), 4, 1, min_age=18),
    DemoShift("kassa-zo", "Kassa: munten verkopen", 1, (12, 0), (16, 0), 2, 1),
    DemoShift("afbouw", "Afbouw en opruimen", 1, (16, 0), (20, 0), 6, 3),
    DemoShift(
        "flyers",
        "Flyers rondbrengen in de wijk",
        -1,
        (10, 0),
        (13, 0),
        6,
        4,
        place="Buurthuis De Pelikaan, Zuilenstraat 14, Utrecht",
    ),
)
# The demo volunteer: a place on these (they do not overlap) and the waiting list of the full one.
VOLUNTEER_CONFIRMED = ("opbouw", "afbouw")
VOLUNTEER_WAITLISTED = "kassa-za"
PAST = "flyers"

FESTIVAL_TEXT = "\n\n".join(
    (
        "Buurthuis De Pelikaan organiseert weer het Buurtfestival Zuilen: een weekend met "
        "muziek, eten uit alle keukens van de wijk en spelletjes voor de kinderen. We zoeken "
        "vrijwilligers: vrijwilligers voor het buurtfestival.",
        "Wat ga je doen? Je kiest zelf een of meer diensten. Je helpt bij de opbouw of de "
        "afbouw, je schenkt drankjes aan de bar, je verkoopt munten bij de kassa, je helpt in "
        "de kinderhoek of je staat op de EHBO-post.",
        "Wat vragen we? Je bent vriendelijk en je kunt goed samenwerken. Voor de bar moet je "
        "18 jaar of ouder zijn. Voor de EHBO-post heb je een geldig EHBO-diploma.",
        "Wat bieden we? Een gezellig weekend met de buurt, eten en drinken tijdens je dienst "
        "en een festivalshirt.",
    )
)
FESTIVAL_TASKS = "\n".join(
    (
        "- Tenten, podium en hekken opzetten en weer afbreken",
        "- Drankjes schenken aan de bar",
        "- Munten verkopen bij de kassa",
        "- Kinderen schminken en spelletjes doen",
        "- Eerste hulp geven op de EHBO-post",
    )
)


def _at(day: datetime.date, hm: tuple[int, int]) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(*hm)))


def festival_saturday(today: datetime.date) -> datetime.date:
    """The Saturday 19 to 25 days from today: about three weeks ahead."""
    first = today + datetime.timedelta(days=19)
    return first + datetime.timedelta(days=(5 - first.weekday()) % 7)


def past_saturday(today: datetime.date) -> datetime.date:
    """A Saturday 18 to 24 days ago: last month's shift, still in the agenda's last 30 days."""
    last = today - datetime.timedelta(days=18)
    return last - datetime.timedelta(days=(last.weekday() - 5) % 7)


@transaction.atomic
def shifts_demo_seed(*, users: dict[str, User]) -> int:
    """Create the missing festival vacancy, its shifts and sign-ups; return how many rows."""
    from inzet.core.demo import BOARD, ORGANISATIONS, VOLUNTEER

    board_demo = next(o for o in ORGANISATIONS if o.admin == BOARD)
    organisation = (
        Organisation.objects.filter(kvk_number=board_demo.kvk_number).order_by("pk").first()
    )
    if organisation is None:
        return 0
    now = timezone.now()
    vacancy, created = _vacancy_ensure(organisation=organisation, creator=users.get(BOARD), now=now)
    if vacancy is None:
        return created

    plan = ShiftPlan.objects.filter(vacancy=vacancy).first()
    if plan is None:
        try:
            plan = shift_plan_create(
                vacancy=vacancy, actor=users.get(BOARD), cancel_deadline_hours=48
            )
        except ValidationError:  # someone closed the demo vacancy meanwhile: leave it be
            return created
        ShiftPlan.objects.filter(pk=plan.pk).update(created_at=now - datetime.timedelta(days=30))
        created += 1

    shifts, new_keys = _shifts_ensure(plan=plan, now=now)
    created += len(new_keys)
    if new_keys:
        created += _signups_create(
            shifts=shifts, new_keys=new_keys, volunteer=users.get(VOLUNTEER), now=now
        )
    return created


def _vacancy_ensure(
    *, organisation: Organisation, creator: User | None, now: datetime.datetime
) -> tuple[Vacancy | None, int]:
    vacancy = Vacancy.objects.filter(public_id=FESTIVAL_ID).first()
    if vacancy is not None:
        return vacancy, 0
    area = PostcodeArea.objects.filter(pc4=FESTIVAL_POSTCODE).first()
    sector = Sector.objects.filter(slug="buurt").first()
    if area is None or sector is None:
        return None, 0
    today = timezone.localdate(now)
    saturday = festival_saturday(today)
    sunday = saturday + datetime.timedelta(days=1)
    published_at = now - datetime.timedelta(days=35)
    vacancy = Vacancy.objects.create(
        public_id=FESTIVAL_ID,
        organisation=organisation,
        title="Vrijwilligers voor het Buurtfestival Zuilen",
        description=FESTIVAL_TEXT,
        tasks=FESTIVAL_TASKS,
        sector=sector,
        form=VacancyForm.ONE_OFF,
        postcode_area=area,
        municipality_id=area.municipality_id,
        latitude=area.latitude,
        longitude=area.longitude,
        schedule=sum(
            slot_bit(day, part)
            for day, parts in (
                ("sat", ("morning", "afternoon", "evening")),
                ("sun", ("afternoon", "evening")),
            )
            for part in parts
        ),
        starts_on=saturday,
        ends_on=sunday,
        min_age=16,
        dutch_level_needed=DutchLevel.BASIC,
        suitable_youth=True,
        suitable_55_plus=True,
        expense_allowance="Eten en drinken tijdens je dienst",
        contact_name="Jeroen Bakker",
        contact_email=organisation.email,
        expires_on=sunday,
        status=VacancyStatus.PUBLISHED,
        published_at=published_at,
        created_by=creator,
        created_at=published_at - datetime.timedelta(days=2),
        updated_at=published_at,
    )
    skill_ids = skills_ensure()
    vacancy.skills.set([skill_ids[s] for s in ("organiseren", "kassa", "ehbo") if s in skill_ids])
    return vacancy, 1


def _shifts_ensure(*, plan: ShiftPlan, now: datetime.datetime) -> tuple[dict[str, Shift], set[str]]:
    """The demo shifts by key, and the keys of those created now."""
    ids = {demo.key: demo_shift_id(demo.key) for demo in SHIFTS}
    found = {s.public_id: s for s in Shift.objects.filter(public_id__in=ids.values())}
    today = timezone.localdate(now)
    days = {0: festival_saturday(today), 1: festival_saturday(today) + datetime.timedelta(days=1)}
    days[-1] = past_saturday(today)
    skill_ids = skills_ensure()
    new: list[Shift] = []
    for demo in SHIFTS:
        if ids[demo.key] in found:
            continue
        new.append(
            Shift(
                public_id=ids[demo.key],
                plan=plan,
                title=demo.title,
                starts_at=_at(days[demo.day], demo.start),
                ends_at=_at(days[demo.day], demo.end),
                place=demo.place,
                capacity=demo.capacity,
                required_skill_id=skill_ids.get(demo.skill) if demo.skill else None,
                min_age=demo.min_age,
                created_at=now - datetime.timedelta(days=30 if demo.key == PAST else 14),
            )
        )
    Shift.objects.bulk_create(new)
    shifts = {s.public_id: s for s in Shift.objects.filter(public_id__in=ids.values())}
    return {key: shifts[i] for key, i in ids.items() if i in shifts}, {
        demo.key for demo in SHIFTS if ids[demo.key] not in found
    }


def _candidates(*, now: datetime.datetime, exclude: set[int]) -> tuple[list[int], list[int]]:
    """(adult demo volunteers, those with the skill EHBO) as user ids: Utrecht first."""
    emails = [demo_volunteer_email(n) for n in range(1, CANDIDATE_VOLUNTEERS + 1)]
    rows = (
        VolunteerProfile.objects.filter(
            user__email__in=emails,
            user__is_active=True,
            birth_year__lte=now.year - MIN_AGE,
        )
        .exclude(user_id__in=exclude)
        .values_list("user_id", "user__email", "postcode_area__municipality_id")
    )
    people = [
        user_id
        for user_id, _email, _municipality in sorted(rows, key=lambda r: (r[2] != UTRECHT, r[1]))
    ]
    first_aiders = set(
        VolunteerProfile.skills.through.objects.filter(
            volunteerprofile__user_id__in=people, skill__slug="ehbo"
        ).values_list("volunteerprofile__user_id", flat=True)
    )
    return [p for p in people if p not in first_aiders], [p for p in people if p in first_aiders]


def _signups_create(
    *,
    shifts: dict[str, Shift],
    new_keys: set[str],
    volunteer: User | None,
    now: datetime.datetime,
) -> int:
    exclude = {volunteer.pk} if volunteer is not None else set()
    people, first_aiders = _candidates(now=now, exclude=exclude)
    # Nobody gets two festival shifts, so no one overlaps; last month's shift may reuse people.
    future = iter(people)
    signups: list[ShiftSignup] = []
    for demo in SHIFTS:
        if demo.key not in new_keys:
            continue
        shift = shifts[demo.key]
        source = (
            iter(first_aiders)
            if demo.skill == "ehbo"
            else (iter(people) if demo.key == PAST else future)
        )
        for index in range(demo.confirmed + demo.waitlisted):
            person = next(source, None)
            if person is None:
                break
            signed_up_at = shift.created_at + datetime.timedelta(days=1, hours=3 * index)
            confirmed = index < demo.confirmed
            signups.append(
                ShiftSignup(
                    public_id=uuid.uuid5(shift.public_id, str(person)),
                    shift=shift,
                    volunteer_id=person,
                    status=SignupStatus.CONFIRMED if confirmed else SignupStatus.WAITLISTED,
                    created_at=signed_up_at,
                    confirmed_at=signed_up_at if confirmed else None,
                    reminded_at=(
                        shift.starts_at - datetime.timedelta(hours=20)
                        if demo.key == PAST and confirmed
                        else None
                    ),
                )
            )
    ShiftSignup.objects.bulk_create(signups)
    created = len(signups)

    if volunteer is not None:
        created += _volunteer_signups(shifts=shifts, new_keys=new_keys, volunteer=volunteer)
    if PAST in new_keys:
        _attendance_mark(shift=shifts[PAST])
    return created


def _volunteer_signups(*, shifts: dict[str, Shift], new_keys: set[str], volunteer: User) -> int:
    """Through the service, so the rules (places, waiting list, overlap) decide."""
    created = 0
    for key in (*VOLUNTEER_CONFIRMED, VOLUNTEER_WAITLISTED):
        if key not in new_keys:
            continue
        try:
            shift_sign_up(shift=shifts[key], volunteer=volunteer)
        except ValidationError:  # e.g. the demo vacancy was closed: no sign-up then
            continue
        created += 1
    if PAST in new_keys:  # the service refuses shifts that have started
        shift = shifts[PAST]
        signed_up_at = shift.created_at + datetime.timedelta(hours=12)  # she was the first
        ShiftSignup.objects.create(
            public_id=uuid.uuid5(shift.public_id, "demo-volunteer"),
            shift=shift,
            volunteer=volunteer,
            status=SignupStatus.CONFIRMED,
            created_at=signed_up_at,
            confirmed_at=signed_up_at,
            reminded_at=shift.starts_at - datetime.timedelta(hours=20),
        )
        created += 1
    return created


def _attendance_mark(*, shift: Shift) -> None:
    """Everyone came except the last to sign up; the first (the demo volunteer) stayed half an
    hour longer."""
    signups = list(shift.signups.filter(status=SignupStatus.CONFIRMED).order_by("created_at"))
    entries = []
    for index, signup in enumerate(signups):
        if index == len(signups) - 1 and len(signups) > 2:
            entries.append(AttendanceEntry(signup=signup, attendance=Attendance.NO_SHOW))
        else:
            hours = Decimal("3.50") if index == 0 else None  # None: the shift's length
            entries.append(
                AttendanceEntry(signup=signup, attendance=Attendance.ATTENDED, hours=hours)
            )
    if entries:
        shift_attendance_record(shift=shift, actor=None, entries=entries)
