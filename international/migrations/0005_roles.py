from django.db import migrations

from nada_site.roles import ADMINISTRATORS, EDITORS, PUBLISHERS, content_permissions, grant

EDITED = [
    "change_unitprofile",
    "view_unitprofile",
    *content_permissions(["objective", "approach", "agreement"], ["add", "change", "delete", "view"]),
    *content_permissions(["partner"], ["add", "change", "view"]),
]
PUBLISHED = ["publish_unitprofile", "publish_agreement", "delete_partner"]


def grant_roles(apps, schema_editor):
    grant(apps, EDITORS, "international", EDITED)
    grant(apps, PUBLISHERS, "international", [*EDITED, *PUBLISHED])
    grant(apps, ADMINISTRATORS, "international", ["view_unitprofile", "change_inbox_unitprofile"])


class Migration(migrations.Migration):
    dependencies = [
        ("international", "0004_workflow_fields"),
        ("nada_site", "0005_roles"),
    ]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
