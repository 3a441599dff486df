# The starting set of the Zelfevaluatie Vrijwillige Inzet Goed Geregeld: Inzet's own wording,
# published as version 1 so organisations can start. NOV replaces it with its official text by
# drafting a new version in the management site (see docs/zelfevaluatie.md).
#
# The content is plain data here on purpose: a migration must not change when the code does.

from decimal import Decimal

from django.db import migrations
from django.utils import timezone

SLUG = "vrijwillige-inzet-goed-geregeld"
NAME = "Vrijwillige Inzet Goed Geregeld – startset"
INTRODUCTION = (
    "Met deze zelfevaluatie kijk je samen hoe goed het vrijwilligerswerk in je organisatie "
    "geregeld is. Je geeft bij elke uitspraak aan in hoeverre die klopt: helemaal niet, een "
    "beetje, grotendeels of helemaal. Vraag ook je vrijwilligers om mee te doen. Bespreek "
    "daarna samen de uitkomst en kies wat je wilt verbeteren.\n\n"
    "Heeft je organisatie minder dan 100 vrijwilligers en minder dan 2 fte betaalde "
    "krachten? Dan beantwoord je alleen de uitspraken met een ster.\n\n"
    "Let op: dit is een startset. Inzet heeft deze uitspraken zelf geschreven, zodat je "
    "alvast kunt beginnen. NOV vervangt ze later door de officiële tekst van de "
    "zelfevaluatie Vrijwillige Inzet Goed Geregeld."
)
MINIMUM_SCORE = Decimal("2.50")

# (code, name, phase, description, statements)
# statement: (code, text, volunteer_text, evidence_hint, starred)
PARTS = [
    (
        "A",
        "Richten",
        "richten",
        "Waar staat je organisatie voor, en welke plek hebben vrijwilligers daarin?",
        [
            (
                "A1",
                "We hebben het doel van onze organisatie op papier gezet. Bestuur, "
                "medewerkers en vrijwilligers kennen het.",
                "Ik weet wat mijn organisatie wil bereiken.",
                "statuten, beleidsplan, jaarplan",
                True,
            ),
            (
                "A2",
                "We hebben beschreven wat vrijwilligers bijdragen aan het doel van onze "
                "organisatie.",
                "Ik weet hoe mijn vrijwilligerswerk helpt om het doel van mijn organisatie te "
                "halen.",
                "beleidsplan, jaarplan, jaarverslag",
                True,
            ),
            (
                "A3",
                "We hebben een visie op het werken met vrijwilligers. Die staat in ons "
                "vrijwilligersbeleid.",
                "Mijn organisatie heeft op papier staan hoe ze met vrijwilligers werkt.",
                "vrijwilligersbeleid, beleidsplan",
                True,
            ),
            (
                "A4",
                "We hebben afgesproken welk werk betaalde krachten doen en welk werk "
                "vrijwilligers doen.",
                "Ik weet welk werk vrijwilligers doen en welk werk betaalde medewerkers doen.",
                "vrijwilligersbeleid, taakomschrijvingen, functieomschrijvingen",
                False,
            ),
            (
                "A5",
                "Het bestuur en de leiding vinden vrijwilligers belangrijk. Ze maken tijd en "
                "geld vrij voor het vrijwilligerswerk.",
                "In mijn organisatie laat de leiding merken dat vrijwilligers belangrijk "
                "zijn.",
                "begroting, bestuursverslag, notulen van het bestuur",
                False,
            ),
            (
                "A6",
                "Iedereen die wil helpen, is bij ons welkom als vrijwilliger. We letten erop "
                "dat niemand buiten de boot valt, bijvoorbeeld door taal, een beperking of "
                "weinig tijd.",
                "In mijn organisatie is iedereen welkom als vrijwilliger.",
                "vrijwilligersbeleid, vacatureteksten",
                False,
            ),
        ],
    ),
    (
        "B",
        "Inrichten",
        "inrichten",
        "Hoe regel je het werk met vrijwilligers: van werven en begeleiden tot vergoeden "
        "en veilig werken?",
        [
            (
                "B1",
                "Voor elke soort vrijwilligerswerk hebben we een korte taakomschrijving: wat "
                "je doet, hoeveel tijd het kost en wat je ervoor nodig hebt.",
                "Ik weet wat mijn taken zijn en hoeveel tijd ze kosten.",
                "taakomschrijvingen, vacatureteksten",
                True,
            ),
            (
                "B2",
                "We zoeken op een vaste manier naar nieuwe vrijwilligers, ook buiten onze "
                "eigen kring.",
                "Mijn organisatie zoekt op verschillende plekken naar nieuwe vrijwilligers.",
                "wervingsplan, vacatures, vacaturebank van de vrijwilligerscentrale",
                False,
            ),
            (
                "B3",
                "Met elke nieuwe vrijwilliger hebben we een kennismakingsgesprek. Samen kijken "
                "we of het werk past.",
                "Ik had een kennismakingsgesprek voordat ik begon.",
                "gespreksleidraad, vrijwilligersbeleid",
                True,
            ),
            (
                "B4",
                "We leggen de afspraken met vrijwilligers vast, bijvoorbeeld in een "
                "vrijwilligersovereenkomst.",
                "Mijn afspraken met mijn organisatie staan op papier.",
                "vrijwilligersovereenkomst, afsprakenformulier",
                False,
            ),
            (
                "B5",
                "Nieuwe vrijwilligers krijgen een introductie. Ze leren de organisatie, de "
                "mensen en hun taken kennen.",
                "Ik kreeg uitleg over mijn organisatie en mijn taken toen ik begon.",
                "introductieprogramma, welkomstmap, inwerkschema",
                True,
            ),
            (
                "B6",
                "Elke vrijwilliger heeft een vast aanspreekpunt voor vragen, begeleiding en "
                "steun.",
                "Ik weet bij wie ik terecht kan met vragen.",
                "vrijwilligersbeleid, overzicht van begeleiders",
                True,
            ),
            (
                "B7",
                "Iemand in onze organisatie coördineert het vrijwilligerswerk en heeft daar "
                "genoeg tijd voor.",
                "In mijn organisatie is er iemand die het vrijwilligerswerk regelt.",
                "taakomschrijving van de coördinator, begroting",
                False,
            ),
            (
                "B8",
                "Vrijwilligers kunnen een cursus of training volgen die past bij hun werk of "
                "bij wat ze willen leren.",
                "Ik kan een cursus of training volgen als ik dat nodig heb of wil.",
                "scholingsplan, begroting, overzicht van gevolgde cursussen",
                False,
            ),
            (
                "B9",
                "Vrijwilligers praten en beslissen mee over zaken die hun werk raken.",
                "Ik mag meepraten over dingen die met mijn vrijwilligerswerk te maken hebben.",
                "notulen van het vrijwilligersoverleg, reglement van de vrijwilligersraad",
                False,
            ),
            (
                "B10",
                "We laten vrijwilligers op verschillende manieren merken dat we blij zijn met "
                "hun inzet.",
                "Ik merk dat mijn organisatie blij is met wat ik doe.",
                "jaarplan, overzicht van bedankmomenten en activiteiten",
                True,
            ),
            (
                "B11",
                "Vrijwilligers krijgen hun onkosten terug. De regels daarvoor zijn duidelijk en "
                "passen binnen de regels van de Belastingdienst.",
                "Ik weet welke kosten ik terugkrijg en hoe dat gaat.",
                "onkostenregeling, declaratieformulier, vrijwilligersbeleid",
                True,
            ),
            (
                "B12",
                "Vrijwilligers zijn verzekerd tegen ongevallen en schade, en ze weten dat.",
                "Ik weet dat ik verzekerd ben als er iets misgaat tijdens mijn "
                "vrijwilligerswerk.",
                "verzekeringspolissen, informatie over de vrijwilligersverzekering van de "
                "gemeente",
                True,
            ),
            (
                "B13",
                "We bepalen per taak of een Verklaring Omtrent het Gedrag (VOG) nodig is. Als "
                "dat zo is, vragen we die ook echt.",
                "Mijn organisatie vraagt een bewijs van goed gedrag (VOG) als het werk daarom "
                "vraagt.",
                "VOG-beleid, risicoanalyse per taak, overzicht van aangevraagde VOG's",
                False,
            ),
            (
                "B14",
                "We hebben een gedragscode. Vrijwilligers kennen die en weten wat ze doen bij "
                "ongewenst gedrag.",
                "Ik ken de afspraken over hoe we met elkaar en met anderen omgaan.",
                "gedragscode, meldprotocol",
                True,
            ),
            (
                "B15",
                "Vrijwilligers kunnen terecht bij een vertrouwenspersoon die los staat van hun "
                "leidinggevende.",
                "Ik weet bij wie ik in vertrouwen terecht kan als er iets vervelends gebeurt.",
                "naam en bereikbaarheid van de vertrouwenspersoon, klachtenregeling",
                False,
            ),
        ],
    ),
    (
        "C",
        "Verrichten",
        "verrichten",
        "Hoe kijk je samen met vrijwilligers terug, en wat leer je daarvan?",
        [
            (
                "C1",
                "We hebben met elke vrijwilliger minstens één keer per jaar een gesprek over "
                "hoe het gaat.",
                "Ik heb elk jaar een gesprek over hoe het gaat met mijn vrijwilligerswerk.",
                "planning en verslagen van de gesprekken",
                True,
            ),
            (
                "C2",
                "We vragen vrijwilligers geregeld wat ze van hun werk en van onze organisatie "
                "vinden.",
                "Mijn organisatie vraagt mij wat ik van mijn vrijwilligerswerk vind.",
                "uitkomsten van een tevredenheidsonderzoek of van deze zelfevaluatie",
                False,
            ),
            (
                "C3",
                "We doen iets met wat vrijwilligers ons vertellen. We laten ook zien wat we "
                "daardoor veranderd hebben.",
                "Als ik een idee of een klacht heb, doet mijn organisatie daar iets mee.",
                "actieplan, notulen, nieuwsbrief",
                True,
            ),
            (
                "C4",
                "Als een vrijwilliger stopt, nemen we goed afscheid. We vragen ook waarom hij "
                "of zij stopt.",
                "Mijn organisatie neemt goed afscheid van vrijwilligers die stoppen.",
                "verslagen van afscheidsgesprekken, afscheidsprocedure",
                True,
            ),
            (
                "C5",
                "Als het niet goed gaat tussen een vrijwilliger en de organisatie, lossen we "
                "dat op een eerlijke manier op.",
                "Ik weet wat er gebeurt als er een probleem is tussen mij en mijn organisatie.",
                "klachtenregeling, vrijwilligersbeleid",
                False,
            ),
            (
                "C6",
                "We kijken elk jaar of ons vrijwilligersbeleid werkt, en passen het aan als "
                "dat nodig is.",
                "Mijn organisatie kijkt steeds of het werken met vrijwilligers beter kan.",
                "jaarverslag, evaluatie van het vrijwilligersbeleid",
                True,
            ),
            (
                "C7",
                "We vertellen vrijwilligers, het bestuur en anderen wat vrijwilligers samen "
                "bereikt hebben.",
                "Ik hoor wat de vrijwilligers samen bereikt hebben.",
                "jaarverslag, nieuwsbrief, website",
                False,
            ),
        ],
    ),
]


def add_default_questionnaire(apps, schema_editor):
    """Create version 1 of the starting set, once. Safe to run again (tests call it after a
    flush)."""
    Questionnaire = apps.get_model("selfevaluation", "Questionnaire")
    Part = apps.get_model("selfevaluation", "Part")
    Statement = apps.get_model("selfevaluation", "Statement")
    if Questionnaire.objects.filter(slug=SLUG, version=1).exists():
        return
    now = timezone.now()
    questionnaire = Questionnaire.objects.create(
        slug=SLUG,
        name=NAME,
        version=1,
        status="published",
        introduction=INTRODUCTION,
        is_starting_set=True,
        published_at=now,
        created_at=now,
    )
    for part_order, (code, name, phase, description, statements) in enumerate(PARTS, start=1):
        part = Part.objects.create(
            questionnaire=questionnaire,
            code=code,
            name=name,
            phase=phase,
            description=description,
            minimum_score=MINIMUM_SCORE,
            order=part_order,
        )
        Statement.objects.bulk_create(
            Statement(
                part=part,
                code=s_code,
                text=text,
                volunteer_text=volunteer_text,
                evidence_hint=evidence_hint,
                starred=starred,
                order=order,
            )
            for order, (s_code, text, volunteer_text, evidence_hint, starred) in enumerate(
                statements, start=1
            )
        )


def remove_default_questionnaire(apps, schema_editor):
    """Going back removes the starting set only while no evaluation uses it."""
    Questionnaire = apps.get_model("selfevaluation", "Questionnaire")
    Questionnaire.objects.filter(slug=SLUG, version=1, is_starting_set=True, evaluations=None).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("selfevaluation", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(add_default_questionnaire, remove_default_questionnaire),
    ]
