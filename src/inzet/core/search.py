"""The one PostgreSQL/SQLite seam for Dutch full-text search.

``text_search(qs, text, index=…)`` filters a queryset to the rows that match ``text`` and
annotates ``text_rank`` (higher is better) on both databases:

- **PostgreSQL**: ``to_tsvector('dutch', …)`` with weights per column, stored in the column
  ``search_document`` that a trigger keeps up to date (so ranking does not recompute it per
  row), with a GIN index; matched against ``websearch_to_tsquery('dutch', text)`` and ranked
  with ``ts_rank``.
- **SQLite**: an FTS5 table (``<table>_fts``, external content, kept in sync by triggers)
  ranked with ``bm25()``. FTS5 has no Dutch stemmer, so each search word is reduced with
  ``dutch_stem`` to a stem that is a *prefix* of its inflected forms and searched as a prefix
  query: "vrijwilligers" → ``vrijwilliger*`` finds "vrijwilliger" and "vrijwilligers". The index
  itself holds plain words, so the triggers are pure SQL and any writer keeps it up to date.

Both ways drop Dutch stop words and treat several words as "all of them" (AND); ``-word``
excludes a word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection as default_connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.models import F, Model, QuerySet
from django.db.models.expressions import RawSQL


@dataclass(frozen=True)
class SearchIndex:
    """Which text columns of a model are searched, most important first, with weights."""

    table: str
    fields: tuple[tuple[str, str], ...]  # (column, PostgreSQL weight "A"–"D")
    bm25_weights: tuple[float, ...]  # SQLite bm25() weight per column, same order
    pg_index_name: str

    @property
    def fts_table(self) -> str:
        return f"{self.table}_fts"


VACANCY_INDEX = SearchIndex(
    table="vacancies_vacancy",
    fields=(("title", "A"), ("tasks", "B"), ("description", "C")),
    bm25_weights=(10.0, 4.0, 1.0),
    pg_index_name="vacancy_search_dutch",
)

# PostgreSQL's Dutch snowball stop words, so that both databases ignore the same words.
_STOP_WORDS_TEXT = """
aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een
eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in
is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat
onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat werd
wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou
"""
DUTCH_STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
# PostgreSQL: a tsvector column that a trigger keeps up to date. Not a model field (the models
# stay database-neutral); a stored document makes ranking cheap (no to_tsvector per row).
PG_DOCUMENT_COLUMN = "search_document"
MAX_TERMS = 8
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_VOWELS = set("aeiouy")


def _fold(word: str) -> str:
    """Lower case without diacritics, as FTS5's ``remove_diacritics 2`` indexes words."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def dutch_stem(word: str) -> str:
    """A light Dutch stemmer that keeps the stem a prefix of the word's inflected forms.

    Plural and diminutive endings go (-en, -s, -tjes, -je …), -heid/-heden both become -he,
    a doubled final consonant after -en is undoubled ("bakken" → "bak"). The result is meant
    for a prefix query, so "vrijwilligers" → "vrijwilliger" matches both forms.
    """
    word = _fold(word)
    if len(word) <= 4:
        return word
    for suffix, replacement in (("heden", "he"), ("heid", "he")):
        if word.endswith(suffix):
            return word[: -len(suffix)] + replacement
    for suffix in ("tjes", "pjes", "etjes", "jes", "tje", "pje", "je"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    if word.endswith("en") and len(word) - 2 >= 3:
        stem = word[:-2]
        if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            stem = stem[:-1]
        return stem
    if word.endswith("s") and word[-2] not in _VOWELS and word[-2] != "j":
        return word[:-1]
    if word.endswith("e") and word[-2] not in _VOWELS:
        return word[:-1]
    return word


@dataclass(frozen=True)
class SearchTerms:
    include: tuple[str, ...]
    exclude: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.include)


def search_terms(text: str) -> SearchTerms:
    """The words that count in a search: no stop words, at most ``MAX_TERMS``."""
    include: list[str] = []
    exclude: list[str] = []
    for chunk in (text or "").split():
        negative = chunk.startswith("-")  # "-word" excludes; "buurt-huis" is two words
        target = exclude if negative else include
        for token in _WORD_RE.findall(chunk):
            word = _fold(token.replace("_", ""))
            if word and word not in DUTCH_STOP_WORDS and word not in target:
                target.append(word)
    return SearchTerms(include=tuple(include[:MAX_TERMS]), exclude=tuple(exclude[:MAX_TERMS]))


def fts5_match(terms: SearchTerms) -> str:
    """An FTS5 MATCH expression: every word as a quoted (injection-safe) stem prefix."""

    def term(word: str) -> str:
        stem = dutch_stem(word)
        return f'"{stem}"' if len(stem) <= 3 else f'"{stem}"*'

    expression = " AND ".join(term(word) for word in terms.include)
    for word in terms.exclude:
        expression += f" NOT {term(word)}"
    return expression


def _vendor(qs: QuerySet[Any]) -> str:
    from django.db import connections

    return connections[qs.db].vendor


def pg_document_sql(index: SearchIndex, row: str = "") -> str:
    """The weighted Dutch tsvector of one row, as SQL (``row="NEW."`` inside a trigger)."""
    parts = [
        f"setweight(to_tsvector('dutch'::regconfig, coalesce({row}{column}, '')), '{weight}')"
        for column, weight in index.fields
    ]
    return " || ".join(parts)


def text_search(qs: QuerySet[Any], text: str, *, index: SearchIndex = VACANCY_INDEX) -> QuerySet:
    """Rows of ``qs`` matching ``text``, annotated with ``text_rank`` (higher is better).

    Without words that count (empty, or stop words only) ``qs`` comes back unfiltered with a
    ``text_rank`` of 0, so callers can always order on it.
    """
    terms = search_terms(text)
    if not terms:
        from django.db.models import FloatField, Value

        return qs.annotate(text_rank=Value(0.0, output_field=FloatField()))
    if _vendor(qs) == "postgresql":
        query = SearchQuery(text, config="dutch", search_type="websearch")
        document = RawSQL(  # noqa: S611 - a fixed column name, no user input
            f'"{index.table}"."{PG_DOCUMENT_COLUMN}"', [], output_field=SearchVectorField()
        )
        return (
            qs.alias(search_document=document)
            .filter(search_document=query)
            .annotate(text_rank=SearchRank(F("search_document"), query))
        )
    fts = index.fts_table
    weights = ", ".join(str(w) for w in index.bm25_weights)
    return qs.extra(  # noqa: S610 - identifiers are ours, the MATCH text is a parameter
        tables=[fts],
        where=[f'"{fts}".rowid = "{index.table}"."id"', f'"{fts}" MATCH %s'],
        params=[fts5_match(terms)],
        select={"text_rank": f'-bm25("{fts}", {weights})'},
    )


# --- Creating the index (called from the migration; idempotent)


def _sqlite_statements(index: SearchIndex) -> list[str]:
    fts, table = index.fts_table, index.table
    columns = [column for column, _weight in index.fields]
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    # Identifiers only, all from SearchIndex constants: no user input reaches this SQL.
    insert = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new});"  # noqa: S608
    delete = f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old});"  # noqa: S608
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, content='{table}', "
        f"content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF {cols} ON {table} "
        f"BEGIN {delete} {insert} END",
    ]


def _postgresql_statements(index: SearchIndex) -> list[str]:
    table, column, name = index.table, PG_DOCUMENT_COLUMN, f"{index.table}_{PG_DOCUMENT_COLUMN}"
    columns = ", ".join(c for c, _weight in index.fields)
    return [
        f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} tsvector",
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN NEW.{column} := {pg_document_sql(index, 'NEW.')}; RETURN NEW; END $$",
        f"DROP TRIGGER IF EXISTS {name} ON {table}",
        f"CREATE TRIGGER {name} BEFORE INSERT OR UPDATE OF {columns} ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {name}()",
        f"UPDATE {table} SET {column} = {pg_document_sql(index)}",  # noqa: S608
        f"DROP INDEX IF EXISTS {index.pg_index_name}",
        f"CREATE INDEX {index.pg_index_name} ON {table} USING gin ({column})",
    ]


def sqlite_triggers_missing(
    index: SearchIndex = VACANCY_INDEX, *, connection: BaseDatabaseWrapper | None = None
) -> bool:
    """True when SQLite lost the sync triggers (a table rebuild by a later migration drops
    them); ``search_index_create`` then restores them and rebuilds the index."""
    connection = connection or default_connection
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s "
            "AND name LIKE %s",
            [index.table, f"{index.fts_table}_%"],
        )
        return cursor.fetchone()[0] < 3


def search_index_create(
    schema_editor: BaseDatabaseSchemaEditor,
    model: type[Model],
    index: SearchIndex = VACANCY_INDEX,
) -> None:
    """Create the full-text index for ``model`` on the database of ``schema_editor``."""
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for statement in _postgresql_statements(index):
            schema_editor.execute(statement)
    elif vendor == "sqlite":
        for statement in _sqlite_statements(index):
            schema_editor.execute(statement)
        # Index what is already there (and repair after a lost trigger).
        fts = index.fts_table
        schema_editor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")  # noqa: S608


def search_index_drop(
    schema_editor: BaseDatabaseSchemaEditor, index: SearchIndex = VACANCY_INDEX
) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        name = f"{index.table}_{PG_DOCUMENT_COLUMN}"
        schema_editor.execute(f"DROP INDEX IF EXISTS {index.pg_index_name}")
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {index.table}")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}()")
        schema_editor.execute(
            f"ALTER TABLE {index.table} DROP COLUMN IF EXISTS {PG_DOCUMENT_COLUMN}"
        )
    elif vendor == "sqlite":
        for suffix in ("ai", "ad", "au"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {index.fts_table}_{suffix}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {index.fts_table}")


# --- Highlighted snippets (added for the kennisbank; additive, no change to the above)

# Markers that stand in for <mark> while the text is escaped; rare characters that plain
# text hardly ever holds (and if it does, the worst outcome is a harmless <mark>).
SNIPPET_START = "\u27ea"
SNIPPET_STOP = "\u27eb"


def snippet_html(raw: str) -> str:
    """Escape a snippet with markers and only then turn the markers into ``<mark>``, so no
    stored HTML reaches the page."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    escaped = str(escape(raw or ""))
    escaped = escaped.replace(SNIPPET_START, "<mark>").replace(SNIPPET_STOP, "</mark>")
    return mark_safe(escaped)  # noqa: S308 - escaped above; only our <mark> tags are added


def search_snippets(
    model: type[Model],
    pks: list[int],
    text: str,
    *,
    index: SearchIndex,
    column: str,
    using: str = "default",
    words: int = 24,
) -> dict[int, str]:
    """Raw snippets (with ``SNIPPET_START``/``SNIPPET_STOP`` markers, not yet escaped) of
    ``column`` for the rows ``pks`` that match ``text``; pass the result to ``snippet_html``.

    PostgreSQL: ``ts_headline('dutch', …)`` with two fragments. SQLite: FTS5 ``snippet()``.
    A row whose column does not contain the words gets a snippet without markers (PostgreSQL)
    or none at all (SQLite)."""
    from django.db import connections

    terms = search_terms(text)
    if not pks or not terms:
        return {}
    connection = connections[using]
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchHeadline

        query = SearchQuery(text, config="dutch", search_type="websearch")
        rows = (
            model._default_manager.using(using)
            .filter(pk__in=pks)
            .annotate(
                snippet=SearchHeadline(
                    column,
                    query,
                    config="dutch",
                    start_sel=SNIPPET_START,
                    stop_sel=SNIPPET_STOP,
                    max_fragments=2,
                    max_words=words,
                    min_words=max(5, words // 2),
                    fragment_delimiter=" … ",
                )
            )
            .values_list("pk", "snippet")
        )
        return {pk: snippet or "" for pk, snippet in rows}
    columns = [name for name, _weight in index.fields]
    position = columns.index(column)
    fts = index.fts_table
    placeholders = ", ".join("%s" for _pk in pks)
    sql = (
        f"SELECT rowid, snippet({fts}, {position}, %s, %s, ' … ', %s) FROM {fts} "  # noqa: S608
        f"WHERE {fts} MATCH %s AND rowid IN ({placeholders})"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql, [SNIPPET_START, SNIPPET_STOP, min(words, 64), fts5_match(terms), *pks]
        )
        return {pk: snippet or "" for pk, snippet in cursor.fetchall()}
