from django.urls import path

from news.announcements import AnnouncementArchiveView, AnnouncementDetailView, AnnouncementsFeed

app_name = "announcements"

urlpatterns = [
    path("", AnnouncementArchiveView.as_view(), name="list"),
    path("feed/", AnnouncementsFeed(), name="feed"),
    path("<slug:slug>/", AnnouncementDetailView.as_view(), name="detail"),
]
