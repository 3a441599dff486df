from django.db import migrations

# The starting list of skills; NOV staff can change it in the management site.
SKILLS = [
    ("koken", "Koken"),
    ("administratie", "Administratie"),
    ("rijbewijs-b", "Rijbewijs B"),
    ("computer-internet", "Computer en internet"),
    ("voorlezen", "Voorlezen"),
    ("tuinieren", "Tuinieren"),
    ("klussen", "Klussen"),
    ("fietsen-repareren", "Fietsen repareren"),
    ("begeleiden", "Begeleiden"),
    ("taal-nederlands-leren", "Taal (Nederlands leren)"),
    ("ehbo", "EHBO"),
    ("muziek", "Muziek"),
    ("sport-spel", "Sport en spel"),
    ("fotografie", "Fotografie"),
    ("social-media", "Social media"),
    ("boekhouding", "Boekhouding"),
    ("juridische-kennis", "Juridische kennis"),
    ("vertalen", "Vertalen"),
    ("evenementen-organiseren", "Organiseren van evenementen"),
    ("luisteren-praten", "Luisteren en praten"),
    ("bijles-huiswerk", "Bijles en huiswerkbegeleiding"),
    ("schrijven", "Schrijven en redigeren"),
    ("bestuur", "Besturen"),
    ("verzorging-dieren", "Dieren verzorgen"),
    ("creatief", "Creatief en handwerk"),
    ("gastvrijheid", "Gastvrijheid en bediening"),
    ("coachen", "Coachen en mentorschap"),
]


def add_skills(apps, schema_editor):
    Skill = apps.get_model("volunteers", "Skill")
    for slug, name in SKILLS:
        Skill.objects.update_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0001_initial")]

    operations = [migrations.RunPython(add_skills, migrations.RunPython.noop)]
