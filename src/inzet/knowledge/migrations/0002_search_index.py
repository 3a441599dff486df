"""Full-text search indexes for pages and documents, per database (see inzet.core.search).

PostgreSQL: a tsvector column kept up to date by a trigger, with a GIN index. SQLite: an FTS5
table per model with triggers that keep it in sync.
"""

from django.db import migrations

from inzet.core.search import search_index_create, search_index_drop
from inzet.knowledge.constants import DOCUMENT_INDEX, PAGE_INDEX


def create_index(apps, schema_editor):
    search_index_create(schema_editor, apps.get_model("knowledge", "Page"), PAGE_INDEX)
    search_index_create(schema_editor, apps.get_model("knowledge", "Document"), DOCUMENT_INDEX)


def drop_index(apps, schema_editor):
    search_index_drop(schema_editor, PAGE_INDEX)
    search_index_drop(schema_editor, DOCUMENT_INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
