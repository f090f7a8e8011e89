class ForgivingPaginationMixin:
    """
    A ListView mixin: a bad or out-of-range `page` shows the nearest real page,
    never an error. A list filtered by its query string (`pages_keep_query`)
    gives its page links the same query, as `page_query`.
    """

    pages_keep_query = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.pages_keep_query:
            query = self.request.GET.copy()
            query.pop(self.page_kwarg, None)
            context["page_query"] = query.urlencode()
        return context

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
