"""The Dutch catalogue is complete and its compiled .mo matches the .po."""

import ast
import gettext
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "nl" / "LC_MESSAGES"


def _po_entries() -> dict[str, str]:
    """msgid → msgstr (first plural form) from django.po; enough of the format for our file."""
    entries: dict[str, str] = {}
    current: dict[str, str] = {}
    key = None
    for line in (LOCALE / "django.po").read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith(("msgid ", "msgstr ", "msgstr[0] ", "msgid_plural ", "msgstr[1] ")):
            key, _, literal = line.partition(" ")
            current[key] = ast.literal_eval(literal)
        elif line.startswith('"') and key:
            current[key] += ast.literal_eval(line)
        elif not line.strip():
            if current.get("msgid"):
                plural = "msgid_plural" in current
                msgid = current["msgid"] + ("\x00" + current["msgid_plural"] if plural else "")
                entries[msgid] = current.get("msgstr", current.get("msgstr[0]", ""))
            current, key = {}, None
    return entries


def test_every_dutch_text_is_translated():
    untranslated = [msgid for msgid, msgstr in _po_entries().items() if not msgstr]

    assert not untranslated, untranslated


def test_compiled_catalogue_matches_the_po_file():
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)

    stale = [
        msgid
        for msgid, msgstr in _po_entries().items()
        if "\x00" not in msgid and compiled.gettext(msgid) != msgstr
    ] + [
        msgid
        for msgid, msgstr in _po_entries().items()
        if "\x00" in msgid and compiled.ngettext(*msgid.split("\x00"), 1) != msgstr
    ]

    assert not stale, f"run `make messages`; out of date: {stale[:5]}"
