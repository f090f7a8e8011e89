from django.urls import path

from publications import views
from publications.feeds import LatestPublicationsFeed

app_name = "publications"

urlpatterns = [
    path("", views.PublicationListView.as_view(), name="list"),
    path("feed/", LatestPublicationsFeed(), name="feed"),
    path("<slug:slug>/", views.PublicationDetailView.as_view(), name="detail"),
    path("<slug:slug>/files/<str:key>/", views.PublicationFileView.as_view(), name="file"),
]
