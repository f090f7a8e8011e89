from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.functional import SimpleLazyObject

from nada_site.localized import language_links
from nada_site.models import Page, SiteSettings
from nada_site.site import site as contributions


def site(request):
    """Navigation, the language switcher and hreflang alternates for the current page."""
    path = request.path
    languages = language_links(lambda code: translate_url(request.get_full_path(), code))
    default_url = next(lang["url"] for lang in languages if lang["code"] == settings.LANGUAGE_CODE)

    navigation = []
    for label, name in contributions.navigation:
        url = reverse(name)
        is_current = path == url if name == "home" else path.startswith(url)
        navigation.append({"label": label, "url": url, "is_current": is_current})
    # A deeper section (cooperation under the unit) wins over its parent.
    current_items = [item for item in navigation if item["is_current"]]
    for item in current_items[:-1]:
        item["is_current"] = False

    # One query, made only if the page shows the links.
    linked_pages = SimpleLazyObject(lambda: list(Page.objects.linked()))

    return {
        "menu_pages": SimpleLazyObject(
            lambda: [page for page in linked_pages if page.show_in_menu]
        ),
        "footer_pages": SimpleLazyObject(lambda: [p for p in linked_pages if p.show_in_footer]),
        # The header's images and the footer's links: a fixed number of queries, once.
        "site_settings": SimpleLazyObject(SiteSettings.current),
        "site_languages": languages,
        "default_language_url": default_url,
        "navigation": navigation,
    }
