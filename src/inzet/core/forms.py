from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext


class InzetFormRenderer(TemplatesSetting):
    """Render every form and field through our accessible NL Design System templates."""

    form_template_name = "components/form_fields.html"
    field_template_name = "components/field.html"


def form_add_validation_error(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: per field where it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class HelpfulRequiredMessages:
    """Say what to do when a required field is empty, and name the field.

    Django's "This field is required." says neither, which is hard to act on in the error
    summary at the top of the page.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = forms.Field.default_error_messages["required"]
        for field in self.fields.values():
            if not field.label or str(field.error_messages.get("required")) != str(default):
                continue
            if isinstance(field, forms.BooleanField):
                continue
            label = str(field.label)
            if isinstance(field, forms.ChoiceField):
                message = gettext("Make a choice for “%(label)s”.") % {"label": label}
            else:
                message = gettext("Fill in “%(label)s”.") % {"label": label}
            field.error_messages["required"] = message
