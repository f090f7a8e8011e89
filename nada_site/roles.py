"""
The staff roles, as groups of permissions:

- Editors write and edit content, and submit it for review;
- Publishers also publish, schedule, withdraw, approve, and delete;
- Administrators (the unit's head and IT) hold the personal data and the
  accounts: contact messages, the inbox address, staff accounts and roles,
  the audit trail.

Each app's migrations grant its own models' permissions to the roles with
`grant()`, so a new kind of content brings its permissions with it.
"""

import secrets

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

EDITORS = "Editors"
PUBLISHERS = "Publishers"
ADMINISTRATORS = "Administrators"
ROLES = (EDITORS, PUBLISHERS, ADMINISTRATORS)
# The roles' names as staff read them; the groups keep the English names above.
ROLE_NAMES = {
    EDITORS: _("Editors"),
    PUBLISHERS: _("Publishers"),
    ADMINISTRATORS: _("Administrators"),
}


def role_name(name):
    """A group's name in the active language: a role's translated, any other as it is."""
    return str(ROLE_NAMES.get(name, name))


def has_role(user):
    """True for a staff member in one of the roles (or a superuser)."""
    if not (user.is_active and user.is_staff):
        return False
    return user.is_superuser or user.groups.filter(name__in=ROLES).exists()


def grant(apps, role, app_label, codenames):
    """In a data migration: give `role` these permissions of `app_label`, creating what is missing."""
    # Permissions are normally created after all migrations; the roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=role)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )


def content_permissions(models, actions):
    """`["add_page", "change_page", …]` for each model name and action."""
    return [f"{action}_{model}" for model in models for action in actions]


def example_account(username, role=None):
    """
    Development only: make a staff account in `role` (a superuser without
    one) with a random password. Returns the password, or None when the
    account exists already (its password is never shown again).
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    User = get_user_model()
    if User.objects.filter(username=username).exists():
        return None
    password = secrets.token_urlsafe(12)
    if role is None:
        User.objects.create_superuser(username=username, email="", password=password)
    else:
        user = User.objects.create_user(username=username, password=password, is_staff=True)
        user.groups.add(Group.objects.get(name=role))
    return password


# What each default permission lets staff do, in their language. The names
# Django stores ("Can add article") are English and fixed when the
# permission is made; the admin shows these instead.
PERMISSION_ACTIONS = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
    "publish": _("Can publish %(model)s"),
}


def permission_label(permission):
    """
    "News | article | Can publish article", in the active language: the
    app's and the model's names, and the action. A model's own permissions
    (Meta.permissions) are named by their msgid, which is what is stored.
    """
    content_type = permission.content_type
    model = content_type.model_class()
    if model is None:
        return str(permission)
    opts = model._meta
    action, _separator, model_name = permission.codename.partition("_")
    if model_name == opts.model_name and action in PERMISSION_ACTIONS:
        name = PERMISSION_ACTIONS[action] % {"model": opts.verbose_name}
    else:
        name = gettext(permission.name)
    app_name = apps.get_app_config(opts.app_label).verbose_name
    return f"{app_name} | {opts.verbose_name} | {name}"
