from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views import View
from django.views.generic import DetailView, ListView

from nada_site.pagination import ForgivingPaginationMixin
from nada_site.workflow import PublishedOrPreviewMixin, permission_name
from publications.forms import PublicationFilterForm
from publications.models import FILE_KEYS, Publication

# Served as a download, never shown as a page: nothing in it runs or is sniffed.
FILE_POLICY = "default-src 'none'; sandbox"


class PublicationListView(ForgivingPaginationMixin, ListView):
    """The publications, newest first, filtered by kind, year and language of the files."""

    template_name = "publications/publication_list.html"
    context_object_name = "publications"
    pages_keep_query = True
    paginate_by = 20

    def get_queryset(self):
        years = [day.year for day in Publication.objects.public().dates("date", "year", "DESC")]
        self.filter_form = PublicationFilterForm(self.request.GET, years=years)
        return self.filter_form.filter(Publication.objects.for_listing())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        context["is_filtered"] = self.filter_form.is_filtered
        return context


class PublicationDetailView(PublishedOrPreviewMixin, DetailView):
    template_name = "publications/publication_detail.html"
    context_object_name = "publication"
    queryset = Publication.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_updated_at"] = self.object.updated_at
        # The agreements this is the text of (international.Agreement.texts).
        context["agreements"] = self.object.agreements.published().order_by("-signed_on", "-id")
        return context


class PublicationFileView(View):
    """
    One file of a publication, always as a download with its real type: a
    workbook or a table is never opened as a page, whatever the browser
    guesses. Staff who may view publications also get the files of drafts.
    """

    def get(self, request, slug, key):
        if key not in FILE_KEYS:
            raise Http404
        publications = Publication.objects.all()
        is_staff_view = request.user.has_perm(permission_name(Publication, "view"))
        if not is_staff_view:
            publications = publications.published()
        publication = get_object_or_404(publications, slug=slug)
        found = {file.key: file for file in publication.files()}
        if key not in found:
            raise Http404
        file = found[key]
        field_file = getattr(publication, FILE_KEYS[key][0])
        try:
            opened = field_file.open("rb")
        except OSError as error:
            raise Http404 from error
        response = FileResponse(
            opened,
            as_attachment=True,
            filename=file.download_name,
            content_type=file.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = FILE_POLICY
        if publication.is_public:
            patch_cache_control(response, public=True, max_age=60 * 60)
        else:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
        return response
