"""Demo content for the kennisbank: dossiers, pages and snackables over all themes, a few
documents (a real PDF and DOCX, text extracted), pages for members and per network.

Our own words, B1 Dutch. Facts follow /work/shared/domain (amounts for 2026 to be checked
on belastingdienst.nl before they go live). Idempotent: nothing happens when pages exist.
"""

from __future__ import annotations

import datetime
import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from .constants import PageKind, Visibility
from .models import Page, PageViewDay, Theme
from .services import document_link_pages, document_upload, page_create

D, P, S = PageKind.DOSSIER, PageKind.PAGE, PageKind.SNACKABLE

# key, theme, kind, title, summary, paragraphs, dossier key, extra
# extra: "stale" (review date passed), "members" (members only), "old" (no recent views)
PAGES: list[tuple[str, str, str, str, str, list[str], str | None, set[str]]] = [
    # --- Wet- en regelgeving
    ("vergoeding", "wet-en-regelgeving", D, "Dossier vrijwilligersvergoeding",
     "Wat je vrijwilligers mag betalen zonder belasting, en waar je op let.",
     ["Een vrijwilliger krijgt geen loon. Je mag wel iets geven voor de inzet of voor de "
      "kosten. Daarvoor zijn twee manieren: een vaste vrijwilligersvergoeding of een "
      "vergoeding van echte kosten.",
      "In dit dossier lees je hoe hoog de vaste vergoeding mag zijn, wat er gebeurt als je "
      "er overheen gaat en hoe je kosten vergoedt."], None, set()),
    ("vergoeding-bedragen", "wet-en-regelgeving", P, "Bedragen vrijwilligersvergoeding 2026",
     "De grenzen per uur, per maand en per jaar.",
     ["Voor 2026 gelden deze grenzen: € 5,75 per uur voor vrijwilligers van 21 jaar en "
      "ouder, € 3,40 per uur voor jongere vrijwilligers, € 220 per maand en € 2.200 per "
      "jaar.",
      "Alle drie de grenzen tellen. Ga je boven het maand- of jaarbedrag, dan is de hele "
      "vergoeding belast, niet alleen het deel erboven.",
      "Controleer de bedragen altijd bij de Belastingdienst: ze veranderen soms per jaar."],
     "vergoeding", set()),
    ("vergoeding-kosten", "wet-en-regelgeving", P, "Echte kosten vergoeden",
     "Bonnetjes en kilometers: geen vast maximum.",
     ["Vergoed je alleen kosten die de vrijwilliger echt maakt, zoals reiskosten, "
      "postzegels of materiaal? Dan is dat onbelast en is er geen vast maximum.",
      "Vraag wel om bewijs: een bon, een kaartje of een kilometeroverzicht. Combineer je "
      "een vaste vergoeding met losse kosten, dan tellen beide mee voor de maandgrens."],
     "vergoeding", {"stale"}),
    ("vergoeding-uitkering", "wet-en-regelgeving", P, "Vrijwilligerswerk met een uitkering",
     "Vrijwilligerswerk mag meestal, maar overleg eerst.",
     ["Wie een uitkering heeft, mag vaak vrijwilligerswerk doen. Meld het wel vooraf bij "
      "de instantie die de uitkering betaalt, zoals UWV of de gemeente.",
      "Een vrijwilligersvergoeding binnen de grenzen telt meestal niet als inkomen. "
      "Regels verschillen per uitkering: laat de vrijwilliger dit zelf navragen."],
     "vergoeding", {"old"}),
    ("avg", "wet-en-regelgeving", D, "Dossier privacy (AVG) voor vrijwilligersorganisaties",
     "Zorgvuldig omgaan met gegevens van vrijwilligers en deelnemers.",
     ["Ook een kleine vereniging of stichting werkt met persoonsgegevens: namen, adressen, "
      "telefoonnummers. De AVG geldt dan ook voor jou.",
      "Dit dossier helpt je op weg met een register, een privacyverklaring en wat je doet "
      "bij een datalek."], None, set()),
    ("avg-register", "wet-en-regelgeving", P, "Een verwerkingsregister bijhouden",
     "Bijna elke organisatie met een ledenlijst heeft een register nodig.",
     ["In een verwerkingsregister schrijf je op welke gegevens je bewaart, waarom, hoe "
      "lang en wie erbij kan.",
      "De uitzondering voor kleine organisaties geldt alleen als je zelden gegevens "
      "verwerkt. Een vrijwilligers- of ledenadministratie is niet zelden. Houd dus een "
      "register bij."], "avg", set()),
    ("avg-datalek", "wet-en-regelgeving", P, "Wat doe je bij een datalek?",
     "Melden binnen 72 uur, ook in het weekend.",
     ["Is er een lijst met gegevens kwijt of bij de verkeerde persoon beland? Meld dat "
      "binnen 72 uur bij de Autoriteit Persoonsgegevens, tenzij er waarschijnlijk geen "
      "risico is voor de mensen om wie het gaat.",
      "Schrijf elk datalek op in een eigen overzicht, ook als je het niet meldt. Is het "
      "risico groot, vertel het dan ook aan de mensen zelf."], "avg", {"stale"}),
    ("avg-fotos", "wet-en-regelgeving", S, "Foto's van vrijwilligers plaatsen",
     "Herkenbare foto's op je website of sociale media? Vraag eerst toestemming. Onder de "
     "16 jaar geeft een ouder toestemming. Leg de toestemming vast en maak het makkelijk "
     "om die weer in te trekken.", [], None, set()),
    ("ubo", "wet-en-regelgeving", P, "Het UBO-register",
     "Welke organisaties hun uiteindelijke belanghebbenden moeten inschrijven.",
     ["Elke stichting en elke vereniging met volledige rechtsbevoegdheid moet haar UBO's "
      "inschrijven bij de KvK. Is er niemand met meer dan 25 procent zeggenschap, dan "
      "schrijf je de bestuurders in.",
      "Een informele vereniging zonder onderneming hoeft dit niet."], None, {"old"}),
    # --- Sociale veiligheid
    ("vog", "sociale-veiligheid", D, "Dossier VOG en gratis VOG",
     "Een verklaring omtrent het gedrag helpt om kwetsbare mensen te beschermen.",
     ["Werken jouw vrijwilligers met kinderen, ouderen of andere mensen die kwetsbaar "
      "zijn? Dan is een verklaring omtrent het gedrag (VOG) een belangrijk onderdeel van "
      "je beleid.",
      "Via de regeling Gratis VOG kan je organisatie de VOG voor vrijwilligers gratis "
      "aanvragen."], None, set()),
    ("vog-aanvragen", "sociale-veiligheid", P, "Gratis VOG aanvragen: zo werkt het",
     "Van aanmelding bij gratisvog.nl tot de verklaring bij de vrijwilliger.",
     ["Je organisatie meldt zich aan via gratisvog.nl en moet ingeschreven staan bij de "
      "KvK. Het CIBG beoordeelt de aanvraag.",
      "Ben je toegelaten, dan zet je per vrijwilliger een aanvraag klaar. De vrijwilliger "
      "maakt de aanvraag af met DigiD. Justis doet het onderzoek en stuurt de verklaring."],
     "vog", set()),
    ("vog-voorwaarden", "sociale-veiligheid", P, "Voorwaarden voor de gratis VOG",
     "Drie voorwaarden, en een actief preventiebeleid.",
     ["Je vrijwilligers werken met kwetsbare mensen, ze hoeven niet al volgens een andere "
      "wet een VOG te hebben, en je organisatie heeft een actief beleid om "
      "grensoverschrijdend gedrag te voorkomen.",
      "Denk aan een gedragscode, een goede kennismaking met nieuwe vrijwilligers en een "
      "vertrouwenspersoon. Laat je vrijwilligers weten dat dit beleid er is."],
     "vog", {"stale"}),
    ("vertrouwenspersoon", "sociale-veiligheid", P, "Een vertrouwenspersoon aanstellen",
     "Iemand bij wie vrijwilligers terecht kunnen met zorgen of klachten.",
     ["Een vertrouwenspersoon luistert, denkt mee en helpt iemand de volgende stap te "
      "zetten. Hij of zij is onafhankelijk van het bestuur.",
      "Maak bekend wie het is en hoe je hem of haar bereikt, bijvoorbeeld op je website "
      "en bij de kennismaking."], None, set()),
    ("gedragscode", "sociale-veiligheid", S, "Een gedragscode in het kort",
     "Een gedragscode zegt wat je wel en niet doet in het contact met deelnemers. Maak "
     "hem samen met vrijwilligers, houd hem kort en bespreek hem bij elke kennismaking.",
     [], None, set()),
    # --- Werving
    ("werven", "werving", D, "Dossier vrijwilligers werven",
     "Nieuwe vrijwilligers vinden én houden.",
     ["Werven begint bij de vraag: wat heeft de vrijwilliger eraan? Mensen willen iets "
      "betekenen, iets leren of anderen ontmoeten.",
      "In dit dossier vind je tips voor een goede vacature, voor werving via je netwerk en "
      "voor een warme ontvangst."], None, set()),
    ("vacature", "werving", P, "Een goede vacaturetekst schrijven",
     "Kort, concreet en vanuit de vrijwilliger.",
     ["Begin met wat de vrijwilliger gaat doen en wat het oplevert. Noem de tijd die het "
      "kost en of het werk flexibel is.",
      "Gebruik gewone woorden en vermijd afkortingen. Zet erbij bij wie iemand terecht kan "
      "met vragen."], "werven", set()),
    ("netwerk-werving", "werving", P, "Werven via je eigen netwerk",
     "De meeste vrijwilligers komen via iemand die ze kennen.",
     ["Vraag je huidige vrijwilligers wie ze kennen. Een persoonlijke vraag werkt beter "
      "dan een oproep in de krant.",
      "Geef vrijwilligers een kort bericht dat ze kunnen doorsturen."], "werven", {"old"}),
    ("jongeren", "werving", P, "Jongeren betrekken",
     "Korte klussen, samen met vrienden, en iets om te leren.",
     ["Jongeren doen graag mee als het werk afwisselend is en ze het samen met anderen "
      "kunnen doen. Denk aan korte projecten en duidelijke taken.",
      "Maatschappelijke diensttijd (MDT) kan een goede ingang zijn."], "werven", set()),
    ("kennismaking", "werving", S, "De eerste kennismaking",
     "Een goed eerste gesprek gaat over wederzijdse verwachtingen: wat zoekt de "
     "vrijwilliger, wat vraagt de organisatie? Spreek een proefperiode af en een moment "
     "om terug te kijken.", [], None, set()),
    # --- Coördinatie
    ("coordinatie", "coordinatie", D, "Dossier vrijwilligers begeleiden",
     "De rol van de coördinator: van introductie tot afscheid.",
     ["Een coördinator zorgt dat vrijwilligers goed kunnen werken. Dat gaat over "
      "introductie, begeleiding, waardering en ook over afscheid.",
      "De pagina's in dit dossier geven praktische handvatten."], None, set()),
    ("introductie", "coordinatie", P, "Een introductie voor nieuwe vrijwilligers",
     "Welkom heten, wegwijs maken en een vast aanspreekpunt.",
     ["Zorg voor een vast aanspreekpunt in de eerste weken. Laat zien waar alles is en "
      "wie wie is.",
      "Geef informatie in kleine stukjes: niet alles op de eerste dag."],
     "coordinatie", set()),
    ("waardering", "coordinatie", P, "Vrijwilligers waarderen",
     "Waardering zit vooral in kleine dingen.",
     ["Een bedankje, vragen naar de mening van de vrijwilliger en ruimte voor eigen "
      "ideeën zijn vaak belangrijker dan een cadeau.",
      "Organiseer af en toe iets samen, zoals een etentje of uitje."], "coordinatie", set()),
    ("afscheid", "coordinatie", P, "Afscheid nemen van een vrijwilliger",
     "Een goed afscheid hoort erbij.",
     ["Een vrijwilliger die stopt, verdient een goed afscheid. Vraag wat hij of zij heeft "
      "geleerd en wat beter kan.",
      "Verwijder daarna gegevens die je niet meer nodig hebt."], "coordinatie", {"stale"}),
    ("vrijwilligersbeleid", "coordinatie", S, "Vrijwilligersbeleid op één A4",
     "Schrijf op hoe je werkt met vrijwilligers: werving, begeleiding, vergoedingen, "
     "verzekering en afscheid. Eén A4 is genoeg om mee te beginnen.", [], None, set()),
    # --- Medewerkersvrijwilligerswerk
    ("mvw", "medewerkersvrijwilligerswerk", P, "Wat is medewerkersvrijwilligerswerk?",
     "Bedrijven die hun medewerkers vrijwilligerswerk laten doen.",
     ["Bij medewerkersvrijwilligerswerk zet een bedrijf zijn medewerkers in voor een "
      "maatschappelijke organisatie, vaak in werktijd.",
      "Voor de organisatie betekent dat extra handen en kennis. Voor het bedrijf levert "
      "het betrokken medewerkers op."], None, set()),
    ("mvw-match", "medewerkersvrijwilligerswerk", P, "Een goede match met een bedrijf",
     "Afspraken vooraf voorkomen teleurstelling.",
     ["Bespreek vooraf wat je van elkaar verwacht: hoeveel mensen, welke taken, hoe lang "
      "en wie de begeleiding doet.",
      "Kies klussen die passen bij een groep, zoals een tuin opknappen of een "
      "activiteit organiseren."], None, {"old"}),
    ("mvw-kort", "medewerkersvrijwilligerswerk", S, "Een teamdag als vrijwilliger",
     "Een teamdag bij een maatschappelijke organisatie werkt het best met een duidelijke "
     "klus, een vaste begeleider en een moment om samen terug te kijken.", [], None, set()),
    # --- Besturen en organiseren
    ("besturen", "besturen", D, "Dossier besturen van een vereniging of stichting",
     "Taken en plichten van het bestuur, met de WBTR.",
     ["Het bestuur van een vereniging of stichting heeft wettelijke taken. Sinds 1 juli "
      "2021 geldt de Wet bestuur en toezicht rechtspersonen (WBTR).",
      "In dit dossier lees je wat dat betekent voor jouw bestuur."], None, set()),
    ("wbtr", "besturen", P, "De WBTR in het kort",
     "Tegenstrijdig belang, ontstentenis en belet, meervoudig stemrecht.",
     ["Een bestuurder met een persoonlijk belang doet niet mee aan het overleg en de "
      "stemming over dat onderwerp.",
      "In de statuten moet staan wie de organisatie bestuurt als alle bestuurders "
      "afwezig zijn. Pas dit aan bij de eerstvolgende statutenwijziging.",
      "Een bestuurder mag nooit meer stemmen hebben dan de andere bestuurders samen. "
      "Oude afspraken hierover vervallen op 1 juli 2026."], "besturen", set()),
    ("kascommissie", "besturen", P, "De kascommissie",
     "Leden controleren elk jaar de financiën van de vereniging.",
     ["Bij een vereniging legt het bestuur elk jaar verantwoording af aan de "
      "ledenvergadering. Is er geen accountant, dan benoemt de vergadering een "
      "kascommissie van minstens twee leden die niet in het bestuur zitten.",
      "Bewaar de financiële administratie zeven jaar."], "besturen", set()),
    ("anbi", "besturen", P, "ANBI-status: voorwaarden en publicatieplicht",
     "Wat een ANBI online moet zetten.",
     ["Een ANBI zet elk jaar gegevens op internet: naam, RSIN, doel, hoofdlijnen van het "
      "beleidsplan, bestuur, beloningsbeleid, activiteiten en financiën.",
      "Doe dit binnen zes maanden na het einde van het boekjaar."], "besturen",
     {"members"}),
    ("bestuursleden", "besturen", S, "Nieuwe bestuursleden vinden",
     "Vraag mensen persoonlijk, vertel eerlijk hoeveel tijd het kost en bied een "
     "inwerkperiode. Een duobaan of een taak voor één jaar maakt de stap kleiner.",
     [], None, set()),
    # --- Inclusie en diversiteit
    ("inclusie", "inclusie", P, "Iedereen doet mee",
     "Vrijwilligerswerk dat open staat voor iedereen.",
     ["Inclusief vrijwilligerswerk betekent dat mensen met verschillende achtergronden, "
      "leeftijden en mogelijkheden mee kunnen doen.",
      "Kijk kritisch naar je vacatures: vraag je dingen die niet echt nodig zijn, zoals "
      "perfect Nederlands of een rijbewijs?"], None, set()),
    ("taal", "inclusie", P, "Vrijwilligers die Nederlands leren",
     "Vrijwilligerswerk als plek om de taal te oefenen.",
     ["Vrijwilligerswerk is een goede manier om Nederlands te oefenen. Zorg voor een "
      "maatje en geef uitleg in eenvoudige woorden.",
      "Geef taken waarbij praten vanzelf gaat, zoals koffie schenken of samen koken."],
     None, {"members"}),
    ("toegankelijk", "inclusie", S, "Toegankelijke activiteiten",
     "Denk bij elke activiteit aan drempels: is de plek bereikbaar met een rolstoel, is "
     "er een rustige ruimte, en is de uitnodiging in begrijpelijke taal?", [], None, set()),
]

READ_MORE = {
    "avg-fotos": "avg",
    "gedragscode": "vog-voorwaarden",
    "kennismaking": "werven",
    "vrijwilligersbeleid": "coordinatie",
    "mvw-kort": "mvw-match",
    "bestuursleden": "besturen",
    "toegankelijk": "inclusie",
}


def _body(paragraphs: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _pdf(title: str, paragraphs: list[str]) -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<h1>{title}</h1>{_body(paragraphs)}").write_pdf()


def _docx(title: str, paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@transaction.atomic
def knowledge_demo_seed(*, staff_user: Any, network_by_slug: dict[str, Any]) -> None:
    """30+ pages over the themes, documents and network pages (skipped when pages exist)."""
    if Page.objects.exists():
        return
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    today = timezone.localdate()
    now = timezone.now()
    pages: dict[str, Page] = {}
    for index, (key, theme, kind, title, summary, paragraphs, dossier, extra) in enumerate(
        PAGES
    ):
        review_on = today + datetime.timedelta(days=120 + 7 * index)
        if "stale" in extra:
            review_on = today - datetime.timedelta(days=30 + 10 * index)
        page = page_create(
            actor=staff_user,
            kind=kind,
            theme=themes[theme],
            title=title,
            summary=summary,
            body=_body(paragraphs),
            review_on=review_on,
            visibility=Visibility.MEMBERS if "members" in extra else Visibility.PUBLIC,
            dossier=pages.get(dossier) if dossier else None,
        )
        # Spread creation and changes over the past year, so overviews have something.
        age = datetime.timedelta(days=400 if "old" in extra else 5 + 9 * index)
        Page.objects.filter(pk=page.pk).update(created_at=now - age, updated_at=now - age / 2)
        if "old" not in extra:
            PageViewDay.objects.create(
                page=page, day=today - datetime.timedelta(days=index % 20), count=3 + index
            )
        pages[key] = page
    for key, target in READ_MORE.items():
        Page.objects.filter(pk=pages[key].pk).update(read_more=pages[target])

    documents = [
        (
            "Factsheet vrijwilligersvergoeding 2026",
            "vergoeding-bedragen",
            "factsheet-vrijwilligersvergoeding-2026.pdf",
            _pdf(
                "Factsheet vrijwilligersvergoeding 2026",
                [
                    "Maximaal € 5,75 per uur (21 jaar en ouder) of € 3,40 per uur (jonger).",
                    "Maximaal € 220 per maand en € 2.200 per jaar.",
                    "Boven de maand- of jaargrens is de hele vergoeding belast.",
                ],
            ),
            "wet-en-regelgeving",
        ),
        (
            "Checklist gratis VOG",
            "vog-aanvragen",
            "checklist-gratis-vog.docx",
            _docx(
                "Checklist gratis VOG",
                [
                    "Staat je organisatie ingeschreven bij de KvK?",
                    "Heb je een gedragscode, een aannamebeleid en een vertrouwenspersoon?",
                    "Weten je vrijwilligers dat dit beleid er is?",
                    "Heb je eHerkenning om aanvragen klaar te zetten?",
                ],
            ),
            "sociale-veiligheid",
        ),
        (
            "Voorbeeld vrijwilligersovereenkomst",
            None,  # not linked to a page: shows in the manager's overview
            "voorbeeld-vrijwilligersovereenkomst.docx",
            _docx(
                "Vrijwilligersovereenkomst",
                [
                    "De vrijwilliger en de organisatie spreken af welke taken de vrijwilliger "
                    "doet en hoeveel tijd dat ongeveer kost.",
                    "De organisatie zorgt voor begeleiding en een verzekering.",
                    "Beide partijen kunnen de afspraak op elk moment beëindigen.",
                ],
            ),
            "coordinatie",
        ),
    ]
    for title, page_key, filename, data, theme in documents:
        document = document_upload(
            uploaded_file=SimpleUploadedFile(filename, data),
            title=title,
            owner=staff_user,
            visibility=Visibility.PUBLIC,
            theme=themes[theme],
        )
        if page_key:
            document_link_pages(document=document, pages=[pages[page_key]])

    for network in network_by_slug.values():
        if network is None:
            continue
        page_create(
            actor=staff_user,
            kind=PageKind.PAGE,
            theme=themes["coordinatie"],
            title=f"Afspraken binnen {network.name}",
            summary="Hoe we in dit netwerk samenwerken.",
            body=_body(
                [
                    "Dit netwerk is een plek om kennis te delen en vragen te stellen. Wat hier "
                    "staat, is alleen zichtbaar voor leden.",
                    "Deel gerust voorbeelden uit je eigen organisatie, maar laat namen van "
                    "vrijwilligers of deelnemers weg.",
                ]
            ),
            review_on=today + datetime.timedelta(days=180),
            visibility=Visibility.NETWORK,
            network=network,
        )
