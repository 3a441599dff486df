from datetime import datetime, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inzet.core.forms import HelpfulRequiredMessages
from inzet.geo.forms import PostcodeField
from inzet.volunteers.forms import VolunteerProfileForm, slot_choices
from inzet.volunteers.models import Skill, VolunteerProfile
from inzet.volunteers.selectors import slot_keys_from_mask, slot_mask_from_keys
from inzet.volunteers.services import MAX_DISTANCE_KM

from .models import PoolMembership
from .services import MAX_MIN_AGE, MAX_PLACES


class PoolForm(HelpfulRequiredMessages, forms.Form):
    name = forms.CharField(label=_("Name of the pool"), max_length=150)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What kind of urgent help do you ask for, and how often?"),
    )
    is_active = forms.BooleanField(
        label=_("Open for new members"), required=False, initial=True
    )


class PoolJoinForm(HelpfulRequiredMessages, forms.Form):
    """When you can usually be called, how far you travel, from where."""

    availability = forms.MultipleChoiceField(
        label=_("When can you usually be called?"),
        choices=slot_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick the parts of the week when you could come at short notice."),
        error_messages={
            "required": _("Tick at least one part of the week when you can be called.")
        },
    )
    max_distance_km = forms.IntegerField(
        label=_("How far will you travel? (km)"),
        min_value=1,
        max_value=MAX_DISTANCE_KM,
        initial=10,
        error_messages={
            "min_value": _("Choose a distance from 1 to 100 km."),
            "max_value": _("Choose a distance from 1 to 100 km."),
            "invalid": _("Enter a whole number of kilometres, for example 10."),
            "required": _("Enter how many kilometres you will travel, for example 10."),
        },
        widget=forms.NumberInput(attrs={"size": "8", "inputmode": "numeric"}),
    )
    postcode = PostcodeField(
        label=_("Postcode"),
        must_exist=False,  # the service checks it, with the same message
        help_text=_("We measure the distance from here. For example 3511 AB."),
    )

    # The week grid markup of the volunteer profile form.
    availability_grid = VolunteerProfileForm.availability_grid
    day_parts = staticmethod(VolunteerProfileForm.day_parts)

    @staticmethod
    def initial_for(
        *, membership: PoolMembership | None, profile: VolunteerProfile | None
    ) -> dict:
        if membership is not None:
            return {
                "availability": slot_keys_from_mask(membership.availability),
                "max_distance_km": membership.max_distance_km,
                "postcode": membership.postcode_area.pc4,
            }
        if profile is not None:
            return {
                "availability": slot_keys_from_mask(profile.availability),
                "max_distance_km": profile.max_distance_km,
                "postcode": profile.postcode_area.pc4 if profile.postcode_area else "",
            }
        return {}

    def to_kwargs(self) -> dict:
        d = self.cleaned_data
        return {
            "availability": slot_mask_from_keys(d["availability"]),
            "max_distance_km": d["max_distance_km"],
            "postcode": d["postcode"],
        }


class RequestForm(HelpfulRequiredMessages, forms.Form):
    """An urgent request: what, when, where, how many people, requirements."""

    title = forms.CharField(
        label=_("What is the help for?"),
        max_length=150,
        help_text=_("For example: sandbags at the dike, or drivers for the food bank."),
    )
    description = forms.CharField(
        label=_("More information"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What will people do, what should they bring, who do they report to?"),
    )
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a date like 31-12-2026.")},
    )
    start_time = forms.TimeField(
        label=_("Start time"),
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={"invalid": _("Enter a time like 14:30.")},
    )
    end_time = forms.TimeField(
        label=_("End time"),
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=_("An end time before the start time means the next day."),
        error_messages={"invalid": _("Enter a time like 17:00.")},
    )
    place = forms.CharField(
        label=_("Address or meeting point"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    postcode = PostcodeField(
        label=_("Postcode"),
        must_exist=False,  # the service checks it
        help_text=_("We ask the members who live close enough to this postcode."),
    )
    places = forms.IntegerField(
        label=_("How many people do you need?"),
        min_value=1,
        max_value=MAX_PLACES,
        error_messages={
            "min_value": _("Ask for 1 to 500 people."),
            "max_value": _("Ask for 1 to 500 people."),
            "invalid": _("Enter a whole number, for example 5."),
        },
        widget=forms.NumberInput(attrs={"size": "6", "inputmode": "numeric"}),
    )
    required_skill = forms.ModelChoiceField(
        label=_("Skill needed"),
        queryset=Skill.objects.order_by("name"),
        required=False,
        empty_label=_("No special skill"),
    )
    min_age = forms.IntegerField(
        label=_("Minimum age"),
        required=False,
        min_value=0,
        max_value=MAX_MIN_AGE,
        help_text=_("Leave empty when any age is fine."),
        error_messages={
            "min_value": _("Enter an age from 0 to 99."),
            "max_value": _("Enter an age from 0 to 99."),
            "invalid": _("Enter an age as a whole number, for example 18."),
        },
        widget=forms.NumberInput(attrs={"size": "6", "inputmode": "numeric"}),
    )
    vog_required = forms.BooleanField(label=_("A VOG is required"), required=False)
    keep_reserve_list = forms.BooleanField(
        label=_("Put people who answer after it is full on a reserve list"),
        required=False,
        initial=True,
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start is not None and start == end:
            self.add_error("end_time", _("The end must be after the start."))
        return cleaned

    def to_kwargs(self) -> dict:
        d = self.cleaned_data
        tz = timezone.get_current_timezone()
        starts_at = timezone.make_aware(datetime.combine(d["date"], d["start_time"]), tz)
        end_date = d["date"] if d["end_time"] > d["start_time"] else d["date"] + timedelta(days=1)
        ends_at = timezone.make_aware(datetime.combine(end_date, d["end_time"]), tz)
        return {
            "title": d["title"],
            "description": d["description"],
            "starts_at": starts_at,
            "ends_at": ends_at,
            "place": d["place"],
            "postcode": d["postcode"],
            "places": d["places"],
            "required_skill": d["required_skill"],
            "min_age": d["min_age"] or 0,
            "vog_required": d["vog_required"],
            "keep_reserve_list": d["keep_reserve_list"],
        }


class PlacesForm(HelpfulRequiredMessages, forms.Form):
    places = forms.IntegerField(
        label=_("Number of people needed"),
        min_value=1,
        max_value=MAX_PLACES,
        help_text=_("More places: people on the reserve list are confirmed in order."),
        error_messages={
            "min_value": _("Ask for 1 to 500 people."),
            "max_value": _("Ask for 1 to 500 people."),
            "invalid": _("Enter a whole number, for example 5."),
        },
        widget=forms.NumberInput(attrs={"size": "6", "inputmode": "numeric"}),
    )
