"""
The admin's log named a contact message by its reference and subject, so the
subject outlived the message once it was purged. Name every logged message
by its reference only, as the model now does.
"""

from django.db import migrations


def name_by_reference(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    LogEntry = apps.get_model("admin", "LogEntry")
    content_type = ContentType.objects.filter(app_label="contact", model="contactmessage").first()
    if content_type is None:
        return
    for entry in LogEntry.objects.filter(content_type=content_type).only("object_repr"):
        reference = entry.object_repr.split(":", 1)[0].strip()
        if reference != entry.object_repr:
            entry.object_repr = reference
            entry.save(update_fields=["object_repr"])


class Migration(migrations.Migration):
    dependencies = [
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("contact", "0002_roles"),
    ]

    operations = [migrations.RunPython(name_by_reference, migrations.RunPython.noop)]
