"""
Staff accounts in the admin. Account managers give roles through groups;
only a superuser grants superuser status or single permissions, and no one
else changes, deletes or resets a superuser's account. Changes to an
account's groups, staff or superuser status, and to a group's permissions,
go to the audit trail. A lost second factor is reset from the Users list or
the user's page (nada_site.two_factor.reset_second_factor).
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm, SetUnusablePasswordMixin
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from nada_site import two_factor
from nada_site.audit import Action, record
from nada_site.roles import permission_label, role_name

SUPERUSER_ONLY_FIELDS = ("is_superuser", "user_permissions")
AUDITED_FLAGS = ("is_staff", "is_superuser")


def permission_names(pks):
    """`app_label.codename` of each permission, by primary key."""
    rows = Permission.objects.filter(pk__in=pks).values_list(
        "pk", "content_type__app_label", "codename"
    )
    return {pk: f"{app_label}.{codename}" for pk, app_label, codename in rows}


def many_to_many_changes(form, field_name, label, change, names=None):
    """
    What a saved admin form added to and removed from one of its
    many-to-many fields, as sentences for the audit trail's detail. `names`
    turns primary keys into names; by default, the objects' own names.
    """
    if field_name not in form.fields:
        return []
    before = {obj.pk: obj for obj in form.initial.get(field_name, [])} if change else {}
    after = {obj.pk: obj for obj in form.cleaned_data[field_name]}
    added, removed = after.keys() - before.keys(), before.keys() - after.keys()
    if not (added or removed):
        return []
    if names is not None:
        labels = names(added | removed)
    else:
        labels = {pk: str(obj) for pk, obj in {**before, **after}.items()}
    changes = []
    if added:
        changes.append(f"{label} added: {', '.join(sorted(labels[pk] for pk in added))}")
    if removed:
        changes.append(f"{label} removed: {', '.join(sorted(labels[pk] for pk in removed))}")
    return changes


def flag_changes(form, field_names, change):
    changes = []
    for name in field_names:
        if name not in form.fields:
            continue
        before = bool(form.initial.get(name)) if change else False
        after = form.cleaned_data[name]
        if before != after:
            changes.append(f"{name}: {before} → {after}")
    return changes


class PermissionLabelsMixin:
    """The permission and role widgets name each in the staff member's language."""

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if formfield is not None and db_field.related_model is Permission:
            formfield.label_from_instance = permission_label
        if formfield is not None and db_field.related_model is Group:
            formfield.label_from_instance = lambda group: role_name(group.name)
        return formfield


class RoleFilter(admin.RelatedFieldListFilter):
    """The users list's filter by role, the roles named in the staff member's language."""

    def field_choices(self, field, request, model_admin):
        choices = super().field_choices(field, request, model_admin)
        return sorted(((pk, role_name(name)) for pk, name in choices), key=lambda choice: choice[1])


def record_role_change(request, obj, changes):
    if changes:
        record(Action.ROLE_CHANGED, actor=request.user, obj=obj, detail="; ".join(changes))


class SecondFactorFilter(admin.SimpleListFilter):
    title = _("second factor")
    parameter_name = "second_factor"

    def lookups(self, request, model_admin):
        return [("yes", _("Set up")), ("no", _("Not set up"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(has_second_factor=self.value() == "yes")
        return queryset


class StaffPasswordChangeForm(AdminPasswordChangeForm):
    """
    Django's form to set a staff member's password, its help text in the
    language of whoever reads it: Django joins its two sentences into one
    string when it loads, in the language active then, the second in English.
    """

    usable_password_help_text = format_lazy(
        '{}<ul id="id_unusable_warning" class="messagelist"><li class="warning">{}</li></ul>',
        SetUnusablePasswordMixin.usable_password_help_text,
        _("If disabled, the current password for this user will be lost."),
    )


class StaffUserAdmin(PermissionLabelsMixin, UserAdmin):
    change_password_form = StaffPasswordChangeForm
    list_display = (
        "username",
        "first_name",
        "last_name",
        "email",
        "is_staff",
        "is_active",
        "roles",
        "second_factor",
    )
    list_filter = (
        "is_staff",
        "is_superuser",
        "is_active",
        ("groups", RoleFilter),
        SecondFactorFilter,
    )
    actions = ["reset_second_factor"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(has_second_factor=two_factor.has_second_factor_condition())
            .prefetch_related("groups")
        )

    @admin.display(description=_("roles"))
    def roles(self, user):
        return ", ".join(sorted(role_name(group.name) for group in user.groups.all()))

    @admin.display(description=_("second factor"), boolean=True, ordering="has_second_factor")
    def second_factor(self, user):
        return user.has_second_factor

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if request.user.is_superuser:
            return readonly
        return (*readonly, *SUPERUSER_ONLY_FIELDS)

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        changes = [
            *many_to_many_changes(form, "groups", "groups", change),
            *many_to_many_changes(
                form, "user_permissions", "permissions", change, permission_names
            ),
            *flag_changes(form, AUDITED_FLAGS, change),
        ]
        record_role_change(request, form.instance, changes)

    @admin.action(description=_("Reset the second factor"), permissions=["change"])
    def reset_second_factor(self, request, queryset):
        users = list(queryset)
        if not all(self.has_change_permission(request, user) for user in users):
            raise PermissionDenied
        for user in users:
            two_factor.reset_second_factor(user, actor=request.user)
        self.message_user(
            request,
            ngettext(
                "The second factor of %(count)d account was reset.",
                "The second factors of %(count)d accounts were reset.",
                len(users),
            )
            % {"count": len(users)},
            messages.SUCCESS,
        )

    def get_urls(self):
        opts = self.opts
        return [
            path(
                "<id>/reset-second-factor/",
                self.admin_site.admin_view(self.reset_second_factor_view),
                name=f"{opts.app_label}_{opts.model_name}_reset_second_factor",
            ),
            *super().get_urls(),
        ]

    def reset_second_factor_view(self, request, id):
        """Asks, then removes one account's second factor (the button on the user's page)."""
        user = self.get_object(request, unquote(id))
        if user is None:
            raise Http404
        if not self.has_change_permission(request, user):
            raise PermissionDenied
        change_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[user.pk]
        )
        if request.method == "POST":
            two_factor.reset_second_factor(user, actor=request.user)
            self.message_user(
                request,
                _("The second factor of %(user)s was reset.") % {"user": user.get_username()},
                messages.SUCCESS,
            )
            return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reset the second factor"),
            "opts": self.opts,
            "original": user,
            "change_url": change_url,
            "has_second_factor": two_factor.has_second_factor(user),
        }
        return TemplateResponse(request, "admin/auth/user/reset_second_factor.html", context)


class StaffGroupAdmin(PermissionLabelsMixin, GroupAdmin):
    """Roles: a change to a group's permissions goes to the audit trail."""

    list_display = ("role",)

    @admin.display(description=_("role"), ordering="name")
    def role(self, group):
        return role_name(group.name)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        changes = many_to_many_changes(form, "permissions", "permissions", change, permission_names)
        record_role_change(request, form.instance, changes)
