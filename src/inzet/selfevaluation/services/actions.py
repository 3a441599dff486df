"""The action plan: what the organisation will improve, who does it and when."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.selfevaluation.constants import ActionStatus
from inzet.selfevaluation.models import Action, Evaluation, Statement
from inzet.selfevaluation.selectors.evaluations import evaluation_statements

_UNSET = object()


def _clean_text(value: str, *, field: str, message: str, max_length: int | None = None) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: ValidationError(message, code="required")})
    if max_length is not None and len(value) > max_length:
        raise ValidationError(
            {
                field: ValidationError(
                    _("Use at most %(max)s characters.") % {"max": max_length}, code="max_length"
                )
            }
        )
    return value


def _clean_status(status: str) -> str:
    if status not in ActionStatus.values:
        raise ValidationError(
            {"status": ValidationError(_("Choose a valid status."), code="invalid")}
        )
    return status


def _owner_max_length() -> int:
    return int(Action._meta.get_field("owner").max_length or 150)


@transaction.atomic
def action_create(
    *,
    evaluation: Evaluation,
    description: str,
    owner: str,
    due_date: date | None = None,
    status: str = ActionStatus.TODO,
    statement: Statement | None = None,
    created_by: User | None = None,
) -> Action:
    """Add an action. The date it should be ready may not lie in the past."""
    errors: dict[str, ValidationError] = {}
    try:
        description = _clean_text(
            description, field="description", message=_("Describe what you will do.")
        )
    except ValidationError as exc:
        errors.update(exc.error_dict)
    try:
        owner = _clean_text(
            owner,
            field="owner",
            message=_("Fill in who does this."),
            max_length=_owner_max_length(),
        )
    except ValidationError as exc:
        errors.update(exc.error_dict)
    if due_date is not None and due_date < timezone.localdate():
        errors["due_date"] = ValidationError(
            _("Choose a date from today on. This date has passed."), code="past"
        )
    try:
        status = _clean_status(status)
    except ValidationError as exc:
        errors.update(exc.error_dict)
    if (
        statement is not None
        and not evaluation_statements(evaluation=evaluation).filter(pk=statement.pk).exists()
    ):
        errors["statement"] = ValidationError(
            _("Choose a statement of this self-evaluation."), code="invalid"
        )
    if errors:
        raise ValidationError(errors)
    return Action.objects.create(
        evaluation=evaluation,
        description=description,
        owner=owner,
        due_date=due_date,
        status=status,
        statement=statement,
        part=statement.part if statement is not None else None,
        created_by=created_by,
    )


@transaction.atomic
def action_update(
    *,
    action: Action,
    status: str | None = None,
    description: str | None = None,
    owner: str | None = None,
    due_date: date | None | object = _UNSET,
) -> Action:
    """Change an action: usually its status. Only the fields passed are changed.

    A date in the past is allowed here: an action that is late stays in the plan.
    """
    fields: list[str] = []
    if status is not None:
        action.status = _clean_status(status)
        fields.append("status")
    if description is not None:
        action.description = _clean_text(
            description, field="description", message=_("Describe what you will do.")
        )
        fields.append("description")
    if owner is not None:
        action.owner = _clean_text(
            owner,
            field="owner",
            message=_("Fill in who does this."),
            max_length=_owner_max_length(),
        )
        fields.append("owner")
    if due_date is not _UNSET:
        if due_date is not None and not isinstance(due_date, date):
            raise TypeError("due_date must be a date or None")
        action.due_date = due_date
        fields.append("due_date")
    if fields:
        action.save(update_fields=fields)
    return action
