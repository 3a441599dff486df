"""AVG (Algemene verordening gegevensbescherming, GDPR) for volunteer organisations.

The AVG applies to every association or foundation that keeps data on members, volunteers or
participants; the Autoriteit Persoonsgegevens (AP) supervises. Source: domain facts §5
([S] deboeregberts.nl quoting the AP and triplaw.nl on the register; privacycoaches.nl, jpr.nl
and jurrkennisbank on data breaches; 2com2.nl on special categories; knkv.nl and
dezaakadvocatuur.nl on retention; avgverenigingen.nl, declercq.com and zwembadbranche.nl on
photos). Only articles of the AVG and UAVG whose content is certain are cited.
"""

from datetime import date

from inzet.compliance.engine import Context, Rule, RuleKind, register

DOSSIER = "https://www.autoriteitpersoonsgegevens.nl/"


def _personal_data(c: Context) -> str | None:
    if c.yes("processes_personal_data"):
        return (
            "Je houdt persoonsgegevens bij, zoals een lijst van leden, vrijwilligers of "
            "deelnemers. Dan geldt de AVG."
        )
    return None


AVG_START = date(2018, 5, 25)


def _processing_register(c: Context) -> list[str]:
    why = _personal_data(c)
    if not why:
        return []
    reasons = [
        why,
        "Volgens de Autoriteit Persoonsgegevens is een leden- of vrijwilligersadministratie "
        "bijna nooit 'incidenteel'. Daarom hebben de meeste verenigingen en stichtingen een "
        "register nodig, ook als ze klein zijn.",
    ]
    if c.yes("special_category_data"):
        reasons.append(
            "Je houdt ook gevoelige (bijzondere) persoonsgegevens bij. Dan geldt de uitzondering "
            "voor kleine organisaties in elk geval niet."
        )
    return reasons


register(
    Rule(
        key="avg.processing_register",
        topic="avg",
        kind=RuleKind.DUTY,
        title="Houd een register van je verwerkingen bij",
        action=(
            "Schrijf op welke persoonsgegevens je bijhoudt, waarvoor, van wie, met wie je ze "
            "deelt en hoe lang je ze bewaart. Dat heet een verwerkingsregister. Houd het bij "
            "als er iets verandert."
        ),
        legal_basis="Art. 30 AVG",
        facts=("processes_personal_data", "special_category_data"),
        condition=_processing_register,
        valid_from=AVG_START,
        dossier=DOSSIER,
    )
)


def _data_breach(c: Context) -> list[str]:
    why = _personal_data(c)
    return [why] if why else []


register(
    Rule(
        key="avg.data_breach",
        topic="avg",
        kind=RuleKind.DUTY,
        title="Weet wat je doet bij een datalek",
        action=(
            "Een datalek is bijvoorbeeld een kwijtgeraakte laptop met de ledenlijst of een mail "
            "naar de verkeerde mensen. Meld een datalek binnen 72 uur nadat je het ontdekt bij "
            "de Autoriteit Persoonsgegevens, tenzij het waarschijnlijk geen risico geeft voor de "
            "mensen om wie het gaat. Die 72 uur lopen ook in het weekend door. Is het risico "
            "hoog? Vertel het dan ook aan de mensen zelf. Schrijf elk datalek op in een eigen "
            "register, ook als je het niet hoeft te melden."
        ),
        legal_basis="Art. 33 en 34 AVG",
        facts=("processes_personal_data",),
        condition=_data_breach,
        valid_from=AVG_START,
        dossier=DOSSIER,
    )
)


def _special_category(c: Context) -> list[str]:
    why = _personal_data(c)
    if why and c.yes("special_category_data"):
        return [
            why,
            "Je houdt gevoelige gegevens bij, zoals over gezondheid, geloof, afkomst of "
            "strafrechtelijke gegevens.",
        ]
    return []


register(
    Rule(
        key="avg.special_category",
        topic="avg",
        kind=RuleKind.DUTY,
        title="Wees extra zuinig met gevoelige persoonsgegevens",
        action=(
            "Gegevens over bijvoorbeeld gezondheid, geloof, afkomst, seksuele voorkeur, "
            "lidmaatschap van een vakbond of strafbare feiten mag je in principe niet gebruiken. "
            "Er zijn maar een paar smalle uitzonderingen. Ga na of je deze gegevens echt nodig "
            "hebt. Houd zo weinig mogelijk bij, en laat alleen de mensen erbij die ze echt nodig "
            "hebben. Twijfel je? Vraag na bij de Autoriteit Persoonsgegevens."
        ),
        legal_basis="Art. 9 AVG",
        facts=("processes_personal_data", "special_category_data"),
        condition=_special_category,
        valid_from=AVG_START,
        dossier=DOSSIER,
    )
)


def _processor_agreement(c: Context) -> list[str]:
    why = _personal_data(c)
    if why and c.yes("uses_external_services"):
        return [
            why,
            "Andere bedrijven verwerken gegevens voor je, zoals een ledensysteem, mailprogramma "
            "of opslag in de cloud.",
        ]
    return []


register(
    Rule(
        key="avg.processor_agreement",
        topic="avg",
        kind=RuleKind.DUTY,
        title="Sluit een verwerkersovereenkomst met bedrijven die je gegevens verwerken",
        action=(
            "Maak met elk bedrijf dat persoonsgegevens voor je verwerkt een "
            "verwerkersovereenkomst. Daarin staat wat het bedrijf met de gegevens mag doen en "
            "hoe het ze beveiligt. Veel bedrijven hebben er zelf al een klaarliggen."
        ),
        legal_basis="Art. 28 AVG",
        facts=("processes_personal_data", "uses_external_services"),
        condition=_processor_agreement,
        valid_from=AVG_START,
        dossier=DOSSIER,
    )
)


def _retention(c: Context) -> list[str]:
    why = _personal_data(c)
    return [why] if why else []


register(
    Rule(
        key="avg.retention",
        topic="avg",
        kind=RuleKind.RECOMMENDATION,
        title="Spreek af hoe lang je gegevens bewaart",
        action=(
            "De AVG noemt geen vaste bewaartermijnen: bewaar gegevens niet langer dan nodig "
            "voor het doel. Een veelgebruikt advies is om gegevens van oud-leden en oud-"
            "vrijwilligers na hoogstens 2 jaar te verwijderen. Financiële gegevens moet je wel "
            "7 jaar bewaren. Schrijf je termijnen op en ruim regelmatig op."
        ),
        legal_basis="AVG (geen vaste termijnen); fiscale bewaarplicht van 7 jaar",
        facts=("processes_personal_data",),
        condition=_retention,
        valid_from=AVG_START,
        dossier=DOSSIER,
    )
)


def _photos(c: Context) -> list[str]:
    if c.yes("publishes_photos"):
        return ["Je publiceert foto's of video's waarop mensen herkenbaar zijn."]
    return []


register(
    Rule(
        key="avg.photos",
        topic="avg",
        kind=RuleKind.DUTY,
        title="Vraag toestemming voor herkenbare foto's en video's",
        action=(
            "Vraag toestemming voordat je herkenbare foto's of video's publiceert, bijvoorbeeld "
            "op je website of sociale media. Zorg dat je kunt laten zien dat iemand toestemming "
            "gaf, vraag het per doel (zoals website of nieuwsbrief), en maak het makkelijk om "
            "de toestemming weer in te trekken."
        ),
        legal_basis="Art. 6 en 7 AVG",
        facts=("publishes_photos",),
        condition=_photos,
        valid_from=AVG_START,
        dossier=DOSSIER,
    )
)


def _photos_minors(c: Context) -> list[str]:
    if c.yes("publishes_photos") and c.yes("photos_of_minors"):
        return [
            "Je publiceert foto's of video's waarop mensen herkenbaar zijn.",
            "Er staan kinderen jonger dan 16 op.",
        ]
    return []


register(
    Rule(
        key="avg.photos_minors",
        topic="avg",
        kind=RuleKind.DUTY,
        title="Vraag ouders toestemming voor foto's van kinderen onder de 16",
        action=(
            "Is een kind jonger dan 16? Dan geeft een ouder of voogd de toestemming, niet het "
            "kind zelf. Vanaf 16 jaar beslist iemand zelf. Ook deze toestemming moet je kunnen "
            "laten zien, per doel vragen en makkelijk kunnen intrekken."
        ),
        legal_basis="Art. 6 en 8 AVG en art. 5 UAVG",
        facts=("publishes_photos", "photos_of_minors"),
        condition=_photos_minors,
        valid_from=AVG_START,
        dossier=DOSSIER,
    )
)
