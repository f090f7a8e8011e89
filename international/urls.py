from django.urls import path

from international import views

app_name = "international"

urlpatterns = [
    path("", views.UnitView.as_view(), name="unit"),
    path("cooperation/", views.AgreementListView.as_view(), name="agreement_list"),
    path(
        "cooperation/<slug:slug>/",
        views.AgreementDetailView.as_view(),
        name="agreement_detail",
    ),
]
