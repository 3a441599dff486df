"""The themes of the kennisbank are reference data: every installation has them."""

from django.db import migrations

THEMES = [
    ("wet-en-regelgeving", "Wet- en regelgeving", "Laws and regulations"),
    ("werving", "Werving en selectie", "Recruitment and selection"),
    ("coordinatie", "Coördinatie", "Coordination"),
    ("sociale-veiligheid", "Sociale veiligheid", "Social safety"),
    ("medewerkersvrijwilligerswerk", "Medewerkersvrijwilligerswerk", "Employee volunteering"),
    ("besturen", "Besturen en organiseren", "Governance and organisation"),
    ("inclusie", "Inclusie en diversiteit", "Inclusion and diversity"),
]


def create_themes(apps, schema_editor):
    Theme = apps.get_model("knowledge", "Theme")
    for position, (slug, name, name_en) in enumerate(THEMES, start=1):
        Theme.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "position": position}
        )


def remove_themes(apps, schema_editor):
    Theme = apps.get_model("knowledge", "Theme")
    Theme.objects.filter(slug__in=[slug for slug, _n, _e in THEMES], pages__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0002_search_index"),
    ]

    operations = [
        migrations.RunPython(create_themes, remove_themes),
    ]
