"""Pagination for long lists: counting 70,000 search matches costs more than showing the first 20."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Any

from django.core.paginator import Paginator
from django.utils.formats import number_format
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

API_MAX_LIMIT = 500
API_MAX_OFFSET = 1_000_000  # beyond any list we have; a larger number is a 422, never an SQL overflow


class BoundedLimitOffset(LimitOffsetPagination):
    """The API's limit/offset with both ends bounded, so `?limit=99999999999999999999` is a 422."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=API_MAX_LIMIT)
        offset: int = Field(0, ge=0, le=API_MAX_OFFSET)

    def __init__(self, **kwargs):
        super().__init__(max_limit=API_MAX_LIMIT, **kwargs)


class InOrder(Sequence):
    """A list of ids in a chosen order (search ranks) that loads only the rows of the slice asked for:
    a paginator's page of 20 out of 2,000 ids is one query for those 20, in that order."""

    def __init__(self, queryset, ids: list):
        self.queryset, self.ids = queryset, ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        wanted = self.ids[index] if isinstance(index, slice) else [self.ids[index]]
        found = {row.pk: row for row in self.queryset.filter(pk__in=wanted)}
        rows = [found[pk] for pk in wanted if pk in found]
        return rows if isinstance(index, slice) else rows[0]


class CappedPaginator(Paginator):
    """Counts at most `cap` rows. `capped` tells the page to say "more than …" instead of a number."""

    def __init__(self, object_list, per_page, cap: int = 1000, known_count: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap, self.known_count = cap, known_count

    @cached_property
    def count(self) -> int:
        """At most `cap`; no query when the caller knows the number already (`known_count`)."""
        if self.known_count is not None:
            counted = self.known_count
        else:
            window: Any = self.object_list[: self.cap + 1]  # a queryset's slice
            counted = window.count()
        self.capped = counted > self.cap
        return min(counted, self.cap)

    capped = False

    @property
    def cap_text(self) -> str:
        """The cap as the reader's language writes it: "1.000" in Danish, "1,000" in English."""
        return number_format(self.cap, force_grouping=True)
