"""The Dutch catalogue is complete and its compiled .mo matches the .po."""

import ast
import gettext
from dataclasses import dataclass
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "nl" / "LC_MESSAGES"


@dataclass(frozen=True)
class Entry:
    context: str | None
    msgid: str
    plural: str | None
    msgstr: str  # the first (or only) form


def _po_entries() -> list[Entry]:
    """The entries of django.po; enough of the format for our file."""
    entries: list[Entry] = []
    current: dict[str, str] = {}
    key = None
    keys = ("msgctxt ", "msgid ", "msgstr ", "msgstr[0] ", "msgid_plural ", "msgstr[1] ")
    for line in (LOCALE / "django.po").read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith(keys):
            key, _, literal = line.partition(" ")
            current[key] = ast.literal_eval(literal)
        elif line.startswith('"') and key:
            current[key] += ast.literal_eval(line)
        elif not line.strip():
            if current.get("msgid"):
                entries.append(
                    Entry(
                        context=current.get("msgctxt"),
                        msgid=current["msgid"],
                        plural=current.get("msgid_plural"),
                        msgstr=current.get("msgstr", current.get("msgstr[0]", "")),
                    )
                )
            current, key = {}, None
    return entries


def test_every_dutch_text_is_translated():
    untranslated = [entry.msgid for entry in _po_entries() if not entry.msgstr]

    assert not untranslated, untranslated


def _compiled(catalogue: gettext.GNUTranslations, entry: Entry) -> str:
    if entry.plural and entry.context:
        return catalogue.npgettext(entry.context, entry.msgid, entry.plural, 1)
    if entry.plural:
        return catalogue.ngettext(entry.msgid, entry.plural, 1)
    if entry.context:
        return catalogue.pgettext(entry.context, entry.msgid)
    return catalogue.gettext(entry.msgid)


def test_compiled_catalogue_matches_the_po_file():
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)

    stale = [e.msgid for e in _po_entries() if _compiled(compiled, e) != e.msgstr]

    assert not stale, f"run `make messages`; out of date: {stale[:5]}"
