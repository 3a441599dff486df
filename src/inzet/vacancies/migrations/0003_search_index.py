"""Full-text search index for vacancies, per database (see inzet.core.search).

PostgreSQL: a tsvector column kept up to date by a trigger, with a GIN index. SQLite: an FTS5 table with triggers that keep it in sync with vacancies_vacancy.
"""

from django.db import migrations

from inzet.core.search import VACANCY_INDEX, search_index_create, search_index_drop


def create_index(apps, schema_editor):
    search_index_create(schema_editor, apps.get_model("vacancies", "Vacancy"), VACANCY_INDEX)


def drop_index(apps, schema_editor):
    search_index_drop(schema_editor, VACANCY_INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("vacancies", "0002_initial"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
        # Distance searches keep online vacancies too ("bbox OR online"): with this small
        # partial index both branches of the OR use an index (PostgreSQL BitmapOr, SQLite
        # multi-index OR) instead of scanning the table. Valid SQL on both databases.
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS vacancy_online ON vacancies_vacancy (status) "
            "WHERE is_online",
            "DROP INDEX IF EXISTS vacancy_online",
            elidable=False,
        ),
    ]
