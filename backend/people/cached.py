"""Reads that every user repeats, kept in the shared cache until the data changes.

Only with a shared cache (``CACHE_URL``, Redis in production): a change made in one web process
must be seen by all, and the receivers below drop an entry in the cache every process reads.
Without one (the demo's single process) nothing is cached here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from backend.people import access
from backend.people.models import Topic, User

TOPIC_LIST_SECONDS = 300


def _topic_list_key(organisation_id: int, *, hr: bool) -> str:
    return f"sparring:topics:{organisation_id}:{'hr' if hr else 'all'}"


def topic_list_page(user: User, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """The first page of the organisation's topics as the API returns it, from the cache.

    ``build`` makes the page when it is not cached. HR sees retired topics too, so HR and
    everyone else have an entry each. A page with a next page is not cached (its links name
    the host the request came to).
    """
    organisation_id = access.organisation_id_of(user)
    if not settings.CACHE_URL or organisation_id is None:
        return build()
    key = _topic_list_key(organisation_id, hr=access.is_hr(user))
    page: dict[str, Any] | None = cache.get(key)
    if page is None:
        page = build()
        if page.get("next") is None:
            cache.set(key, page, TOPIC_LIST_SECONDS)
    return page


def topic_list_forget(organisation_id: int) -> None:
    """Drop the organisation's cached topic lists (a topic was added, changed or removed).

    Now, and again when the transaction commits: a read between the two could otherwise put
    the old list back for the rest of its time.
    """
    keys = [_topic_list_key(organisation_id, hr=hr) for hr in (True, False)]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def on_topic_saved_or_deleted(sender: type, instance: Topic, **kwargs: Any) -> None:
    """Receiver: a topic changed."""
    topic_list_forget(instance.organisation_id)
