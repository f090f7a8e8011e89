from django.urls import path
from django.views.generic import RedirectView

from news import views
from news.feeds import LatestArticlesFeed
from news.models import Category, Tag

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    # The news had its own search before the site search: its address leads there, query kept.
    path(
        "search/",
        RedirectView.as_view(pattern_name="search", permanent=True, query_string=True),
        name="search",
    ),
    path("feed/", LatestArticlesFeed(), name="feed"),
    path(
        "category/<slug:slug>/",
        views.ArticleGroupView.as_view(group=Category, article_field="category"),
        name="category",
    ),
    path(
        "tag/<slug:slug>/",
        views.ArticleGroupView.as_view(group=Tag, article_field="tags"),
        name="tag",
    ),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
