from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = _("Contact messages")

    def ready(self):
        from contact import sections
        from nada_site.site import site

        # Messages are personal data: saving one changes no public page.
        site.register(
            self,
            urls=("contact/", "contact.urls"),
            navigation=[(_("Contact"), "contact:form")],
            fixed_pages=["contact:form"],
            start_tasks=[sections.inbox_tasks],
            refreshes_pages=False,
        )
