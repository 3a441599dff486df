"""Forms of the shift pages. Services check the rules; forms only parse what was typed."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inzet.core.forms import HelpfulRequiredMessages
from inzet.volunteers.models import Skill

from .constants import Attendance
from .models import Shift, ShiftSignup
from .services import MAX_CANCEL_DEADLINE_HOURS, AttendanceEntry, ShiftData

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
TIME_INPUT_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S"]


class HoursField(forms.DecimalField):
    """Hours as people type them: "2,5" and "2.5" are both two and a half."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


class ShiftPlanForm(HelpfulRequiredMessages, forms.Form):
    cancel_deadline_hours = forms.IntegerField(
        label=_("Volunteers can cancel until this many hours before the start"),
        min_value=0,
        max_value=MAX_CANCEL_DEADLINE_HOURS,
        initial=24,
        help_text=_(
            "After that, only you can take someone off the list. 0 means: until the start."
        ),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class ShiftForm(HelpfulRequiredMessages, forms.Form):
    title = forms.CharField(
        label=_("Task"),
        max_length=150,
        required=False,
        help_text=_("For example “Setting up” or “Bar”. Leave empty when all shifts are alike."),
    )
    date = forms.DateField(
        label=_("Date"),
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Fill in a date like 31-12-2027.")},
    )
    start_time = forms.TimeField(
        label=_("Start time"),
        input_formats=TIME_INPUT_FORMATS,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Fill in a time like 09:30.")},
    )
    end_time = forms.TimeField(
        label=_("End time"),
        input_formats=TIME_INPUT_FORMATS,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("A shift that goes on after midnight ends the next day."),
        error_messages={"invalid": _("Fill in a time like 17:00.")},
    )
    place = forms.CharField(
        label=_("Place"), max_length=200, help_text=_("Address or meeting point.")
    )
    capacity = forms.IntegerField(
        label=_("Number of places"),
        min_value=1,
        max_value=1000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    required_skill = forms.ModelChoiceField(
        label=_("Required skill"),
        queryset=Skill.objects.order_by("name"),
        required=False,
        empty_label=_("No skill needed"),
    )
    min_age = forms.IntegerField(
        label=_("Minimum age"),
        min_value=0,
        max_value=100,
        required=False,
        help_text=_("Leave empty when there is no minimum age."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    @staticmethod
    def initial_for(shift: Shift) -> dict:
        start, end = timezone.localtime(shift.starts_at), timezone.localtime(shift.ends_at)
        return {
            "title": shift.title,
            "date": start.date(),
            "start_time": start.time().replace(second=0, microsecond=0),
            "end_time": end.time().replace(second=0, microsecond=0),
            "place": shift.place,
            "capacity": shift.capacity,
            "required_skill": shift.required_skill,
            "min_age": shift.min_age or None,
        }

    def to_data(self) -> ShiftData:
        data = self.cleaned_data
        zone = ZoneInfo(settings.TIME_ZONE)
        starts_at = datetime.datetime.combine(data["date"], data["start_time"], tzinfo=zone)
        end_date = data["date"]
        if data["end_time"] <= data["start_time"]:  # goes on after midnight
            end_date += datetime.timedelta(days=1)
        ends_at = datetime.datetime.combine(end_date, data["end_time"], tzinfo=zone)
        return ShiftData(
            starts_at=starts_at,
            ends_at=ends_at,
            place=data["place"],
            capacity=data["capacity"],
            title=data.get("title") or "",
            required_skill=data.get("required_skill"),
            min_age=data.get("min_age") or 0,
        )


ATTENDANCE_CHOICES = [("", _("Not marked yet")), *Attendance.choices]


class AttendanceForm(forms.Form):
    """One "came / did not come" choice and the hours for each person with a place."""

    def __init__(self, *args, signups: list[ShiftSignup], default_hours: Decimal, **kwargs):
        super().__init__(*args, **kwargs)
        self.signups = signups
        for index, signup in enumerate(signups):
            name = signup.volunteer.display_name if signup.volunteer else _("Removed user")
            self.fields[f"attendance_{index}"] = forms.ChoiceField(
                label=_("Did %(name)s come?") % {"name": name},
                choices=ATTENDANCE_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                initial=signup.attendance,
            )
            self.fields[f"hours_{index}"] = HoursField(
                label=_("Hours of %(name)s") % {"name": name},
                required=False,
                min_value=0,
                max_value=24,
                decimal_places=2,
                help_text=_("Empty: the length of the shift (%(hours)s hours).")
                % {"hours": default_hours.normalize()},
                initial=signup.hours,
                widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 5}),
                error_messages={"invalid": _("Fill in a number of hours, like 3,5.")},
            )

    def to_entries(self) -> list[AttendanceEntry]:
        return [
            AttendanceEntry(
                signup=signup,
                attendance=self.cleaned_data.get(f"attendance_{index}") or "",
                hours=self.cleaned_data.get(f"hours_{index}"),
            )
            for index, signup in enumerate(self.signups)
        ]
