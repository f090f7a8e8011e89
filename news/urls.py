from django.urls import path

from news import views
from news.feeds import LatestArticlesFeed
from news.models import Category, Tag

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("search/", views.SearchView.as_view(), name="search"),
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
