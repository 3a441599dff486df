"""Writes for an organisation's self-evaluation: start, answer, evidence, invite volunteers,
close."""

import io
import os
import zipfile
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.core.validators import EmailValidator
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.organisations.models import Organisation
from inzet.selfevaluation.constants import (
    EvaluationStatus,
    QuestionnaireStatus,
)
from inzet.selfevaluation.models import (
    Answer,
    AnswerChange,
    Evaluation,
    Evidence,
    Questionnaire,
    Statement,
    VolunteerInvitation,
)
from inzet.selfevaluation.selectors.evaluations import (
    evaluation_open_statements,
    evaluation_statements,
)
from inzet.selfevaluation.selectors.questionnaires import questionnaire_current

VOLUNTEER_INVITATIONS_MAX = 200
NOTE_MAX_LENGTH = 5000

# Evidence files: extension → (content type, sniffer). The browser's content type and the
# file name are not trusted; the first bytes must match the extension.
_ZIP_MAGIC = b"PK\x03\x04"


def _zip_has(data: bytes, member: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return member in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _odf_mimetype(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.read("mimetype").decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return ""


EVIDENCE_TYPES: dict[str, tuple[str, Callable[[bytes, bytes], bool]]] = {
    "pdf": ("application/pdf", lambda head, data: head.startswith(b"%PDF-")),
    "jpg": ("image/jpeg", lambda head, data: head.startswith(b"\xff\xd8\xff")),
    "jpeg": ("image/jpeg", lambda head, data: head.startswith(b"\xff\xd8\xff")),
    "png": ("image/png", lambda head, data: head.startswith(b"\x89PNG\r\n\x1a\n")),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        lambda head, data: head.startswith(_ZIP_MAGIC) and _zip_has(data, "word/document.xml"),
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        lambda head, data: head.startswith(_ZIP_MAGIC) and _zip_has(data, "xl/workbook.xml"),
    ),
    "odt": (
        "application/vnd.oasis.opendocument.text",
        lambda head, data: (
            head.startswith(_ZIP_MAGIC)
            and _odf_mimetype(data) == "application/vnd.oasis.opendocument.text"
        ),
    ),
    "ods": (
        "application/vnd.oasis.opendocument.spreadsheet",
        lambda head, data: (
            head.startswith(_ZIP_MAGIC)
            and _odf_mimetype(data) == "application/vnd.oasis.opendocument.spreadsheet"
        ),
    ),
}
EVIDENCE_EXTENSIONS_LABEL = "PDF, DOCX, XLSX, ODT, ODS, JPG, PNG"


def _closed_error() -> ValidationError:
    return ValidationError(
        _("This self-evaluation is closed. Answers can no longer be changed."), code="closed"
    )


# --- Start


@transaction.atomic
def evaluation_start(
    *,
    organisation: Organisation,
    user: User,
    small_organisation: bool,
    questionnaire: Questionnaire | None = None,
) -> Evaluation:
    """Start a self-evaluation with the current published questionnaire. An organisation
    works on one evaluation at a time."""
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    if organisation.evaluations.filter(status=EvaluationStatus.OPEN).exists():
        raise ValidationError(
            _(
                "Your organisation is already working on a self-evaluation. Finish and close "
                "it before you start a new one."
            ),
            code="already_open",
        )
    questionnaire = questionnaire or questionnaire_current()
    if questionnaire.status != QuestionnaireStatus.PUBLISHED:
        raise ValidationError(
            _("The self-evaluation is not available at the moment. Please try again later."),
            code="no_questionnaire",
        )
    return Evaluation.objects.create(
        organisation=organisation,
        questionnaire=questionnaire,
        small_organisation=small_organisation,
        started_by=user,
    )


# --- Answers


def score_check(*, questionnaire: Questionnaire, score: int | None) -> None:
    """Raises ValidationError when ``score`` is not on the questionnaire's answer scale."""
    if score is not None and not questionnaire.on_scale(score):
        raise ValidationError(
            _("Choose a score from %(min)s to %(max)s.")
            % {"min": questionnaire.scale_min, "max": questionnaire.scale_max},
            code="invalid_score",
        )


@transaction.atomic
def answer_save(
    *,
    evaluation: Evaluation,
    statement: Statement,
    user: User,
    score: int | None = None,
    note: str | None = None,
) -> Answer:
    """Save one answer and record who changed what. ``None`` leaves that part of the answer
    as it is (a score, once given, can be changed but not withdrawn); an empty note clears
    it. Several people may answer at once: the last save wins, and every change is kept in
    the history."""
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    if not evaluation.is_open:
        raise _closed_error()
    if not evaluation_statements(evaluation=evaluation).filter(pk=statement.pk).exists():
        raise ValidationError(
            _("This statement is not part of this self-evaluation."), code="out_of_scope"
        )
    score_check(questionnaire=evaluation.questionnaire, score=score)
    if note is not None:
        note = note.replace("\r\n", "\n").strip()
        if len(note) > NOTE_MAX_LENGTH:
            raise ValidationError(
                _("Keep the explanation under %(max)s characters.") % {"max": NOTE_MAX_LENGTH},
                code="note_too_long",
            )
    try:
        with transaction.atomic():
            answer, _created = Answer.objects.select_for_update().get_or_create(
                evaluation=evaluation, statement=statement
            )
    except IntegrityError:  # someone else created it at the same moment
        answer = Answer.objects.select_for_update().get(evaluation=evaluation, statement=statement)
    old_score = answer.score
    new_score = old_score if score is None else score
    note_changed = note is not None and note != answer.note
    if new_score == old_score and not note_changed:
        return answer
    answer.score = new_score
    if note_changed:
        answer.note = note
    answer.updated_by = user
    answer.updated_at = timezone.now()
    answer.save(update_fields=["score", "note", "updated_by", "updated_at"])
    AnswerChange.objects.create(
        answer=answer,
        changed_by=user,
        changed_at=answer.updated_at,
        old_score=old_score,
        new_score=new_score,
        note_changed=note_changed,
    )
    return answer


# --- Close


@transaction.atomic
def evaluation_close(*, evaluation: Evaluation, user: User) -> Evaluation:
    """Close the evaluation once every statement in scope has a score. Closed evaluations
    take no more answers or volunteer responses."""
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    if not evaluation.is_open:
        raise ValidationError(_("This self-evaluation is already closed."), code="closed")
    open_statements = evaluation_open_statements(evaluation=evaluation)
    if open_statements:
        raise ValidationError(
            [
                ValidationError(
                    _("Statement %(code)s has no answer yet: %(text)s"),
                    code="open_statement",
                    params={
                        "code": statement.code,
                        "text": statement.text,
                        "statement_id": statement.pk,
                        "part_code": statement.part.code,
                    },
                )
                for statement in open_statements
            ]
        )
    evaluation.status = EvaluationStatus.CLOSED
    evaluation.closed_at = timezone.now()
    evaluation.save(update_fields=["status", "closed_at"])
    return evaluation


# --- Evidence


def _evidence_file_check(file: UploadedFile) -> tuple[str, str]:
    """Return (safe original name, content type) or raise a ValidationError on "file"."""
    name = os.path.basename((file.name or "").replace("\\", "/"))[:255]
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in EVIDENCE_TYPES:
        raise ValidationError(
            {
                "file": ValidationError(
                    _("This type of file cannot be added. Choose a file of type %(types)s.")
                    % {"types": EVIDENCE_EXTENSIONS_LABEL},
                    code="file_type",
                )
            }
        )
    if file.size is None or file.size > settings.INZET_EVIDENCE_MAX_BYTES:
        raise ValidationError(
            {
                "file": ValidationError(
                    _("The file is too large. Choose a file of at most %(size)s MB.")
                    % {"size": settings.INZET_EVIDENCE_MAX_BYTES // (1024 * 1024)},
                    code="file_size",
                )
            }
        )
    if file.size == 0:
        raise ValidationError(
            {"file": ValidationError(_("The file is empty. Choose another file."), code="empty")}
        )
    file.seek(0)
    data = file.read()
    file.seek(0)
    content_type, sniff = EVIDENCE_TYPES[extension]
    if not sniff(data[:16], data):
        raise ValidationError(
            {
                "file": ValidationError(
                    _(
                        "The content of this file does not match its type %(type)s. Save it "
                        "again as %(type)s, or choose another file."
                    )
                    % {"type": extension.upper()},
                    code="file_content",
                )
            }
        )
    return name, content_type


@transaction.atomic
def evidence_add(
    *,
    evaluation: Evaluation,
    statement: Statement,
    user: User,
    file: UploadedFile | None = None,
    url: str = "",
    description: str = "",
) -> Evidence:
    """Add a file or a link as evidence for a statement. Evidence can still be added after
    closing: the adviser checks it during the assessment."""
    if not evaluation_statements(evaluation=evaluation).filter(pk=statement.pk).exists():
        raise ValidationError(
            _("This statement is not part of this self-evaluation."), code="out_of_scope"
        )
    url = (url or "").strip()
    if (file is None) == (not url):
        raise ValidationError(
            {
                "file": ValidationError(
                    _("Choose a file or fill in a link (one of the two)."), code="file_or_url"
                )
            }
        )
    evidence = Evidence(
        evaluation=evaluation,
        statement=statement,
        url=url,
        description=(description or "").strip()[:300],
        added_by=user,
    )
    if file is not None:
        evidence.original_name, evidence.content_type = _evidence_file_check(file)
        evidence.file.save("evidence", file, save=False)  # upload_to picks a random name
    evidence.save()
    return evidence


@transaction.atomic
def evidence_delete(*, evidence: Evidence, user: User) -> None:
    stored = evidence.file.name if evidence.file else ""
    storage = evidence.file.storage if evidence.file else None
    evidence.delete()
    if stored and storage is not None:
        transaction.on_commit(lambda: storage.delete(stored))


# --- Volunteers


def volunteer_survey_url(*, token: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("selfevaluation:volunteer-survey", args=[token])


VOLUNTEER_LINK_MAX_DAYS = 365  # an end date further away is almost surely a typing error


@transaction.atomic
def volunteer_link_extend(*, evaluation: Evaluation, user: User, until: date) -> Evaluation:
    """Let the volunteer link (and the one-use invitations) work until the end of ``until``,
    a local date. Also renews a link that has already expired; the link itself stays the same,
    so volunteers who have it can use it again. ``user`` is checked by the view's gatekeeper."""
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    if not evaluation.is_open:
        raise ValidationError(
            _("This self-evaluation is closed. Volunteers can no longer answer."), code="closed"
        )
    today = timezone.localdate()
    if until < today:
        raise ValidationError(_("Choose an end date from today on."), code="in_the_past")
    if until > today + timedelta(days=VOLUNTEER_LINK_MAX_DAYS):
        raise ValidationError(_("Choose an end date within a year from today."), code="too_far")
    # The end of the chosen day in Amsterdam: the link works the whole day.
    end = timezone.make_aware(datetime.combine(until + timedelta(days=1), time()))
    evaluation.volunteer_link_expires_at = end - timedelta(microseconds=1)
    evaluation.save(update_fields=["volunteer_link_expires_at"])
    return evaluation


def _emails_check(emails: Iterable[str]) -> list[str]:
    validate = EmailValidator()
    unique: dict[str, str] = {}
    for email in emails:
        cleaned = email.strip()
        if cleaned:
            unique.setdefault(cleaned.lower(), cleaned)
    if not unique:
        raise ValidationError(
            {"emails": ValidationError(_("Fill in at least one e-mail address."), code="empty")}
        )
    if len(unique) > VOLUNTEER_INVITATIONS_MAX:
        raise ValidationError(
            {
                "emails": ValidationError(
                    _("You can send at most %(max)s invitations at once.")
                    % {"max": VOLUNTEER_INVITATIONS_MAX},
                    code="too_many",
                )
            }
        )
    invalid = []
    for email in unique.values():
        try:
            validate(email)
        except ValidationError:
            invalid.append(email)
    if invalid:
        raise ValidationError(
            {
                "emails": ValidationError(
                    _("These are not valid e-mail addresses: %(emails)s. Correct or remove them.")
                    % {"emails": ", ".join(invalid)},
                    code="invalid",
                )
            }
        )
    return list(unique.values())


@transaction.atomic
def volunteer_invitations_send(*, evaluation: Evaluation, user: User, emails: Iterable[str]) -> int:
    """Mail each address its own one-use link to the volunteer survey. The addresses are
    not stored: each invitation keeps only its token."""
    if not evaluation.is_open:
        raise ValidationError(
            _("This self-evaluation is closed. Volunteers can no longer answer."), code="closed"
        )
    if evaluation.volunteer_link_expired:
        raise ValidationError(
            _(
                "The volunteer link has expired. Choose a new end date first, then send the "
                "invitations."
            ),
            code="link_expired",
        )
    addresses = _emails_check(emails)
    organisation = evaluation.organisation
    for address in addresses:
        invitation = VolunteerInvitation.objects.create(evaluation=evaluation)
        context = {
            "organisation": organisation,
            "url": volunteer_survey_url(token=invitation.token),
            "expires_at": evaluation.volunteer_link_expires_at,
        }
        # Volunteers have no account and no language preference: write in Dutch.
        with translation.override("nl"):
            subject = _("%(name)s asks your opinion about volunteering") % {"name": organisation}
            body = render_to_string("selfevaluation/email/volunteer_invitation.txt", context)
        send_mail(subject, body, None, [address])
    return len(addresses)
