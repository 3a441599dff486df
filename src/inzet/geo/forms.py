from django import forms

from .models import PostcodeArea
from .postcodes import Postcode, postcode_parse
from .selectors import postcode_area_get


class PostcodeField(forms.CharField):
    """A Dutch postcode; cleans to the normalised text ("3511 AB" or "3511").

    With ``must_exist`` the PC4 must be one we know, so a municipality can be derived.
    """

    def __init__(self, *, must_exist: bool = True, **kwargs):
        self.must_exist = must_exist
        kwargs.setdefault("max_length", 8)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"autocomplete": "postal-code", "inputmode": "text", "size": "8"})
        return attrs

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return value
        parsed: Postcode = postcode_parse(value)
        if self.must_exist:
            postcode_area_get(postcode=parsed.digits)
        return str(parsed)


def postcode_area_for(value: str) -> PostcodeArea | None:
    """The PC4 area of a cleaned postcode value, or None for an empty one."""
    return postcode_area_get(postcode=value) if value else None
