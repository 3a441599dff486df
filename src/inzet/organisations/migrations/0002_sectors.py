from django.db import migrations

# The starting list of sectors; NOV staff can change it in the management site.
SECTORS = [
    ("zorg-welzijn", "Zorg en welzijn", "Care and welfare"),
    ("sport", "Sport en bewegen", "Sport and exercise"),
    ("natuur-milieu", "Natuur en milieu", "Nature and environment"),
    ("cultuur-erfgoed", "Cultuur en erfgoed", "Culture and heritage"),
    ("onderwijs-taal", "Onderwijs en taal", "Education and language"),
    ("jeugd", "Jeugd en jongeren", "Children and young people"),
    ("ouderen", "Ouderen", "Older people"),
    ("nieuwkomers", "Vluchtelingen en nieuwkomers", "Refugees and newcomers"),
    ("armoede", "Armoede en schulden", "Poverty and debt"),
    ("buurt", "Buurt en wijk", "Neighbourhood"),
    ("dieren", "Dieren", "Animals"),
    ("evenementen", "Evenementen", "Events"),
    ("religie", "Religie en levensbeschouwing", "Religion and belief"),
    ("belangenbehartiging", "Belangenbehartiging", "Advocacy"),
    ("veiligheid", "Veiligheid en hulpverlening", "Safety and emergency help"),
    ("digitaal", "Digitale hulp", "Digital help"),
    ("beperking", "Mensen met een beperking", "People with a disability"),
    ("internationaal", "Internationale samenwerking", "International cooperation"),
]


def add_sectors(apps, schema_editor):
    Sector = apps.get_model("organisations", "Sector")
    for slug, name, name_en in SECTORS:
        Sector.objects.update_or_create(slug=slug, defaults={"name": name, "name_en": name_en})


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]

    operations = [migrations.RunPython(add_sectors, migrations.RunPython.noop)]
