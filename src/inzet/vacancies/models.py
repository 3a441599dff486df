import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inzet.volunteers.constants import DutchLevel, VacancyForm

from .constants import CaseStatus, ResponseStatus, VacancyStatus


class Vacancy(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="vacancies"
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"))
    tasks = models.TextField(_("tasks"), blank=True)
    sector = models.ForeignKey(
        "organisations.Sector", on_delete=models.PROTECT, related_name="vacancies"
    )
    form = models.CharField(_("kind of work"), max_length=20, choices=VacancyForm.choices)
    # Place: a PC4 area, or online. Latitude/longitude are copied from the PC4 area so the
    # distance search can prefilter on a bounding box in SQL.
    is_online = models.BooleanField(_("online"), default=False)
    postcode_area = models.ForeignKey(
        "geo.PostcodeArea", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    municipality = models.ForeignKey(
        "geo.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vacancies",
    )
    latitude = models.FloatField(null=True, blank=True, db_index=True)
    longitude = models.FloatField(null=True, blank=True)
    hours_per_week = models.DecimalField(
        _("hours per week"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    # Week grid as a bit mask (see volunteers.constants.slot_bit); 0 = by agreement.
    schedule = models.PositiveIntegerField(_("when"), default=0)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    min_age = models.PositiveSmallIntegerField(_("minimum age"), default=0)
    vog_required = models.BooleanField(_("VOG required"), default=False)
    dutch_level_needed = models.PositiveSmallIntegerField(
        _("Dutch needed"), choices=DutchLevel.choices, default=DutchLevel.NONE
    )
    suitable_youth = models.BooleanField(_("suitable for young people (MDT)"), default=False)
    suitable_newcomers = models.BooleanField(
        _("suitable for newcomers (little Dutch needed)"), default=False
    )
    suitable_distance_labour_market = models.BooleanField(
        _("suitable for people with a distance to the labour market"), default=False
    )
    suitable_55_plus = models.BooleanField(_("suitable for people over 55"), default=False)
    wheelchair_accessible = models.BooleanField(_("wheelchair accessible"), default=False)
    training_offered = models.BooleanField(_("training offered"), default=False)
    expense_allowance = models.CharField(_("expense allowance"), max_length=200, blank=True)
    skills = models.ManyToManyField("volunteers.Skill", blank=True, related_name="vacancies")
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    expires_on = models.DateField(_("visible until"), null=True, blank=True, db_index=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=VacancyStatus.choices,
        default=VacancyStatus.DRAFT,
        db_index=True,
    )
    rejection_reason = models.TextField(_("reason for not approving"), blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        indexes = [
            models.Index(fields=["status", "latitude", "longitude"], name="vacancy_status_geo"),
            models.Index(fields=["status", "municipality"], name="vacancy_status_municipality"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("vacancies:vacancy-detail", args=[self.public_id])


class Response(models.Model):
    """A volunteer responds to a vacancy in one step."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="responses")
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vacancy_responses"
    )
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ResponseStatus.choices, default=ResponseStatus.NEW
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    # When the organisation first reacted (any status change); the centre warning uses it.
    answered_at = models.DateTimeField(null=True, blank=True)
    centre_warned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(
                fields=["vacancy", "volunteer"],
                condition=~models.Q(status="withdrawn"),
                name="vacancies_one_active_response",
            )
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} → {self.vacancy}"


class CentrePolicy(models.Model):
    """A volunteer centre's settings for the vacancies in its municipalities."""

    centre = models.OneToOneField(
        "organisations.VolunteerCentre", on_delete=models.CASCADE, related_name="vacancy_policy"
    )
    requires_approval = models.BooleanField(_("new vacancies wait for our approval"), default=False)
    unanswered_warning_days = models.PositiveSmallIntegerField(
        _("warn us when a response is unanswered for this many working days"), default=5
    )

    class Meta:
        verbose_name = _("centre vacancy settings")
        verbose_name_plural = _("centre vacancy settings")

    def __str__(self) -> str:
        return str(self.centre)


def _token() -> str:
    return secrets.token_urlsafe(24)


class SavedSearch(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=150)
    query = models.JSONField(_("search"))  # the search URL's parameters
    unsubscribe_token = models.CharField(max_length=64, unique=True, default=_token)
    active = models.BooleanField(default=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")

    def __str__(self) -> str:
        return self.name


class MediationCase(models.Model):
    """Personal mediation by a volunteer centre, with the volunteer's consent."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    centre = models.ForeignKey(
        "organisations.VolunteerCentre", on_delete=models.CASCADE, related_name="cases"
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mediation_cases"
    )
    staff_member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    consent_given_at = models.DateTimeField(_("consent given on"))
    wishes = models.TextField(_("wishes"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("mediation case")
        verbose_name_plural = _("mediation cases")

    def __str__(self) -> str:
        return f"{self.centre}: {self.volunteer}"


class Proposal(models.Model):
    """A vacancy a centre proposes to a volunteer in a mediation case."""

    case = models.ForeignKey(MediationCase, on_delete=models.CASCADE, related_name="proposals")
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="+")
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.UniqueConstraint(fields=["case", "vacancy"], name="vacancies_proposal_unique")
        ]

    def __str__(self) -> str:
        return f"{self.case}: {self.vacancy}"
