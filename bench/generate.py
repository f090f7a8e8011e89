"""
Fill the database with a large site for the benchmarks: N news articles in
Malay, English and Arabic with key points, tags and images (a handful of
generated JPEGs, reused), M cooperation agreements with their partners, and
A announcements (some running, most ended, a few still to start).
P publications of every kind (one small generated PDF, reused, and CSV data
for the statistics), the agreement texts linked to generated agreements.
E events, half of them past, linked to a few of the articles.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nada_bench \
        .venv/bin/python bench/generate.py --articles 10000 --agreements 300 \
        --announcements 1000 --publications 300 --events 300

It migrates the database first, replaces what an earlier run generated (every
object it makes has a slug starting with "bench-") and loads the demo content
so the unit's pages are filled in. Rows are written with bulk_create, then
the tables are analysed.
"""

import argparse
import datetime
import os
import random
import sys
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nada_site.settings")

import django  # noqa: E402

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.storage import default_storage  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from events.models import Event  # noqa: E402
from international.models import Agreement, Partner  # noqa: E402
from news.images import make_renditions  # noqa: E402
from news.models import Announcement, Article, Category, KeyPoint, Tag  # noqa: E402
from publications import samples  # noqa: E402
from publications.models import Publication  # noqa: E402

PREFIX = "bench-"
WORDS = {
    "ms": "dadah pemulihan kerjasama serantau agensi operasi latihan komuniti pencegahan".split(),
    "en": "drugs rehabilitation cooperation regional agency operation training community".split(),
    "ar": "المخدرات التأهيل التعاون الإقليمي الوكالة العملية التدريب المجتمع الوقاية".split(),
}
BATCH = 1000


def sentence(rng, language, words=12):
    text = " ".join(rng.choice(WORDS[language]) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def make_images(count=5):
    """A few JPEGs in the media storage, reused by every article that has an image."""
    names = []
    for index in range(count):
        image = Image.new("RGB", (1600, 900), (20 + 40 * index, 90, 160 - 20 * index))
        ImageDraw.Draw(image).rectangle((200, 150, 1400, 750), fill=(240, 240, 240))
        buffer = BytesIO()
        image.save(buffer, "JPEG", quality=80)
        name = f"news/{PREFIX}{index}.jpg"
        if default_storage.exists(name):
            default_storage.delete(name)
        names.append(default_storage.save(name, ContentFile(buffer.getvalue())))
    return names


def clear():
    KeyPoint.objects.filter(article__slug__startswith=PREFIX).delete()
    Article.objects.filter(slug__startswith=PREFIX).delete()
    Tag.objects.filter(slug__startswith=PREFIX).delete()
    Category.objects.filter(slug__startswith=PREFIX).delete()
    Agreement.objects.filter(slug__startswith=PREFIX).delete()
    Event.objects.filter(slug__startswith=PREFIX).delete()
    Partner.objects.filter(slug__startswith=PREFIX).delete()
    Announcement.objects.filter(slug__startswith=PREFIX).delete()
    Publication.objects.filter(slug__startswith=PREFIX).delete()


def generate_news(rng, count):
    categories = Category.objects.bulk_create(
        Category(
            slug=f"{PREFIX}category-{i}",
            name_ms=f"Kategori {i}",
            name_en=f"Category {i}",
            name_ar=f"الفئة {i}",
        )
        for i in range(5)
    )
    tags = Tag.objects.bulk_create(
        Tag(slug=f"{PREFIX}tag-{i}", name_ms=f"Tag {i}", name_en=f"Tag {i}", name_ar=f"وسم {i}")
        for i in range(40)
    )
    images = make_images()
    # Each image's renditions made and recorded, as when staff save an image in the admin.
    recorded = {}
    for name in images:
        shown = Article(image=name, image_width=1600, image_height=900)
        make_renditions(shown)
        recorded[name] = shown.image_renditions
    now = timezone.now()
    for start in range(0, count, BATCH):
        articles = []
        for index in range(start, min(start + BATCH, count)):
            fields = {}
            for language in ("ms", "en", "ar"):
                fields[f"title_{language}"] = sentence(rng, language, 8)
                fields[f"summary_{language}"] = sentence(rng, language, 25)
                fields[f"body_{language}"] = "".join(
                    f"<p>{sentence(rng, language, 60)}</p>" for _ in range(6)
                )
                fields[f"key_points_heading_{language}"] = sentence(rng, language, 3)
            image = images[index % len(images)] if index % 3 == 0 else ""
            articles.append(
                Article(
                    slug=f"{PREFIX}article-{index}",
                    category=categories[index % len(categories)],
                    status=Article.Status.PUBLISHED,
                    was_published=True,
                    published_at=now - datetime.timedelta(hours=index + 1),
                    image=image,
                    image_width=1600 if image else None,
                    image_height=900 if image else None,
                    image_renditions=recorded.get(image, []),
                    image_alt_ms=sentence(rng, "ms", 5) if image else "",
                    image_alt_en=sentence(rng, "en", 5) if image else "",
                    image_alt_ar=sentence(rng, "ar", 5) if image else "",
                    **fields,
                )
            )
        Article.objects.bulk_create(articles)
        key_points, article_tags = [], []
        for article in articles:
            for order in range(1, 4):
                key_points.append(
                    KeyPoint(
                        article=article,
                        order=order,
                        **{
                            f"{part}_{language}": sentence(
                                rng, language, 6 if part == "heading" else 20
                            )
                            for part in ("heading", "text")
                            for language in ("ms", "en", "ar")
                        },
                    )
                )
            for tag in rng.sample(tags, 3):
                article_tags.append(Article.tags.through(article=article, tag=tag))
        KeyPoint.objects.bulk_create(key_points)
        Article.tags.through.objects.bulk_create(article_tags)


def generate_agreements(rng, count):
    partners = Partner.objects.bulk_create(
        Partner(
            slug=f"{PREFIX}partner-{i}",
            kind=Partner.Kind.ORGANISATION,
            name_ms=f"Organisasi {i}",
            name_en=f"Organisation {i}",
            name_ar=f"منظمة {i}",
        )
        for i in range(30)
    )
    agreements = []
    for index in range(count):
        agreements.append(
            Agreement(
                slug=f"{PREFIX}agreement-{index}",
                title_ms=sentence(rng, "ms", 8),
                title_en=sentence(rng, "en", 8),
                title_ar=sentence(rng, "ar", 8),
                summary_ms=f"<p>{sentence(rng, 'ms', 40)}</p>",
                summary_en=f"<p>{sentence(rng, 'en', 40)}</p>",
                summary_ar=f"<p>{sentence(rng, 'ar', 40)}</p>",
                kind=rng.choice(Agreement.Kind.values),
                instrument=rng.choice(Agreement.Instrument.values),
                standing=Agreement.Standing.ACTIVE,
                status=Agreement.Status.PUBLISHED,
                was_published=True,
                signed_on=datetime.date(2000, 1, 1) + datetime.timedelta(days=index * 9),
            )
        )
    Agreement.objects.bulk_create(agreements, batch_size=BATCH)
    Agreement.partners.through.objects.bulk_create(
        Agreement.partners.through(agreement=agreement, partner=partner)
        for agreement in agreements
        for partner in rng.sample(partners, 2)
    )


def generate_announcements(rng, count):
    """One in ten running now, one in twenty still to start, the others ended."""
    now = timezone.now()
    day = datetime.timedelta(days=1)
    announcements = []
    for index in range(count):
        if index % 10 == 0:
            starts_at, ends_at = now - day * (index % 7 + 1), now + day * 14
        elif index % 20 == 5:
            starts_at, ends_at = now + day * (index % 9 + 1), now + day * 30
        else:
            starts_at = now - day * (index + 10)
            ends_at = starts_at + day * 5
        fields = {}
        for language in ("ms", "en", "ar"):
            fields[f"title_{language}"] = sentence(rng, language, 6)
            fields[f"text_{language}"] = sentence(rng, language, 30)
        announcements.append(
            Announcement(
                slug=f"{PREFIX}announcement-{index}",
                status=Announcement.Status.PUBLISHED,
                was_published=True,
                published_at=now - day * (index + 20),
                starts_at=starts_at,
                ends_at=ends_at,
                **fields,
            )
        )
    Announcement.objects.bulk_create(announcements, batch_size=BATCH)


def generate_publications(rng, count):
    """`count` publications of every kind; statistics carry CSV data; some are agreements' texts."""
    pdf = samples.pdf("Benchmark")
    table = samples.csv_table([["Year", "Value"], [2025, 1]])
    pdf_name = default_storage.save("publications/bench/document.pdf", ContentFile(pdf))
    csv_name = default_storage.save("publications/bench/table.csv", ContentFile(table))
    kinds = Publication.Kind.values
    publications = []
    for index in range(count):
        kind = kinds[index % len(kinds)]
        is_statistics = kind == Publication.Kind.STATISTICS
        publications.append(
            Publication(
                slug=f"{PREFIX}publication-{index}",
                kind=kind,
                date=datetime.date(2010, 1, 1) + datetime.timedelta(days=index * 5),
                title_ms=sentence(rng, "ms", 8),
                title_en=sentence(rng, "en", 8),
                title_ar=sentence(rng, "ar", 8) if index % 3 else "",
                summary_ms=sentence(rng, "ms", 30),
                summary_en=sentence(rng, "en", 30),
                summary_ar=sentence(rng, "ar", 30) if index % 3 else "",
                pdf_ms=pdf_name,
                pdf_en=pdf_name if index % 2 else "",
                data=csv_name if is_statistics else "",
                file_sizes={"pdf_ms": len(pdf), "pdf_en": len(pdf), "data": len(table)},
                status=Publication.Status.PUBLISHED,
                was_published=True,
            )
        )
    Publication.objects.bulk_create(publications, batch_size=BATCH)
    texts = [item for item in publications if item.kind == Publication.Kind.AGREEMENT]
    agreements = list(Agreement.objects.filter(slug__startswith=PREFIX)[: len(texts)])
    Agreement.texts.through.objects.bulk_create(
        Agreement.texts.through(agreement=agreement, publication=text)
        for agreement, text in zip(agreements, texts, strict=False)
    )


def generate_events(rng, count):
    """`count` events, one every four days, half of them past, in a few venues' time zones."""
    zones = ["Europe/Vienna", "Asia/Bangkok", "Asia/Kuala_Lumpur", "America/New_York"]
    now = timezone.now()
    articles = list(
        Article.objects.filter(slug__startswith=PREFIX).values_list("pk", flat=True)[:50]
    )
    events = []
    for index in range(count):
        starts_at = now + datetime.timedelta(days=4 * (index - count // 2), hours=index % 24)
        events.append(
            Event(
                slug=f"{PREFIX}event-{index}",
                title_ms=sentence(rng, "ms", 8),
                title_en=sentence(rng, "en", 8),
                title_ar=sentence(rng, "ar", 8),
                description_ms=f"<p>{sentence(rng, 'ms', 40)}</p>",
                description_en=f"<p>{sentence(rng, 'en', 40)}</p>",
                description_ar=f"<p>{sentence(rng, 'ar', 40)}</p>",
                city_en=f"City {index % 20}",
                country=rng.choice(["AT", "TH", "MY", "US"]),
                time_zone=zones[index % len(zones)],
                starts_at=starts_at,
                ends_at=starts_at + datetime.timedelta(hours=6),
                all_day=index % 5 == 0,
                role=rng.choice(Event.Role.values),
                status=Event.Status.PUBLISHED,
                was_published=True,
            )
        )
    Event.objects.bulk_create(events, batch_size=BATCH)
    Event.related_articles.through.objects.bulk_create(
        Event.related_articles.through(event=event, article_id=article)
        for event in events
        for article in rng.sample(articles, min(2, len(articles)))
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--agreements", type=int, default=300)
    parser.add_argument("--announcements", type=int, default=1000)
    parser.add_argument("--publications", type=int, default=300)
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--seed", type=int, default=8)
    options = parser.parse_args(argv)
    started = time.monotonic()
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    rng = random.Random(options.seed)
    with transaction.atomic():
        clear()
        generate_news(rng, options.articles)
        generate_agreements(rng, options.agreements)
        generate_announcements(rng, options.announcements)
        generate_publications(rng, options.publications)
        generate_events(rng, options.events)
    if connection.vendor == "postgresql":
        # Planner statistics and visibility map as autovacuum would leave them
        # on a running site, not those of freshly loaded tables.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print(
        f"{options.articles} articles, {options.agreements} agreements, "
        f"{options.announcements} announcements, {options.publications} publications "
        f"and {options.events} events "
        f"in {time.monotonic() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
