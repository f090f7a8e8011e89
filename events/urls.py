from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    path("calendar.ics", views.CalendarView.as_view(), name="calendar"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
]
