"""Reads for platform management. The content overviews come from the knowledge and networks
selectors; this module adds the manager's gatekeeper and the dormant-account overview."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from inzet.accounts.constants import PlatformRoleKind
from inzet.accounts.models import PlatformRole, User
from inzet.core import permissions
from inzet.knowledge import selectors as knowledge_selectors
from inzet.knowledge.models import Document, Page
from inzet.networks import selectors as networks_selectors
from inzet.networks.models import Network

from .constants import DormancyStage
from .models import DormantAccount


def platform_manager_check(*, user) -> None:
    """Gatekeeper for every manager page: NOV staff only, 404 for anyone else."""
    if not permissions.can_manage_platform(user):
        raise Http404


def dormant_get_open_by_token(*, token: str) -> DormantAccount | None:
    """The open round (asked or deactivated) behind a "keep my account" link, or None when
    the link is unknown or already used."""
    return (
        DormantAccount.objects.filter(
            keep_token=token,
            stage__in=[DormancyStage.ASKED, DormancyStage.DEACTIVATED],
            user__erased_at__isnull=True,
        )
        .select_related("user")
        .first()
    )


def dormant_stage_counts() -> dict[str, int]:
    """How many rounds are in each stage, every stage present (0 when none)."""
    rows = DormantAccount.objects.order_by().values("stage").annotate(n=Count("pk"))
    counts = {row["stage"]: row["n"] for row in rows}
    return {stage: counts.get(stage, 0) for stage in DormancyStage.values}


def dormant_list(*, stage: str) -> QuerySet[DormantAccount]:
    """The rounds in one stage, the longest-running first."""
    if stage not in DormancyStage.values:
        stage = DormancyStage.ASKED
    order = {
        DormancyStage.ASKED: "asked_at",
        DormancyStage.DEACTIVATED: "deactivated_at",
        DormancyStage.KEPT: "-kept_at",
        DormancyStage.ERASED: "-erased_at",
    }[DormancyStage(stage)]
    return DormantAccount.objects.filter(stage=stage).select_related("user").order_by(order, "pk")


# --- Content overviews. Network content stays out: even NOV staff only see what is inside a
# network after joining it (core.permissions.is_network_member), and moderators look after it.


def stale_pages(*, today: date | None = None) -> QuerySet[Page]:
    """Kennisbank pages past their review date, grouped by owner (ordered for {% regroup %})."""
    return knowledge_selectors.stale_content(today=today).filter(network__isnull=True)


def stale_owner_counts(*, today: date | None = None) -> dict[int | None, int]:
    """How many stale pages each owner has (None: no owner), for the group headings."""
    rows = stale_pages(today=today).order_by().values("owner_id").annotate(n=Count("pk"))
    return {row["owner_id"]: row["n"] for row in rows}


def unviewed_kennisbank_pages(*, months: int) -> QuerySet[Page]:
    return knowledge_selectors.unviewed_pages(months=months).filter(network__isnull=True)


def orphan_kennisbank_documents() -> QuerySet[Document]:
    return knowledge_selectors.orphan_documents()


def quiet_network_list(*, weeks: int) -> QuerySet[Network]:
    return networks_selectors.quiet_networks(weeks=weeks)


def failed_search_list(*, days: int = 90, limit: int = 50) -> list[dict[str, Any]]:
    return list(knowledge_selectors.failed_search_terms(days=days, limit=limit))


@dataclass
class OverviewCounts:
    stale: int
    unviewed: int
    orphans: int
    quiet_networks: int
    failed_searches: int
    dormant: dict[str, int]


def overview_counts(*, months: int, weeks: int) -> OverviewCounts:
    return OverviewCounts(
        stale=stale_pages().count(),
        unviewed=unviewed_kennisbank_pages(months=months).count(),
        orphans=orphan_kennisbank_documents().count(),
        quiet_networks=quiet_network_list(weeks=weeks).count(),
        failed_searches=len(failed_search_list()),
        dormant=dormant_stage_counts(),
    )


# --- Bulk actions: what may be chosen


def bulk_pages() -> QuerySet[Page]:
    """Pages a bulk action may change: the kennisbank's, not a network's."""
    return Page.objects.filter(network__isnull=True)


def bulk_documents() -> QuerySet[Document]:
    return Document.objects.filter(network__isnull=True)


def owner_choices() -> QuerySet[User]:
    """Who can become the owner of kennisbank content: active NOV staff and the people who
    already own some."""
    page_owners = Page.objects.filter(network__isnull=True).values("owner_id")
    document_owners = Document.objects.filter(network__isnull=True).values("owner_id")
    staff = PlatformRole.objects.filter(role=PlatformRoleKind.NOV_STAFF).values("user_id")
    return (
        User.objects.filter(is_active=True, erased_at__isnull=True)
        .filter(Q(pk__in=staff) | Q(pk__in=page_owners) | Q(pk__in=document_owners))
        .order_by("name", "email")
    )
