"""
Demo events, in our own words: the kinds of meeting the unit attends or
hosts. Their dates are counted from the day the demo is loaded, so that some
are past and some to come. Loading it twice changes nothing, and it never
overwrites what staff have edited.
"""

import datetime
import zoneinfo

from django.utils import timezone

from events.models import Event
from nada_site.demo import create_missing


def at(days, hour, minute, zone):
    """`days` from today, at `hour:minute` on the clocks of `zone`."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), zoneinfo.ZoneInfo(zone))


def rows():
    return [
        {
            "slug": "malaysia-statement-commission-on-narcotic-drugs",
            "time_zone": "Europe/Vienna",
            "starts_at": at(45, 10, 0, "Europe/Vienna"),
            "ends_at": at(45, 13, 0, "Europe/Vienna"),
            "city_ms": "Vienna",
            "city_en": "Vienna",
            "city_ar": "فيينا",
            "country": "AT",
            "role": Event.Role.SPEAKS,
            "title_ms": "Kenyataan Malaysia di Suruhanjaya Dadah Narkotik",
            "title_en": "Malaysia's statement at the Commission on Narcotic Drugs",
            "title_ar": "كلمة ماليزيا أمام لجنة المخدرات",
            "description_ms": "<p>Ketua delegasi Malaysia menyampaikan kenyataan negara dalam "
            "perbahasan umum sesi tetap Suruhanjaya Dadah Narkotik Pertubuhan Bangsa-Bangsa "
            "Bersatu. Kenyataan itu menerangkan pendekatan Malaysia yang mengimbangi "
            "penguatkuasaan dengan rawatan dan pemulihan.</p>",
            "description_en": "<p>The head of Malaysia's delegation delivers the country's "
            "statement in the general debate of the regular session of the United Nations "
            "Commission on Narcotic Drugs. It sets out how Malaysia balances enforcement with "
            "treatment and rehabilitation.</p>",
            "description_ar": "<p>يلقي رئيس وفد ماليزيا كلمة البلاد في المناقشة العامة للدورة "
            "العادية للجنة المخدرات التابعة للأمم المتحدة، ويعرض فيها نهج ماليزيا الذي يوازن بين "
            "إنفاذ القانون والعلاج وإعادة التأهيل.</p>",
        },
        {
            "slug": "asean-senior-officials-on-drug-matters",
            "time_zone": "Asia/Brunei",
            "all_day": True,
            "starts_at": at(-50, 0, 0, "Asia/Brunei"),
            "ends_at": at(-48, 23, 59, "Asia/Brunei"),
            "city_ms": "Bandar Seri Begawan",
            "city_en": "Bandar Seri Begawan",
            "city_ar": "بندر سري بكاوان",
            "country": "BN",
            "role": Event.Role.LEADS,
            "title_ms": "Mesyuarat Pegawai Kanan ASEAN mengenai Hal Ehwal Dadah (ASOD)",
            "title_en": "Meeting of the ASEAN Senior Officials on Drug Matters (ASOD)",
            "title_ar": "اجتماع كبار مسؤولي آسيان المعنيين بشؤون المخدرات",
            "description_ms": "<p>Pegawai kanan agensi antidadah negara anggota ASEAN menilai "
            "kemajuan pelan kerja serantau dan bersetuju tentang keutamaan tahun hadapan. "
            "Unit Antarabangsa mengetuai delegasi Malaysia.</p>",
            "description_en": "<p>Senior officials of the ASEAN member states' drug control "
            "agencies review the progress of the regional work plan and agree on the next "
            "year's priorities. The International Unit leads Malaysia's delegation.</p>",
            "description_ar": "<p>يستعرض كبار مسؤولي أجهزة مكافحة المخدرات في الدول الأعضاء "
            "برابطة آسيان ما تحقق من خطة العمل الإقليمية، ويتفقون على أولويات العام المقبل. "
            "وتترأس الوحدة الدولية وفد ماليزيا.</p>",
        },
        {
            "slug": "asean-ministerial-meeting-on-drug-matters",
            "time_zone": "Asia/Kuala_Lumpur",
            "all_day": True,
            "starts_at": at(120, 0, 0, "Asia/Kuala_Lumpur"),
            "ends_at": at(121, 23, 59, "Asia/Kuala_Lumpur"),
            "city_ms": "Kuala Lumpur",
            "city_en": "Kuala Lumpur",
            "city_ar": "كوالالمبور",
            "country": "MY",
            "role": Event.Role.HOSTS,
            "title_ms": "Mesyuarat Menteri-Menteri ASEAN mengenai Hal Ehwal Dadah",
            "title_en": "ASEAN Ministerial Meeting on Drug Matters",
            "title_ar": "الاجتماع الوزاري لرابطة آسيان بشأن المخدرات",
            "description_ms": "<p>Malaysia menjadi tuan rumah kepada menteri-menteri ASEAN yang "
            "bertanggungjawab terhadap dasar dadah. Mesyuarat ini dijangka menerima pakai "
            "kenyataan bersama tentang pencegahan dalam kalangan belia.</p>",
            "description_en": "<p>Malaysia hosts the ASEAN ministers responsible for drug "
            "policy. The meeting is expected to adopt a joint statement on prevention among "
            "young people.</p>",
            "description_ar": "<p>تستضيف ماليزيا وزراء دول آسيان المسؤولين عن سياسات "
            "المخدرات، ويُتوقع أن يعتمد الاجتماع بياناً مشتركاً بشأن الوقاية بين الشباب.</p>",
        },
        {
            "slug": "working-visit-office-of-the-narcotics-control-board",
            "time_zone": "Asia/Bangkok",
            "starts_at": at(-20, 9, 30, "Asia/Bangkok"),
            "ends_at": at(-20, 16, 0, "Asia/Bangkok"),
            "city_ms": "Bangkok",
            "city_en": "Bangkok",
            "city_ar": "بانكوك",
            "country": "TH",
            "role": Event.Role.LEADS,
            "title_ms": "Lawatan kerja ke Pejabat Lembaga Kawalan Narkotik Thailand",
            "title_en": "Working visit to Thailand's Office of the Narcotics Control Board",
            "title_ar": "زيارة عمل إلى مكتب مجلس مكافحة المخدرات في تايلاند",
            "description_ms": "<p>Delegasi AADK bertemu rakan sejawat di Thailand untuk "
            "membincangkan kawalan di sempadan, perkongsian maklumat dan program pemulihan "
            "berasaskan komuniti.</p>",
            "description_en": "<p>An AADK delegation meets its Thai counterparts to discuss "
            "border controls, sharing information and community-based rehabilitation.</p>",
            "description_ar": "<p>يلتقي وفد من الوكالة نظراءه في تايلاند لبحث الرقابة على "
            "الحدود وتبادل المعلومات وبرامج إعادة التأهيل المجتمعية.</p>",
        },
        {
            "slug": "regional-workshop-on-drug-treatment",
            "time_zone": "Asia/Jakarta",
            "starts_at": at(10, 9, 0, "Asia/Jakarta"),
            "ends_at": at(12, 12, 30, "Asia/Jakarta"),
            "city_ms": "Jakarta",
            "city_en": "Jakarta",
            "city_ar": "جاكرتا",
            "country": "ID",
            "role": Event.Role.ATTENDS,
            "title_ms": "Bengkel serantau tentang rawatan penagihan dadah",
            "title_en": "Regional workshop on treating drug dependence",
            "title_ar": "ورشة عمل إقليمية حول علاج الإدمان على المخدرات",
            "description_ms": "<p>Pegawai pemulihan dari rantau ini berkongsi pengalaman "
            "tentang rawatan sukarela dan sokongan selepas rawatan.</p>",
            "description_en": "<p>Rehabilitation officers from across the region share what "
            "they have learnt about voluntary treatment and aftercare.</p>",
            "description_ar": "<p>يتبادل مسؤولو إعادة التأهيل من دول المنطقة خبراتهم في العلاج "
            "الطوعي والرعاية اللاحقة.</p>",
        },
    ]


def load():
    """Create the demo events still missing. Returns how many were made."""
    _records, made_now = create_missing(Event, rows())
    return len(made_now)
