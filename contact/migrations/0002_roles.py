from django.db import migrations

from nada_site.roles import ADMINISTRATORS, grant


def grant_roles(apps, schema_editor):
    grant(
        apps,
        ADMINISTRATORS,
        "contact",
        [
            "view_contactmessage",
            "change_contactmessage",
            "delete_contactmessage",
            "export_contactmessage",
        ],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0001_initial"),
        ("nada_site", "0005_roles"),
    ]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
