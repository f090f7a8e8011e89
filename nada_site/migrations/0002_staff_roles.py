"""
The two staff roles: Editors write and edit content but cannot publish or
delete it; Publishers can also publish and delete. Staff members are put in a
group in the admin (Users), and must be marked as staff.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITED_MODELS = {
    "international": ["unitprofile", "objective", "approach", "partner", "agreement"],
    "news": ["article", "category", "tag", "keypoint"],
    "nada_site": ["page", "question"],
}
NEVER_ADDED = {"unitprofile"}  # one record, edited but never added or deleted


def editor_codenames():
    for app_label, models in EDITED_MODELS.items():
        for model in models:
            actions = ["change", "view"] if model in NEVER_ADDED else ["add", "change", "view"]
            for action in actions:
                yield app_label, f"{action}_{model}"


def publisher_codenames():
    yield from editor_codenames()
    for app_label, models in EDITED_MODELS.items():
        for model in models:
            if model not in NEVER_ADDED:
                yield app_label, f"delete_{model}"
    yield "news", "publish_article"


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Editors", editor_codenames()), ("Publishers", publisher_codenames())):
        group, _created = Group.objects.get_or_create(name=name)
        permissions = [
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in codenames
        ]
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Publishers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("nada_site", "0001_initial"),
        ("international", "0001_initial"),
        ("news", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
