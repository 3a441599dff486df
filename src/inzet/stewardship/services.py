"""Writes for platform management: inactive-account care (AVG retention) and bulk actions
on kennisbank content (through the knowledge services)."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.accounts.services import user_erase
from inzet.audit.services import audit_log
from inzet.knowledge.models import Document, Page
from inzet.knowledge.services import content_archive, content_reassign_owner

from .constants import DormancyStage
from .models import DormantAccount

# Rows and mails per transaction: a crash loses at most one batch, and no lock is held long.
BATCH_SIZE = 200
OPEN_STAGES = (DormancyStage.ASKED, DormancyStage.DEACTIVATED)


@dataclass
class DormancyReport:
    """What one run of the account care did."""

    asked: int = 0
    kept: int = 0
    deactivated: int = 0
    erased: int = 0
    # Accounts that could not be erased, with the reason (e.g. sole admin of an organisation).
    erase_refused: list[tuple[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"asked {self.asked}, kept after login {self.kept}, deactivated {self.deactivated}, "
            f"erased {self.erased}, erasure refused {len(self.erase_refused)}"
        )


def _cutoff(*, now: datetime, days: int) -> datetime:
    """The start of today (local time) minus ``days``: every run on the same day uses the
    same cutoff, so a second run that day finds nothing new to do."""
    start_of_day = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return start_of_day - timedelta(days=days)


def _absolute(url: str) -> str:
    return settings.SITE_URL.rstrip("/") + url


def _keep_url(dormant: DormantAccount) -> str:
    return _absolute(reverse("stewardship:keep-account", args=[dormant.keep_token]))


def erase_on(*, dormant: DormantAccount) -> datetime | None:
    """When a deactivated account's personal data will be erased."""
    if dormant.deactivated_at is None:
        return None
    return dormant.deactivated_at + timedelta(days=settings.INZET_DORMANT_ERASE_AFTER_DAYS)


def deactivate_on(*, dormant: DormantAccount) -> datetime:
    """From this day on an unanswered question leads to deactivation."""
    return dormant.asked_at + timedelta(days=settings.INZET_DORMANT_ANSWER_DAYS)


def _mail(*, dormant: DormantAccount, template: str, subject: str) -> None:
    user = dormant.user
    context = {
        "user": user,
        "dormant": dormant,
        "keep_url": _keep_url(dormant),
        "login_url": _absolute(reverse("account_login")),
        "deactivate_on": deactivate_on(dormant=dormant),
        "erase_on": erase_on(dormant=dormant),
    }
    with translation.override(user.preferred_language or "nl"):
        body = render_to_string(template, context)
        subject_text = _(subject)
    # Sent inside the caller's transaction: the mail task row and the round commit together.
    send_mail(subject_text, body, None, [user.email])


def _dormant_users(*, now: datetime) -> QuerySet[User]:
    """Active accounts without a login (or registration, if they never logged in) since the
    cutoff, no open round, and no "keep" answered since the cutoff."""
    cutoff = _cutoff(now=now, days=settings.INZET_DORMANT_AFTER_DAYS)
    open_round = DormantAccount.objects.filter(user=OuterRef("pk"), stage__in=OPEN_STAGES)
    kept_recently = DormantAccount.objects.filter(
        user=OuterRef("pk"), stage=DormancyStage.KEPT, kept_at__gte=cutoff
    )
    return (
        User.objects.filter(is_active=True, erased_at__isnull=True)
        .alias(seen_at=Coalesce("last_login", "date_joined"))
        .filter(seen_at__lt=cutoff)
        .filter(~Exists(open_round), ~Exists(kept_recently))
    )


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), BATCH_SIZE):
        yield ids[start : start + BATCH_SIZE]


def _stage_ask(*, now: datetime, report: DormancyReport) -> None:
    ids = list(_dormant_users(now=now).order_by("pk").values_list("pk", flat=True))
    for chunk in _chunks(ids):
        with transaction.atomic():
            # Ask again inside the transaction: someone may have logged in meanwhile.
            for user in _dormant_users(now=now).filter(pk__in=chunk).select_for_update():
                dormant = DormantAccount.objects.create(
                    user=user, stage=DormancyStage.ASKED, asked_at=now
                )
                _mail(
                    dormant=dormant,
                    template="stewardship/email/dormant_asked.txt",
                    subject="Do you want to keep your Inzet account?",
                )
                report.asked += 1


def _stage_end_after_login(*, report: DormancyReport) -> None:
    """Logging in during the question ends the round: the person still uses the account."""
    rounds = DormantAccount.objects.filter(
        stage=DormancyStage.ASKED, user__last_login__gt=F("asked_at")
    )
    for chunk in _chunks(list(rounds.values_list("pk", flat=True))):
        with transaction.atomic():
            for dormant in rounds.filter(pk__in=chunk).select_related("user").select_for_update():
                dormant.stage = DormancyStage.KEPT
                dormant.kept_at = dormant.user.last_login
                dormant.save(update_fields=["stage", "kept_at"])
                report.kept += 1


def _stage_deactivate(*, now: datetime, report: DormancyReport) -> None:
    cutoff = _cutoff(now=now, days=settings.INZET_DORMANT_ANSWER_DAYS)
    rounds = DormantAccount.objects.filter(stage=DormancyStage.ASKED, asked_at__lt=cutoff).filter(
        Q(user__last_login__isnull=True) | Q(user__last_login__lte=F("asked_at"))
    )
    for chunk in _chunks(list(rounds.values_list("pk", flat=True))):
        with transaction.atomic():
            for dormant in rounds.filter(pk__in=chunk).select_related("user").select_for_update():
                user = dormant.user
                user.is_active = False
                user.save(update_fields=["is_active"])
                dormant.stage = DormancyStage.DEACTIVATED
                dormant.deactivated_at = now
                dormant.save(update_fields=["stage", "deactivated_at"])
                audit_log(actor=None, action="stewardship.account_deactivated", target=user)
                _mail(
                    dormant=dormant,
                    template="stewardship/email/dormant_deactivated.txt",
                    subject="We have deactivated your Inzet account",
                )
                report.deactivated += 1


def _stage_erase(*, now: datetime, report: DormancyReport) -> None:
    cutoff = _cutoff(now=now, days=settings.INZET_DORMANT_ERASE_AFTER_DAYS)
    rounds = DormantAccount.objects.filter(
        stage=DormancyStage.DEACTIVATED, deactivated_at__lt=cutoff
    ).select_related("user")
    # One transaction per person: erasing touches many tables, and a refusal (sole admin)
    # must not undo the others.
    for dormant in rounds.order_by("pk"):
        try:
            with transaction.atomic():
                user_erase(user=dormant.user)
                dormant.stage = DormancyStage.ERASED
                dormant.erased_at = now
                dormant.erase_blocked = ""
                dormant.save(update_fields=["stage", "erased_at", "erase_blocked"])
        except ValidationError as exc:
            reason = " ".join(exc.messages)[:500]
            report.erase_refused.append((str(dormant.user.public_id), reason))
            if dormant.erase_blocked != reason:
                dormant.erase_blocked = reason
                dormant.save(update_fields=["erase_blocked"])
            continue
        report.erased += 1


def dormancy_run(*, now: datetime | None = None) -> DormancyReport:
    """The daily care for accounts nobody uses: ask, then deactivate, then erase.

    Safe to run more than once a day: a second run on the same day changes nothing.
    """
    now = now or timezone.now()
    report = DormancyReport()
    _stage_end_after_login(report=report)
    _stage_deactivate(now=now, report=report)
    _stage_erase(now=now, report=report)
    _stage_ask(now=now, report=report)
    return report


@transaction.atomic
def dormancy_keep(*, dormant: DormantAccount, now: datetime | None = None) -> DormantAccount:
    """The person wants to keep the account: end the round and reactivate the account if we
    had deactivated it."""
    dormant = DormantAccount.objects.select_for_update().select_related("user").get(pk=dormant.pk)
    if dormant.stage not in OPEN_STAGES:
        raise ValidationError(_("This link has already been used."), code="used")
    user = dormant.user
    if dormant.stage == DormancyStage.DEACTIVATED and user.erased_at is None:
        user.is_active = True
        user.save(update_fields=["is_active"])
    dormant.stage = DormancyStage.KEPT
    dormant.kept_at = now or timezone.now()
    dormant.save(update_fields=["stage", "kept_at"])
    audit_log(actor=None, action="stewardship.account_kept", target=user)
    return dormant


def dormant_accounts_viewed(*, actor: User, users: Iterable[User]) -> None:
    """NOV staff looking at the list of dormant accounts sees other people's e-mail
    addresses: audit it per person, so each finds it in their own data download."""
    for user in users:
        audit_log(actor=actor, action="stewardship.dormant_accounts_viewed", subject=user)


class BulkAction:
    REASSIGN = "reassign"
    ARCHIVE = "archive"


def content_bulk_apply(
    *,
    action: str,
    pages: QuerySet[Page],
    documents: QuerySet[Document],
    actor: User,
    new_owner: User | None = None,
) -> int:
    """Reassign or archive the chosen pages and documents; returns how many changed."""
    if not pages.exists() and not documents.exists():
        raise ValidationError(
            {"selection": _("Choose at least one page or document.")}, code="empty"
        )
    if action == BulkAction.REASSIGN:
        if new_owner is None:
            raise ValidationError({"new_owner": _("Choose the new owner.")}, code="owner_missing")
        return content_reassign_owner(
            pages=pages, documents=documents, new_owner=new_owner, actor=actor
        )
    if action == BulkAction.ARCHIVE:
        return content_archive(pages=pages, documents=documents, actor=actor)
    raise ValidationError({"action": _("Choose what to do.")}, code="action")
