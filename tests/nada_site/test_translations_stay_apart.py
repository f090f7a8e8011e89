"""
A save never writes one language's text into another language's field, for
every model registered with django-modeltranslation, whatever language is
active when it is saved.
"""

import datetime
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

from events import demo as events_demo
from events.models import Event
from international import demo as international_demo
from international.models import Agreement, Approach, Objective, Partner, UnitProfile
from nada_site import demo as site_demo
from nada_site.models import Page, Question, ReviewRequest, SiteLink, SiteSettings
from nada_site.richtext import SanitizedRichTextField, sanitize_html
from news import demo as news_demo
from news.models import Announcement, Article, Category, KeyPoint, Tag
from publications import demo as publications_demo
from publications import samples
from publications.models import Publication
from tests.admin_forms import open_form

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SAMPLES = {"ms": "Teks dalam bahasa Melayu", "en": "Text in English", "ar": "نص باللغة العربية"}


def sample(model, field, language):
    text = SAMPLES[language]
    return f"<p>{text}</p>" if "RichText" in type(model._meta.get_field(field)).__name__ else text


def translated_fields(model):
    return list(translator.get_options_for_model(model).fields)


def other_required_fields(model):
    """Just enough of the untranslated fields to save a record."""
    if model is Page:
        return {"slug": "page"}
    if model is Question:
        return {"page": Page.objects.create(slug="faq", title_ms="Soalan")}
    if model is UnitProfile:
        return {"email": "unit@example.gov.my"}
    if model in (Objective, Approach):
        return {"profile": UnitProfile.objects.create(email="unit@example.gov.my", name_ms="Unit")}
    if model is Partner:
        return {"slug": "unodc", "kind": Partner.Kind.ORGANISATION}
    if model is Agreement:
        return {"slug": "mou", "kind": Agreement.Kind.BILATERAL, "instrument": "mou"}
    if model in (Category, Tag):
        return {"slug": "global"}
    if model is Event:
        when = timezone.now()
        return {"slug": "cnd", "starts_at": when, "ends_at": when}
    if model is Article:
        return {"slug": "article", "category": Category.objects.create(slug="global")}
    if model is SiteSettings:
        return {}
    if model is SiteLink:
        return {
            "settings": SiteSettings.objects.create(),
            "kind": "online_service",
            "url": "https://a.example/",
        }
    if model is KeyPoint:
        category = Category.objects.create(slug="global")
        return {"article": Article.objects.create(slug="article", category=category)}
    if model is Announcement:
        return {"slug": "notice", "ends_at": timezone.now() + datetime.timedelta(days=1)}
    if model is Publication:
        return {"slug": "laporan", "kind": "speech", "date": datetime.date(2025, 1, 1)}
    raise AssertionError(f"No factory for {model.__name__}: add one when registering a model.")


def test_every_translated_model_has_a_factory_here():
    for model in translator.get_registered_models():
        assert model in MODELS + SETTINGS_MODELS, (
            f"{model.__name__} is translated but not tested here"
        )


MODELS = [Page, Question, UnitProfile, Objective, Approach, Partner, Agreement, Category, Tag]
MODELS += [Article, KeyPoint, Announcement, Publication, Event]
# One record edited, never added, in the admin: its form is tested in test_site_settings.py.
SETTINGS_MODELS = [SiteSettings, SiteLink]


def assert_only_in(instance, language):
    model = type(instance)
    instance = model.objects.get(pk=instance.pk)
    for field in translated_fields(model):
        for code in LANGUAGES:
            value = getattr(instance, build_localized_fieldname(field, code))
            if code == language:
                assert value == sample(model, field, language), (field, code)
            else:
                assert not value, f"{model.__name__}.{field}_{code} holds {value!r}"


@pytest.mark.parametrize("model", MODELS + SETTINGS_MODELS, ids=lambda model: model.__name__)
@pytest.mark.parametrize("filled", LANGUAGES)
@pytest.mark.parametrize("active", LANGUAGES)
def test_an_orm_save_keeps_each_language_in_its_own_field(model, filled, active):
    fields = other_required_fields(model)
    fields.update(
        {
            build_localized_fieldname(field, filled): sample(model, field, filled)
            for field in translated_fields(model)
        }
    )
    with translation.override(active):
        instance = model.objects.create(**fields)
        assert_only_in(instance, filled)
        instance.save()  # and again, as an edit
    assert_only_in(instance, filled)


# Through the admin, as staff save: the real add and change forms, with the
# admin shown in each language.

PART_MODELS = [Question, Objective, Approach, KeyPoint]
ITEM_MODELS = [model for model in MODELS if model not in PART_MODELS]


def filled_languages(model):
    """The languages to fill one at a time: Malay alone where Malay is required."""
    required = translator.get_options_for_model(model).required_languages
    return [settings.LANGUAGE_CODE] if required else LANGUAGES


def cases(models):
    return [
        pytest.param(model, filled, id=f"{model.__name__}-{filled}")
        for model in models
        for filled in filled_languages(model)
    ]


def parent_link(model):
    """For a part (an inline): the model it is edited with, and its formset's prefix."""
    link = next(field for field in model._meta.concrete_fields if field.many_to_one)
    return link.related_model, link.remote_field.get_accessor_name()


def admin_url(model, *parts):
    opts = model._meta
    return "/".join(["/admin", opts.app_label, opts.model_name, *map(str, parts)]) + "/"


def texts(model, language, prefix=""):
    """Every translated field of `model` in `language`, as the form names them."""
    return {
        f"{prefix}{build_localized_fieldname(field, language)}": sample(model, field, language)
        for field in translated_fields(model)
    }


def form_fields_besides_the_texts(model, language):
    """What staff fill in besides the texts to add an item."""
    if model in (Page, Category, Tag):
        return {"slug": "item"}
    if model is UnitProfile:
        return {"email": "unit@example.gov.my"}
    if model is Partner:
        return {"kind": Partner.Kind.ORGANISATION, "slug": "unodc"}
    if model is Agreement:
        partner = Partner.objects.create(
            slug="asean", kind=Partner.Kind.ORGANISATION, name_ms="ASEAN"
        )
        return {"slug": "mou", "kind": "bilateral", "instrument": "mou", "partners": [partner.pk]}
    if model is Article:
        return {"category": Category.objects.create(slug="global").pk}
    if model is Announcement:
        return {"ends_at_0": "2099-01-01", "ends_at_1": "09:00:00"}
    if model is Publication:
        pdf = SimpleUploadedFile("laporan.pdf", samples.pdf("Laporan"))
        return {"kind": "speech", "date": "2025-01-01", "pdf_ms": pdf}
    if model is Event:
        return {
            "time_zone": "Europe/Vienna",
            "starts_at_0": "2027-03-15",
            "starts_at_1": "10:00:00",
            "ends_at_0": "2027-03-15",
            "ends_at_1": "17:00:00",
        }
    raise AssertionError(f"No form data for {model.__name__}: add it when registering a model.")


def show_admin_in(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language


def open_admin_form(client, url, model, language):
    response, form = open_form(client, url, model._meta.model_name)
    html = response.content.decode()
    direction = "rtl" if translation.get_language_info(language)["bidi"] else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html, (
        "the admin is not in that language"
    )
    return form


def post_form(client, url, form):
    response = client.post(url, form.post_data())
    errors = getattr(response, "context", None) and response.context.get("errors")
    assert response.status_code == 302, f"the form was refused: {errors}"
    return response


def add_through_the_admin(client, model, filled, admin_language, part=None):
    """Add an item with its texts (and those of one new part) in `filled` only."""
    show_admin_in(client, admin_language)
    url = admin_url(model, "add")
    form = open_admin_form(client, url, model, admin_language)
    form.update(texts(model, filled))
    form.update(form_fields_besides_the_texts(model, filled))
    if part is not None:
        _parent, prefix = parent_link(part)
        form.add_inline(prefix, **texts(part, filled))
    post_form(client, url, form)
    return model._default_manager.get()


def save_unchanged_through_the_admin(client, item, admin_language, changes=None):
    show_admin_in(client, admin_language)
    url = admin_url(type(item), item.pk, "change")
    form = open_admin_form(client, url, type(item), admin_language)
    post_form(client, url, form.update(changes or {}))


@pytest.mark.parametrize("admin_language", LANGUAGES)
@pytest.mark.parametrize("model, filled", cases(ITEM_MODELS))
def test_an_admin_save_keeps_each_language_in_its_own_field(
    staff_client, model, filled, admin_language
):
    item = add_through_the_admin(staff_client, model, filled, admin_language)
    assert_only_in(item, filled)
    save_unchanged_through_the_admin(staff_client, item, admin_language)
    assert_only_in(item, filled)


@pytest.mark.parametrize("admin_language", LANGUAGES)
@pytest.mark.parametrize("part, filled", cases(PART_MODELS))
def test_a_part_saved_in_its_items_admin_form_keeps_each_language_apart(
    staff_client, part, filled, admin_language
):
    parent, _prefix = parent_link(part)
    item = add_through_the_admin(staff_client, parent, filled, admin_language, part=part)
    assert_only_in(item, filled)
    assert_only_in(part.objects.get(), filled)
    save_unchanged_through_the_admin(staff_client, item, admin_language)
    assert_only_in(item, filled)
    assert_only_in(part.objects.get(), filled)


# Restoring a revision in the admin, shown in another language than the text's.


def edited_texts(model, language, prefix=""):
    return {
        name: value.replace(SAMPLES[language], f"{SAMPLES[language]} 2")
        for name, value in texts(model, language, prefix).items()
    }


def restore_cases():
    return [
        pytest.param(model, filled, restored_in, id=f"{model.__name__}-{filled}-in-{restored_in}")
        for model in MODELS
        for filled in filled_languages(model)
        for restored_in in LANGUAGES
        if restored_in != filled
    ]


@pytest.mark.parametrize("model, filled, restored_in", restore_cases())
def test_restoring_a_revision_keeps_each_language_in_its_own_field(
    staff_client, model, filled, restored_in
):
    part = model if model in PART_MODELS else None
    item_model = parent_link(model)[0] if part else model
    item = add_through_the_admin(staff_client, item_model, filled, filled, part=part)
    changes = edited_texts(item_model, filled)
    if part:
        changes.update(edited_texts(part, filled, prefix=f"{parent_link(part)[1]}-0-"))
    save_unchanged_through_the_admin(staff_client, item, filled, changes)

    first = Version.objects.get_for_object(item).order_by("pk").first()
    show_admin_in(staff_client, restored_in)
    url = admin_url(item_model, item.pk, "history", first.pk)
    post_form(staff_client, url, open_admin_form(staff_client, url, item_model, restored_in))

    assert_only_in(item, filled)
    if part:
        assert_only_in(part.objects.get(), filled)


# The demo loader, run with each language active.


def given_texts(model, row):
    """What a demo row gives each language of each translated field ('' for nothing)."""
    given = {}
    for field in translated_fields(model):
        for code in LANGUAGES:
            text = row.get(build_localized_fieldname(field, code)) or ""
            if text and isinstance(model._meta.get_field(field), SanitizedRichTextField):
                text = sanitize_html(text)
            given[build_localized_fieldname(field, code)] = text
    return given


def stored_texts(record, names):
    return {name: getattr(record, name) or "" for name in names}


@pytest.mark.parametrize("active", LANGUAGES)
def test_the_demo_loader_keeps_each_language_in_its_own_field(active):
    with translation.override(active):
        call_command("load_demo_content", stdout=StringIO())

    rows = [(UnitProfile, UnitProfile.objects.get(), international_demo.PROFILE)]
    for model, demo_rows in (
        (Page, site_demo.PAGES),
        (Partner, international_demo.PARTNERS),
        (Agreement, international_demo.AGREEMENTS),
        (Category, news_demo.CATEGORIES),
        (Tag, news_demo.TAGS),
        (Article, news_demo.ARTICLES),
        (Announcement, news_demo.announcements(timezone.now())),
        (Publication, publications_demo.PUBLICATIONS),
        (Event, events_demo.rows()),
    ):
        rows += [(model, model.objects.get(slug=row["slug"]), row) for row in demo_rows]
    for model, record, row in rows:
        given = given_texts(model, row)
        assert stored_texts(record, given) == given, f"{model.__name__} {row.get('slug')}"

    for model, items in (
        (Objective, international_demo.OBJECTIVES),
        (Approach, international_demo.APPROACHES),
    ):
        stored = [(item.text_ms, item.text_en, item.text_ar) for item in model.objects.all()]
        assert stored == list(items)

    for row in news_demo.ARTICLES:
        article = Article.objects.get(slug=row["slug"])
        written_in = {code for code in LANGUAGES if row.get(f"title_{code}")}
        for point in article.key_points.all():
            for field in ("heading", "text"):
                for code in LANGUAGES:
                    text = getattr(point, build_localized_fieldname(field, code))
                    assert bool(text) == (code in written_in), (row["slug"], field, code)


@pytest.mark.parametrize("active", LANGUAGES)
def test_the_demo_news_from_iraq_gets_no_malay_text(active):
    with translation.override(active):
        call_command("load_demo_content", stdout=StringIO())
    from_iraq = Article.objects.filter(tags__slug="iraq")
    assert from_iraq.count() == 2
    for article in from_iraq:
        assert article.available_languages == ["en", "ar"]
        for field in translated_fields(Article):
            assert not getattr(article, build_localized_fieldname(field, "ms")), field
        for point in article.key_points.all():
            assert not point.heading_ms and not point.text_ms


# An Editor's proposal, made and approved with the admin in other languages.


def staff_member(django_user_model, group, language):
    user = django_user_model.objects.create_user(
        group.lower(), f"{group.lower()}@example.gov.my", "pw", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    show_admin_in(client, language)
    return client


@pytest.mark.parametrize("editor_language, publisher_language", [("ms", "en"), ("en", "ms")])
def test_an_approved_proposal_keeps_each_language_in_its_own_field(
    django_user_model, editor_language, publisher_language
):
    article = Article.objects.create(
        slug="article",
        category=Category.objects.create(slug="global"),
        status=Article.Status.PUBLISHED,
        was_published=True,
        **texts(Article, "ar"),
    )
    KeyPoint.objects.create(article=article, **texts(KeyPoint, "ar"))
    editor = staff_member(django_user_model, "Editors", editor_language)
    url = admin_url(Article, article.pk, "change")
    form = open_admin_form(editor, url, Article, editor_language)
    form.update({**edited_texts(Article, "ar"), **edited_texts(KeyPoint, "ar", "key_points-0-")})
    post_form(editor, url, form.update({"_submit_for_review": "1"}))
    assert_only_in(article, "ar")  # the stored article waits for the approval

    publisher = staff_member(django_user_model, "Publishers", publisher_language)
    review = ReviewRequest.objects.get()
    response = publisher.post(admin_url(ReviewRequest, review.pk, "change"), {"_approve": "1"})
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.body_ar == f"<p>{SAMPLES['ar']} 2</p>"
    for record in (article, KeyPoint.objects.get()):
        for field in translated_fields(type(record)):
            for code in ("ms", "en"):
                assert not getattr(record, build_localized_fieldname(field, code)), (field, code)
