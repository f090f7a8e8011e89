"""
The roles of the workflow: Editors may now delete the parts of an item they
edit (and drafts never published: the admin refuses the rest), Publishers
publish pages, and a third role, Administrators, holds the personal data and
the accounts. See nada_site/roles.py.
"""

from django.db import migrations

from nada_site.roles import ADMINISTRATORS, EDITORS, PUBLISHERS, content_permissions, grant

EDITED = content_permissions(["page", "question"], ["add", "change", "delete", "view"])


def grant_roles(apps, schema_editor):
    grant(apps, EDITORS, "nada_site", [*EDITED, "view_reviewrequest"])
    grant(apps, PUBLISHERS, "nada_site", [*EDITED, "view_reviewrequest", "publish_page"])
    grant(apps, ADMINISTRATORS, "nada_site", ["view_auditentry"])
    grant(
        apps,
        ADMINISTRATORS,
        "auth",
        [
            *content_permissions(["user"], ["add", "change", "delete", "view"]),
            *content_permissions(["group"], ["add", "change", "view"]),
        ],
    )
    grant(
        apps,
        ADMINISTRATORS,
        "axes",
        ["view_accessattempt", "delete_accessattempt", "view_accessfailurelog", "view_accesslog"],
    )


def remove_administrators(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=ADMINISTRATORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("axes", "0010_accessattemptexpiration"),
        ("nada_site", "0004_workflow"),
    ]

    operations = [migrations.RunPython(grant_roles, remove_administrators)]
