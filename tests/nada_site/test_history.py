import pytest
from reversion.models import Version

from international.models import Agreement
from nada_site.translated_admin import edit_token
from tests.conftest import make_agreement, make_partner, publication_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement():
    return make_agreement(
        slug="mou-th", title_ms="Memorandum Thailand", partners=[make_partner("thailand")]
    )


def change_url(agreement):
    return f"/admin/international/agreement/{agreement.pk}/change/"


def form_data(agreement, **changes):
    agreement.refresh_from_db()
    data = {
        "title_ms": agreement.title_ms,
        "title_en": agreement.title_en or "",
        "title_ar": agreement.title_ar or "",
        "slug": agreement.slug,
        "partners": [partner.pk for partner in agreement.partners.all()],
        "kind": agreement.kind,
        "instrument": agreement.instrument,
        "standing": agreement.standing,
        **publication_data(agreement),
        "edit_token": edit_token(agreement),
    }
    data.update(changes)
    return data


def test_every_admin_change_keeps_a_revision_with_who_and_when(staff_client, agreement):
    staff_client.post(change_url(agreement), form_data(agreement, title_ar="مذكرة تفاهم مع تايلند"))
    staff_client.post(change_url(agreement), form_data(agreement, title_en="MoU with Thailand"))
    versions = Version.objects.get_for_object(agreement)
    assert versions.count() == 2
    assert {version.revision.user.username for version in versions} == {"staff"}
    assert versions[0].field_dict["title_en"] == "MoU with Thailand"
    assert versions[1].field_dict["title_ar"] == "مذكرة تفاهم مع تايلند"
    history = staff_client.get(f"/admin/international/agreement/{agreement.pk}/history/")
    assert history.status_code == 200
    assert "staff" in history.content.decode()


def test_staff_compare_two_revisions_language_by_language(staff_client, agreement):
    staff_client.post(change_url(agreement), form_data(agreement, title_ar="النص الأول"))
    staff_client.post(change_url(agreement), form_data(agreement, title_ar="النص الثاني"))
    newer, older = Version.objects.get_for_object(agreement)
    response = staff_client.get(
        f"/admin/international/agreement/{agreement.pk}/history/compare/",
        {"version_id1": older.pk, "version_id2": newer.pk},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "[ar]" in html or "title_ar" in html.lower() or "Tajuk [ar]" in html
    assert "الأول" in html and "الثاني" in html


def test_staff_restore_an_earlier_revision(staff_client, agreement):
    staff_client.post(change_url(agreement), form_data(agreement, title_en="Right title"))
    staff_client.post(change_url(agreement), form_data(agreement, title_en="Mistake"))
    mistake, right = Version.objects.get_for_object(agreement)
    revision_url = f"/admin/international/agreement/{agreement.pk}/history/{right.pk}/"
    opened = staff_client.get(revision_url)
    assert opened.status_code == 200
    form = opened.context["adminform"].form
    assert form.initial["title_en"] == "Right title"
    data = form_data(agreement, title_en="Right title", edit_token=form.initial["edit_token"])
    response = staff_client.post(revision_url, data)
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.title_en == "Right title"


def test_second_of_two_concurrent_edits_is_refused_and_keeps_its_text(
    client, staff_client, agreement, django_user_model
):
    opened_by_first = form_data(agreement)
    opened_by_second = form_data(agreement)

    first = staff_client.post(
        change_url(agreement), {**opened_by_first, "title_en": "First editor's title"}
    )
    assert first.status_code == 302

    other = django_user_model.objects.create_superuser("second", "second@example.gov.my", "pw")
    client.force_login(other)
    second = client.post(
        change_url(agreement), {**opened_by_second, "title_en": "Second editor's title"}
    )
    assert second.status_code == 200
    html = second.content.decode()
    assert "Second editor&#x27;s title" in html  # the form keeps their text
    assert second.context["adminform"].form.non_field_errors()
    agreement.refresh_from_db()
    assert agreement.title_en == "First editor's title"


def test_an_edit_with_a_fresh_form_saves(staff_client, agreement):
    response = staff_client.post(change_url(agreement), form_data(agreement, title_en="Fresh"))
    assert response.status_code == 302
    assert Agreement.objects.get().title_en == "Fresh"
