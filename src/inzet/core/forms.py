from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting


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
