"""
Demo news, written in our own words from the facts of three published news
items. Loading it twice changes nothing, and it never overwrites what staff
have edited. The two items from Iraq exist in Arabic and English only, as the
originals have no Malay text.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone

from nada_site.demo import PUBLISHED, create_missing
from nada_site.localized import LANGUAGE_CODES
from news.models import Announcement, Article, Category, KeyPoint, Tag

KUALA_LUMPUR = zoneinfo.ZoneInfo("Asia/Kuala_Lumpur")

CATEGORIES = [
    {"slug": "global", "name_ms": "Global", "name_en": "Global", "name_ar": "دولي"},
    {"slug": "national", "name_ms": "Nasional", "name_en": "National", "name_ar": "وطني"},
    {"slug": "events", "name_ms": "Acara", "name_en": "Events", "name_ar": "فعاليات"},
]

TAGS = [
    {"slug": "human-trafficking", "name_ms": "Pemerdagangan orang",
     "name_en": "Human trafficking", "name_ar": "الاتجار بالبشر"},
    {"slug": "migrant-smuggling", "name_ms": "Penyeludupan migran",
     "name_en": "Migrant smuggling", "name_ar": "تهريب المهاجرين"},
    {"slug": "australia", "name_ms": "Australia", "name_en": "Australia", "name_ar": "أستراليا"},
    {"slug": "iraq", "name_ms": "Iraq", "name_en": "Iraq", "name_ar": "العراق"},
    {"slug": "regional-cooperation", "name_ms": "Kerjasama serantau",
     "name_en": "Regional cooperation", "name_ar": "التعاون الإقليمي"},
    {"slug": "enforcement", "name_ms": "Penguatkuasaan", "name_en": "Enforcement",
     "name_ar": "إنفاذ القانون"},
    {"slug": "rehabilitation", "name_ms": "Pemulihan", "name_en": "Rehabilitation",
     "name_ar": "إعادة التأهيل"},
]  # fmt: skip

ARTICLES = [
    {
        "slug": "nso-mapo-meets-australian-high-commissioner",
        "category": "global",
        "tags": ["human-trafficking", "migrant-smuggling", "australia"],
        "published_at": datetime.datetime(2024, 6, 14, 10, 0, tzinfo=KUALA_LUMPUR),
        "title_ms": "NSO MAPO dan Pesuruhjaya Tinggi Australia bincang usaha bersama "
        "menentang perhambaan moden",
        "title_en": "NSO MAPO and Australia's High Commissioner discuss joint work "
        "against modern slavery",
        "summary_ms": "Pejabat Strategik Nasional Majlis Antipemerdagangan Orang dan "
        "Antipenyeludupan Migran bertemu TYT Lynn Bell untuk membincangkan kerjasama "
        "Malaysia dan Australia menentang perhambaan moden, pemerdagangan orang dan "
        "penyeludupan migran.",
        "summary_en": "The National Strategic Office of the Council for Anti-Trafficking in "
        "Persons and Anti-Smuggling of Migrants met Her Excellency Lynn Bell to discuss how "
        "Malaysia and Australia can work together against modern slavery, trafficking in "
        "persons and migrant smuggling.",
        "key_points_heading_ms": "Agenda mesyuarat",
        "key_points_heading_en": "The meeting's agenda",
        "body_ms": "<p>TYT Lynn Bell menegaskan bahawa Australia komited untuk bekerjasama "
        "dengan Malaysia ke arah matlamat ini, dan menyatakan bahawa agensi kerajaan, badan "
        "bukan kerajaan serta masyarakat sivil perlu sama-sama terlibat.</p>"
        "<p>Kedua-dua pihak bersetuju bahawa tindakan yang segera dan bersepadu diperlukan, "
        "dan akan terus mengukuhkan kerjasama demi keselamatan semua yang terjejas.</p>",
        "body_en": "<p>Ms Bell said that Australia is committed to working with Malaysia "
        "towards these goals, and that government agencies, non-governmental organisations "
        "and civil society all have a part to play.</p>"
        "<p>Both sides agreed that prompt, coordinated action is needed, and will keep "
        "strengthening their cooperation for the safety of everyone affected.</p>",
        "source_name_ms": "Facebook Kementerian Dalam Negeri",
        "source_name_en": "Ministry of Home Affairs, Facebook page",
        "key_points": [
            (
                "Kerjasama dua hala",
                "Perkongsian maklumat, latihan bersama dan bantuan teknikal antara Malaysia dan "
                "Australia.",
                "Bilateral cooperation",
                "Sharing information, training together and technical assistance between "
                "Malaysia and Australia.",
            ),
            (
                "Strategi pembanterasan",
                "Langkah berkesan untuk melumpuhkan sindiket yang beroperasi merentasi sempadan.",
                "Strategies to fight the crime",
                "Effective ways to break up the syndicates that operate across both borders.",
            ),
            (
                "Dasar dan undang-undang",
                "Menyemak undang-undang sedia ada supaya mangsa lebih terlindung dan pesalah "
                "dibawa ke muka pengadilan.",
                "Policy and law",
                "Reviewing current laws so that victims are better protected and offenders are "
                "brought to justice.",
            ),
            (
                "Kesedaran awam",
                "Kempen pendidikan dan media tentang bahaya perhambaan moden.",
                "Public awareness",
                "Education and media campaigns on the harm done by modern slavery.",
            ),
            (
                "Sokongan kepada mangsa",
                "Rangka kerja pemulihan, sokongan psikososial dan integrasi semula mangsa.",
                "Support for victims",
                "A framework for the recovery, psychosocial support and reintegration of victims.",
            ),
        ],
    },
    {
        "slug": "second-baghdad-international-drug-conference-2024",
        "category": "events",
        "tags": ["iraq", "regional-cooperation", "enforcement"],
        "published_at": datetime.datetime(2024, 4, 30, 9, 0, tzinfo=KUALA_LUMPUR),
        "title_ar": "مؤتمر بغداد الدولي الثاني لمكافحة المخدرات يدعو إلى عمل مشترك ضد "
        "شبكات التهريب",
        "title_en": "Second Baghdad International Conference on drugs calls for joint action "
        "against trafficking networks",
        "summary_ar": "اجتمع وزراء داخلية عرب في بغداد، وأكد وزير الداخلية الكويتي الشيخ فهد "
        "اليوسف ضرورة مضاعفة الجهود وتنسيقها لملاحقة شبكات المخدرات وحماية المجتمعات.",
        "summary_en": "Interior ministers from across the Arab world met in Baghdad, where "
        "Kuwait's Interior Minister, Sheikh Fahad Al-Yousef, urged stronger and better "
        "coordinated work to pursue drug networks and protect society.",
        "key_points_heading_ar": "خمس خطوات مشتركة",
        "key_points_heading_en": "Five joint steps",
        "body_ar": "<p>وقال رئيس الوزراء العراقي محمد شياع السوداني إن المخدرات من أبرز "
        "أسباب عدم الاستقرار في المنطقة، وإن ضررها يقارب ضرر الحروب والنزوح، محذراً من "
        "تعاون الجماعات الإرهابية مع شبكات التهريب.</p>"
        "<p>وأبدى استعداد العراق لوضع خبرته الاستخبارية في خدمة الجهد المشترك، ولدعم كل "
        "عمل يستهدف أماكن تصنيع المخدرات ويقدّم المسؤولين عنها إلى القضاء.</p>",
        "body_en": "<p>Iraq's Prime Minister, Mohammed Shia Al-Sudani, described drugs as one "
        "of the main causes of instability in the region, with harm comparable to that of "
        "war and displacement, and warned of links between terrorist groups and "
        "traffickers.</p>"
        "<p>He offered Iraq's intelligence experience to the joint effort, and its support "
        "for any action that shuts down drug production and brings those responsible to "
        "justice.</p>",
        "source_name_ar": "تصريحات وزير الداخلية الكويتي في مؤتمر بغداد الدولي الثاني "
        "لمكافحة المخدرات 2024",
        "source_name_en": "Statements of Kuwait's Interior Minister at the Second Baghdad "
        "International Conference on Combating Drugs, 2024",
        "key_points": [
            (
                "ملاحقة الشبكات",
                "تعاون دولي لتعقب شبكات المخدرات وتفكيكها.",
                "Pursuing the networks",
                "International cooperation to track down and dismantle drug networks.",
            ),
            (
                "تبادل المعلومات",
                "قنوات اتصال مباشرة بين الأجهزة الأمنية لتبادل المعلومات الاستخبارية.",
                "Sharing intelligence",
                "Direct channels between security services to share intelligence.",
            ),
            (
                "الجريمة العابرة للحدود",
                "تنسيق إقليمي ودولي أوثق في مواجهة الجرائم التي تتخطى الحدود.",
                "Crime across borders",
                "Closer regional and international coordination against "
                "crime that crosses borders.",
            ),
            (
                "العمل الاستباقي",
                "التحرك قبل أن يتمكن المهربون من توزيع سمومهم.",
                "Acting first",
                "Moving against traffickers before they can distribute their goods.",
            ),
            (
                "تحديث التشريعات",
                "مراجعة قوانين مكافحة المخدرات لتطبيقها بصرامة وفعالية.",
                "Updating the law",
                "Reviewing drug laws so that they are applied firmly and effectively.",
            ),
        ],
    },
    {
        "slug": "baghdad-officials-visit-narcotics-directorate",
        "category": "global",
        "tags": ["iraq", "rehabilitation", "enforcement"],
        "published_at": datetime.datetime(2024, 5, 3, 15, 0, tzinfo=KUALA_LUMPUR),
        "related": ["second-baghdad-international-drug-conference-2024"],
        "title_ar": "وفد من حكومة بغداد المحلية يزور مديرية شؤون المخدرات لبحث مكافحة "
        "الجريمة وتأهيل المتعافين",
        "title_en": "Baghdad local government visits the narcotics directorate to discuss "
        "crime and rehabilitation",
        "summary_ar": "بحث وفد من الحكومة المحلية في بغداد مع المدير العام لمديرية شؤون "
        "المخدرات والمؤثرات العقلية سبل التعاون في مكافحة الجريمة وإنشاء مراكز لتأهيل "
        "المتأثرين بالمخدرات.",
        "summary_en": "A delegation of Baghdad's local government met the head of the "
        "Directorate for Narcotics and Psychotropic Substances to discuss working together "
        "against crime and opening rehabilitation centres for people affected by drugs.",
        "body_ar": "<p>ضم الوفد عضو مجلس محافظة بغداد علي الزركاني، ونائب المحافظ هاني "
        "الربيعي، ومعد المندلاوي، واستقبلهم المدير العام اللواء الحقوقي أحمد الزركاني.</p>"
        "<p>وعرض الوفد دعمه لإنشاء مراكز تأهيل تساعد المتأثرين بالمخدرات على العودة إلى "
        "حياة طبيعية في المجتمع، فيما شدد المدير العام على أهمية التواصل المستمر بين "
        "الجانبين، وعلى توعية الشباب، وتزويد الأجهزة الأمنية بالتدريب والمعدات اللازمة.</p>",
        "body_en": "<p>The delegation, made up of Baghdad provincial council member Ali "
        "Al-Zarkani, deputy governor Hani Al-Rubaie and Maad Al-Mandalawi, was received by "
        "the Director General, Major General Ahmed Al-Zarkani.</p>"
        "<p>The delegation offered its support for rehabilitation centres that help people "
        "affected by drugs return to ordinary life. The Director General stressed regular "
        "contact between both sides, awareness work among young people, and the training "
        "and equipment the security services need.</p>",
        "source_name_ar": "شبكة أنباء العراق",
        "source_name_en": "Iraq News Network",
        "key_points": [],
    },
]


def announcements(now):
    """
    Three announcements, placed around `now` when first loaded: one running,
    one still to start, one ended.
    """
    day = datetime.timedelta(days=1)
    return [
        {
            "slug": "contact-form-replies-during-year-end",
            "starts_at": now - 2 * day,
            "ends_at": now + 30 * day,
            "title_ms": "Jawapan kepada borang hubungan pada hujung tahun",
            "title_en": "Replies to the contact form at the end of the year",
            "title_ar": "الرد على نموذج الاتصال في نهاية العام",
            "text_ms": "Pertanyaan yang diterima melalui borang hubungan antara 24 Disember dan "
            "2 Januari akan dijawab selepas cuti, mengikut tempoh dalam piagam pelanggan.",
            "text_en": "Enquiries sent through the contact form between 24 December and "
            "2 January will be answered after the holidays, within the time our client "
            "charter promises.",
            "text_ar": "سيتم الرد على الاستفسارات الواردة عبر نموذج الاتصال بين 24 ديسمبر "
            "و2 يناير بعد العطلة، ضمن المدة التي يحددها ميثاق المتعاملين.",
        },
        {
            "slug": "briefing-for-partner-liaison-officers",
            "starts_at": now + 7 * day,
            "ends_at": now + 21 * day,
            "title_ms": "Taklimat untuk pegawai perhubungan negara rakan",
            "title_en": "Briefing for the liaison officers of partner countries",
            "title_ar": "إحاطة لضباط الاتصال في الدول الشريكة",
            "text_ms": "Unit akan mengadakan taklimat ringkas tentang program pemulihan "
            "Malaysia untuk pegawai perhubungan kedutaan. Sila daftar melalui borang hubungan.",
            "text_en": "The unit will hold a short briefing on Malaysia's rehabilitation "
            "programmes for embassy liaison officers. Please register through the contact form.",
            "text_ar": "تعقد الوحدة إحاطة قصيرة عن برامج إعادة التأهيل في ماليزيا لضباط "
            "الاتصال في السفارات. يرجى التسجيل عبر نموذج الاتصال.",
        },
        {
            "slug": "site-maintenance-on-a-saturday-morning",
            "starts_at": now - 40 * day,
            "ends_at": now - 33 * day,
            "title_ms": "Penyelenggaraan laman pada pagi Sabtu",
            "title_en": "Site maintenance on a Saturday morning",
            "title_ar": "صيانة الموقع صباح يوم السبت",
            "text_ms": "Laman ini mungkin tidak dapat dicapai selama satu jam pada pagi Sabtu "
            "kerana kerja penyelenggaraan. Kami memohon maaf atas kesulitan.",
            "text_en": "The site may be out of reach for an hour on Saturday morning while "
            "we carry out maintenance. We are sorry for the trouble.",
            "text_ar": "قد يتعذر الوصول إلى الموقع لمدة ساعة صباح يوم السبت بسبب أعمال "
            "الصيانة. نعتذر عن الإزعاج.",
        },
    ]


def load():
    """Create what is missing; leave alone what exists. Returns how many records were made."""
    created = 0
    # Whole hours read better: around eight this morning, Malaysia time.
    now = timezone.localtime(timezone=KUALA_LUMPUR).replace(
        hour=8, minute=0, second=0, microsecond=0
    )
    _records, made_now = create_missing(
        Announcement,
        [{**row, "published_at": now - datetime.timedelta(days=41)} for row in announcements(now)],
    )
    created += len(made_now)
    categories, made_now = create_missing(Category, CATEGORIES)
    created += len(made_now)
    tags, made_now = create_missing(Tag, TAGS)
    created += len(made_now)
    for data in ARTICLES:
        data = dict(data)
        tag_slugs = data.pop("tags")
        related_slugs = data.pop("related", [])
        points = data.pop("key_points")
        data["category"] = categories[data["category"]]
        article, made = Article.objects.get_or_create(
            slug=data.pop("slug"), defaults={**PUBLISHED, **data}
        )
        if not made:
            continue
        created += 1
        article.tags.set([tags[slug] for slug in tag_slugs])
        article.related.set(Article.objects.filter(slug__in=related_slugs))
        # Each point is written in the article's first language besides English, and in English.
        languages = [code for code in LANGUAGE_CODES if code != "en" and data.get(f"title_{code}")]
        first = languages[0] if languages else settings.LANGUAGE_CODE
        for order, (heading_first, text_first, heading_en, text_en) in enumerate(points, 1):
            KeyPoint.objects.create(
                article=article,
                order=order,
                **{f"heading_{first}": heading_first, f"text_{first}": text_first},
                heading_en=heading_en,
                text_en=text_en,
            )
            created += 1
    return created
