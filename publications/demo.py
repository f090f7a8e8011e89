"""
Demo content for the publications, in our own words, with small files made
in code (publications.samples). Loading it twice changes nothing, and it
never overwrites what staff have edited. The agreement text is linked to the
demo agreement it belongs to when that agreement has no text yet.
"""

import datetime

from django.core.files.base import ContentFile

from nada_site.demo import PUBLISHED
from publications import samples
from publications.models import Publication

STATISTICS = [
    ["Tahun / Year", "Mesyuarat antarabangsa / International meetings", "Perjanjian / Agreements"],
    [2023, 14, 2],
    [2024, 17, 3],
    [2025, 19, 3],
]

PUBLICATIONS = [
    {
        "slug": "laporan-tahunan-unit-antarabangsa-2025",
        "kind": Publication.Kind.ANNUAL_REPORT,
        "date": datetime.date(2026, 3, 31),
        "title_ms": "Laporan Tahunan Unit Antarabangsa 2025",
        "title_en": "International Unit Annual Report 2025",
        "title_ar": "التقرير السنوي للوحدة الدولية 2025",
        "summary_ms": "Ringkasan kerja unit sepanjang 2025: mesyuarat serantau dan antarabangsa yang "
        "dihadiri, perjanjian yang dimeterai dan lawatan yang diatur bersama rakan kerjasama.",
        "summary_en": "What the unit did in 2025: the regional and international meetings it "
        "attended, the agreements signed and the visits arranged with partners.",
        "summary_ar": "حصيلة عمل الوحدة في عام 2025: الاجتماعات الإقليمية والدولية التي حضرتها، "
        "والاتفاقيات الموقعة، والزيارات التي نُظمت مع الشركاء.",
        "files": {"pdf_ms": "Laporan Tahunan 2025", "pdf_en": "Annual Report 2025"},
    },
    {
        "slug": "statistik-kerjasama-antarabangsa-2023-2025",
        "kind": Publication.Kind.STATISTICS,
        "date": datetime.date(2026, 1, 15),
        "title_ms": "Statistik kerjasama antarabangsa 2023–2025",
        "title_en": "International cooperation in figures, 2023–2025",
        "title_ar": "إحصاءات التعاون الدولي 2023–2025",
        "summary_ms": "Bilangan mesyuarat antarabangsa yang dihadiri dan perjanjian yang dimeterai "
        "setiap tahun, dalam jadual yang boleh dibuka dengan mana-mana program hamparan.",
        "summary_en": "How many international meetings the unit attended and how many agreements "
        "were signed each year, as a table any spreadsheet program opens.",
        "summary_ar": "عدد الاجتماعات الدولية التي حضرتها الوحدة وعدد الاتفاقيات الموقعة كل عام، "
        "في جدول يُفتح بأي برنامج جداول بيانات.",
        "files": {"pdf_ms": "Statistik kerjasama 2023-2025", "data": "csv", "data_en": "xlsx"},
    },
    {
        "slug": "teks-mou-aadk-bnn-indonesia",
        "kind": Publication.Kind.AGREEMENT,
        "date": datetime.date(2023, 11, 7),
        "title_ms": "Teks memorandum persefahaman AADK dan BNN Indonesia",
        "title_en": "Text of the memorandum of understanding between AADK and BNN Indonesia",
        "title_ar": "نص مذكرة التفاهم بين الوكالة الوطنية لمكافحة المخدرات والوكالة الإندونيسية",
        "summary_ms": "Teks penuh memorandum yang ditandatangani oleh kedua-dua agensi: bidang "
        "kerjasama, pertukaran maklumat dan latihan bersama.",
        "summary_en": "The full text of the memorandum the two agencies signed: the fields of "
        "cooperation, the exchange of information and joint training.",
        "summary_ar": "النص الكامل للمذكرة التي وقعتها الوكالتان: مجالات التعاون، وتبادل "
        "المعلومات، والتدريب المشترك.",
        "files": {"pdf_ms": "MoU AADK - BNN", "pdf_en": "MoU AADK - BNN (English)"},
        "agreement": "mou-indonesia-bnn",
    },
    {
        "slug": "ucapan-malaysia-sesi-cnd-ke-69",
        "kind": Publication.Kind.SPEECH,
        "date": datetime.date(2026, 3, 10),
        "title_ms": "Kenyataan Malaysia di sesi ke-69 Suruhanjaya Dadah Narkotik",
        "title_en": "Malaysia's statement at the 69th session of the Commission on Narcotic Drugs",
        "title_ar": "كلمة ماليزيا في الدورة التاسعة والستين للجنة المخدرات",
        "summary_ms": "Kenyataan delegasi Malaysia di Vienna tentang pendekatan negara yang "
        "seimbang: pencegahan, rawatan dan pemulihan, serta penguatkuasaan.",
        "summary_en": "The Malaysian delegation's statement in Vienna on the country's balanced "
        "approach: prevention, treatment and rehabilitation, and enforcement.",
        "summary_ar": "كلمة الوفد الماليزي في فيينا حول النهج المتوازن للبلاد: الوقاية، والعلاج "
        "وإعادة التأهيل، وإنفاذ القانون.",
        "files": {"pdf_en": "Statement of Malaysia, CND 69", "pdf_ar": "Statement (Arabic)"},
    },
    {
        "slug": "kertas-dasar-kerjasama-serantau",
        "kind": Publication.Kind.POLICY,
        "date": datetime.date(2025, 9, 1),
        "title_ms": "Kertas dasar: kerjasama serantau menentang dadah sintetik",
        "title_en": "Policy paper: regional cooperation against synthetic drugs",
        "title_ar": "ورقة سياسات: التعاون الإقليمي في مواجهة المخدرات الاصطناعية",
        "summary_ms": "Cadangan unit untuk memperkukuh perkongsian maklumat dan latihan bersama "
        "negara ASEAN dalam menghadapi dadah sintetik.",
        "summary_en": "The unit's proposals for stronger information sharing and joint training "
        "with ASEAN countries in the face of synthetic drugs.",
        "summary_ar": "مقترحات الوحدة لتعزيز تبادل المعلومات والتدريب المشترك مع دول آسيان في "
        "مواجهة المخدرات الاصطناعية.",
        "files": {"pdf_ms": "Kertas dasar kerjasama serantau"},
    },
]


def demo_file(kind):
    """The file's name and content for a `files` entry: the PDF's text, or "csv" / "xlsx"."""
    if kind == "csv":
        return "statistik.csv", samples.csv_table(STATISTICS)
    if kind == "xlsx":
        return "statistics.xlsx", samples.xlsx(STATISTICS)
    return "document.pdf", samples.pdf(kind)


def load():
    """Create what is missing; leave alone what exists. Returns how many records were made."""
    created = 0
    Agreement = Publication._meta.get_field("agreements").related_model
    for data in PUBLICATIONS:
        data = dict(data)
        files = data.pop("files")
        agreement_slug = data.pop("agreement", None)
        slug = data.pop("slug")
        if Publication.objects.filter(slug=slug).exists():
            continue
        publication = Publication(slug=slug, **PUBLISHED, **data)
        for field, kind in files.items():
            name, content = demo_file(kind)
            getattr(publication, field).save(name, ContentFile(content), save=False)
        publication.save()
        created += 1
        agreement = Agreement.objects.filter(slug=agreement_slug).first()
        if agreement is not None and not agreement.texts.exists():
            agreement.texts.add(publication)
    return created
