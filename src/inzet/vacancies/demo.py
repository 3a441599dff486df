"""Demo vacancies and volunteers, so search and matching feel real in `make run`.

`vacancies_demo_seed()` is called from `core.demo.demo_seed()`. It creates about 1,500
published vacancies for the 40 demo organisations, spread over the PC4 areas of the demo
municipalities (Utrecht, Zwolle, Groningen), and about 3,000 volunteers with a profile. It also
gives the demo volunteer (vrijwilliger@demo.inzet.nl) a full profile and two responses, and the
board's organisation vacancies in every state with responses in every state.

Idempotent and quick: every demo vacancy has a fixed public_id (uuid5 of its number) and every
demo volunteer a fixed e-mail address, so a second run looks them up in a few queries and
creates nothing. Everything is written with bulk_create in batches.

The demo volunteers cannot log in: their passwords are unusable (only the handful of demo
logins in core/demo.py share the known password).

The builders (`vacancy_build`, `volunteer_build`, …) are shared with `manage.py seed_scale`.
"""

import datetime
import random
import secrets
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from inzet.accounts.models import User
from inzet.geo.models import PostcodeArea
from inzet.organisations.models import Organisation, Sector
from inzet.volunteers.constants import DAY_PARTS, DAYS, DutchLevel, VacancyForm, VogStatus
from inzet.volunteers.models import Skill, VolunteerProfile

from . import texts
from .constants import ResponseStatus, VacancyStatus
from .models import Response, Vacancy

DEMO_VACANCIES = 1500
DEMO_VOLUNTEERS = 3000
DEMO_MUNICIPALITIES = ("GM0344", "GM0193", "GM0014")  # Utrecht, Zwolle, Groningen
DEMO_VOLUNTEER_DOMAIN = "demo.inzet.nl"
BATCH_SIZE = 2000
# Fixed namespace, so demo vacancy number n always has the same public_id.
DEMO_NAMESPACE = uuid.UUID("6f1c2a6e-7d55-4d8f-9a63-0c1f6c7a1e01")

T = TypeVar("T")


# --- Building blocks shared with seed_scale ---------------------------------------------------


@dataclass(frozen=True)
class Area:
    pc4: str
    latitude: float
    longitude: float
    municipality_id: str
    place: str


@dataclass(frozen=True)
class OrgInfo:
    id: int
    name: str
    email: str
    sectors: tuple[str, ...]
    area: Area | None


@dataclass
class Catalogue:
    """Sector and skill ids by slug, loaded once."""

    sector_ids: dict[str, int]
    skill_ids: dict[str, int]

    @classmethod
    def load(cls) -> "Catalogue":
        return cls(
            sector_ids=dict(Sector.objects.values_list("slug", "id")),
            skill_ids=skills_ensure(),
        )


@dataclass
class VolunteerBuild:
    user: User
    profile: VolunteerProfile
    interests: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)


def skills_ensure() -> dict[str, int]:
    """The skills the texts use exist; return their ids by slug."""
    Skill.objects.bulk_create(
        [Skill(slug=slug, name=name) for slug, name in texts.SKILLS], ignore_conflicts=True
    )
    return dict(Skill.objects.values_list("slug", "id"))


def areas_load(municipality_codes: Sequence[str] | None = None) -> list[Area]:
    qs = PostcodeArea.objects.order_by("pc4")
    if municipality_codes is not None:
        qs = qs.filter(municipality_id__in=municipality_codes)
    return [
        Area(pc4, lat, lon, municipality, place)
        for pc4, lat, lon, municipality, place in qs.values_list(
            "pc4", "latitude", "longitude", "municipality_id", "place"
        )
    ]


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_DAY_INDEX = {day: i for i, (day, _label) in enumerate(DAYS)}
_PART_INDEX = {part: i for i, (part, _label) in enumerate(DAY_PARTS)}


def _bit(day: str, part: str) -> int:
    return 1 << (_DAY_INDEX[day] * 3 + _PART_INDEX[part])


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
SLOTS_BY_WHEN: dict[str, tuple[int, ...]] = {
    "weekday_morning": tuple(_bit(d, "morning") for d in WEEKDAYS),
    "weekday_afternoon": tuple(_bit(d, "afternoon") for d in WEEKDAYS),
    "evening": tuple(_bit(d, "evening") for d in (*WEEKDAYS, "sat", "sun")),
    "weekend": tuple(_bit(d, p) for d in ("sat", "sun") for p in ("morning", "afternoon")),
}


def _slots(rng: random.Random, whens: Sequence[str], count: int) -> int:
    pool = sorted({bit for when in whens for bit in SLOTS_BY_WHEN[when]})
    mask = 0
    for bit in rng.sample(pool, min(count, len(pool))):
        mask |= bit
    return mask


ALL_ROLES: list[tuple[str, texts.Role]] = [
    (sector, role) for sector, roles in texts.ROLES.items() for role in roles
]


def vacancy_build(
    *,
    rng: random.Random,
    organisation: OrgInfo,
    areas_by_municipality: dict[str, list[Area]],
    catalogue: Catalogue,
    now: datetime.datetime,
    public_id: uuid.UUID | None = None,
    status: str = VacancyStatus.PUBLISHED,
    sector: str | None = None,
) -> tuple[Vacancy, list[str]]:
    """One realistic vacancy of `organisation` (not saved) and the slugs of its skills."""
    if sector is None:
        own = [s for s in organisation.sectors if s in texts.ROLES]
        sector = rng.choice(own) if own and rng.random() < 0.85 else None
    if sector is None:
        sector, role = rng.choice(ALL_ROLES)
    else:
        role = rng.choice(texts.ROLES[sector])
    text = texts.vacancy_text(role=role, sector=sector, organisation=organisation.name, rng=rng)
    form = rng.choice(role.forms)
    today = now.date()

    area: Area | None = None
    if form != VacancyForm.ONLINE and organisation.area is not None:
        nearby = areas_by_municipality.get(organisation.area.municipality_id) or [organisation.area]
        area = organisation.area if rng.random() < 0.5 else rng.choice(nearby)

    hours: Decimal | None = None
    schedule = 0
    starts_on = ends_on = None
    if form == VacancyForm.ONE_OFF:
        starts_on = ends_on = today + datetime.timedelta(days=rng.randint(7, 75))
        day = DAYS[starts_on.weekday()][0]
        parts = rng.sample(("morning", "afternoon", "evening"), rng.randint(1, 2))
        schedule = sum(_bit(day, part) for part in parts)
    else:
        low, high = role.hours
        if high and form != VacancyForm.ON_CALL:
            hours = Decimal(rng.randint(max(low, 1), max(high, 1)))
        if form == VacancyForm.REGULAR or rng.random() < 0.3:
            schedule = _slots(rng, role.when, rng.randint(1, 3))
        if rng.random() < 0.3:
            starts_on = today + datetime.timedelta(days=rng.randint(0, 45))

    flags = {flag for flag in role.flags if rng.random() < 0.8}
    dutch = role.dutch
    if texts.NEWCOMERS in flags:
        dutch = min(dutch, DutchLevel.BASIC)
    published_at = now - datetime.timedelta(seconds=rng.randint(0, 60 * 24 * 3600))
    created_at = published_at - datetime.timedelta(hours=rng.randint(1, 72))
    live = status == VacancyStatus.PUBLISHED
    vacancy = Vacancy(
        organisation_id=organisation.id,
        title=text.title,
        description=text.description,
        tasks=text.tasks,
        sector_id=catalogue.sector_ids[sector],
        form=form,
        is_online=area is None,
        postcode_area_id=area.pc4 if area else None,
        municipality_id=area.municipality_id if area else None,
        latitude=area.latitude if area else None,
        longitude=area.longitude if area else None,
        hours_per_week=hours,
        schedule=schedule,
        starts_on=starts_on,
        ends_on=ends_on,
        min_age=role.min_age,
        vog_required=role.vog,
        dutch_level_needed=dutch,
        suitable_youth=texts.YOUTH in flags,
        suitable_newcomers=texts.NEWCOMERS in flags,
        suitable_distance_labour_market=texts.LABOUR in flags,
        suitable_55_plus=texts.SENIORS in flags,
        wheelchair_accessible=texts.WHEELCHAIR in flags,
        training_offered=rng.random() < 0.4,
        expense_allowance=rng.choice(texts.EXPENSE_ALLOWANCES),
        contact_name=texts.person_name(rng),
        contact_email=organisation.email,
        expires_on=(ends_on or today) + datetime.timedelta(days=rng.randint(20, 180)),
        status=status,
        published_at=published_at if live or status != VacancyStatus.DRAFT else None,
        created_at=created_at,
        updated_at=published_at,
    )
    if public_id is not None:
        vacancy.public_id = public_id
    skills = [s for s in role.skills if rng.random() < 0.8]
    return vacancy, skills


# Age bands (from, to, weight) for year of birth 14–85.
AGE_BANDS = ((14, 17, 6), (18, 25, 14), (26, 40, 18), (41, 55, 18), (56, 66, 18), (67, 85, 26))
DISTANCES = (2, 3, 5, 5, 10, 10, 10, 15, 15, 20, 25, 50)
FORM_WEIGHTS = (
    (VacancyForm.REGULAR.value, 5),
    (VacancyForm.FLEXIBLE.value, 4),
    (VacancyForm.ONE_OFF.value, 3),
    (VacancyForm.ON_CALL.value, 1),
    (VacancyForm.TASK.value, 1),
    (VacancyForm.ONLINE.value, 1),
)


def unusable_password() -> str:
    """What set_unusable_password() stores, without its per-call cost."""
    return UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30)


def volunteer_build(
    *,
    rng: random.Random,
    email: str,
    area: Area,
    catalogue: Catalogue,
    now: datetime.datetime,
) -> VolunteerBuild:
    """A user who cannot log in, with a realistic profile (not saved)."""
    low, high, _weight = rng.choices(AGE_BANDS, weights=[b[2] for b in AGE_BANDS])[0]
    age = rng.randint(low, high)
    if age < 26:
        whens: tuple[str, ...] = ("weekday_afternoon", "evening", "weekend")
    elif age < 67:
        whens = ("evening", "weekend")
    else:
        whens = ("weekday_morning", "weekday_afternoon")
    availability = _slots(rng, whens, rng.randint(2, 8)) if rng.random() < 0.95 else 0

    newcomer = rng.random() < 0.08 and age >= 16
    if newcomer:
        dutch = rng.choice((DutchLevel.NONE, DutchLevel.BASIC, DutchLevel.BASIC))
        languages = [rng.choice(texts.NEWCOMER_LANGUAGES)]
        if rng.random() < 0.5:
            languages.append("en")
        if dutch == DutchLevel.BASIC:
            languages.append("nl")
        others = [s for s in texts.ROLES if s != "nieuwkomers"]
        interests = ["nieuwkomers", *rng.sample(others, rng.randint(0, 2))]
    else:
        dutch = DutchLevel.GOOD if rng.random() < 0.97 else DutchLevel.BASIC
        languages = ["nl", *rng.sample(texts.LANGUAGES, rng.choice((0, 0, 1, 1, 2)))]
        interests = rng.sample(list(texts.ROLES), rng.randint(1, 4))
    forms = sorted(
        set(rng.choices([f for f, _w in FORM_WEIGHTS], [w for _f, w in FORM_WEIGHTS], k=3))
    )[: rng.randint(1, 3)]
    vog = rng.choices((VogStatus.HAS, VogStatus.WILLING, VogStatus.NO), weights=(25, 45, 30))[0]
    skills = rng.sample([slug for slug, _name in texts.SKILLS], rng.randint(0, 4))

    user = User(
        email=email,
        name=texts.person_name(rng),
        postcode=area.pc4,
        password=unusable_password(),
        date_joined=now - datetime.timedelta(days=rng.randint(0, 900)),
    )
    profile = VolunteerProfile(
        postcode_area_id=area.pc4,
        max_distance_km=rng.choice(DISTANCES),
        availability=availability,
        languages=languages,
        dutch_level=dutch,
        birth_year=now.year - age,
        vog=vog,
        forms=forms,
        updated_at=now,
    )
    return VolunteerBuild(user=user, profile=profile, interests=interests, skills=skills)


def vacancies_save(
    items: Sequence[tuple[Vacancy, list[str]]], *, catalogue: Catalogue
) -> list[Vacancy]:
    """bulk_create one batch of vacancies and their skills."""
    vacancies = Vacancy.objects.bulk_create([vacancy for vacancy, _skills in items])
    through = Vacancy.skills.through
    through.objects.bulk_create(
        [
            through(vacancy_id=vacancy.pk, skill_id=catalogue.skill_ids[slug])
            for vacancy, (_same, skills) in zip(vacancies, items, strict=True)
            for slug in skills
        ]
    )
    return vacancies


def volunteers_save(items: Sequence[VolunteerBuild], *, catalogue: Catalogue) -> list[User]:
    """bulk_create one batch of users, their profiles, interests and skills."""
    users = User.objects.bulk_create([item.user for item in items])
    for item, user in zip(items, users, strict=True):
        item.profile.user_id = user.pk
    profiles = VolunteerProfile.objects.bulk_create([item.profile for item in items])
    interests = VolunteerProfile.interests.through
    interests.objects.bulk_create(
        [
            interests(volunteerprofile_id=profile.pk, sector_id=catalogue.sector_ids[slug])
            for item, profile in zip(items, profiles, strict=True)
            for slug in item.interests
            if slug in catalogue.sector_ids
        ]
    )
    skills = VolunteerProfile.skills.through
    skills.objects.bulk_create(
        [
            skills(volunteerprofile_id=profile.pk, skill_id=catalogue.skill_ids[slug])
            for item, profile in zip(items, profiles, strict=True)
            for slug in item.skills
        ]
    )
    return users


def organisation_info(organisation: Organisation, areas: dict[str, Area]) -> OrgInfo:
    return OrgInfo(
        id=organisation.pk,
        name=organisation.name,
        email=organisation.email or f"vrijwilligers@{slugify(organisation.name)}.example.org",
        sectors=tuple(s.slug for s in organisation.sectors.all()),
        area=areas.get(organisation.postcode_area_id or ""),
    )


# --- The demo ---------------------------------------------------------------------------------


def demo_vacancy_id(number: int) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"vacancy-{number}")


def demo_volunteer_email(number: int) -> str:
    return f"vrijwilliger{number:04d}@{DEMO_VOLUNTEER_DOMAIN}"


@transaction.atomic
def vacancies_demo_seed(
    *,
    users: dict[str, User],
    vacancies: int | None = None,
    volunteers: int | None = None,
) -> int:
    """Create the missing demo vacancies, volunteers and responses; return how many rows.

    The numbers default to DEMO_VACANCIES and DEMO_VOLUNTEERS (tests make those smaller).
    """
    vacancies = DEMO_VACANCIES if vacancies is None else vacancies
    volunteers = DEMO_VOLUNTEERS if volunteers is None else volunteers
    from inzet.core.demo import BOARD, ORGANISATIONS, VOLUNTEER  # core.demo imports us

    now = timezone.now()
    areas = areas_load(DEMO_MUNICIPALITIES)
    area_by_pc4 = {area.pc4: area for area in areas}
    by_municipality: dict[str, list[Area]] = {}
    for area in areas:
        by_municipality.setdefault(area.municipality_id, []).append(area)
    catalogue = Catalogue.load()

    names = [o.name for o in ORGANISATIONS]
    found: dict[str, Organisation] = {}
    for organisation in Organisation.objects.filter(name__in=names).prefetch_related("sectors"):
        found.setdefault(organisation.name, organisation)
    organisations = [organisation_info(found[name], area_by_pc4) for name in names if name in found]
    if not organisations:
        return 0

    created = _demo_volunteers_ensure(count=volunteers, areas=areas, catalogue=catalogue, now=now)
    created += _demo_vacancies_ensure(
        count=vacancies,
        organisations=organisations,
        by_municipality=by_municipality,
        catalogue=catalogue,
        now=now,
    )
    board_name = next(o.name for o in ORGANISATIONS if o.admin == BOARD)
    board_org = next((o for o in organisations if o.name == board_name), None)
    if board_org is not None:
        created += _board_vacancies_ensure(
            organisation=board_org,
            by_municipality=by_municipality,
            catalogue=catalogue,
            now=now,
            volunteers=volunteers,
        )
    if VOLUNTEER in users:
        created += _demo_volunteer_ensure(
            user=users[VOLUNTEER],
            area=area_by_pc4.get("3523"),
            catalogue=catalogue,
            now=now,
            vacancies=vacancies,
        )
    return created


def _demo_volunteers_ensure(
    *, count: int, areas: list[Area], catalogue: Catalogue, now: datetime.datetime
) -> int:
    emails = [demo_volunteer_email(n) for n in range(1, count + 1)]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True).iterator())
    if len(existing) == len(emails):
        return 0
    created = 0
    missing = (
        (number, email) for number, email in enumerate(emails, start=1) if email not in existing
    )
    for batch in batched(missing, BATCH_SIZE):
        items = []
        for number, email in batch:
            rng = random.Random(f"demo-volunteer-{number}")  # noqa: S311 - demo data
            items.append(
                volunteer_build(
                    rng=rng, email=email, area=rng.choice(areas), catalogue=catalogue, now=now
                )
            )
        volunteers_save(items, catalogue=catalogue)
        created += len(items)
    return created


def _demo_vacancies_ensure(
    *,
    count: int,
    organisations: list[OrgInfo],
    by_municipality: dict[str, list[Area]],
    catalogue: Catalogue,
    now: datetime.datetime,
) -> int:
    ids = [demo_vacancy_id(n) for n in range(1, count + 1)]
    existing = set(Vacancy.objects.filter(public_id__in=ids).values_list("public_id", flat=True))
    if len(existing) == len(ids):
        return 0
    created = 0
    missing = ((n, i) for n, i in enumerate(ids, start=1) if i not in existing)
    for batch in batched(missing, BATCH_SIZE):
        items = []
        for number, public_id in batch:
            rng = random.Random(f"demo-vacancy-{number}")  # noqa: S311 - demo data
            items.append(
                vacancy_build(
                    rng=rng,
                    organisation=organisations[number % len(organisations)],
                    areas_by_municipality=by_municipality,
                    catalogue=catalogue,
                    now=now,
                    public_id=public_id,
                )
            )
        vacancies_save(items, catalogue=catalogue)
        created += len(items)
    return created


# The board's organisation (Buurthuis De Pelikaan): vacancies in each state, with responses.
BOARD_VACANCIES: tuple[tuple[str, str, str], ...] = (
    # (key, status, sector)
    ("board-published-1", VacancyStatus.PUBLISHED, "buurt"),
    ("board-published-2", VacancyStatus.PUBLISHED, "ouderen"),
    ("board-draft", VacancyStatus.DRAFT, "buurt"),
    ("board-submitted", VacancyStatus.SUBMITTED, "ouderen"),
    ("board-paused", VacancyStatus.PAUSED, "buurt"),
    ("board-closed", VacancyStatus.CLOSED, "ouderen"),
)
RESPONSE_MESSAGES = (
    "Ik help graag mee! Ik heb vooral op zaterdag tijd.",
    "Dit lijkt me heel leuk. Ik woon vlakbij en kan meteen beginnen.",
    "Ik heb dit eerder gedaan bij een andere organisatie. Bel me gerust.",
    "Ik ben net met pensioen en zoek iets zinvols om te doen.",
    "Ik spreek nog niet zo goed Nederlands, maar ik wil graag helpen en leren.",
    "Voor mijn maatschappelijke stage zoek ik een leuke plek. Kan dat hier?",
)


def _board_vacancies_ensure(
    *,
    organisation: OrgInfo,
    by_municipality: dict[str, list[Area]],
    catalogue: Catalogue,
    now: datetime.datetime,
    volunteers: int,
) -> int:
    ids = {key: uuid.uuid5(DEMO_NAMESPACE, key) for key, _status, _sector in BOARD_VACANCIES}
    existing = set(
        Vacancy.objects.filter(public_id__in=ids.values()).values_list("public_id", flat=True)
    )
    items = []
    for key, status, sector in BOARD_VACANCIES:
        if ids[key] in existing:
            continue
        rng = random.Random(key)  # noqa: S311 - demo data
        items.append(
            vacancy_build(
                rng=rng,
                organisation=organisation,
                areas_by_municipality=by_municipality,
                catalogue=catalogue,
                now=now,
                public_id=ids[key],
                status=status,
                sector=sector,
            )
        )
    created = len(vacancies_save(items, catalogue=catalogue)) if items else 0

    # Responses in every state on the two published vacancies, from demo volunteers.
    published = list(
        Vacancy.objects.filter(
            public_id__in=[ids["board-published-1"], ids["board-published-2"]]
        ).order_by("created_at")
    )
    emails = [demo_volunteer_email(n) for n in range(1, min(volunteers, 12) + 1)]
    people = list(User.objects.filter(email__in=emails).order_by("email"))
    if not published or not people:
        return created
    have = set(
        Response.objects.filter(vacancy__in=published).values_list("vacancy_id", "volunteer_id")
    )
    statuses = [
        ResponseStatus.NEW,
        ResponseStatus.NEW,
        ResponseStatus.IN_CONVERSATION,
        ResponseStatus.PLACED,
        ResponseStatus.NOT_PLACED,
        ResponseStatus.WITHDRAWN,
    ]
    responses = []
    for index, person in enumerate(people):
        vacancy = published[index % len(published)]
        if (vacancy.pk, person.pk) in have:
            continue
        status = statuses[index % len(statuses)]
        # The first new one has waited eight days: the centre's warning has something to show.
        created_at = now - datetime.timedelta(days=8 if index == 0 else 1 + index % 5)
        answered = status not in (ResponseStatus.NEW, ResponseStatus.WITHDRAWN)
        responses.append(
            Response(
                vacancy=vacancy,
                volunteer=person,
                message=RESPONSE_MESSAGES[index % len(RESPONSE_MESSAGES)],
                status=status,
                created_at=created_at,
                status_changed_at=created_at + datetime.timedelta(hours=20 if answered else 0),
                answered_at=created_at + datetime.timedelta(hours=20) if answered else None,
            )
        )
    Response.objects.bulk_create(responses)
    return created + len(responses)


def _demo_volunteer_ensure(
    *,
    user: User,
    area: Area | None,
    catalogue: Catalogue,
    now: datetime.datetime,
    vacancies: int,
) -> int:
    """Fatima (vrijwilliger@demo.inzet.nl): a full profile near 3523 and two responses."""
    created = 0
    profile = VolunteerProfile.objects.filter(user=user).first()
    if profile is None:
        availability = (
            _bit("sat", "morning")
            | _bit("sat", "afternoon")
            | _bit("wed", "evening")
            | _bit("thu", "evening")
            | _bit("sun", "afternoon")
        )
        profile = VolunteerProfile.objects.create(
            user=user,
            postcode_area_id=area.pc4 if area else None,
            max_distance_km=10,
            availability=availability,
            languages=["nl", "ar", "fr", "en"],
            dutch_level=DutchLevel.GOOD,
            birth_year=now.year - 31,
            vog=VogStatus.HAS,
            forms=[VacancyForm.REGULAR.value, VacancyForm.ONE_OFF.value],
        )
        profile.interests.set(
            [
                catalogue.sector_ids[s]
                for s in ("onderwijs-taal", "nieuwkomers", "natuur-milieu")
                if s in catalogue.sector_ids
            ]
        )
        profile.skills.set([catalogue.skill_ids[s] for s in ("lesgeven", "talen", "koken")])
        created += 1

    if Response.objects.filter(volunteer=user).exists() or area is None:
        return created
    # Two published vacancies in Utrecht that fit her interests.
    candidates = list(
        Vacancy.objects.filter(
            public_id__in=[demo_vacancy_id(n) for n in range(1, vacancies + 1)],
            municipality_id=area.municipality_id,
            status=VacancyStatus.PUBLISHED,
            sector__slug__in=["onderwijs-taal", "nieuwkomers"],
        ).order_by("pk")[:2]
    )
    for vacancy, (status, message) in zip(
        candidates,
        (
            (ResponseStatus.IN_CONVERSATION, "Ik spreek Arabisch en Frans, misschien handig?"),
            (ResponseStatus.NEW, "Op zaterdagochtend heb ik tijd. Ik hoor graag van jullie!"),
        ),
        strict=False,
    ):
        created_at = now - datetime.timedelta(days=3)
        answered = status != ResponseStatus.NEW
        Response.objects.create(
            vacancy=vacancy,
            volunteer=user,
            message=message,
            status=status,
            created_at=created_at,
            status_changed_at=created_at + datetime.timedelta(days=1 if answered else 0),
            answered_at=created_at + datetime.timedelta(days=1) if answered else None,
        )
        created += 1
    return created
