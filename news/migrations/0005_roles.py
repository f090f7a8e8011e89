from django.db import migrations

from nada_site.roles import EDITORS, PUBLISHERS, content_permissions, grant

EDITED = [
    *content_permissions(["article", "keypoint"], ["add", "change", "delete", "view"]),
    *content_permissions(["category", "tag"], ["add", "change", "view"]),
]
PUBLISHED = ["publish_article", "delete_category", "delete_tag"]


def grant_roles(apps, schema_editor):
    grant(apps, EDITORS, "news", EDITED)
    grant(apps, PUBLISHERS, "news", [*EDITED, *PUBLISHED])


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_workflow"),
        ("nada_site", "0005_roles"),
    ]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
