from django.db import migrations

from nada_site.roles import EDITORS, PUBLISHERS, content_permissions, grant

EDITED = content_permissions(["publication"], ["add", "change", "delete", "view"])
PUBLISHED = ["publish_publication"]


def grant_roles(apps, schema_editor):
    grant(apps, EDITORS, "publications", EDITED)
    grant(apps, PUBLISHERS, "publications", [*EDITED, *PUBLISHED])


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0001_initial"),
        ("nada_site", "0005_roles"),
    ]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
