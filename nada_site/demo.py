"""
Demo content for the site's own pages, in our own words. Loading it twice
changes nothing, and it never overwrites what staff have edited.
"""

from nada_site.models import Page, Question, SiteLink, SiteSettings
from nada_site.workflow import Status, is_publishable

PAGES = [
    {
        "slug": "about",
        "order": 1,
        "show_in_menu": False,
        "show_in_footer": True,
        "title_ms": "Mengenai unit",
        "title_en": "About the unit",
        "title_ar": "عن الوحدة",
        "body_ms": "<p>Unit Antarabangsa ialah sebahagian daripada Agensi Antidadah Kebangsaan (AADK), "
        "di bawah Kementerian Dalam Negeri. Unit ini mewakili agensi dalam mesyuarat serantau dan "
        "antarabangsa, menyelaras perjanjian dengan negara lain dan pertubuhan antarabangsa, serta "
        "membawa pulang amalan terbaik untuk dimanfaatkan di Malaysia.</p>",
        "body_en": "<p>The International Unit is part of the National Anti-Drugs Agency (AADK), "
        "under the Ministry of Home Affairs. It represents the agency at regional and international "
        "meetings, coordinates agreements with other countries and international organisations, and "
        "brings home the practice that works elsewhere.</p>",
        "body_ar": "<p>الوحدة الدولية جزء من الوكالة الوطنية لمكافحة المخدرات التابعة لوزارة الداخلية "
        "الماليزية. تمثل الوحدة الوكالة في الاجتماعات الإقليمية والدولية، وتنسق الاتفاقيات مع الدول "
        "الأخرى والمنظمات الدولية، وتنقل إلى ماليزيا الممارسات الناجحة في الخارج.</p>",
    },
    {
        "slug": "client-charter",
        "marker": "client-charter",
        "order": 2,
        "show_in_menu": False,
        "show_in_footer": True,
        "title_ms": "Piagam pelanggan",
        "title_en": "Client charter",
        "title_ar": "ميثاق المتعاملين",
        "body_ms": "<p>Kami berjanji untuk:</p><ul><li>menjawab setiap pertanyaan yang dihantar melalui "
        "borang hubungan dalam tempoh <strong>7 hari bekerja</strong>;</li><li>memberikan maklumat "
        "yang tepat dan terkini tentang kerjasama antarabangsa Malaysia dalam bidang dadah;</li>"
        "<li>melayan setiap pelanggan dengan sopan dan adil, dalam bahasa Melayu, Inggeris atau "
        "Arab.</li></ul>",
        "body_en": "<p>We promise to:</p><ul><li>answer every enquiry sent through the contact form "
        "within <strong>7 working days</strong>;</li><li>give accurate, up-to-date information about "
        "Malaysia's international cooperation on drugs;</li><li>treat every client courteously and "
        "fairly, in Malay, English or Arabic.</li></ul>",
        "body_ar": "<p>نتعهد بما يلي:</p><ul><li>الرد على كل استفسار يصلنا عبر نموذج الاتصال خلال "
        "<strong>7 أيام عمل</strong>؛</li><li>تقديم معلومات دقيقة ومحدّثة عن التعاون الدولي لماليزيا "
        "في مجال المخدرات؛</li><li>معاملة كل متعامل بلطف وإنصاف، بالملايوية أو الإنجليزية أو "
        "العربية.</li></ul>",
    },
    {
        "slug": "faq",
        "marker": "faq",
        "order": 3,
        "show_in_menu": True,
        "show_in_footer": True,
        "title_ms": "Soalan lazim",
        "title_en": "Frequently asked questions",
        "title_ar": "الأسئلة الشائعة",
        "body_ms": "",
        "body_en": "",
        "body_ar": "",
    },
    {
        "slug": "disclaimer",
        "marker": "freedom",
        "order": 4,
        "show_in_menu": False,
        "show_in_footer": True,
        "title_ms": "Penafian",
        "title_en": "Disclaimer",
        "title_ar": "إخلاء المسؤولية",
        "body_ms": "<p>Kami berusaha memastikan maklumat di laman ini tepat dan terkini, tetapi tidak "
        "dapat menjamin bahawa ia lengkap atau bebas daripada kesilapan. AADK tidak bertanggungjawab "
        "atas kerugian akibat penggunaan maklumat ini. Berita yang diterbitkan semula dinyatakan "
        "sumbernya. Pautan ke laman lain disediakan untuk kemudahan; kami tidak mengawal "
        "kandungannya.</p>",
        "body_en": "<p>We take care that the information on this site is accurate and up to date, "
        "but cannot guarantee that it is complete or free of error. AADK is not liable for any loss "
        "that follows from its use. Republished news items name their source. Links to other sites "
        "are given for convenience; we do not control their content.</p>",
        "body_ar": "<p>نحرص على أن تكون المعلومات في هذا الموقع دقيقة ومحدّثة، لكننا لا نضمن أنها "
        "كاملة أو خالية من الأخطاء. لا تتحمل الوكالة مسؤولية أي خسارة تنتج عن استخدامها. تُذكر مصادر "
        "الأخبار المعاد نشرها. تُقدَّم الروابط إلى المواقع الأخرى للتيسير، ولا نتحكم في محتواها.</p>",
    },
    {
        "slug": "privacy",
        "marker": "privacy-policy",
        "order": 5,
        "show_in_menu": False,
        "show_in_footer": True,
        "title_ms": "Dasar privasi",
        "title_en": "Privacy policy",
        "title_ar": "سياسة الخصوصية",
        "body_ms": "<p>Anda tidak perlu memberitahu siapa anda untuk membaca laman ini. Laman ini "
        "menyimpan satu kuki yang mengingati bahasa pilihan anda.</p><p>Apabila anda menghubungi kami "
        "melalui borang hubungan, kami menyimpan nama, e-mel, telefon dan organisasi (jika diberikan) "
        "serta mesej anda, selaras dengan Akta Perlindungan Data Peribadi 2010, hanya untuk menjawab "
        "anda. Mesej hanya dilihat oleh kakitangan yang mengendalikan surat-menyurat dan dipadam "
        "selepas dua tahun. Untuk melihat, membetulkan atau memadam data anda, hubungi Unit "
        "Antarabangsa.</p>",
        "body_en": "<p>You do not need to tell us who you are to read this site. It keeps one cookie, "
        "which remembers the language you chose.</p><p>When you write to us through the contact form we "
        "keep your name, email, telephone and organisation (if given) and your message, under the "
        "Personal Data Protection Act 2010, only to answer you. Messages are seen only by the staff "
        "who handle correspondence and are deleted after two years. To see, correct or delete your "
        "data, contact the International Unit.</p>",
        "body_ar": "<p>لا تحتاج إلى الإفصاح عن هويتك لتصفح هذا الموقع. يحتفظ الموقع بملف تعريف ارتباط "
        "واحد يتذكر اللغة التي اخترتها.</p><p>عندما تراسلنا عبر نموذج الاتصال نحتفظ باسمك وبريدك "
        "الإلكتروني وهاتفك وجهتك (إن ذكرتها) ورسالتك، وفقاً لقانون حماية البيانات الشخصية لعام "
        "2010، للرد عليك فقط. لا يطّلع على الرسائل إلا الموظفون المكلفون بالمراسلات، وتُحذف بعد "
        "سنتين. للاطلاع على بياناتك أو تصحيحها أو حذفها، تواصل مع الوحدة الدولية.</p>",
    },
    {
        "slug": "security-policy",
        "order": 6,
        "show_in_menu": False,
        "show_in_footer": True,
        "title_ms": "Dasar keselamatan",
        "title_en": "Security policy",
        "title_ar": "سياسة الأمان",
        "body_ms": "<p>Laman ini dihantar melalui HTTPS sahaja. Data yang anda hantar disimpan di "
        "pelayan kerajaan dan hanya boleh dicapai oleh kakitangan yang diberi kuasa. Kami menyemak "
        "dan mengemas kini perisian laman ini dengan kerap. Jika anda menemui kelemahan keselamatan, "
        "sila maklumkan kepada kami melalui borang hubungan.</p>",
        "body_en": "<p>This site is served over HTTPS only. What you send us is stored on government "
        "servers and can be reached only by authorised staff. We review and update the site's "
        "software regularly. If you find a security weakness, please tell us through the contact "
        "form.</p>",
        "body_ar": "<p>يُقدَّم هذا الموقع عبر بروتوكول HTTPS فقط. تُحفظ البيانات التي ترسلها على خوادم "
        "حكومية ولا يصل إليها إلا الموظفون المخوّلون. نراجع برمجيات الموقع ونحدّثها بانتظام. إذا "
        "اكتشفت ثغرة أمنية، يرجى إبلاغنا عبر نموذج الاتصال.</p>",
    },
]

PAGES.append(
    {
        "slug": "government-policies",
        "marker": "gov-policies",
        "order": 7,
        "show_in_menu": False,
        "show_in_footer": True,
        "title_ms": "Dasar kerajaan",
        "title_en": "Government policies",
        "title_ar": "السياسات الحكومية",
        "body_ms": "<p>Kerja Unit Antarabangsa berpandukan Dasar Dadah Negara, yang menggabungkan "
        "pencegahan, rawatan dan pemulihan, penguatkuasaan serta kerjasama antarabangsa. Unit ini "
        "juga melaksanakan komitmen Malaysia di bawah konvensyen dadah Pertubuhan Bangsa-Bangsa "
        "Bersatu dan pelan kerja ASEAN untuk menangani dadah.</p><p>Teks penuh dasar-dasar ini "
        "diterbitkan oleh kementerian dan agensi yang bertanggungjawab.</p>",
        "body_en": "<p>The International Unit's work follows the National Drug Policy, which joins "
        "prevention, treatment and rehabilitation, enforcement and international cooperation. The "
        "unit also carries out Malaysia's commitments under the United Nations drug conventions and "
        "ASEAN's work plan on drugs.</p><p>The full texts of these policies are published by the "
        "ministries and agencies responsible for them.</p>",
        "body_ar": "<p>يسترشد عمل الوحدة الدولية بالسياسة الوطنية لمكافحة المخدرات، التي تجمع بين "
        "الوقاية والعلاج وإعادة التأهيل وإنفاذ القانون والتعاون الدولي. وتنفذ الوحدة أيضاً التزامات "
        "ماليزيا بموجب اتفاقيات الأمم المتحدة للمخدرات وخطة عمل آسيان في هذا المجال.</p><p>تنشر "
        "الوزارات والوكالات المسؤولة النصوص الكاملة لهذه السياسات.</p>",
    }
)

# Links of the footer that staff keep in the site settings. The social media
# accounts, the SISPAA complaints link and the procurement and mobile apps links
# are the agency's own: staff enter them.
SITE_LINKS = [
    {
        "kind": SiteLink.Kind.RELATED_AGENCY,
        "order": 1,
        "url": "https://www.moha.gov.my/",
        "label_ms": "Kementerian Dalam Negeri",
        "label_en": "Ministry of Home Affairs",
        "label_ar": "وزارة الداخلية",
    },
    {
        "kind": SiteLink.Kind.RELATED_AGENCY,
        "order": 2,
        "url": "https://www.unodc.org/",
        "label_ms": "Pejabat Pertubuhan Bangsa-Bangsa Bersatu mengenai Dadah dan Jenayah (UNODC)",
        "label_en": "United Nations Office on Drugs and Crime (UNODC)",
        "label_ar": "مكتب الأمم المتحدة المعني بالمخدرات والجريمة",
    },
    {
        "kind": SiteLink.Kind.ONLINE_SERVICE,
        "order": 1,
        "url": "https://www.malaysia.gov.my/",
        "label_ms": "Perkhidmatan dalam talian kerajaan (MyGOV)",
        "label_en": "Government online services (MyGOV)",
        "label_ar": "الخدمات الحكومية الإلكترونية (MyGOV)",
    },
]

FAQ = [
    {
        "question_ms": "Apakah peranan Unit Antarabangsa?",
        "question_en": "What does the International Unit do?",
        "question_ar": "ما دور الوحدة الدولية؟",
        "answer_ms": "<p>Unit ini menyelaras kerjasama AADK dengan negara lain dan pertubuhan antarabangsa.</p>",
        "answer_en": "<p>It coordinates AADK's cooperation with other countries and international organisations.</p>",
        "answer_ar": "<p>تنسق الوحدة تعاون الوكالة مع الدول الأخرى والمنظمات الدولية.</p>",
    },
    {
        "question_ms": "Bilakah saya akan menerima jawapan?",
        "question_en": "When will I get an answer?",
        "question_ar": "متى سأتلقى رداً؟",
        "answer_ms": "<p>Kami menjawab setiap mesej dalam tempoh 7 hari bekerja.</p>",
        "answer_en": "<p>We answer every message within 7 working days.</p>",
        "answer_ar": "<p>نرد على كل رسالة خلال 7 أيام عمل.</p>",
    },
    {
        "question_ms": "Di manakah senarai perjanjian?",
        "question_en": "Where is the list of agreements?",
        "question_ar": "أين أجد قائمة الاتفاقيات؟",
        "answer_ms": "<p>Lihat halaman Kerjasama Antarabangsa; anda boleh menapisnya mengikut jenis, rakan kerjasama dan status.</p>",
        "answer_en": "<p>See the International Cooperation page; you can filter it by kind, partner and status.</p>",
        "answer_ar": "<p>راجع صفحة التعاون الدولي، ويمكنك تصفيتها حسب النوع والشريك والحالة.</p>",
    },
    {
        "question_ms": "Bolehkah saya membaca laman ini dalam bahasa Arab?",
        "question_en": "Can I read this site in Arabic?",
        "question_ar": "هل يمكنني قراءة الموقع بالعربية؟",
        "answer_ms": "<p>Ya. Pilih bahasa di bahagian atas setiap halaman.</p>",
        "answer_en": "<p>Yes. Choose the language at the top of any page.</p>",
        "answer_ar": "<p>نعم. اختر اللغة في أعلى أي صفحة.</p>",
    },
]


# Demo content of the kinds staff publish is created published, as a Publisher would.
PUBLISHED = {"status": Status.PUBLISHED, "was_published": True}


def create_missing(model, rows):
    """
    Create the rows (dicts with a `slug`) that `model` does not have yet and
    leave the others as staff left them. Items of public content are created
    published. Returns the records by slug, and the slugs of those just made.
    """
    records, made_now = {}, set()
    for row in rows:
        fields = {**PUBLISHED, **row} if is_publishable(model) else dict(row)
        slug = fields.pop("slug")
        records[slug], made = model.objects.get_or_create(slug=slug, defaults=fields)
        if made:
            made_now.add(slug)
    return records, made_now


def load():
    """Create what is missing; leave alone what exists. Returns how many records were made."""
    # A marker another page already stands for stays with that page.
    taken = set(Page.objects.exclude(marker="").values_list("marker", flat=True))
    rows = [{**row, "marker": ""} if row.get("marker") in taken else row for row in PAGES]
    pages, made_now = create_missing(Page, rows)
    created = len(made_now)
    if "faq" in made_now:
        for order, texts in enumerate(FAQ, start=1):
            Question.objects.create(page=pages["faq"], order=order, **texts)
            created += 1
    if not SiteSettings.objects.exists():
        settings_ = SiteSettings.objects.create()
        for link in SITE_LINKS:
            SiteLink.objects.create(settings=settings_, **link)
        created += 1 + len(SITE_LINKS)
    return created
