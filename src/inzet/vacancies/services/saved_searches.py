"""Saved searches and their daily e-mail digest of new vacancies.

The digest is safe to run twice: each saved search is locked, its window (last_sent_at,
now] searched, the e-mail queued and last_sent_at moved on, all in one transaction.
"""

import dataclasses
import datetime
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.vacancies.models import SavedSearch, Vacancy
from inzet.vacancies.search_forms import query_from_params, search_params
from inzet.vacancies.selectors.search import vacancy_search

logger = logging.getLogger(__name__)
MAX_SAVED_SEARCHES = 20
DIGEST_MAX_VACANCIES = 20


def _absolute(url: str) -> str:
    return settings.SITE_URL.rstrip("/") + url


def saved_search_create(*, user: User, name: str, params: dict) -> SavedSearch:
    """Save the parameters of a search; the person gets new matches by e-mail daily."""
    params = search_params(params)
    if query_from_params(params) is None:
        raise ValidationError(_("This search has errors. Correct it before you save it."))
    if SavedSearch.objects.filter(user=user, active=True).count() >= MAX_SAVED_SEARCHES:
        raise ValidationError(
            _("You can save up to %(max)s searches. Delete one you no longer need first.")
            % {"max": MAX_SAVED_SEARCHES},
            code="too_many",
        )
    existing = SavedSearch.objects.filter(user=user, query=params).first()
    if existing is not None:
        if not existing.active:
            existing.active = True
            existing.save(update_fields=["active"])
        return existing
    return SavedSearch.objects.create(user=user, name=(name or "").strip()[:150], query=params)


def saved_search_delete(*, saved_search: SavedSearch) -> None:
    saved_search.delete()


def saved_search_unsubscribe(*, saved_search: SavedSearch) -> SavedSearch:
    """Stop the e-mails of one saved search (the search itself stays on the list)."""
    if saved_search.active:
        saved_search.active = False
        saved_search.save(update_fields=["active"])
    return saved_search


def saved_search_url(*, saved_search: SavedSearch) -> str:
    from inzet.vacancies.search_forms import params_querydict

    query = params_querydict(saved_search.query).urlencode()
    return reverse("vacancies:vacancy-search") + (f"?{query}" if query else "")


def saved_search_new_vacancies(
    *, saved_search: SavedSearch, since: datetime.datetime, until: datetime.datetime
) -> list[Vacancy]:
    """Vacancies matching the search, published in the window (since, until], newest first."""
    query = query_from_params(saved_search.query, per_page=DIGEST_MAX_VACANCIES * 2)
    if query is None:
        return []
    query = dataclasses.replace(query, sort="newest", page=1)
    result = vacancy_search(query=query, viewer=saved_search.user)
    found = [
        hit.vacancy
        for hit in result.hits
        if hit.vacancy.published_at is not None and since < hit.vacancy.published_at <= until
    ]
    return found[:DIGEST_MAX_VACANCIES]


@transaction.atomic
def saved_search_send_digest(*, saved_search_id: int, now: datetime.datetime) -> bool:
    """Mail one saved search's new matches; True when an e-mail was sent."""
    saved_search = (
        SavedSearch.objects.select_for_update()
        .select_related("user")
        .filter(pk=saved_search_id, active=True)
        .first()
    )
    if saved_search is None or not saved_search.user.is_active:
        return False
    since = saved_search.last_sent_at or saved_search.created_at
    if since >= now:  # already done for this run
        return False
    vacancies = saved_search_new_vacancies(saved_search=saved_search, since=since, until=now)
    saved_search.last_sent_at = now
    saved_search.save(update_fields=["last_sent_at"])
    if not vacancies:
        return False
    user = saved_search.user
    context = {
        "saved_search": saved_search,
        "user": user,
        "lines": [(v, _absolute(v.get_absolute_url())) for v in vacancies],
        "search_url": _absolute(saved_search_url(saved_search=saved_search)),
        "unsubscribe_url": _absolute(
            reverse("vacancies:saved-search-unsubscribe", args=[saved_search.unsubscribe_token])
        ),
    }
    with translation.override(getattr(user, "preferred_language", "") or "nl"):
        subject = _("New volunteer work for your search “%(name)s”") % {"name": saved_search.name}
        body = render_to_string("vacancies/email/saved_search_digest.txt", context)
    send_mail(subject, body, None, [user.email])
    return True


def saved_search_send_digests(*, now: datetime.datetime | None = None) -> int:
    """The daily run: one e-mail per active saved search with new matches. Returns the count."""
    now = now or timezone.now()
    sent = 0
    ids = list(SavedSearch.objects.filter(active=True).values_list("pk", flat=True))
    for saved_search_id in ids:
        try:
            sent += saved_search_send_digest(saved_search_id=saved_search_id, now=now)
        except Exception:  # one broken search must not stop the others
            logger.exception("Saved search digest %s failed", saved_search_id)
    return sent
