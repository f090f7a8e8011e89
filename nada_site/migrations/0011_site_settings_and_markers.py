"""
The site settings that Administrators keep (the header's images, the footer's
links), the assessment marker a page stands for, when a question last changed,
and the last check of the markers. The existing pages get the markers of what
they are, and Administrators the settings' permissions.
"""

import django.db.models.deletion
import django.utils.timezone
import nada_site.uploads
from django.db import migrations, models

from nada_site.roles import ADMINISTRATORS, content_permissions, grant

# The pages of the demo content, by slug, and the marker each stands for.
PAGE_MARKERS = {
    "faq": "faq",
    "client-charter": "client-charter",
    "privacy": "privacy-policy",
    "disclaimer": "freedom",
    "government-policies": "gov-policies",
}


def mark_pages(apps, schema_editor):
    Page = apps.get_model("nada_site", "Page")
    for slug, marker in PAGE_MARKERS.items():
        if not Page.objects.filter(marker=marker).exists():
            Page.objects.filter(slug=slug, marker="").update(marker=marker)


def grant_roles(apps, schema_editor):
    grant(
        apps,
        ADMINISTRATORS,
        "nada_site",
        [
            "view_sitesettings",
            "change_sitesettings",
            *content_permissions(
                ["socialaccount", "sitelink"], ["add", "change", "delete", "view"]
            ),
        ],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("nada_site", "0010_search_documents"),
    ]

    operations = [
        migrations.CreateModel(
            name="MarkerCheck",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "checked_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="checked"),
                ),
                ("found", models.JSONField(default=list, verbose_name="markers found")),
                ("pages", models.PositiveIntegerField(default=0, verbose_name="pages read")),
            ],
            options={
                "verbose_name": "check of the assessment markers",
                "verbose_name_plural": "checks of the assessment markers",
                "default_permissions": (),
            },
        ),
        migrations.CreateModel(
            name="SiteLink",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("online_service", "online service"),
                            ("related_agency", "related agency"),
                        ],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                ("label", models.CharField(max_length=150, verbose_name="label")),
                ("label_ms", models.CharField(max_length=150, null=True, verbose_name="label")),
                ("label_en", models.CharField(max_length=150, null=True, verbose_name="label")),
                ("label_ar", models.CharField(max_length=150, null=True, verbose_name="label")),
                ("url", models.URLField(verbose_name="address")),
                (
                    "order",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="Links are shown from the lowest number to the highest.",
                        verbose_name="order",
                    ),
                ),
            ],
            options={
                "verbose_name": "footer link",
                "verbose_name_plural": "footer links",
                "ordering": ["kind", "order", "id"],
            },
        ),
        migrations.CreateModel(
            name="SiteSettings",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "logo",
                    models.ImageField(
                        blank=True,
                        help_text="Optional. A JPEG, PNG or WebP image of at most 2 MB, shown in the header.",
                        upload_to=nada_site.uploads.UploadTo("site"),
                        validators=[nada_site.uploads.UploadValidator("header_image")],
                        verbose_name="agency logo",
                    ),
                ),
                (
                    "logo_alt",
                    models.CharField(
                        blank=True,
                        help_text="What the logo says, for those who cannot see it. Required with a logo.",
                        max_length=150,
                        verbose_name="logo's text alternative",
                    ),
                ),
                (
                    "logo_alt_ms",
                    models.CharField(
                        blank=True,
                        help_text="What the logo says, for those who cannot see it. Required with a logo.",
                        max_length=150,
                        null=True,
                        verbose_name="logo's text alternative",
                    ),
                ),
                (
                    "logo_alt_en",
                    models.CharField(
                        blank=True,
                        help_text="What the logo says, for those who cannot see it. Required with a logo.",
                        max_length=150,
                        null=True,
                        verbose_name="logo's text alternative",
                    ),
                ),
                (
                    "logo_alt_ar",
                    models.CharField(
                        blank=True,
                        help_text="What the logo says, for those who cannot see it. Required with a logo.",
                        max_length=150,
                        null=True,
                        verbose_name="logo's text alternative",
                    ),
                ),
                (
                    "crest",
                    models.ImageField(
                        blank=True,
                        help_text="Optional. A JPEG, PNG or WebP image of at most 2 MB, shown in the header.",
                        upload_to=nada_site.uploads.UploadTo("site"),
                        validators=[nada_site.uploads.UploadValidator("header_image")],
                        verbose_name="national crest",
                    ),
                ),
                (
                    "crest_alt",
                    models.CharField(
                        blank=True,
                        help_text="What the crest says, for those who cannot see it. Required with a crest.",
                        max_length=150,
                        verbose_name="crest's text alternative",
                    ),
                ),
                (
                    "crest_alt_ms",
                    models.CharField(
                        blank=True,
                        help_text="What the crest says, for those who cannot see it. Required with a crest.",
                        max_length=150,
                        null=True,
                        verbose_name="crest's text alternative",
                    ),
                ),
                (
                    "crest_alt_en",
                    models.CharField(
                        blank=True,
                        help_text="What the crest says, for those who cannot see it. Required with a crest.",
                        max_length=150,
                        null=True,
                        verbose_name="crest's text alternative",
                    ),
                ),
                (
                    "crest_alt_ar",
                    models.CharField(
                        blank=True,
                        help_text="What the crest says, for those who cannot see it. Required with a crest.",
                        max_length=150,
                        null=True,
                        verbose_name="crest's text alternative",
                    ),
                ),
                (
                    "complaints_url",
                    models.URLField(
                        blank=True,
                        help_text="The agency's page in the public complaints system (SISPAA).",
                        verbose_name="SISPAA complaints link",
                    ),
                ),
                (
                    "procurement_url",
                    models.URLField(
                        blank=True,
                        help_text="The agency's page of tenders and quotations.",
                        verbose_name="procurement link",
                    ),
                ),
                (
                    "mobile_apps_url",
                    models.URLField(
                        blank=True,
                        help_text="The agency's page of its mobile apps.",
                        verbose_name="mobile apps link",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="last updated")),
            ],
            options={
                "verbose_name": "site settings",
                "verbose_name_plural": "site settings",
                "default_permissions": ("view", "change"),
            },
        ),
        migrations.CreateModel(
            name="SocialAccount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "network",
                    models.CharField(
                        choices=[
                            ("facebook", "Facebook"),
                            ("x", "X"),
                            ("instagram", "Instagram"),
                            ("youtube", "YouTube"),
                            ("tiktok", "TikTok"),
                            ("telegram", "Telegram"),
                            ("linkedin", "LinkedIn"),
                        ],
                        max_length=20,
                        verbose_name="network",
                    ),
                ),
                ("url", models.URLField(verbose_name="address")),
                (
                    "order",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="Links are shown from the lowest number to the highest.",
                        verbose_name="order",
                    ),
                ),
            ],
            options={
                "verbose_name": "social media account",
                "verbose_name_plural": "social media accounts",
                "ordering": ["order", "id"],
            },
        ),
        migrations.AddField(
            model_name="page",
            name="marker",
            field=models.CharField(
                blank=True,
                choices=[
                    ("gov-policies", "government policies"),
                    ("faq", "frequently asked questions"),
                    ("client-charter", "client charter"),
                    ("privacy-policy", "privacy policy"),
                    ("freedom", "disclaimer and access to information"),
                ],
                default="",
                help_text="What this page is for the public-sector assessment (SPLaSK), which looks for it on the site. At most one page per marker.",
                max_length=30,
                verbose_name="assessment marker",
            ),
        ),
        migrations.AddField(
            model_name="question",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="last updated"),
        ),
        migrations.AddConstraint(
            model_name="page",
            constraint=models.UniqueConstraint(
                condition=models.Q(("marker", ""), _negated=True),
                fields=("marker",),
                name="one_page_per_marker",
                violation_error_message="Another page already stands for this marker.",
            ),
        ),
        migrations.AddField(
            model_name="sitelink",
            name="settings",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="links",
                to="nada_site.sitesettings",
                verbose_name="site settings",
            ),
        ),
        migrations.AddField(
            model_name="socialaccount",
            name="settings",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="social_accounts",
                to="nada_site.sitesettings",
                verbose_name="site settings",
            ),
        ),
        migrations.RunPython(mark_pages, migrations.RunPython.noop),
        migrations.RunPython(grant_roles, migrations.RunPython.noop),
    ]
