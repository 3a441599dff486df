import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import InvitationStatus, RequestStatus


class OnCallPool(models.Model):
    """Volunteers who can be called for urgent work, kept by an organisation or a centre."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="oncall_pools",
    )
    centre = models.ForeignKey(
        "organisations.VolunteerCentre",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="oncall_pools",
    )
    is_active = models.BooleanField(_("open for new members"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("on-call pool")
        verbose_name_plural = _("on-call pools")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(organisation__isnull=False, centre__isnull=True)
                    | models.Q(organisation__isnull=True, centre__isnull=False)
                ),
                name="oncall_pool_one_owner",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("oncall:pool-detail", args=[self.public_id])

    @property
    def owner(self):
        return self.organisation or self.centre


class PoolMembership(models.Model):
    """A volunteer in a pool, with when they can usually be called and how far they travel.

    Latitude/longitude are copied from the PC4 area so eligibility can prefilter on a
    bounding box in SQL, as the vacancy search does.
    """

    pool = models.ForeignKey(OnCallPool, on_delete=models.CASCADE, related_name="memberships")
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pool_memberships"
    )
    # Week grid as a bit mask (volunteers.constants.slot_bit).
    availability = models.PositiveIntegerField(_("when you can usually be called"))
    max_distance_km = models.PositiveSmallIntegerField(_("how far you will travel (km)"))
    postcode_area = models.ForeignKey(
        "geo.PostcodeArea", on_delete=models.PROTECT, related_name="+"
    )
    latitude = models.FloatField()
    longitude = models.FloatField()
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["joined_at", "pk"]
        verbose_name = _("pool member")
        verbose_name_plural = _("pool members")
        constraints = [
            models.UniqueConstraint(fields=["pool", "volunteer"], name="oncall_one_membership")
        ]
        indexes = [
            models.Index(fields=["pool", "latitude", "longitude"], name="oncall_member_geo"),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} in {self.pool}"


class OnCallRequest(models.Model):
    """An urgent request: what, when, where, how many people, requirements."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    pool = models.ForeignKey(OnCallPool, on_delete=models.CASCADE, related_name="requests")
    title = models.CharField(_("what"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("address or meeting point"), max_length=200)
    postcode_area = models.ForeignKey(
        "geo.PostcodeArea", on_delete=models.PROTECT, related_name="+"
    )
    latitude = models.FloatField()
    longitude = models.FloatField()
    places = models.PositiveSmallIntegerField(_("number of people needed"))
    required_skill = models.ForeignKey(
        "volunteers.Skill",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("required skill"),
    )
    min_age = models.PositiveSmallIntegerField(_("minimum age"), default=0)
    vog_required = models.BooleanField(_("VOG required"), default=False)
    keep_reserve_list = models.BooleanField(
        _("put people who answer after it is full on a reserve list"), default=True
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RequestStatus.choices,
        default=RequestStatus.OPEN,
        db_index=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Broadcast progress: invitations are created first, then mailed in batches.
    eligible_count = models.PositiveIntegerField(default=0)
    broadcast_finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("on-call request")
        verbose_name_plural = _("on-call requests")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="oncall_request_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(places__gte=1), name="oncall_request_places_min"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("oncall:request-detail", args=[self.public_id])


class OnCallInvitation(models.Model):
    """One eligible member asked for one request; the unit of the signed accept link."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    request = models.ForeignKey(
        OnCallRequest, on_delete=models.CASCADE, related_name="invitations"
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="oncall_invitations"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InvitationStatus.choices,
        default=InvitationStatus.INVITED,
        db_index=True,
    )
    # Set in the same transaction that queues the e-mail: a rerun of the broadcast skips it.
    notified_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["responded_at", "pk"]
        verbose_name = _("on-call invitation")
        verbose_name_plural = _("on-call invitations")
        constraints = [
            models.UniqueConstraint(fields=["request", "volunteer"], name="oncall_one_invitation")
        ]
        indexes = [
            models.Index(fields=["request", "notified_at"], name="oncall_invitation_pending"),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} for {self.request}"
