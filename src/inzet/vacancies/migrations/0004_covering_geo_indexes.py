"""Covering indexes for ranking by match ("Voor jou" and search sorted by match), PostgreSQL.

Ranking by match reads every published vacancy within the radius plus all online ones (a
national 50 km search: ~27,000 rows). From the table that means visiting most of its pages
(~1.8 kB per row: descriptions); these partial indexes hold only the columns the ranking and
the search filters read (~110 bytes per row), so PostgreSQL answers from the index alone
(index-only scans; they need a vacuumed table, which autovacuum keeps). The selectors query
"within the radius" and "online" as a UNION ALL so that each part uses its own index
(``search.origin_parts``). SQLite keeps its existing indexes: nothing to do there.
"""

from django.db import migrations

# What ranking by match reads (matching._CANDIDATE_FIELDS, the proxy, the ordering) and what
# the search filters test; latitude/longitude are the key of the first index.
_COVERED = (
    "is_online, expires_on, published_at, sector_id, form, schedule, min_age, vog_required, "
    "dutch_level_needed, municipality_id, hours_per_week, suitable_youth, suitable_newcomers, "
    "suitable_distance_labour_market, suitable_55_plus, wheelchair_accessible, id"
)
_CREATE = (
    "CREATE INDEX IF NOT EXISTS vacancy_published_geo_cover ON vacancies_vacancy "
    f"(latitude, longitude) INCLUDE ({_COVERED}) WHERE status = 'published'",
    "CREATE INDEX IF NOT EXISTS vacancy_published_online_cover ON vacancies_vacancy "
    f"(published_at) INCLUDE ({_COVERED}, latitude, longitude) "
    "WHERE status = 'published' AND is_online",
)
_DROP = (
    "DROP INDEX IF EXISTS vacancy_published_geo_cover",
    "DROP INDEX IF EXISTS vacancy_published_online_cover",
)


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return  # INCLUDE is PostgreSQL syntax
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("vacancies", "0003_search_index"),
    ]

    operations = [
        migrations.RunPython(_run(_CREATE), _run(_DROP), elidable=False),
    ]
