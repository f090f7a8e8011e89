"""
Old addresses keep working. When the slug of something the public has seen
changes (an article, a page, an agreement, a category, a tag: every model
whose slug follows nada_site.slugs), the old address answers with a
permanent redirect to the new one, in every language: `/ms/news/old/` →
`/ms/news/new/`, `/ar/news/old/` → `/ar/news/new/`.

- Recorded once, when the new slug goes live: on any save that writes a slug
  other than the stored one, including the raw saves that approve a proposal
  or restore a revision, and never inside a workflow rehearsal (a proposal
  being made or previewed: nada_site.workflow). A draft never published
  leaves no redirect: its address was never public.
- Chains are kept short: when the slug changes again, the older addresses
  lead straight to the newest; an item that takes back an address it had
  loses that redirect.
- Served only when the address finds nothing (the view raised a 404), with
  one indexed query; an item at the address always wins over a redirect.

Staff see and delete these records in the admin (`AddressChange`).
"""

from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save, pre_save
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.encoding import iri_to_uri

from nada_site.models import AddressChange
from nada_site.slugs import SlugFromMixin
from nada_site.workflow import Status, is_publishable, is_rehearsing

# How long a browser keeps a redirect before asking again, so that a
# redirect deleted by staff stops answering within a day.
REDIRECT_MAX_AGE = 60 * 60 * 24


def route_of(item):
    """The name of the route of `item`'s address, when its slug is what makes it; else None."""
    try:
        match = resolve(urlsplit(item.get_absolute_url()).path)
    except (NoReverseMatch, Resolver404):
        return None
    return match.view_name if match.kwargs.get("slug") == item.slug else None


def record(item, old_slug):
    """`item`'s address was made of `old_slug` and is now made of its slug: lead one to the other."""
    url_name = route_of(item)
    if url_name is None or not old_slug or old_slug == item.slug:
        return
    content_type = ContentType.objects.get_for_model(item)
    changes = AddressChange.objects.filter(url_name=url_name)
    mine = changes.filter(content_type=content_type, object_id=str(item.pk))
    # Older addresses lead straight to the newest; the address taken back answers itself.
    mine.update(new_slug=item.slug)
    mine.filter(old_slug=item.slug).delete()
    AddressChange.objects.update_or_create(
        url_name=url_name,
        old_slug=old_slug,
        defaults={
            "content_type": content_type,
            "object_id": str(item.pk),
            "new_slug": item.slug,
            "created_at": timezone.now(),
        },
    )


def remember_stored_address(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a save: the stored slug, if the public has seen the item's address."""
    instance._stored_public_slug = None
    if instance.pk is None or is_rehearsing():
        return
    if update_fields is not None and "slug" not in update_fields:
        return
    names = ["slug", "status", "was_published"] if is_publishable(sender) else ["slug"]
    stored = sender._base_manager.filter(pk=instance.pk).values(*names).first()
    if stored is None:
        return
    if is_publishable(sender) and not (
        stored["was_published"] or stored["status"] == Status.PUBLISHED
    ):
        return
    instance._stored_public_slug = stored["slug"]


def record_address_change(sender, instance, **kwargs):
    old_slug = instance.__dict__.pop("_stored_public_slug", None)
    if old_slug and old_slug != instance.slug and not is_rehearsing():
        record(instance, old_slug)


def connect_signals(models):
    """Watch the slugs of `models` that take theirs from nada_site.slugs."""
    for model in models:
        if issubclass(model, SlugFromMixin) and not model._meta.abstract:
            uid = f"addresses:{model._meta.label_lower}"
            pre_save.connect(remember_stored_address, sender=model, dispatch_uid=uid)
            post_save.connect(record_address_change, sender=model, dispatch_uid=uid)


# Serving.


def redirect_for(request):
    """The redirect from the old address `request` asked for to the new one, or None."""
    match = request.resolver_match
    slug = match.kwargs.get("slug") if match else None
    if (
        not isinstance(slug, str)
        or len(slug) > AddressChange._meta.get_field("old_slug").max_length
    ):
        return None
    new_slug = (
        AddressChange.objects.filter(url_name=match.view_name, old_slug=slug)
        .values_list("new_slug", flat=True)
        .first()
    )
    if not new_slug or new_slug == slug:
        return None
    try:
        location = reverse(
            match.view_name, args=match.args, kwargs={**match.kwargs, "slug": new_slug}
        )
    except NoReverseMatch:
        return None
    query = request.META.get("QUERY_STRING", "")
    if query:
        location = f"{location}?{iri_to_uri(query)}"
    response = HttpResponsePermanentRedirect(location)
    patch_cache_control(response, public=True, max_age=REDIRECT_MAX_AGE)
    return response


class OldAddressMiddleware:
    """A public page not found at an old address of an item redirects to its new one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return redirect_for(request)
        return None
