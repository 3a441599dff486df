"""Demo data for development and demonstrations: `manage.py seed_demo`.

Everything here is invented: people, organisations, KvK numbers, phone numbers and e-mail
addresses (example.org and demo.inzet.nl). Street names may exist, the organisations at them
do not. Every demo account shares one publicly known password, so this must never run on a
production site; the management command guards that.

`demo_seed()` is idempotent. It looks up what already exists with a handful of queries and
only creates what is missing, so a second run is quick and creates nothing new. It does not
overwrite changes made to demo records in the meantime.
"""

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from allauth.account.models import EmailAddress

from inzet.accounts.constants import PlatformRoleKind
from inzet.accounts.models import PlatformRole, User
from inzet.accounts.services import platform_role_grant
from inzet.compliance.demo import compliance_demo_seed
from inzet.geo.models import PostcodeArea
from inzet.knowledge.demo import knowledge_demo_seed
from inzet.knowledge.models import Page
from inzet.networks.demo import networks_demo_seed
from inzet.networks.models import Network
from inzet.oncall.demo import oncall_demo_seed
from inzet.organisations.constants import CentreRole, CompanyRole, LegalForm, OrganisationRole
from inzet.organisations.models import (
    CentreMembership,
    Company,
    CompanyMembership,
    Organisation,
    OrganisationMembership,
    Sector,
    VolunteerCentre,
)
from inzet.organisations.services import OrganisationData, centre_save, organisation_register
from inzet.selfevaluation.demo import selfevaluation_demo_seed
from inzet.shifts.demo import shifts_demo_seed
from inzet.vacancies.demo import vacancies_demo_seed

DEMO_PASSWORD = "inzet-demo-2026"  # noqa: S105 - a known password, for demo accounts only

UTRECHT, ZWOLLE, GRONINGEN = "GM0344", "GM0193", "GM0014"


class DemoSeedError(Exception):
    """The demo cannot be seeded, for example because the geodata is not loaded yet."""


@dataclass(frozen=True)
class DemoPerson:
    email: str
    name: str
    postcode: str
    # The role shown in the table of demo logins; empty for the extra people.
    login_role: str = ""


@dataclass(frozen=True)
class DemoCentre:
    name: str
    municipality_code: str
    street: str
    postcode: str
    city: str
    email: str
    phone: str
    website: str
    description: str
    members: tuple[tuple[str, CentreRole], ...]


@dataclass(frozen=True)
class DemoOrganisation:
    name: str
    legal_form: LegalForm
    kvk_number: str  # empty for some organisations that need not register with the KvK
    street: str
    postcode: str
    sectors: tuple[str, ...]  # Sector slugs
    description: str
    admin: str  # e-mail of the person who registers it and so becomes its administrator
    members: tuple[tuple[str, OrganisationRole], ...] = ()
    city: str = ""  # empty: the place of the postcode

    @property
    def email(self) -> str:
        return f"info@{slugify(self.name)}.example.org"

    @property
    def website(self) -> str:
        return f"https://www.example.org/{slugify(self.name)}"


@dataclass(frozen=True)
class DemoCompany:
    name: str
    kvk_number: str
    street: str
    postcode: str
    city: str
    description: str
    website: str
    employee_count: int
    sectors: tuple[str, ...]
    members: tuple[tuple[str, CompanyRole], ...]


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    password: str = DEMO_PASSWORD


@dataclass(frozen=True)
class DemoSeedResult:
    users_created: int
    centres_created: int
    organisations_created: int
    companies_created: int
    memberships_created: int
    # Self-evaluations, keurmerk applications and adviser assignments (selfevaluation/demo.py)
    selfevaluation_created: int
    # Shifts, on-call pools, networks and kennisbank pages (their demo.py modules)
    flexible_created: int
    knowledge_created: int
    logins: tuple[DemoLogin, ...]

    @property
    def created_anything(self) -> bool:
        return any(
            (
                self.users_created,
                self.centres_created,
                self.organisations_created,
                self.companies_created,
                self.memberships_created,
                self.selfevaluation_created,
                self.flexible_created,
                self.knowledge_created,
            )
        )


# --- People -----------------------------------------------------------------------------------

VOLUNTEER = "vrijwilliger@demo.inzet.nl"
BOARD = "bestuur@demo.inzet.nl"
COORDINATOR = "coordinator@demo.inzet.nl"
CENTRE_STAFF = "centrale@demo.inzet.nl"
COMPANY = "bedrijf@demo.inzet.nl"
ADVISER = "adviseur@demo.inzet.nl"
ASSESSOR = "beoordelaar@demo.inzet.nl"
NOV = "nov@demo.inzet.nl"

# Extra people, so organisations and centres have several members.
HENK = "henk.mulder@demo.inzet.nl"
PRIYA = "priya.ramdin@demo.inzet.nl"
THOMAS = "thomas.verbeek@demo.inzet.nl"
ILSE = "ilse.jansen@demo.inzet.nl"
GERRIT = "gerrit.hoekstra@demo.inzet.nl"
AYSE = "ayse.yilmaz@demo.inzet.nl"
BRAM = "bram.kuipers@demo.inzet.nl"
WENDY = "wendy.scholten@demo.inzet.nl"
JELLE = "jelle.dijkstra@demo.inzet.nl"
FEMKE = "femke.wierenga@demo.inzet.nl"
MOHAMMED = "mohammed.aziz@demo.inzet.nl"
TRIJNTJE = "trijntje.bos@demo.inzet.nl"
LOTTE = "lotte.smit@demo.inzet.nl"
ERIK = "erik.brink@demo.inzet.nl"
INEKE = "ineke.oosterhof@demo.inzet.nl"
DENNIS = "dennis.peters@demo.inzet.nl"

PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson(VOLUNTEER, "Fatima el Amrani", "3523", "volunteer"),
    DemoPerson(BOARD, "Jeroen Bakker", "3524", "organisation admin"),
    DemoPerson(COORDINATOR, "Sanne de Vries", "8012", "organisation coordinator"),
    DemoPerson(CENTRE_STAFF, "Marloes Verhoeven", "3511", "centre staff"),
    DemoPerson(COMPANY, "Ruud van der Linden", "3542", "company admin"),
    DemoPerson(ADVISER, "Karim Haddou", "3581", "adviser"),
    DemoPerson(ASSESSOR, "Hanneke Brouwer", "3583", "final assessor"),
    DemoPerson(NOV, "Annelies Koster", "3511", "NOV staff (superuser)"),
    DemoPerson(HENK, "Henk Mulder", "3525"),
    DemoPerson(PRIYA, "Priya Ramdin", "3561"),
    DemoPerson(THOMAS, "Thomas Verbeek", "3531"),
    DemoPerson(ILSE, "Ilse Jansen", "3543"),
    DemoPerson(GERRIT, "Gerrit Hoekstra", "8031"),
    DemoPerson(AYSE, "Ayşe Yılmaz", "8043"),
    DemoPerson(BRAM, "Bram Kuipers", "8011"),
    DemoPerson(WENDY, "Wendy Scholten", "8022"),
    DemoPerson(JELLE, "Jelle Dijkstra", "9724"),
    DemoPerson(FEMKE, "Femke Wierenga", "9711"),
    DemoPerson(MOHAMMED, "Mohammed Aziz", "9741"),
    DemoPerson(TRIJNTJE, "Trijntje Bos", "9751"),
    DemoPerson(LOTTE, "Lotte Smit", "3512"),
    DemoPerson(ERIK, "Erik Brink", "8013"),
    DemoPerson(INEKE, "Ineke Oosterhof", "9712"),
    DemoPerson(DENNIS, "Dennis Peters", "3545"),
)

PLATFORM_ROLES: tuple[tuple[str, PlatformRoleKind], ...] = (
    (ADVISER, PlatformRoleKind.ADVISER),
    (ASSESSOR, PlatformRoleKind.ASSESSOR),
    (NOV, PlatformRoleKind.NOV_STAFF),
)
# NOV staff in the demo may also use the Django admin at /beheer/django/.
SUPERUSERS: frozenset[str] = frozenset({NOV})

# --- Volunteer centres ------------------------------------------------------------------------

CENTRES: tuple[DemoCentre, ...] = (
    DemoCentre(
        name="Vrijwilligerscentrale Utrecht",
        municipality_code=UTRECHT,
        street="Wittevrouwenstraat 12",
        postcode="3512 CT",
        city="Utrecht",
        email="info@vrijwilligerscentrale-utrecht.example.org",
        phone="030-1234567",
        website="https://www.example.org/vrijwilligerscentrale-utrecht",
        description=(
            "Wij helpen inwoners van Utrecht die vrijwilligerswerk zoeken, en organisaties die "
            "vrijwilligers zoeken. Kom langs op ons spreekuur of bel ons gerust."
        ),
        members=((LOTTE, CentreRole.MANAGER), (CENTRE_STAFF, CentreRole.STAFF)),
    ),
    DemoCentre(
        name="IJsselkracht Welzijn – Vrijwilligerscentrale Zwolle",
        municipality_code=ZWOLLE,
        street="Thorbeckegracht 18",
        postcode="8011 VM",
        city="Zwolle",
        email="vrijwilligers@ijsselkracht.example.org",
        phone="038-1234567",
        website="https://www.example.org/ijsselkracht-vrijwilligerscentrale-zwolle",
        description=(
            "De vrijwilligerscentrale van IJsselkracht Welzijn brengt vraag en aanbod samen in "
            "Zwolle. Wij geven ook trainingen aan vrijwilligers en advies aan organisaties."
        ),
        members=((ERIK, CentreRole.MANAGER),),
    ),
    DemoCentre(
        name="Noorderlicht Welzijn – Vrijwilligerspunt Groningen",
        municipality_code=GRONINGEN,
        street="Oosterstraat 55",
        postcode="9711 NR",
        city="Groningen",
        email="vrijwilligerspunt@noorderlicht.example.org",
        phone="050-1234567",
        website="https://www.example.org/noorderlicht-vrijwilligerspunt-groningen",
        description=(
            "Het Vrijwilligerspunt helpt je een plek te vinden waar jij je graag inzet, in de "
            "stad en in de dorpen van de gemeente Groningen. Loop binnen of maak een afspraak."
        ),
        members=((INEKE, CentreRole.MANAGER),),
    ),
)

# --- Organisations ----------------------------------------------------------------------------

ORGANISATIONS: tuple[DemoOrganisation, ...] = (
    # Utrecht (GM0344)
    DemoOrganisation(
        name="Buurthuis De Pelikaan",
        legal_form=LegalForm.FOUNDATION,
        kvk_number="62419873",
        street="Zuilenstraat 14",
        postcode="3552 BK",
        sectors=("buurt", "ouderen"),
        description=(
            "Buurthuis De Pelikaan is een huiskamer voor de wijk. Je kunt hier koffie drinken, "
            "samen eten en meedoen aan activiteiten. Wij zoeken gastvrouwen en gastheren."
        ),
        admin=BOARD,
        members=((HENK, OrganisationRole.COORDINATOR), (PRIYA, OrganisationRole.MEMBER)),
    ),
    DemoOrganisation(
        name="Voetbalvereniging SV Lunetten '72",
        legal_form=LegalForm.ASSOCIATION,
        kvk_number="40478215",
        street="Sportpark Lunetten 2",
        postcode="3524 BL",
        sectors=("sport", "jeugd"),
        description=(
            "Wij zijn een gezellige voetbalclub met meer dan twintig teams. Zonder vrijwilligers "
            "geen wedstrijden: we zoeken trainers, scheidsrechters en hulp in de kantine."
        ),
        admin=BOARD,
        members=((THOMAS, OrganisationRole.MEMBER),),
    ),
    DemoOrganisation(
        name="Repair Café Hoograven",
        legal_form=LegalForm.CITIZENS_INITIATIVE,
        kvk_number="",
        street="Hoogravenseweg 120",
        postcode="3525 BK",
        sectors=("natuur-milieu", "buurt"),
        description=(
            "Elke derde zaterdag van de maand repareren we samen kapotte spullen, zoals lampen, "
            "fietsen en kleding. Zo gooien we minder weg. Handige mensen zijn welkom!"
        ),
        admin=BOARD,
        members=((ILSE, OrganisationRole.MEMBER),),
    ),
    DemoOrganisation(
        name="Stichting Taalhuis Kanaleneiland",
        legal_form=LegalForm.FOUNDATION,
        kvk_number="81536240",
        street="Columbuslaan 44",
        postcode="3526 EP",
        sectors=("onderwijs-taal", "nieuwkomers"),
        description=(
            "Bij het Taalhuis oefenen nieuwe Nederlanders met praten, lezen en schrijven. Een "
            "taalmaatje spreekt één keer per week af met een cursist."
        ),
        admin=PRIYA,
        members=((ILSE, OrganisationRole.MEMBER),),
    ),
    DemoOrganisation(
        name="Voedselhulp Utrecht-West",
        legal_form=LegalForm.FOUNDATION,
        kvk_number="73905128",
        street="Damstraat 21",
        postcode="3531 BR",
        sectors=("armoede",),
        description=(
            "Wij delen elke week voedselpakketten uit aan gezinnen die het even moeilijk hebben. "
            "We zoeken chauffeurs, sorteerders en mensen voor de uitgifte."
        ),
        admin=HENK,
    ),
    DemoOrganisation(
        name="Zorgcentrum Tuindorp-Oost",
        legal_form=LegalForm.CARE_INSTITUTION,
        kvk_number="30219876",
        street="Kastanjelaan 12",
        postcode="3571 TK",
        sectors=("ouderen", "zorg-welzijn"),
        description=(
            "In ons zorgcentrum wonen 120 ouderen. Vrijwilligers wandelen met bewoners, helpen bij "
            "activiteiten of lezen de krant voor."
        ),
        admin=ILSE,
        members=((THOMAS, OrganisationRole.COORDINATOR),),
    ),
    DemoOrganisation(
        name="Protestantse Wijkgemeente De Regenboog Zuilen",
        legal_form=LegalForm.CHURCH,
        kvk_number="76321450",
        street="Amsterdamsestraatweg 480",
        postcode="3553 EK",
        sectors=("religie", "buurt"),
        description=(
            "Onze kerk is een open huis in Zuilen. Naast de dienst op zondag organiseren we een "
            "inloopochtend en een maaltijd voor buurtbewoners."
        ),
        admin=THOMAS,
    ),
    DemoOrganisation(
        name="Natuurwerkgroep Kromme Rijn",
        legal_form=LegalForm.INFORMAL_ASSOCIATION,
        kvk_number="",
        street="Koningsweg 101",
        postcode="3585 LE",
        sectors=("natuur-milieu",),
        description=(
            "Wij zijn een groep natuurliefhebbers. Op zaterdagochtend knotten we wilgen en ruimen "
            "we zwerfafval op. Je hoeft niets van natuur te weten om mee te doen."
        ),
        admin=ILSE,
    ),
    DemoOrganisation(
        name="Speeltuinvereniging De Ooievaar",
        legal_form=LegalForm.ASSOCIATION,
        kvk_number="40483317",
        street="Vechtdreef 18",
        postcode="3563 AK",
        sectors=("jeugd", "buurt"),
        description=(
            "Onze speeltuin is een veilige plek om te spelen voor kinderen uit Overvecht. "
            "Vrijwilligers houden toezicht, doen klusjes en helpen bij het zomerfeest."
        ),
        admin=PRIYA,
    ),
    DemoOrganisation(
        name="Coöperatie Energiek Leidsche Rijn U.A.",
        legal_form=LegalForm.COOPERATIVE,
        kvk_number="68201944",
        street="Parkzichtlaan 5",
        postcode="3544 MC",
        sectors=("natuur-milieu", "buurt"),
        description=(
            "Wij zijn een energiecoöperatie van en voor bewoners. Samen leggen we zonnepanelen op "
            "daken en geven we energieadvies aan buren."
        ),
        admin=THOMAS,
    ),
    DemoOrganisation(
        name="Restaurant De Gedeelde Tafel BV",
        legal_form=LegalForm.SOCIAL_ENTERPRISE,
        kvk_number="85327190",
        street="Twijnstraat 33",
        postcode="3511 ZL",
        sectors=("beperking", "buurt"),
        description=(
            "Restaurant De Gedeelde Tafel is een sociale onderneming. Mensen met afstand tot werk "
            "leren hier koken en bedienen. Vrijwilligers helpen als gastheer of als maatje."
        ),
        admin=HENK,
    ),
    DemoOrganisation(
        name="Bewonersinitiatief Groen Lombok",
        legal_form=LegalForm.CITIZENS_INITIATIVE,
        kvk_number="",
        street="Kanaalstraat 150",
        postcode="3531 CK",
        sectors=("natuur-milieu", "buurt"),
        description=(
            "Met buurtbewoners maken we van grijze stoepen groene plekken. We leggen geveltuinen "
            "aan en zorgen samen voor de bomen in de straat."
        ),
        admin=THOMAS,
    ),
    DemoOrganisation(
        name="Stichting Digitaal Fit Utrecht",
        legal_form=LegalForm.FOUNDATION,
        kvk_number="90158724",
        street="Neude 11",
        postcode="3512 AE",
        sectors=("digitaal", "ouderen"),
        description=(
            "Wij helpen ouderen met hun telefoon, tablet en computer. Onze digihulpen geven les in "
            "de bibliotheek en komen ook bij mensen thuis."
        ),
        admin=ILSE,
    ),
    DemoOrganisation(
        name="Stichting Welkom in Vleuten",
        legal_form=LegalForm.FOUNDATION,
        kvk_number="87012456",
        street="Dorpsstraat 25",
        postcode="3451 BN",
        sectors=("nieuwkomers",),
        description=(
            "Wij helpen statushouders in Vleuten en De Meern hun weg te vinden. Een maatje helpt "
            "met de post, de buurt en de weg naar werk of school."
        ),
        admin=PRIYA,
    ),
    DemoOrganisation(
        name="Historische Vereniging Oud-De Meern",
        legal_form=LegalForm.ASSOCIATION,
        kvk_number="40481962",
        street="Meerndijk 30",
        postcode="3453 HP",
        sectors=("cultuur-erfgoed",),
        description=(
            "Wij bewaren en vertellen de geschiedenis van De Meern. Vrijwilligers werken in ons "
            "archief, geven rondleidingen en schrijven voor ons tijdschrift."
        ),
        admin=HENK,
    ),
    # Zwolle (GM0193)
    DemoOrganisation(
        name="Scouting Paulus Zwolle",
        legal_form=LegalForm.ASSOCIATION,
        kvk_number="40059812",
        street="Holtenbroekerweg 12",
        postcode="8031 KB",
        sectors=("jeugd",),
        description=(
            "Elke zaterdag beleven kinderen van 5 tot 17 jaar avonturen in en rond ons clubhuis. "
            "We zoeken leiding voor de welpen en hulp bij het zomerkamp."
        ),
        admin=GERRIT,
        members=((COORDINATOR, OrganisationRole.COORDINATOR), (BRAM, OrganisationRole.MEMBER)),
    ),
    DemoOrganisation(
        name="Stichting Voedselhulp Zwolle-Zuid",
        legal_form=LegalForm.FOUNDATION,
        kvk_number="64237819",
        street="Assendorperstraat 60",
        postcode="8012 DH",
        sectors=("armoede",),
        description=(
            "Wij geven elke week boodschappenpakketten aan inwoners van Zwolle-Zuid met weinig "
            "geld. Je kunt helpen met sorteren, rijden of een praatje bij de uitgifte."
        ),
        admin=WENDY,
        members=((COORDINATOR, OrganisationRole.COORDINATOR), (AYSE, OrganisationRole.MEMBER)),
    ),
    DemoOrganisation(
        name="Harmonie Stadshagen",
        legal_form=LegalForm.ASSOCIATION,
        kvk_number="40061735",
        street="Stadshagenallee 90",
        postcode="8043 AP",
        sectors=("cultuur-erfgoed", "evenementen"),
        description=(
            "Onze harmonie speelt op concerten, bij de dodenherdenking en bij de intocht van "
            "Sinterklaas. We zoeken ook mensen voor de bar, het decor en de website."
        ),
        admin=AYSE,
    ),
    DemoOrganisation(
        name="Kerkgemeenschap De Ark Zwolle-Noord",
        legal_form=LegalForm.CHURCH,
        kvk_number="76548213",
        street="Tesselschadestraat 22",
        postcode="8021 HT",
        sectors=("religie", "ouderen"),
        description=(
            "Wij zijn een kerk in Zwolle-Noord. Vrijwilligers bezoeken oudere gemeenteleden, "
            "helpen bij de koffie na de dienst en rijden mensen naar de kerk."
        ),
        admin=BRAM,
    ),
    DemoOrganisation(
        name="Zorgboerderij De Vechtweide",
        legal_form=LegalForm.CARE_INSTITUTION,
        kvk_number="09183472",
        street="Vechtdijk 88",
        postcode="8026 PN",
        sectors=("beperking", "dieren", "zorg-welzijn"),
        description=(
            "Op onze zorgboerderij werken mensen met een beperking samen met de boer en de dieren. "
            "Vrijwilligers helpen in de moestuin, bij de dieren en in het winkeltje."
        ),
        admin=WENDY,
    ),
    DemoOrganisation(
        name="Buurtteam Aa-landen Doet",
        legal_form=LegalForm.CITIZENS_INITIATIVE,
        kvk_number="",
        street="Middelweg 3",
        postcode="8033 CA",
        sectors=("buurt",),
        description=(
            "Wij zijn bewoners die klusjes doen voor buren die dat zelf niet meer kunnen, zoals "
            "een lamp ophangen of de tuin bijhouden. Ook een uurtje helpen is welkom."
        ),
        admin=GERRIT,
    ),
    DemoOrganisation(
        name="Stichting Taalcafé Diezerpoort",
        legal_form=LegalForm.FOUNDATION,
        kvk_number="91846052",
        street="Diezerstraat 120",
        postcode="8011 RK",
        sectors=("nieuwkomers", "onderwijs-taal"),
        description=(
            "In ons taalcafé praten nieuwkomers en Zwollenaren met elkaar in het Nederlands. We "
            "zoeken gespreksleiders die geduldig zijn en graag luisteren."
        ),
        admin=AYSE,
    ),
    DemoOrganisation(
        name="Tennisvereniging Westenholte",
        legal_form=LegalForm.ASSOCIATION,
        kvk_number="40063390",
        street="Westenholterallee 5",
        postcode="8041 AB",
        sectors=("sport",),
        description=(
            "Onze tennisclub heeft acht banen en ruim 400 leden. Vrijwilligers helpen bij "
            "toernooien, het onderhoud van het park en de jeugdtraining."
        ),
        admin=BRAM,
    ),
    DemoOrganisation(
        name="Fietsmaatjes IJsselland",
        legal_form=LegalForm.INFORMAL_ASSOCIATION,
        kvk_number="",
        street="Schellerweg 2",
        postcode="8017 AJ",
        sectors=("ouderen", "beperking"),
        description=(
            "Op onze duofietsen maken vrijwilligers fietstochten met ouderen en mensen met een "
            "beperking. Zo komt iemand weer lekker buiten."
        ),
        admin=WENDY,
    ),
    DemoOrganisation(
        name="Kringloop De Tweede Ronde BV",
        legal_form=LegalForm.SOCIAL_ENTERPRISE,
        kvk_number="72649301",
        street="Hanzelaan 90",
        postcode="8017 JE",
        sectors=("natuur-milieu", "armoede"),
        description=(
            "Onze kringloopwinkel geeft spullen een tweede leven. Vrijwilligers sorteren, prijzen "
            "en verkopen, samen met medewerkers die werkervaring opdoen."
        ),
        admin=GERRIT,
    ),
    DemoOrganisation(
        name="Stichting Huiswerkklas Holtenbroek",
        legal_form=LegalForm.FOUNDATION,
        kvk_number="88420173",
        street="Pletterstraat 15",
        postcode="8032 VD",
        sectors=("jeugd", "onderwijs-taal"),
        description=(
            "Na school helpen vrijwilligers kinderen uit groep 7 en 8 en de brugklas met hun "
            "huiswerk. Zo krijgen ze een goede start op de middelbare school."
        ),
        admin=AYSE,
    ),
    DemoOrganisation(
        name="Coöperatie Stadsboerderij Zwolle U.A.",
        legal_form=LegalForm.COOPERATIVE,
        kvk_number="70328415",
        street="Oldeneelallee 40",
        postcode="8024 AM",
        sectors=("natuur-milieu", "buurt"),
        description=(
            "Wij zijn een stadsboerderij van buurtbewoners. Je kunt helpen in de groentetuin, bij "
            "de kippen of bij het organiseren van de oogstmarkt."
        ),
        admin=BRAM,
    ),
    DemoOrganisation(
        name="Werkgroep Open Monumentendag Zwolle",
        legal_form=LegalForm.OTHER,
        kvk_number="",
        street="Melkmarkt 41",
        postcode="8011 MC",
        sectors=("cultuur-erfgoed", "evenementen"),
        description=(
            "Wij organiseren elk jaar de Open Monumentendag in Zwolle. Vrijwilligers ontvangen "
            "bezoekers in een monument of helpen bij de rondleidingen."
        ),
        admin=GERRIT,
    ),
    # Groningen (GM0014)
    DemoOrganisation(
        name="Repair Café Oosterpoort",
        legal_form=LegalForm.CITIZENS_INITIATIVE,
        kvk_number="",
        street="Meeuwerderweg 40",
        postcode="9724 ER",
        sectors=("natuur-milieu", "buurt"),
        description=(
            "Kapotte broodrooster of een scheur in je jas? Bij ons repareer je het samen met een "
            "vrijwilliger. We zoeken nog iemand die goed is met een naaimachine."
        ),
        admin=JELLE,
    ),
    DemoOrganisation(
        name="Stichting Taalmaatjes Groningen",
        legal_form=LegalForm.FOUNDATION,
        kvk_number="01094835",
        street="Oude Boteringestraat 30",
        postcode="9712 GJ",
        sectors=("onderwijs-taal", "nieuwkomers"),
        description=(
            "Een taalmaatje spreekt een jaar lang elke week af met iemand die Nederlands leert. "
            "Jullie praten, doen boodschappen of gaan samen naar de bibliotheek."
        ),
        admin=FEMKE,
        members=((MOHAMMED, OrganisationRole.MEMBER),),
    ),
    DemoOrganisation(
        name="Korfbalvereniging De Stadjers",
        legal_form=LegalForm.ASSOCIATION,
        kvk_number="40021536",
        street="Sportlaan 10",
        postcode="9728 PH",
        sectors=("sport", "jeugd"),
        description=(
            "Korfbal is een gemengde sport voor jong en oud. Wij zoeken trainers voor de jeugd, "
            "mensen voor de kantine en iemand die de wedstrijden plant."
        ),
        admin=MOHAMMED,
    ),
    DemoOrganisation(
        name="Buurtkamer Selwerd",
        legal_form=LegalForm.INFORMAL_ASSOCIATION,
        kvk_number="93017284",
        street="Iepenlaan 5",
        postcode="9741 KB",
        sectors=("buurt", "ouderen"),
        description=(
            "De Buurtkamer is een plek waar je zomaar binnenloopt voor koffie en een praatje. "
            "Vrijwilligers schenken koffie en organiseren spelletjesmiddagen."
        ),
        admin=FEMKE,
    ),
    DemoOrganisation(
        name="Woonzorgcentrum De Wierde",
        legal_form=LegalForm.CARE_INSTITUTION,
        kvk_number="02078451",
        street="Paterswoldseweg 200",
        postcode="9727 BT",
        sectors=("ouderen", "zorg-welzijn"),
        description=(
            "In De Wierde wonen ouderen met dementie. Vrijwilligers gaan met bewoners wandelen, "
            "zingen samen of helpen bij de maaltijd."
        ),
        admin=TRIJNTJE,
        members=((JELLE, OrganisationRole.COORDINATOR),),
    ),
    DemoOrganisation(
        name="Stichting Kinderboerderij Beijum",
        legal_form=LegalForm.FOUNDATION,
        kvk_number="41016843",
        street="Beijumerweg 1",
        postcode="9736 AB",
        sectors=("dieren", "jeugd"),
        description=(
            "Op onze kinderboerderij leven geiten, schapen, kippen en konijnen. Vrijwilligers "
            "voeren de dieren, maken de hokken schoon en vertellen kinderen over de dieren."
        ),
        admin=JELLE,
    ),
    DemoOrganisation(
        name="Wijkgemeente De Fontein Haren",
        legal_form=LegalForm.CHURCH,
        kvk_number="76201893",
        street="Rijksstraatweg 160",
        postcode="9752 BM",
        sectors=("religie",),
        description=(
            "Wij zijn een open kerk in Haren. Vrijwilligers helpen bij de maaltijd voor "
            "alleenstaanden, de kledingbank en de kinderdienst."
        ),
        admin=TRIJNTJE,
        city="Haren",
    ),
    DemoOrganisation(
        name="Stichting Geldwijs Groningen",
        legal_form=LegalForm.FOUNDATION,
        kvk_number="80562137",
        street="Siersteenlaan 400",
        postcode="9743 EM",
        sectors=("armoede",),
        description=(
            "Onze vrijwilligers helpen mensen hun papieren en geldzaken op orde te brengen. Je "
            "krijgt een training en werkt altijd met een vaste begeleider."
        ),
        admin=MOHAMMED,
    ),
    DemoOrganisation(
        name="Stichting Wijkfestival Lewenborg",
        legal_form=LegalForm.FOUNDATION,
        kvk_number="85219046",
        street="Kievietsweg 1",
        postcode="9733 AA",
        sectors=("evenementen", "buurt"),
        description=(
            "Elk jaar in juni organiseren we een gratis festival met muziek, eten en spelletjes "
            "voor de hele wijk. We zoeken hulp bij de opbouw, de bar en de kinderhoek."
        ),
        admin=JELLE,
    ),
    DemoOrganisation(
        name="Fietsenwerkplaats De Spaak BV",
        legal_form=LegalForm.SOCIAL_ENTERPRISE,
        kvk_number="86473012",
        street="Damsterdiep 50",
        postcode="9711 SM",
        sectors=("natuur-milieu", "beperking"),
        description=(
            "In onze werkplaats knappen we oude fietsen op voor mensen met weinig geld. "
            "Vrijwilligers leren mensen met afstand tot werk sleutelen."
        ),
        admin=FEMKE,
    ),
    DemoOrganisation(
        name="Dorpsvereniging Ten Boer",
        legal_form=LegalForm.ASSOCIATION,
        kvk_number="40024419",
        street="Stationsstraat 3",
        postcode="9791 CE",
        sectors=("buurt", "evenementen"),
        description=(
            "Onze dorpsvereniging organiseert Koningsdag, de kerstmarkt en de jaarlijkse "
            "schoonmaak van het dorp. Meedenken en meehelpen kan altijd."
        ),
        admin=TRIJNTJE,
    ),
    DemoOrganisation(
        name="Stichting Vrijwillige Thuishulp Groningen",
        legal_form=LegalForm.CARE_INSTITUTION,
        kvk_number="41012398",
        street="Hereweg 88",
        postcode="9725 AE",
        sectors=("zorg-welzijn", "ouderen"),
        description=(
            "Onze vrijwilligers helpen mensen thuis, bijvoorbeeld mantelzorgers die even rust "
            "nodig hebben. Je krijgt een goede inwerkperiode."
        ),
        admin=MOHAMMED,
    ),
)

# --- Company (Good Busy) ----------------------------------------------------------------------

COMPANIES: tuple[DemoCompany, ...] = (
    DemoCompany(
        name="Bouwbedrijf Van der Linden BV",
        kvk_number="30198457",
        street="Industrieweg 12",
        postcode="3542 AD",
        city="Utrecht",
        description=(
            "Familiebedrijf in de bouw met 85 medewerkers. Onze mensen klussen twee dagen per "
            "jaar bij maatschappelijke organisaties in de regio."
        ),
        website="https://www.example.org/bouwbedrijf-van-der-linden",
        employee_count=85,
        sectors=("buurt", "ouderen"),
        members=((COMPANY, CompanyRole.ADMIN), (DENNIS, CompanyRole.MEMBER)),
    ),
)


# --- Seeding ----------------------------------------------------------------------------------


def demo_logins() -> tuple[DemoLogin, ...]:
    return tuple(DemoLogin(p.login_role, p.email) for p in PEOPLE if p.login_role)


@transaction.atomic
def demo_seed() -> DemoSeedResult:
    """Create whatever part of the demo data is missing; return what was created."""
    areas = _postcode_areas()
    users, users_created = _people_ensure()
    sectors = Sector.objects.in_bulk(field_name="slug")
    centres_created, centre_members = _centres_ensure(users=users, areas=areas)
    organisations_created, organisation_members = _organisations_ensure(
        users=users, sectors=sectors
    )
    companies_created, company_members = _companies_ensure(
        users=users, areas=areas, sectors=sectors
    )
    compliance_demo_seed(users=users, board_email=BOARD)
    vacancies_demo_seed(users=users)  # ~1,500 vacancies and ~3,000 volunteers (vacancies/demo.py)
    # Self-evaluations and keurmerken need the organisations and the adviser and assessor roles.
    selfevaluation_created = selfevaluation_demo_seed(users=users)
    flexible_created = oncall_demo_seed(users=users) + shifts_demo_seed(users=users)
    knowledge_created = _knowledge_and_networks_ensure(users=users)
    return DemoSeedResult(
        users_created=users_created,
        centres_created=centres_created,
        organisations_created=organisations_created,
        companies_created=companies_created,
        memberships_created=centre_members + organisation_members + company_members,
        selfevaluation_created=selfevaluation_created,
        flexible_created=flexible_created,
        knowledge_created=knowledge_created,
        logins=demo_logins(),
    )


def _knowledge_and_networks_ensure(*, users: dict[str, User]) -> int:
    """Five networks (centre staff, coordinators, board members, the Wet- & Regelgeving
    network) and the kennisbank; return how many networks and pages were created."""
    before = Network.objects.count() + Page.objects.count()
    # The first person of the list moderates; the demo logins come first so they see inside.
    people = [
        users[email]
        for email in (CENTRE_STAFF, BOARD, COORDINATOR, ADVISER, VOLUNTEER, HENK, PRIYA, LOTTE)
        if email in users
    ]
    networks = networks_demo_seed(staff_user=users[NOV], users=people)
    knowledge_demo_seed(staff_user=users[NOV], network_by_slug=networks)
    return Network.objects.count() + Page.objects.count() - before


def _postcode_areas() -> dict[str, PostcodeArea]:
    """The PC4 areas the demo uses; refuse early when the geodata is not loaded."""
    needed = {record.postcode[:4] for record in (*CENTRES, *ORGANISATIONS, *COMPANIES, *PEOPLE)}
    areas = PostcodeArea.objects.select_related("municipality").in_bulk(sorted(needed))
    missing = sorted(needed - set(areas))
    if missing:
        raise DemoSeedError(
            f"Postcodes {', '.join(missing)} are unknown. Load the geodata first: "
            "manage.py load_geodata"
        )
    return areas


def _people_ensure() -> tuple[dict[str, User], int]:
    """Every demo person exists, can log in (verified primary e-mail) and has their roles."""
    users = {u.email: u for u in User.objects.filter(email__in=[p.email for p in PEOPLE])}
    # Hashing is deliberately slow, so hash the shared password once and only when needed.
    password_hash = ""
    created = 0
    for person in PEOPLE:
        if person.email in users:
            continue
        password_hash = password_hash or make_password(DEMO_PASSWORD)
        user = User(email=person.email, name=person.name, postcode=person.postcode)
        user.password = password_hash
        user.save()
        users[person.email] = user
        created += 1

    for email in SUPERUSERS:
        user = users[email]
        if not (user.is_staff and user.is_superuser):
            user.is_staff = user.is_superuser = True
            user.save(update_fields=["is_staff", "is_superuser"])

    verified = set(
        EmailAddress.objects.filter(
            user__in=users.values(), verified=True, primary=True
        ).values_list("email", flat=True)
    )
    for email, user in users.items():
        if email not in verified:
            EmailAddress.objects.filter(user=user).exclude(email=email).update(primary=False)
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )

    existing_roles = set(
        PlatformRole.objects.filter(
            user__in=[users[email] for email, _role in PLATFORM_ROLES]
        ).values_list("user__email", "role")
    )
    for email, role in PLATFORM_ROLES:
        if (email, role) not in existing_roles:
            platform_role_grant(user=users[email], role=role)
    return users, created


def _centres_ensure(*, users: dict[str, User], areas: dict[str, PostcodeArea]) -> tuple[int, int]:
    # Names are not unique in the database; the first match is the demo's.
    centres: dict[str, VolunteerCentre] = {}
    for centre in VolunteerCentre.objects.filter(name__in=[c.name for c in CENTRES]):
        centres.setdefault(centre.name, centre)
    created = 0
    for demo in CENTRES:
        if demo.name in centres:
            continue
        area = areas[demo.postcode[:4]]
        centres[demo.name] = centre_save(
            name=demo.name,
            municipality_codes=[demo.municipality_code],
            street=demo.street,
            postcode=demo.postcode,
            city=demo.city,
            postcode_area_id=area.pk,
            municipality_id=area.municipality_id,
            email=demo.email,
            phone=demo.phone,
            website=demo.website,
            description=demo.description,
        )
        created += 1

    existing = set(
        CentreMembership.objects.filter(centre__in=centres.values()).values_list(
            "centre_id", "user_id"
        )
    )
    new_members = [
        CentreMembership(centre=centres[demo.name], user=users[email], role=role)
        for demo in CENTRES
        for email, role in demo.members
        if (centres[demo.name].pk, users[email].pk) not in existing
    ]
    CentreMembership.objects.bulk_create(new_members)
    return created, len(new_members)


def _organisations_ensure(*, users: dict[str, User], sectors: dict[str, Sector]) -> tuple[int, int]:
    """Register missing organisations through the normal service, so its checks apply."""
    kvk_numbers = [o.kvk_number for o in ORGANISATIONS if o.kvk_number]
    names = [o.name for o in ORGANISATIONS if not o.kvk_number]
    found = Organisation.objects.filter(
        Q(kvk_number__in=kvk_numbers) | Q(kvk_number="", name__in=names)
    )
    by_kvk = {o.kvk_number: o for o in found if o.kvk_number}
    by_name = {o.name: o for o in found if not o.kvk_number}

    organisations: list[tuple[DemoOrganisation, Organisation]] = []
    created = 0
    for demo in ORGANISATIONS:
        organisation = by_kvk.get(demo.kvk_number) if demo.kvk_number else by_name.get(demo.name)
        if organisation is None:
            organisation = organisation_register(
                user=users[demo.admin],
                data=OrganisationData(
                    name=demo.name,
                    legal_form=demo.legal_form,
                    kvk_number=demo.kvk_number,
                    street=demo.street,
                    postcode=demo.postcode,
                    city=demo.city,
                    description=demo.description,
                    email=demo.email,
                    website=demo.website,
                    sectors=tuple(sectors[s] for s in demo.sectors if s in sectors),
                ),
            )
            created += 1
        organisations.append((demo, organisation))

    existing = set(
        OrganisationMembership.objects.filter(
            organisation__in=[o for _demo, o in organisations]
        ).values_list("organisation_id", "user_id")
    )
    new_members = [
        OrganisationMembership(organisation=organisation, user=users[email], role=role)
        for demo, organisation in organisations
        for email, role in ((demo.admin, OrganisationRole.ADMIN), *demo.members)
        if (organisation.pk, users[email].pk) not in existing
    ]
    OrganisationMembership.objects.bulk_create(new_members)
    # Memberships that organisation_register made count as part of creating the organisation.
    return created, len(new_members)


def _companies_ensure(
    *, users: dict[str, User], areas: dict[str, PostcodeArea], sectors: dict[str, Sector]
) -> tuple[int, int]:
    companies: dict[str, Company] = {}
    for company in Company.objects.filter(name__in=[c.name for c in COMPANIES]):
        companies.setdefault(company.name, company)
    created = 0
    for demo in COMPANIES:
        if demo.name in companies:
            continue
        area = areas[demo.postcode[:4]]
        company = Company.objects.create(
            name=demo.name,
            kvk_number=demo.kvk_number,
            street=demo.street,
            postcode=demo.postcode,
            city=demo.city,
            postcode_area=area,
            municipality=area.municipality,
            description=demo.description,
            website=demo.website,
            employee_count=demo.employee_count,
        )
        company.sectors.set([sectors[s] for s in demo.sectors if s in sectors])
        companies[demo.name] = company
        created += 1

    existing = set(
        CompanyMembership.objects.filter(company__in=companies.values()).values_list(
            "company_id", "user_id"
        )
    )
    new_members = [
        CompanyMembership(company=companies[demo.name], user=users[email], role=role)
        for demo in COMPANIES
        for email, role in demo.members
        if (companies[demo.name].pk, users[email].pk) not in existing
    ]
    CompanyMembership.objects.bulk_create(new_members)
    return created, len(new_members)
