from django.urls import path

from contact import views

app_name = "contact"

urlpatterns = [
    path("", views.contact_form, name="form"),
    path("thanks/", views.ThanksView.as_view(), name="thanks"),
    path("feedback/", views.PageFeedbackView.as_view(), name="feedback"),
    path("feedback/thanks/", views.PageFeedbackThanksView.as_view(), name="feedback_thanks"),
]
