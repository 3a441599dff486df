"""Events: what the domain facts say about selling from the bar or canteen at events.

Source: domain facts §6 "BTW" ([V] belastingdienst.nl fondsenwervende activiteiten: canteen
income counts as fundraising income when it is a normal side activity; a sport club may also
open its canteen for events of others in its own sport on at most 12 days a year). The facts
say nothing about a municipal event permit or an alcohol exemption for events, so there is no
rule about those; the yearly caps of the fundraising exemption are [?] for the year they apply
to, so no amounts are stated.
"""

from inzet.compliance.engine import Context, Rule, RuleKind, register


def _canteen_at_events(c: Context) -> list[str]:
    if c.yes("events") and c.yes("bar_canteen"):
        return [
            "Je organiseert evenementen.",
            "Je organisatie heeft een bar of kantine.",
        ]
    return []


register(
    Rule(
        key="events.canteen",
        topic="events",
        kind=RuleKind.RECOMMENDATION,
        title="Let op de btw als je kantine open is bij evenementen",
        action=(
            "Is de verkoop in je bar of kantine een normale nevenactiviteit? Dan tellen de "
            "inkomsten, ook bij evenementen, voor de btw als inkomsten uit fondsenwerving. Ben "
            "je een sportvereniging? Dan mag je de kantine ook openstellen voor evenementen van "
            "anderen in je eigen sport, op maximaal 12 dagen per jaar. Vraag bij de "
            "Belastingdienst na wat dit voor jullie betekent."
        ),
        legal_basis="Wet op de omzetbelasting 1968 (vrijstelling fondsenwervende activiteiten)",
        facts=("events", "bar_canteen"),
        condition=_canteen_at_events,
        dossier="https://www.belastingdienst.nl/",
    )
)
