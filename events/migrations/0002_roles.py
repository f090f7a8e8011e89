from django.db import migrations

from nada_site.roles import EDITORS, PUBLISHERS, content_permissions, grant

EDITED = content_permissions(["event"], ["add", "change", "delete", "view"])
PUBLISHED = ["publish_event"]


def grant_roles(apps, schema_editor):
    grant(apps, EDITORS, "events", EDITED)
    grant(apps, PUBLISHERS, "events", [*EDITED, *PUBLISHED])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("nada_site", "0005_roles"),
    ]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
