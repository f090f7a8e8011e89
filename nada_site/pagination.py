class ForgivingPaginationMixin:
    """A ListView mixin: a bad or out-of-range `page` shows the nearest real page, never an error."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
