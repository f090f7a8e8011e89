"""
Demo content for the International Unit, written in our own words from the
facts of the unit's published page. Loading it twice changes nothing, and it
never overwrites what staff have edited.
"""

import datetime

from international.models import Agreement, Approach, Objective, Partner, UnitProfile
from nada_site.demo import PUBLISHED, create_missing

PROFILE = {
    "name_ms": "Unit Antarabangsa",
    "name_en": "International Unit",
    "name_ar": "الوحدة الدولية",
    "introduction_ms": (
        "<p>Unit Antarabangsa menyelaras kerjasama antarabangsa Agensi Antidadah Kebangsaan, "
        "sama ada dua hala atau pelbagai hala. Kerjasama ini melengkapkan empat teras utama "
        "agensi: pendidikan pencegahan, rawatan dan pemulihan, penguatkuasaan, serta "
        "pengurangan kemudaratan.</p>"
    ),
    "introduction_en": (
        "<p>The International Unit coordinates the National Anti-Drugs Agency's cooperation "
        "with other countries and organisations, both bilateral and multilateral. This work "
        "complements the agency's four main pillars: preventive education, treatment and "
        "rehabilitation, enforcement, and harm reduction.</p>"
    ),
    "introduction_ar": (
        "<p>تتولى الوحدة الدولية تنسيق تعاون الوكالة الوطنية لمكافحة المخدرات مع الدول "
        "والمنظمات الأخرى، على الصعيدين الثنائي ومتعدد الأطراف. ويكمّل هذا العمل الركائز "
        "الأربع الرئيسية للوكالة: التثقيف الوقائي، والعلاج وإعادة التأهيل، وإنفاذ القانون، "
        "والحد من الأضرار.</p>"
    ),
    "objectives_lead_ms": "Kerjasama antarabangsa dalam bidang dadah bertujuan untuk:",
    "objectives_lead_en": "International cooperation on drugs aims to:",
    "objectives_lead_ar": "يهدف التعاون الدولي في مجال المخدرات إلى ما يلي:",
    "approaches_lead_ms": "Malaysia menangani masalah dadah melalui kerjasama antarabangsa dengan:",
    "approaches_lead_en": "Malaysia addresses the drug problem through international cooperation by:",
    "approaches_lead_ar": "تعالج ماليزيا مشكلة المخدرات من خلال التعاون الدولي عبر ما يلي:",
    "address_ms": (
        "Unit Antarabangsa\nAgensi Antidadah Kebangsaan\nJalan Maktab Perguruan Islam\n"
        "43000 Kajang, Selangor, Malaysia"
    ),
    "address_en": (
        "International Unit\nNational Anti-Drugs Agency\nJalan Maktab Perguruan Islam\n"
        "43000 Kajang, Selangor, Malaysia"
    ),
    "address_ar": (
        "الوحدة الدولية\nالوكالة الوطنية لمكافحة المخدرات\nJalan Maktab Perguruan Islam\n"
        "43000 كاجانغ، سلانغور، ماليزيا"
    ),
    "telephone": "+603 8911 2200",
    "fax": "+603 8926 2055",
    "email": "antarabangsa@adk.gov.my",
    "office_hours_ms": "Isnin hingga Jumaat, 8.00 pagi hingga 5.00 petang",
    "office_hours_en": "Monday to Friday, 8.00 am to 5.00 pm",
    "office_hours_ar": "من الاثنين إلى الجمعة، من الساعة 8 صباحاً حتى 5 مساءً",
}

OBJECTIVES = [
    (
        "Membina dan mengekalkan hubungan antarabangsa bagi strategi yang holistik, bersepadu "
        "dan seimbang untuk mengurangkan permintaan dan bekalan dadah.",
        "Build and keep international relationships that support a holistic, integrated and "
        "balanced strategy to reduce both the demand for and the supply of drugs.",
        "بناء علاقات دولية والحفاظ عليها دعماً لاستراتيجية شاملة ومتكاملة ومتوازنة لخفض "
        "الطلب على المخدرات وخفض عرضها.",
    ),
    (
        "Menyertai mesyuarat antarabangsa secara aktif dan menyuarakan pendirian Malaysia "
        "dalam menentukan hala tuju dasar dadah antarabangsa.",
        "Take an active part in international meetings and state Malaysia's position as the "
        "direction of international drug policy is decided.",
        "المشاركة الفاعلة في الاجتماعات الدولية وعرض موقف ماليزيا عند تحديد توجهات السياسة "
        "الدولية لمكافحة المخدرات.",
    ),
    (
        "Berkongsi maklumat tentang usaha terkini yang berkesan untuk mengurangkan "
        "penyalahgunaan dadah, berasaskan amalan terbaik dan bukti.",
        "Share information on current, effective work to reduce drug misuse, grounded in best "
        "practice and evidence.",
        "تبادل المعلومات حول الجهود الحديثة والفعالة للحد من تعاطي المخدرات، استناداً إلى "
        "أفضل الممارسات والأدلة العلمية.",
    ),
    (
        "Meningkatkan kecekapan pegawai melalui seminar, latihan dan persidangan antarabangsa "
        "serta program penempatan di luar negara.",
        "Raise officers' skills through international seminars, training and conferences, and "
        "through attachments abroad.",
        "رفع كفاءة الموظفين من خلال الندوات والدورات التدريبية والمؤتمرات الدولية وبرامج "
        "الإلحاق في الخارج.",
    ),
]

APPROACHES = [
    (
        "Menyertai mesyuarat utama seperti ASOD, AMMD dan sesi Suruhanjaya Dadah Narkotik "
        "(CND) untuk bertukar pandangan dan menyuarakan pendirian Malaysia.",
        "Attending the main meetings, such as ASOD, AMMD and the sessions of the Commission on "
        "Narcotic Drugs (CND), to exchange views and voice Malaysia's position.",
        "حضور الاجتماعات الرئيسية مثل ASOD وAMMD ودورات لجنة المخدرات (CND) لتبادل الآراء "
        "وعرض موقف ماليزيا.",
    ),
    (
        "Menghantar pegawai ke program latihan serantau dan antarabangsa serta penempatan "
        "sementara, dan menyesuaikan ilmu yang diperoleh untuk Malaysia.",
        "Sending officers to regional and international training and short attachments, and "
        "adapting what they learn to Malaysia.",
        "إيفاد الموظفين إلى برامج التدريب الإقليمية والدولية وبرامج الإلحاق المؤقت، وتكييف "
        "ما يكتسبونه من معارف بما يناسب ماليزيا.",
    ),
    (
        "Memeterai perjanjian dan memorandum persefahaman dengan negara lain dalam perkara "
        "yang menjadi kepentingan bersama.",
        "Signing agreements and memoranda of understanding with other countries on matters of "
        "shared interest.",
        "توقيع الاتفاقيات ومذكرات التفاهم مع الدول الأخرى في المسائل ذات الاهتمام المشترك.",
    ),
    (
        "Berkongsi hasil kajian dan amalan terbaik dari seluruh dunia untuk disesuaikan dan "
        "dilaksanakan di Malaysia.",
        "Sharing research findings and best practice from around the world, to be adapted and "
        "put into practice in Malaysia.",
        "تبادل نتائج الدراسات وأفضل الممارسات من أنحاء العالم لتكييفها وتطبيقها في ماليزيا.",
    ),
    (
        "Lawatan kerja ke organisasi luar negara untuk menjalin kerjasama dan mempelajari "
        "pengalaman mereka menangani isu dadah.",
        "Working visits to organisations abroad, to build cooperation and learn from how they "
        "deal with drugs.",
        "القيام بزيارات عمل إلى منظمات في الخارج لإقامة التعاون والاستفادة من تجاربها في "
        "التصدي لقضايا المخدرات.",
    ),
]

PARTNERS = [
    {"slug": "asean", "kind": "organisation", "acronym": "ASEAN",
     "name_ms": "Persatuan Negara-Negara Asia Tenggara",
     "name_en": "Association of Southeast Asian Nations",
     "name_ar": "رابطة دول جنوب شرق آسيا"},
    {"slug": "unodc", "kind": "organisation", "acronym": "UNODC",
     "name_ms": "Pejabat Pertubuhan Bangsa-Bangsa Bersatu mengenai Dadah dan Jenayah",
     "name_en": "United Nations Office on Drugs and Crime",
     "name_ar": "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"},
    {"slug": "cnd", "kind": "organisation", "acronym": "CND",
     "name_ms": "Suruhanjaya Dadah Narkotik",
     "name_en": "Commission on Narcotic Drugs",
     "name_ar": "لجنة المخدرات"},
    {"slug": "colombo-plan", "kind": "organisation", "acronym": "",
     "name_ms": "Rancangan Colombo", "name_en": "Colombo Plan", "name_ar": "خطة كولومبو"},
    {"slug": "indonesia", "kind": "country", "country": "ID"},
    {"slug": "thailand", "kind": "country", "country": "TH"},
    {"slug": "australia", "kind": "country", "country": "AU"},
]  # fmt: skip

AGREEMENTS = [
    {
        "slug": "asean-work-plan-illicit-drugs",
        "partners": ["asean"],
        "kind": "regional",
        "instrument": "programme",
        "standing": "active",
        "signed_on": datetime.date(2016, 9, 21),
        "title_ms": "Pelan Kerja ASEAN Melindungi Komuniti daripada Dadah Terlarang",
        "title_en": "ASEAN Work Plan on Securing Communities Against Illicit Drugs",
        "title_ar": "خطة عمل آسيان لحماية المجتمعات من المخدرات غير المشروعة",
        "summary_ms": "<p>Rangka kerja serantau negara anggota ASEAN untuk mengurangkan "
        "penanaman, pengeluaran, pengedaran dan penyalahgunaan dadah.</p>",
        "summary_en": "<p>The ASEAN member states' regional framework to reduce the "
        "cultivation, production, trafficking and misuse of drugs.</p>",
        "summary_ar": "<p>الإطار الإقليمي للدول الأعضاء في آسيان للحد من زراعة المخدرات "
        "وإنتاجها والاتجار بها وتعاطيها.</p>",
    },
    {
        "slug": "mou-indonesia-bnn",
        "partners": ["indonesia"],
        "kind": "bilateral",
        "instrument": "mou",
        "standing": "active",
        "signed_on": datetime.date(2019, 8, 9),
        "title_ms": "Memorandum persefahaman dengan Badan Narkotika Nasional Indonesia",
        "title_en": "Memorandum of understanding with Indonesia's National Narcotics Board",
        "title_ar": "مذكرة تفاهم مع الهيئة الوطنية لمكافحة المخدرات في إندونيسيا",
        "summary_ms": "<p>Kerjasama dalam pencegahan, rawatan dan pemulihan, latihan pegawai "
        "serta pertukaran maklumat.</p>",
        "summary_en": "<p>Cooperation on prevention, treatment and rehabilitation, officer "
        "training and the exchange of information.</p>",
        "summary_ar": "<p>التعاون في مجالات الوقاية والعلاج وإعادة التأهيل وتدريب الموظفين "
        "وتبادل المعلومات.</p>",
    },
    {
        "slug": "mou-thailand-oncb",
        "partners": ["thailand"],
        "kind": "bilateral",
        "instrument": "mou",
        "standing": "active",
        "signed_on": datetime.date(2017, 3, 15),
        "title_ms": "Memorandum persefahaman dengan Pejabat Lembaga Kawalan Narkotik Thailand",
        "title_en": "Memorandum of understanding with Thailand's Office of the Narcotics "
        "Control Board",
        "title_ar": "مذكرة تفاهم مع مكتب مجلس مكافحة المخدرات في تايلاند",
        "summary_ms": "<p>Kerjasama di sempadan, perkongsian amalan terbaik rawatan dan "
        "program lawatan pegawai.</p>",
        "summary_en": "<p>Cooperation along the border, shared practice in treatment and "
        "exchange visits of officers.</p>",
        "summary_ar": "<p>التعاون على الحدود وتبادل أفضل ممارسات العلاج وبرامج الزيارات "
        "المتبادلة للموظفين.</p>",
    },
    {
        "slug": "cnd-sessions",
        "partners": ["cnd", "unodc"],
        "kind": "multilateral",
        "instrument": "declaration",
        "standing": "active",
        "signed_on": datetime.date(2019, 3, 15),
        "title_ms": "Deklarasi Menteri CND 2019 mengenai dasar dadah dunia",
        "title_en": "CND 2019 Ministerial Declaration on the world drug problem",
        "title_ar": "الإعلان الوزاري للجنة المخدرات لعام 2019 بشأن مشكلة المخدرات العالمية",
        "summary_ms": "<p>Komitmen bersama negara anggota PBB yang dibincangkan setiap tahun "
        "dalam sesi Suruhanjaya Dadah Narkotik di Vienna.</p>",
        "summary_en": "<p>The shared commitment of UN member states, followed up every year "
        "at the Commission on Narcotic Drugs in Vienna.</p>",
        "summary_ar": "<p>التزام مشترك للدول الأعضاء في الأمم المتحدة تتابعه لجنة المخدرات "
        "سنوياً في فيينا.</p>",
    },
    {
        "slug": "colombo-plan-drug-advisory-programme",
        "partners": ["colombo-plan"],
        "kind": "multilateral",
        "instrument": "programme",
        "standing": "active",
        "signed_on": datetime.date(2015, 6, 1),
        "title_ms": "Program Penasihat Dadah Rancangan Colombo",
        "title_en": "Colombo Plan Drug Advisory Programme",
        "title_ar": "برنامج خطة كولومبو الاستشاري لمكافحة المخدرات",
        "summary_ms": "<p>Latihan dan pensijilan profesional rawatan dan pencegahan dadah.</p>",
        "summary_en": "<p>Training and certification for drug treatment and prevention "
        "professionals.</p>",
        "summary_ar": "",
    },
    {
        "slug": "australia-modern-slavery-cooperation",
        "partners": ["australia"],
        "kind": "bilateral",
        "instrument": "agreement",
        "standing": "negotiation",
        "signed_on": None,
        "title_ms": "Kerjasama dengan Australia menentang perhambaan moden dan pemerdagangan orang",
        "title_en": "Cooperation with Australia against modern slavery and trafficking in persons",
        "title_ar": "",
        "summary_ms": "<p>Perkongsian maklumat, latihan bersama dan bantuan teknikal, "
        "dibincangkan bersama Duta Besar Australia ke Malaysia.</p>",
        "summary_en": "<p>Information sharing, joint training and technical assistance, "
        "discussed with Australia's High Commissioner to Malaysia.</p>",
        "summary_ar": "",
    },
]


def load():
    """Create what is missing; leave alone what exists. Returns how many records were made."""
    created = 0
    profile, made = UnitProfile.objects.get_or_create(
        id=UnitProfile.SINGLETON_ID, defaults={**PUBLISHED, **PROFILE}
    )
    created += made
    for model, items in ((Objective, OBJECTIVES), (Approach, APPROACHES)):
        if model.objects.exists():
            continue
        for order, (text_ms, text_en, text_ar) in enumerate(items, start=1):
            model.objects.create(
                profile=profile, order=order, text_ms=text_ms, text_en=text_en, text_ar=text_ar
            )
            created += 1
    partners, made_now = create_missing(Partner, PARTNERS)
    created += len(made_now)
    for data in AGREEMENTS:
        data = dict(data)
        partner_slugs = data.pop("partners")
        agreement, made = Agreement.objects.get_or_create(
            slug=data.pop("slug"), defaults={**PUBLISHED, **data}
        )
        if made:
            agreement.partners.set([partners[slug] for slug in partner_slugs])
            created += 1
    return created
