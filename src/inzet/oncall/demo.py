"""Demo on-call pools, so `make run` shows urgent requests alive.

`oncall_demo_seed()` is meant to run from `core.demo.demo_seed()`, after the demo vacancies
and volunteers exist (vacancies/demo.py). It creates two pools in Utrecht:

- "Snelle inzet Utrecht" of the Vrijwilligerscentrale Utrecht (coordinated by the centre
  staff login), with an OPEN request for tomorrow evening: a few people confirmed, one said
  no, the rest (the demo volunteer among them) are invited and have been notified, so her
  dashboard notice and /oproepen/mijn/ show it with a working answer link;
- a pool of Buurthuis De Pelikaan (the board login's organisation), with a FULL request of
  last month (the demo volunteer was confirmed, two people on the reserve list) and a
  cancelled one.

About 40 adult demo volunteers from Utrecht are members of each pool, with the availability,
travel distance and PC4 of their volunteer profile. The demo volunteer is in both pools and
can be called in every evening and weekend day part, so she is eligible for the requests.

Idempotent: pools and requests have fixed public_ids (uuid5 in the vacancies demo's
namespace); missing memberships are added, and a request's invitations are made only when the
request itself is made. No e-mail is sent.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from inzet.accounts.models import User
from inzet.geo.models import PostcodeArea
from inzet.organisations.models import Organisation, VolunteerCentre
from inzet.vacancies.demo import DEMO_NAMESPACE, demo_volunteer_email
from inzet.volunteers.constants import DAYS, slot_bit
from inzet.volunteers.models import VolunteerProfile

from .constants import InvitationStatus, RequestStatus
from .models import OnCallInvitation, OnCallPool, OnCallRequest, PoolMembership
from .selectors import eligible_members

UTRECHT = "GM0344"
# Members come from the first demo volunteers who live in Utrecht and are adults.
CANDIDATE_VOLUNTEERS = 400
MEMBERS_PER_POOL = 40
MIN_MEMBER_AGE = 18
EVENINGS = sum(slot_bit(day, "evening") for day, _label in DAYS)
WEEKENDS = sum(slot_bit(day, part) for day in ("sat", "sun") for part in ("morning", "afternoon"))


def demo_id(key: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"oncall-{key}")


@dataclass(frozen=True)
class DemoPool:
    key: str
    name: str
    description: str
    # The slice of the Utrecht candidates that joins (the pools overlap, as they would).
    offset: int


CENTRE_POOL = DemoPool(
    key="pool-centre-utrecht",
    name="Snelle inzet Utrecht",
    description=(
        "Soms hebben buren snel hulp nodig. Denk aan boodschappen doen tijdens een hittegolf, "
        "zandzakken vullen bij wateroverlast of een oudere naar de huisarts brengen. In deze "
        "pool zitten inwoners die dan kunnen helpen. Je krijgt een bericht als er iets is. "
        "Je zegt alleen ja als het jou uitkomt."
    ),
    offset=0,
)
BOARD_POOL = DemoPool(
    key="pool-board",
    name="Invallers Buurthuis De Pelikaan",
    description=(
        "Valt er iemand uit bij de buurtmaaltijd, of is er onverwacht veel te doen na het "
        "buurtfeest? Dan vragen we de mensen in deze pool. Je helpt alleen als je tijd hebt."
    ),
    offset=20,
)


@dataclass(frozen=True)
class DemoRequest:
    key: str
    pool: DemoPool
    title: str
    description: str
    place: str
    postcode: str
    places: int
    status: RequestStatus


OPEN_REQUEST = DemoRequest(
    key="request-heatwave",
    pool=CENTRE_POOL,
    title="Boodschappen brengen bij ouderen tijdens de hittegolf",
    description=(
        "Het wordt morgen meer dan 35 graden. Een aantal ouderen in Lunetten en Hoograven kan "
        "dan niet zelf naar de winkel. Wil je 's avonds, als het wat koeler is, boodschappen "
        "rondbrengen? We verzamelen bij het wijkcentrum. Daar krijg je een lijstje, een tas "
        "en een flesje water. Een fiets is handig."
    ),
    place="Wijkcentrum Lunetten, Hondsrug 25, Utrecht",
    postcode="3524",
    places=6,
    status=RequestStatus.OPEN,
)
FULL_REQUEST = DemoRequest(
    key="request-water-damage",
    pool=BOARD_POOL,
    title="Grote zaal leeghalen na waterschade",
    description=(
        "Na de hoosbui van vannacht staat er water in de grote zaal. We zoeken mensen die "
        "helpen tafels, stoelen en dozen naar boven te brengen. Trek kleding aan die vies mag "
        "worden. Er is koffie en soep."
    ),
    place="Buurthuis De Pelikaan, Zuilenstraat 14, Utrecht",
    postcode="3552",
    places=4,
    status=RequestStatus.FULL,
)
CANCELLED_REQUEST = DemoRequest(
    key="request-street-party",
    pool=BOARD_POOL,
    title="Opruimen na het straatfeest",
    description=(
        "Na het straatfeest in de Zuilenstraat willen we samen de straat weer schoon maken. "
        "Vuilniszakken en grijpers zijn er."
    ),
    place="Zuilenstraat, bij het buurthuis, Utrecht",
    postcode="3552",
    places=5,
    status=RequestStatus.CANCELLED,
)
REQUESTS = (OPEN_REQUEST, FULL_REQUEST, CANCELLED_REQUEST)


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@transaction.atomic
def oncall_demo_seed(*, users: dict[str, User]) -> int:
    """Create the missing demo pools, members, requests and invitations; return how many rows."""
    from inzet.core.demo import BOARD, CENTRE_STAFF, CENTRES, ORGANISATIONS, VOLUNTEER

    board_demo = next(o for o in ORGANISATIONS if o.admin == BOARD)
    organisation = (
        Organisation.objects.filter(kvk_number=board_demo.kvk_number).order_by("pk").first()
    )
    centre = VolunteerCentre.objects.filter(name=CENTRES[0].name).order_by("pk").first()
    if organisation is None or centre is None:
        return 0

    now = timezone.now()
    pools, created = _pools_ensure(
        owners={CENTRE_POOL.key: centre, BOARD_POOL.key: organisation},
        creators={CENTRE_POOL.key: users.get(CENTRE_STAFF), BOARD_POOL.key: users.get(BOARD)},
        now=now,
    )
    volunteer = users.get(VOLUNTEER)
    created += _members_ensure(pools=pools, volunteer=volunteer, now=now)
    created += _requests_ensure(
        pools=pools,
        creators={CENTRE_POOL.key: users.get(CENTRE_STAFF), BOARD_POOL.key: users.get(BOARD)},
        volunteer=volunteer,
        now=now,
    )
    return created


def _pools_ensure(
    *,
    owners: dict[str, Organisation | VolunteerCentre],
    creators: dict[str, User | None],
    now: datetime.datetime,
) -> tuple[dict[str, OnCallPool], int]:
    ids = {demo.key: demo_id(demo.key) for demo in (CENTRE_POOL, BOARD_POOL)}
    found = {pool.public_id: pool for pool in OnCallPool.objects.filter(public_id__in=ids.values())}
    pools: dict[str, OnCallPool] = {}
    created = 0
    for demo in (CENTRE_POOL, BOARD_POOL):
        pool = found.get(ids[demo.key])
        if pool is None:
            owner = owners[demo.key]
            pool = OnCallPool.objects.create(
                public_id=ids[demo.key],
                name=demo.name,
                description=demo.description,
                organisation=owner if isinstance(owner, Organisation) else None,
                centre=owner if isinstance(owner, VolunteerCentre) else None,
                created_by=creators[demo.key],
                created_at=now - datetime.timedelta(days=120),
            )
            created += 1
        pools[demo.key] = pool
    return pools, created


def _candidates(now: datetime.datetime) -> list[VolunteerProfile]:
    """Adult demo volunteers in Utrecht with a profile, in a fixed order."""
    emails = [demo_volunteer_email(n) for n in range(1, CANDIDATE_VOLUNTEERS + 1)]
    return list(
        VolunteerProfile.objects.filter(
            user__email__in=emails,
            user__is_active=True,
            postcode_area__municipality_id=UTRECHT,
            birth_year__lte=now.year - MIN_MEMBER_AGE,
        )
        .select_related("postcode_area")
        .order_by("user__email")
    )


def _membership(
    *, pool: OnCallPool, user_id: int, profile: VolunteerProfile, extra: int, joined_at
) -> PoolMembership:
    area: PostcodeArea = profile.postcode_area
    return PoolMembership(
        pool=pool,
        volunteer_id=user_id,
        # People who join an urgent pool are often free in the evening: never an empty grid.
        availability=(profile.availability or EVENINGS) | extra,
        max_distance_km=max(1, min(profile.max_distance_km or 10, 50)),
        postcode_area=area,
        latitude=area.latitude,
        longitude=area.longitude,
        joined_at=joined_at,
    )


def _members_ensure(
    *, pools: dict[str, OnCallPool], volunteer: User | None, now: datetime.datetime
) -> int:
    candidates = _candidates(now)
    have = set(
        PoolMembership.objects.filter(pool__in=pools.values()).values_list(
            "pool_id", "volunteer_id"
        )
    )
    new: list[PoolMembership] = []
    for demo in (CENTRE_POOL, BOARD_POOL):
        pool = pools[demo.key]
        chosen = candidates[demo.offset : demo.offset + MEMBERS_PER_POOL]
        for index, profile in enumerate(chosen):
            if (pool.pk, profile.user_id) in have:
                continue
            new.append(
                _membership(
                    pool=pool,
                    user_id=profile.user_id,
                    profile=profile,
                    extra=0,
                    joined_at=now - datetime.timedelta(days=100 - index * 2, hours=index),
                )
            )
        if volunteer is not None and (pool.pk, volunteer.pk) not in have:
            profile = (
                VolunteerProfile.objects.filter(user=volunteer, postcode_area__isnull=False)
                .select_related("postcode_area")
                .first()
            )
            if profile is not None:
                new.append(
                    _membership(
                        pool=pool,
                        user_id=volunteer.pk,
                        profile=profile,
                        extra=EVENINGS | WEEKENDS,
                        joined_at=now - datetime.timedelta(days=60),
                    )
                )
    PoolMembership.objects.bulk_create(new)
    return len(new)


def _request_times(demo: DemoRequest, now: datetime.datetime):
    today = timezone.localdate(now)
    if demo is OPEN_REQUEST:  # tomorrow evening, when it cools down
        day = today + datetime.timedelta(days=1)
        return _at(day, 18, 30), _at(day, 21, 0), now - datetime.timedelta(hours=3)
    if demo is FULL_REQUEST:  # a Saturday morning last month
        day = today - datetime.timedelta(days=28 + (today.weekday() - 5) % 7)
        return _at(day, 9, 0), _at(day, 13, 0), _at(day - datetime.timedelta(days=1), 7, 45)
    day = today + datetime.timedelta(days=4)  # called off yesterday: a storm is coming
    return _at(day, 19, 0), _at(day, 21, 0), now - datetime.timedelta(days=3)


def _requests_ensure(
    *,
    pools: dict[str, OnCallPool],
    creators: dict[str, User | None],
    volunteer: User | None,
    now: datetime.datetime,
) -> int:
    ids = {demo.key: demo_id(demo.key) for demo in REQUESTS}
    existing = set(
        OnCallRequest.objects.filter(public_id__in=ids.values()).values_list("public_id", flat=True)
    )
    missing = [demo for demo in REQUESTS if ids[demo.key] not in existing]
    if not missing:
        return 0
    areas = PostcodeArea.objects.in_bulk([demo.postcode for demo in missing])
    created = 0
    invitations: list[OnCallInvitation] = []
    for demo in missing:
        area = areas.get(demo.postcode)
        if area is None:
            continue
        starts_at, ends_at, created_at = _request_times(demo, now)
        oncall_request = OnCallRequest.objects.create(
            public_id=ids[demo.key],
            pool=pools[demo.pool.key],
            title=demo.title,
            description=demo.description,
            starts_at=starts_at,
            ends_at=ends_at,
            place=demo.place,
            postcode_area=area,
            latitude=area.latitude,
            longitude=area.longitude,
            places=demo.places,
            status=demo.status,
            created_by=creators[demo.pool.key],
            created_at=created_at,
            closed_at=now - datetime.timedelta(days=1) if demo is CANCELLED_REQUEST else None,
            broadcast_finished_at=created_at + datetime.timedelta(minutes=2),
        )
        created += 1
        made = _invitations_build(oncall_request, volunteer=volunteer, created_at=created_at)
        oncall_request.eligible_count = len(made)
        oncall_request.save(update_fields=["eligible_count", "places"])
        invitations += made
    OnCallInvitation.objects.bulk_create(invitations)
    return created + len(invitations)


def _invitations_build(
    oncall_request: OnCallRequest, *, volunteer: User | None, created_at: datetime.datetime
) -> list[OnCallInvitation]:
    """Everyone the broadcast would have invited, each in a fitting state of answering."""
    if oncall_request.status == RequestStatus.FULL:
        # Last month's request: everyone then in the pool (availability may have changed).
        members = PoolMembership.objects.filter(pool_id=oncall_request.pool_id).order_by("pk")
    else:
        members = eligible_members(oncall_request)
    member_ids = list(members.values_list("volunteer_id", flat=True))
    demo_volunteer_id = volunteer.pk if volunteer is not None else None
    others = [pk for pk in member_ids if pk != demo_volunteer_id]
    places = oncall_request.places
    statuses: list[tuple[int, str]] = []
    if oncall_request.status == RequestStatus.OPEN:
        # Half the places taken, one "no"; the rest (and the demo volunteer) still to answer.
        answered = [InvitationStatus.CONFIRMED] * (places // 2) + [InvitationStatus.DECLINED]
        statuses = list(zip(others, answered, strict=False))
        statuses += [(pk, InvitationStatus.INVITED) for pk in others[len(answered) :]]
        if demo_volunteer_id in member_ids:
            statuses.append((demo_volunteer_id, InvitationStatus.INVITED))
    elif oncall_request.status == RequestStatus.FULL:
        # The demo volunteer was among the first to say yes; two came too late for a place.
        first = [demo_volunteer_id] if demo_volunteer_id in member_ids else []
        people = first + others
        answered = (
            [InvitationStatus.CONFIRMED] * places
            + [InvitationStatus.RESERVE] * 2
            + [InvitationStatus.DECLINED] * 3
        )
        statuses = list(zip(people, answered, strict=False))
        statuses += [(pk, InvitationStatus.INVITED) for pk in people[len(answered) :]]
        confirmed = sum(1 for _pk, status in statuses if status == InvitationStatus.CONFIRMED)
        if 0 < confirmed < places:  # a small demo: full means every place is taken
            oncall_request.places = confirmed
    else:
        # Called off: those who had said yes were told; the others never answered.
        answered = [InvitationStatus.CANCELLED] * 3 + [InvitationStatus.DECLINED]
        statuses = list(zip(others, answered, strict=False))
        statuses += [(pk, InvitationStatus.INVITED) for pk in others[len(answered) :]]

    notified_at = created_at + datetime.timedelta(minutes=1)
    invitations = []
    for index, (volunteer_id, status) in enumerate(statuses):
        responded = status != InvitationStatus.INVITED
        invitations.append(
            OnCallInvitation(
                public_id=uuid.uuid5(oncall_request.public_id, str(volunteer_id)),
                request=oncall_request,
                volunteer_id=volunteer_id,
                status=status,
                created_at=created_at,
                notified_at=notified_at,
                responded_at=(
                    notified_at + datetime.timedelta(minutes=4 + 3 * index) if responded else None
                ),
            )
        )
    return invitations
