from django.db import migrations

from nada_site.roles import ADMINISTRATORS, PUBLISHERS, grant

COUNTS = ["view_feedbackpage", "export_feedbackpage"]


def grant_roles(apps, schema_editor):
    # Publishers see and export how useful each page was found; the answers'
    # comments may hold what a visitor should not have written (personal data),
    # so only Administrators, who hold the contact messages, read them.
    grant(apps, PUBLISHERS, "contact", COUNTS)
    grant(
        apps,
        ADMINISTRATORS,
        "contact",
        [*COUNTS, "view_pagefeedback", "delete_pagefeedback", "export_pagefeedback"],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0004_page_feedback"),
        ("nada_site", "0005_roles"),
    ]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
