import secrets
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import (
    DEFAULT_SCALE_MAX,
    SCALE,
    SCALE_MAX_HIGHEST,
    SCALE_MAX_LOWEST,
    SCALE_MIN,
    ActionStatus,
    EvaluationStatus,
    Phase,
    QuestionnaireStatus,
)

# How long a volunteer link works when nobody extends it. A link that never ends would keep
# collecting answers long after the organisation has moved on.
DEFAULT_VOLUNTEER_LINK_DAYS = 60


def _token() -> str:
    return secrets.token_urlsafe(24)


def volunteer_link_days() -> int:
    return int(getattr(settings, "INZET_VOLUNTEER_LINK_DAYS", DEFAULT_VOLUNTEER_LINK_DAYS))


def volunteer_link_default_expiry() -> datetime:
    return timezone.now() + timedelta(days=volunteer_link_days())


class Questionnaire(models.Model):
    """A version of the self-evaluation. Once published it is frozen; NOV drafts a new version
    beside it, and every evaluation keeps the version it used."""

    slug = models.SlugField(_("code"))
    name = models.CharField(_("name"), max_length=200)
    version = models.PositiveIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=QuestionnaireStatus.choices,
        default=QuestionnaireStatus.DRAFT,
    )
    introduction = models.TextField(_("introduction"), blank=True)
    is_starting_set = models.BooleanField(
        _("starting set"),
        default=False,
        help_text=_("Inzet's own starting text, to be replaced by NOV's official text."),
    )
    scale_max = models.PositiveSmallIntegerField(
        _("highest score"),
        default=DEFAULT_SCALE_MAX,
        validators=[MinValueValidator(SCALE_MAX_LOWEST), MaxValueValidator(SCALE_MAX_HIGHEST)],
        help_text=_("The answer scale runs from 1 to this number (3 to 10)."),
    )
    scale_labels = models.TextField(
        _("labels of the answer scale"),
        blank=True,
        help_text=_(
            "One label per line, from 1 up to the highest score, for example “Not at all”. "
            "Leave empty on a scale of 1 to 4 to use the standard labels."
        ),
    )
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["slug", "-version"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "version"], name="selfeval_questionnaire_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"

    @property
    def is_frozen(self) -> bool:
        return self.status != QuestionnaireStatus.DRAFT

    @property
    def scale_min(self) -> int:
        return SCALE_MIN

    def scale_label_list(self) -> list[str]:
        return [line.strip() for line in self.scale_labels.splitlines() if line.strip()]

    @property
    def scale(self) -> list[tuple[int, str]]:
        """(score, label) for every point of this version's answer scale, lowest first."""
        labels = self.scale_label_list()
        if not labels and self.scale_max == DEFAULT_SCALE_MAX:
            return list(SCALE)
        return [
            (value, labels[value - 1] if value <= len(labels) else str(value))
            for value in range(SCALE_MIN, self.scale_max + 1)
        ]

    @property
    def scale_is_default(self) -> bool:
        """The standard scale 1–4 with its translated labels."""
        return self.scale_max == DEFAULT_SCALE_MAX and not self.scale_label_list()

    def on_scale(self, score: float | None) -> bool:
        return score is not None and SCALE_MIN <= score <= self.scale_max

    def scale_check(self) -> None:
        """Raises ValidationError when the scale cannot be used as it is."""
        if not SCALE_MAX_LOWEST <= self.scale_max <= SCALE_MAX_HIGHEST:
            raise ValidationError(
                _("The highest score must be from %(low)s to %(high)s.")
                % {"low": SCALE_MAX_LOWEST, "high": SCALE_MAX_HIGHEST},
                code="scale_max",
            )
        labels = self.scale_label_list()
        if labels and len(labels) != self.scale_max:
            raise ValidationError(
                _(
                    "Give one label for each score from 1 to %(max)s: %(max)s labels, one per "
                    "line. Now there are %(count)s."
                )
                % {"max": self.scale_max, "count": len(labels)},
                code="scale_labels",
            )
        if not labels and self.scale_max != DEFAULT_SCALE_MAX:
            raise ValidationError(
                _("A scale of 1 to %(max)s needs its own labels: %(max)s labels, one per line.")
                % {"max": self.scale_max},
                code="scale_labels",
            )

    def clean(self) -> None:
        super().clean()
        try:
            self.scale_check()
        except ValidationError as exc:
            field = "scale_max" if exc.code == "scale_max" else "scale_labels"
            raise ValidationError({field: exc.messages}) from exc


class Part(models.Model):
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="parts")
    code = models.CharField(_("code"), max_length=5)  # "A", "B", "C"
    name = models.CharField(_("name"), max_length=200)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    description = models.TextField(_("description"), blank=True)
    minimum_score = models.DecimalField(
        _("minimum score"),
        max_digits=4,
        decimal_places=2,
        help_text=_("The average score this part needs, on the answer scale of the questionnaire."),
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["questionnaire", "order", "code"]
        verbose_name = _("part")
        verbose_name_plural = _("parts")

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class Statement(models.Model):
    part = models.ForeignKey(Part, on_delete=models.CASCADE, related_name="statements")
    code = models.CharField(_("code"), max_length=10)  # "A1"
    text = models.TextField(_("statement"))
    volunteer_text = models.TextField(
        _("statement for volunteers"), help_text=_("The same statement in words for volunteers.")
    )
    evidence_hint = models.CharField(_("suggested evidence"), max_length=300, blank=True)
    starred = models.BooleanField(
        _("starred"), default=False, help_text=_("Small organisations answer only these.")
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["part__order", "order", "code"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self) -> str:
        return f"{self.code} {self.text[:60]}"


class Evaluation(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="evaluations"
    )
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="evaluations"
    )
    small_organisation = models.BooleanField(
        _("small organisation"),
        help_text=_(
            "Fewer than 100 volunteers and less than 2 fte paid staff: only the starred statements."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EvaluationStatus.choices,
        default=EvaluationStatus.OPEN,
    )
    # One unguessable link for all volunteers of this evaluation.
    volunteer_token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    # The shared link and the one-use invitations stop working at this moment; the
    # organisation can move it later (services.evaluations.volunteer_link_extend).
    volunteer_link_expires_at = models.DateTimeField(
        _("volunteer link works until"), default=volunteer_link_default_expiry
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("self-evaluation")
        verbose_name_plural = _("self-evaluations")

    def __str__(self) -> str:
        return f"{self.organisation} – {self.started_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.status == EvaluationStatus.OPEN

    @property
    def volunteer_link_expired(self) -> bool:
        return timezone.now() >= self.volunteer_link_expires_at


class Answer(models.Model):
    """The organisation's answer to one statement, saved as people go."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    note = models.TextField(_("explanation"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "statement"], name="selfeval_answer_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.statement.code}: {self.score}"


class AnswerChange(models.Model):
    """Who changed which answer, when, from what to what."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    old_score = models.PositiveSmallIntegerField(null=True, blank=True)
    new_score = models.PositiveSmallIntegerField(null=True, blank=True)
    note_changed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-changed_at"]
        verbose_name = _("answer change")
        verbose_name_plural = _("answer changes")

    def __str__(self) -> str:
        return f"{self.answer} {self.old_score}→{self.new_score}"


def evidence_upload_to(instance: "Evidence", filename: str) -> str:
    # Random name: the original file name can hold personal data and is kept in a field.
    return f"private/evidence/{instance.evaluation.public_id}/{uuid.uuid4().hex}"


class Evidence(models.Model):
    """A document or link that supports an answer. Files are served only through a view
    that checks access, never from a public URL."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="evidence")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="+")
    file = models.FileField(_("file"), upload_to=evidence_upload_to, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    url = models.URLField(_("link"), blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["statement__code", "added_at"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.original_name or self.url


class VolunteerInvitation(models.Model):
    """A one-use link mailed to a volunteer. The address itself is not kept (least data)."""

    evaluation = models.ForeignKey(
        Evaluation, on_delete=models.CASCADE, related_name="volunteer_invitations"
    )
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    sent_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("volunteer invitation")
        verbose_name_plural = _("volunteer invitations")

    def __str__(self) -> str:
        return f"{self.evaluation} invitation"


class VolunteerResponse(models.Model):
    """One volunteer's anonymous answers: no account, no name, no address, no IP."""

    evaluation = models.ForeignKey(
        Evaluation, on_delete=models.CASCADE, related_name="volunteer_responses"
    )
    submitted_at = models.DateField(default=timezone.localdate)  # a day, not a time: less traceable

    class Meta:
        verbose_name = _("volunteer response")
        verbose_name_plural = _("volunteer responses")

    def __str__(self) -> str:
        return f"{self.evaluation} response"


class VolunteerAnswer(models.Model):
    response = models.ForeignKey(
        VolunteerResponse, on_delete=models.CASCADE, related_name="answers"
    )
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "statement"], name="selfeval_volunteer_answer_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.statement_id}: {self.score}"


class Action(models.Model):
    """One line of the action plan."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="actions")
    part = models.ForeignKey(
        Part, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    statement = models.ForeignKey(
        Statement, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    description = models.TextField(_("action"))
    owner = models.CharField(_("who"), max_length=150)
    due_date = models.DateField(_("ready on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.TODO
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["status", "due_date", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("action plan")

    def __str__(self) -> str:
        return self.description[:60]


class AdviserAssignment(models.Model):
    """A Goed Geregeld adviser guides an organisation (assigned by NOV or a centre)."""

    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="adviser_assignments"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="adviser_assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("adviser assignment")
        verbose_name_plural = _("adviser assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["adviser", "organisation"],
                condition=models.Q(ended_at__isnull=True),
                name="selfeval_one_active_assignment",
            )
        ]

    def __str__(self) -> str:
        return f"{self.adviser} → {self.organisation}"


class AdviserNote(models.Model):
    assignment = models.ForeignKey(
        AdviserAssignment, on_delete=models.CASCADE, related_name="notes"
    )
    text = models.TextField(_("note"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=2, default=0)
    date = models.DateField(_("date"), default=timezone.localdate)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = _("adviser note")
        verbose_name_plural = _("adviser notes")

    def __str__(self) -> str:
        return f"{self.date}: {self.text[:40]}"
