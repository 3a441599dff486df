"""Demo networks, so `make run` shows living closed workspaces.

`networks_demo_seed(staff_user=..., users=[...])` creates five networks with moderators and
members taken from ``users``, two to four discussions each (with replies and an @-mention),
a folder with one or two small generated documents (PDF and DOCX, through the kennisbank's
``document_upload``), and one network that has been quiet for ten weeks (for the platform
manager's "no activity" overview).

Idempotent: a network whose slug exists is left as it is. The demo sends no e-mail: posts are
marked as notified and every member's digest starts now.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from . import services
from .constants import LAWS_AND_RULES_NETWORK_SLUG, NotificationChoice
from .models import Network, NetworkMembership, Post, Thread

if TYPE_CHECKING:
    from inzet.accounts.models import User


def simple_pdf(lines: list[str]) -> bytes:
    """A small but valid one-page PDF with the given lines of text (Helvetica, WinAnsi), so
    the demo and tests need no PDF library to make one; pypdf extracts its text."""

    def pdf_text(line: str) -> bytes:
        raw = line.encode("cp1252", errors="replace")
        return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    content = (
        b"BT /F1 12 Tf 16 TL 72 770 Td "
        + b" T* ".join(b"(" + pdf_text(line) + b") Tj" for line in lines)
        + b" ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def simple_docx(title: str, paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@dataclass
class DemoThread:
    title: str
    posts: list[str]  # the first is the opening; "{mention}" becomes @<member name>
    days_ago: int


@dataclass
class DemoNetwork:
    slug: str
    name: str
    description: str
    threads: list[DemoThread]
    folder: str
    documents: list[tuple[str, str, list[str]]]  # (title, "pdf"/"docx", lines)
    quiet_weeks: int = 0
    accepts_join_requests: bool = True
    member_indexes: list[int] = field(default_factory=list)


NETWORKS = [
    DemoNetwork(
        slug="novi",
        name="NOVi — vrijwilligerscentrales",
        description=(
            "Het netwerk van medewerkers van vrijwilligerscentrales. We delen aanpakken, "
            "vragen elkaar om raad en werken samen aan betere ondersteuning van vrijwilligers "
            "en organisaties in de regio."
        ),
        threads=[
            DemoThread(
                "Hoe bereiken jullie jongeren tussen 16 en 25?",
                [
                    "Wij merken dat jongeren zich moeilijk voor langere tijd willen binden. "
                    "Wie heeft goede ervaringen met korte klussen of maatschappelijke "
                    "diensttijd?",
                    "Bij ons werkt de combinatie met MDT goed. We bieden projecten van zes "
                    "weken aan en werven via de mbo-scholen.",
                    "{mention}, kun je de flyer delen die jullie voor de scholen gebruiken? "
                    "Dan zet ik hem in de bibliotheek.",
                ],
                days_ago=6,
            ),
            DemoThread(
                "Ervaringen met de nieuwe VOG-regeling",
                [
                    "Sinds januari vragen we voor meer functies een gratis VOG aan. Loopt "
                    "iemand tegen lange wachttijden aan?",
                    "Gemiddeld twee weken bij ons. Tip: laat de organisatie de aanvraag "
                    "klaarzetten voordat het kennismakingsgesprek plaatsvindt.",
                ],
                days_ago=12,
            ),
            DemoThread(
                "Regiobijeenkomst in het voorjaar",
                [
                    "Zullen we in april weer een regiobijeenkomst houden? Ik kan een zaal "
                    "regelen in Amersfoort.",
                    "Goed idee! Graag een deel over het werven van bestuursleden.",
                    "Ik doe mee en neem twee collega's mee.",
                ],
                days_ago=2,
            ),
        ],
        folder="Werving",
        documents=[
            (
                "Wervingsplan jongeren 2026",
                "pdf",
                [
                    "Wervingsplan jongeren 2026",
                    "Doel: 40 nieuwe jonge vrijwilligers via korte projecten.",
                    "Kanalen: mbo-scholen, sportclubs en sociale media.",
                ],
            ),
            (
                "Checklist kennismakingsgesprek",
                "docx",
                [
                    "Vraag naar motivatie en beschikbare tijd.",
                    "Bespreek de vrijwilligersovereenkomst en de VOG.",
                ],
            ),
        ],
        member_indexes=[0, 1, 2, 3, 4],
    ),
    DemoNetwork(
        slug="lovz",
        name="LOVZ — Landelijk Overleg Vrijwilligers in de Zorg",
        description=(
            "Coördinatoren vrijwilligerswerk in zorginstellingen wisselen kennis uit over "
            "inzet van vrijwilligers naast professionals, scholing en waardering."
        ),
        threads=[
            DemoThread(
                "Vrijwilligers en het werk van zorgprofessionals: waar ligt de grens?",
                [
                    "Op onze afdelingen ontstaat soms discussie over wat een vrijwilliger wel "
                    "en niet mag doen. Hebben jullie een taakafbakening op papier?",
                    "Ja, we gebruiken een lijst per afdeling, opgesteld samen met de "
                    "verpleging. Ik zet hem in de bibliotheek.",
                    "Dank! {mention}, misschien goed om dit op de volgende bijeenkomst te "
                    "bespreken?",
                ],
                days_ago=4,
            ),
            DemoThread(
                "Scholing over dementie voor vrijwilligers",
                [
                    "Wie kent een goede, korte training over omgaan met mensen met dementie?",
                    "Wij gebruiken de e-learning van Alzheimer Nederland, daarna een "
                    "praktijkmiddag op de afdeling.",
                ],
                days_ago=9,
            ),
        ],
        folder="Afspraken met professionals",
        documents=[
            (
                "Taakafbakening vrijwilligers op de afdeling",
                "pdf",
                [
                    "Taakafbakening vrijwilligers",
                    "Wel: gezelschap, wandelen, hulp bij activiteiten.",
                    "Niet: medische handelingen en persoonlijke verzorging.",
                ],
            )
        ],
        member_indexes=[1, 2, 5, 6],
    ),
    DemoNetwork(
        slug="agora-coordinatoren",
        name="AGORA coördinatoren",
        description=(
            "Voor coördinatoren vrijwilligerswerk uit alle sectoren: van sport tot cultuur. "
            "Hier bespreek je de dagelijkse praktijk van begeleiden en behouden."
        ),
        threads=[
            DemoThread(
                "Vrijwilligers behouden na de eerste maand",
                [
                    "Bij ons haakt een op de vijf nieuwe vrijwilligers binnen een maand af. "
                    "Wat doen jullie in die eerste weken?",
                    "Een vast maatje voor de eerste drie keer helpt enorm. En na vier weken "
                    "een kort belletje: hoe gaat het?",
                    "Mooi voorbeeld, {mention}. Wij gaan het maatjessysteem ook proberen.",
                ],
                days_ago=3,
            ),
            DemoThread(
                "Waarderingsavond: wat geven jullie vrijwilligers?",
                [
                    "Onze begroting is beperkt. Heeft iemand ideeën voor een betaalbare "
                    "waardering?",
                    "Een persoonlijke kaart van de bestuurder doet vaak meer dan een cadeau.",
                ],
                days_ago=15,
            ),
            DemoThread(
                "Vrijwilligersvergoeding 2026",
                [
                    "Weet iemand al of het maximum van de vrijwilligersvergoeding omhoog gaat?",
                    "Zie het dossier Wet- en regelgeving in de kennisbank: daar staan de "
                    "bedragen van dit jaar.",
                ],
                days_ago=20,
            ),
        ],
        folder="Begeleiden",
        documents=[
            (
                "Inwerkprogramma nieuwe vrijwilligers",
                "docx",
                [
                    "Week 1: kennismaking en rondleiding, vast maatje.",
                    "Week 4: evaluatiegesprek.",
                ],
            )
        ],
        member_indexes=[0, 3, 4, 5, 6, 7],
    ),
    DemoNetwork(
        slug="bestuurderscentraal-utrecht",
        name="BestuurdersCentraal Utrecht",
        description=(
            "Bestuurders van vrijwilligersorganisaties in de provincie Utrecht. We delen "
            "ervaringen over goed bestuur, financiën en het vinden van opvolgers."
        ),
        threads=[
            DemoThread(
                "Opvolging van de penningmeester",
                [
                    "Onze penningmeester stopt na tien jaar. Hoe vinden jullie een opvolger?",
                    "Vraag een vrijwilligerscentrale om een bestuursvacature te plaatsen, en "
                    "laat de huidige penningmeester een half jaar meelopen.",
                ],
                days_ago=80,
            ),
            DemoThread(
                "Verzekering voor vrijwilligers via de gemeente",
                [
                    "Valt onze vereniging onder de vrijwilligersverzekering van de gemeente "
                    "Utrecht?",
                    "Ja, die geldt voor alle vrijwilligers in de gemeente. {mention} weet de "
                    "details.",
                ],
                days_ago=75,
            ),
        ],
        folder="Bestuur",
        documents=[
            (
                "Rooster van aftreden (voorbeeld)",
                "pdf",
                [
                    "Rooster van aftreden",
                    "Voorzitter: 2027. Secretaris: 2028. Penningmeester: 2026.",
                ],
            )
        ],
        quiet_weeks=10,
        member_indexes=[2, 6, 7],
    ),
    DemoNetwork(
        slug=LAWS_AND_RULES_NETWORK_SLUG,
        name="Wet- & Regelgeving",
        description=(
            "Experts en beleidsmedewerkers volgen wetten en regels rond vrijwillige inzet, "
            "verzamelen knelpunten uit de praktijk en bereiden signalen aan de politiek voor."
        ),
        threads=[
            DemoThread(
                "Knelpunt: vrijwilligersvergoeding en de bijstand",
                [
                    "Uit drie centrales horen we dat mensen in de bijstand hun vergoeding "
                    "moeten verrekenen. Zullen we dit bundelen voor het ministerie?",
                    "Graag. Ik verzamel de voorbeelden in een notitie.",
                    "{mention}, wil jij de notitie nalezen voordat we hem versturen?",
                    "Doe ik, uiterlijk vrijdag.",
                ],
                days_ago=5,
            ),
            DemoThread(
                "Wet DBA en vrijwilligers",
                [
                    "Wat betekent de handhaving van de Wet DBA voor vrijwilligers met een "
                    "vergoeding boven het maximum?",
                    "Dan is het geen vrijwilligerswerk meer maar mogelijk een dienstbetrekking. "
                    "We maken er een korte uitleg voor de kennisbank van.",
                ],
                days_ago=11,
            ),
        ],
        folder="Signalen",
        documents=[
            (
                "Notitie knelpunten vrijwilligersvergoeding",
                "docx",
                [
                    "Drie voorbeelden uit de praktijk van vrijwilligerscentrales.",
                    "Voorstel: vrijstelling van de vergoeding in de Participatiewet.",
                ],
            ),
            (
                "Overzicht bedragen 2026",
                "pdf",
                [
                    "Vrijwilligersvergoeding 2026",
                    "Maximaal 5,60 euro per uur en 210 euro per maand.",
                ],
            ),
        ],
        accepts_join_requests=False,
        member_indexes=[0, 1, 7],
    ),
]


def _pick(users: list[User], index: int) -> User:
    return users[index % len(users)]


def _seed_network(spec: DemoNetwork, *, staff_user: User, users: list[User], now) -> Network:
    member_users = list(dict.fromkeys(_pick(users, i) for i in spec.member_indexes))
    moderator = member_users[0]
    network = services.network_create(
        actor=staff_user,
        name=spec.name,
        slug=spec.slug,
        description=spec.description,
        moderators=[moderator],
        accepts_join_requests=spec.accepts_join_requests,
    )
    for user in member_users[1:]:
        NetworkMembership.objects.get_or_create(network=network, user=user)
    # Nobody gets a backlog digest of demo messages.
    NetworkMembership.objects.filter(network=network).update(
        notification=NotificationChoice.WEEKLY, last_digest_at=now
    )
    if hasattr(moderator, "_network_roles"):
        del moderator._network_roles
    for user in member_users:
        if hasattr(user, "_network_roles"):
            del user._network_roles

    base = now - datetime.timedelta(weeks=spec.quiet_weeks)
    for thread_spec in spec.threads:
        started = base - datetime.timedelta(days=thread_spec.days_ago)
        authors = [
            member_users[(i + len(thread_spec.title)) % len(member_users)]
            for i in range(len(thread_spec.posts))
        ]
        thread = None
        for position, (author, text) in enumerate(zip(authors, thread_spec.posts, strict=True)):
            mentioned = next((u for u in member_users if u != author and u.name), None)
            body = text.replace("{mention}", f"@{mentioned.name}" if mentioned else "")
            if thread is None:
                thread = services.thread_create(
                    network=network, author=author, title=thread_spec.title, body=body
                )
                post = thread.posts.get()
            else:
                post = services.post_create(thread=thread, author=author, body=body)
            at = started + datetime.timedelta(hours=5 * position)
            Post.objects.filter(pk=post.pk).update(created_at=at, notified_at=now)
        Thread.objects.filter(pk=thread.pk).update(created_at=started, last_post_at=at)

    folder = services.folder_create(network=network, actor=moderator, name=spec.folder)
    for index, (title, kind, lines) in enumerate(spec.documents):
        if kind == "pdf":
            data, name = simple_pdf(lines), f"{title}.pdf"
        else:
            data, name = simple_docx(title, lines), f"{title}.docx"
        services.library_document_upload(
            network=network,
            actor=member_users[index % len(member_users)],
            uploaded_file=SimpleUploadedFile(name, data),
            title=title,
            folder=folder if index == 0 else None,
        )
    last = Post.objects.filter(thread__network=network).order_by("-created_at").first()
    Network.objects.filter(pk=network.pk).update(
        created_at=base - datetime.timedelta(days=60),
        last_activity_at=last.created_at if last else base,
    )
    if spec.quiet_weeks:
        from inzet.knowledge.models import Document

        Document.objects.filter(network=network).update(created_at=base, updated_at=base)
    network.refresh_from_db()
    return network


def networks_demo_seed(*, staff_user: User, users: list[User]) -> dict[str, Network]:
    """Five demo networks by slug (existing ones are returned unchanged)."""
    if not users:
        raise ValueError("The networks demo needs at least one user.")
    now = timezone.now()
    result: dict[str, Network] = {}
    with transaction.atomic():
        for spec in NETWORKS:
            existing = Network.objects.filter(slug=spec.slug).first()
            if existing is not None:
                result[spec.slug] = existing
                continue
            result[spec.slug] = _seed_network(spec, staff_user=staff_user, users=users, now=now)
    return result
