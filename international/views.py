from django.db.models import Prefetch
from django.views.generic import DetailView, ListView, TemplateView

from international.forms import AgreementFilterForm
from international.models import Agreement, Approach, Objective, Partner, UnitProfile
from international.sections import about_changed_at, contact_changed_at
from nada_site.localized import sort_key
from nada_site.pagination import ForgivingPaginationMixin
from nada_site.workflow import PublishedOrPreviewMixin
from publications.models import Publication


class UnitView(TemplateView):
    """The International Unit page: what it does, its objectives and approaches, how to reach it."""

    template_name = "international/unit.html"
    latest_agreements = 5

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        profile = UnitProfile.objects.public()
        context.update(
            profile=profile,
            objectives=Objective.objects.visible().filter(profile=profile),
            approaches=Approach.objects.visible().filter(profile=profile),
            latest_agreements=Agreement.objects.for_listing()[: self.latest_agreements],
            page_updated_at=profile.updated_at if profile else None,
            about_changed_at=about_changed_at(profile) if profile else None,
            contact_changed_at=contact_changed_at(profile) if profile else None,
        )
        return context


class AgreementListView(ForgivingPaginationMixin, ListView):
    """The List of International Cooperation, filtered by the query string."""

    template_name = "international/agreement_list.html"
    context_object_name = "agreements"
    pages_keep_query = True
    paginate_by = 20

    def get_queryset(self):
        partners = sorted(
            Partner.objects.filter(agreements__in=Agreement.objects.published()).distinct(),
            key=lambda partner: sort_key(partner.display_name),
        )
        self.filter_form = AgreementFilterForm(self.request.GET, partners=partners)
        return self.filter_form.filter(Agreement.objects.for_listing())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        context["is_filtered"] = any(self.filter_form.cleaned_data.values())
        return context


class AgreementDetailView(PublishedOrPreviewMixin, DetailView):
    template_name = "international/agreement_detail.html"
    context_object_name = "agreement"

    def get_queryset(self):
        # Built for each request: "published" is as of now.
        self.queryset = Agreement.objects.prefetch_related(
            "partners",
            Prefetch(
                "texts",
                queryset=Publication.objects.public().order_by("-date", "-id"),
                to_attr="public_texts",
            ),
        )
        return super().get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_updated_at"] = self.object.updated_at
        return context
