"""Demo content for the toolbox: knelpunten and a saved checklist, so NOV's overview and
"my checklists" show something real in `make run`. Idempotent."""

from decimal import Decimal

from inzet.accounts.models import User
from inzet.geo.models import Municipality
from inzet.organisations.models import Organisation, Sector

from .models import Bottleneck, SavedCheck
from .services import saved_check_save

# (topic, rule key, municipality code, sector slug, description)
BOTTLENECKS = [
    (
        "allowance",
        "allowance.within_limits",
        "GM0344",
        "sport",
        "Onze trainers krijgen € 5 per uur. Bij drie trainingen per week komen ze boven het "
        "maandbedrag en dan is alles belast. Dat schrikt vrijwilligers af.",
    ),
    (
        "allowance",
        "allowance.per_volunteer",
        "GM0193",
        "zorg-welzijn",
        "Vrijwilligers die bij twee organisaties helpen, weten niet dat de grens voor beide samen "
        "geldt. Wij kunnen dat niet controleren.",
    ),
    (
        "allowance",
        "allowance.within_limits",
        "GM0014",
        "cultuur-erfgoed",
        "Het uurbedrag voor jongeren onder 21 is zo laag dat scholieren liever betaald werk nemen.",
    ),
    (
        "vog",
        "vog.free_vog",
        "GM0344",
        "jeugd",
        "Voor de Gratis VOG hebben we eHerkenning nodig. Dat kost geld en tijd voor een kleine "
        "vereniging zonder betaalde krachten.",
    ),
    (
        "vog",
        "vog.free_vog",
        "GM0193",
        "ouderen",
        "De aanvraag voor de Gratis VOG liep vast omdat we geen KvK-inschrijving hebben als "
        "informele groep.",
    ),
    (
        "ubo",
        "ubo.register",
        "GM0014",
        "buurt",
        "We moesten alle bestuursleden als UBO inschrijven, met kopie paspoort. Twee "
        "bestuursleden zijn daarom gestopt.",
    ),
    (
        "ubo",
        "ubo.register",
        "GM0344",
        "natuur-milieu",
        "Het is niet duidelijk wie bij onze stichting als UBO telt. De KvK verwijst naar de "
        "notaris.",
    ),
    (
        "wbtr",
        "wbtr.absence_clause",
        "GM0193",
        "religie",
        "Een statutenwijziging bij de notaris kost ons meer dan we in een jaar aan contributie "
        "binnenkrijgen.",
    ),
    (
        "avg",
        "avg.processing_register",
        "GM0014",
        "sport",
        "Een verwerkingsregister bijhouden is voor vrijwillige bestuurders lastig. Een eenvoudig "
        "voorbeeld zou helpen.",
    ),
    (
        "avg",
        "avg.photos_minors",
        "GM0344",
        "jeugd",
        "Toestemming van ouders voor foto's bij elk toernooi opnieuw vragen kost veel werk.",
    ),
    (
        "asylum",
        "asylum.volunteer_statement",
        "GM0193",
        "nieuwkomers",
        "De vrijwilligersverklaring van het UWV duurde vijf weken. De bewoners van het azc wilden "
        "direct beginnen.",
    ),
    (
        "lottery",
        "lottery.municipal_permit",
        "GM0014",
        "buurt",
        "Voor een kleine loterij op de buurtmarkt moeten we een vergunning aanvragen. De "
        "gemeente reageert pas na zes weken.",
    ),
    (
        "benefits",
        "benefits.uwv_benefit",
        "GM0344",
        "armoede",
        "Vrijwilligers met een WW-uitkering weten niet of ze toestemming moeten vragen of alleen "
        "moeten melden.",
    ),
    (
        "other",
        "",
        "GM0193",
        "evenementen",
        "Voor ons jaarlijkse festival gelden regels van de gemeente, de brandweer en de "
        "Belastingdienst. Niemand heeft het overzicht.",
    ),
]

DEMO_CHECK_ANSWERS = {
    "legal_form": "foundation",
    "board_size": 3,
    "has_supervisory_body": False,
    "statutes_multiple_votes": False,
    "statutes_absence_clause": False,
    "paid_staff": False,
    "volunteer_count": 45,
    "volunteers_under_18": True,
    "pregnant_volunteers": False,
    "serious_risks": False,
    "works_with_vulnerable": True,
    "vog_required_by_law": False,
    "has_code_of_conduct": True,
    "has_selection_policy": False,
    "has_confidential_adviser": False,
    "volunteers_with_benefit": True,
    "volunteers_asylum_seekers": False,
    "processes_personal_data": True,
    "special_category_data": False,
    "uses_external_services": True,
    "publishes_photos": True,
    "photos_of_minors": True,
    "pays_allowance": True,
    "allowance_per_hour": Decimal("5.00"),
    "allowance_per_month": Decimal("200.00"),
    "allowance_per_year": Decimal("1800.00"),
    "youngest_paid_volunteer_age": 17,
    "anbi_status": "yes",
    "fundraising": True,
    "annual_income": Decimal("38000.00"),
    "annual_expenses": Decimal("35500.00"),
    "lottery": True,
    "lottery_prize_value": Decimal("1200.00"),
    "events": True,
    "bar_canteen": False,
    "has_liability_insurance": True,
}


def compliance_demo_seed(*, users: dict[str, User], board_email: str) -> int:
    """Create the demo knelpunten and one saved checklist if they are not there yet."""
    created = 0
    reporters = sorted(users.values(), key=lambda u: u.email)
    if not Bottleneck.objects.filter(reported_by__in=reporters).exists():
        municipalities = Municipality.objects.in_bulk([row[2] for row in BOTTLENECKS])
        sectors = Sector.objects.in_bulk(field_name="slug")
        for index, (topic, rule_key, code, sector, text) in enumerate(BOTTLENECKS):
            reporter = reporters[index % len(reporters)]
            Bottleneck.objects.create(
                topic=topic,
                rule_key=rule_key,
                description=text,
                municipality=municipalities.get(code),
                sector=sectors.get(sector),
                organisation=Organisation.objects.filter(memberships__user=reporter).first(),
                reported_by=reporter,
            )
            created += 1
    board = users[board_email]
    if not SavedCheck.objects.filter(owner=board).exists():
        saved_check_save(
            owner=board,
            name="Checklist stichting (demo)",
            answers=DEMO_CHECK_ANSWERS,
            organisation=Organisation.objects.filter(memberships__user=board).first(),
        )
        created += 1
    return created
