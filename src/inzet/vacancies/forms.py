"""Forms of the organisation and centre pages (vacancy form, response status, centre
settings and review). Services validate the rules; forms only parse what was typed."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from inzet.core.forms import HelpfulRequiredMessages
from inzet.organisations.models import Sector
from inzet.volunteers.constants import DAY_PARTS, DAYS, DutchLevel, VacancyForm, slot_bit
from inzet.volunteers.models import Skill

from .constants import ResponseStatus
from .models import Vacancy
from .services.centre import MAX_WARNING_DAYS, MIN_WARNING_DAYS
from .services.lifecycle import VacancyData
from .services.responses import ORGANISATION_STATUSES

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
DATE_HELP = _("For example 31-12-2025.")


def _date_field(label, help_text=DATE_HELP):
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Fill in a date like 31-12-2025.")},
    )


SLOT_CHOICES = [(f"{day}_{part}", f"{day_label} {part_label}") for day, day_label in DAYS
                for part, part_label in DAY_PARTS]  # fmt: skip


def schedule_to_slots(schedule: int) -> list[str]:
    return [
        f"{day}_{part}"
        for day, _day_label in DAYS
        for part, _part_label in DAY_PARTS
        if schedule & slot_bit(day, part)
    ]


def slots_to_schedule(slots: list[str]) -> int:
    schedule = 0
    for slot in slots:
        day, part = slot.split("_", 1)
        schedule |= slot_bit(day, part)
    return schedule


class HoursField(forms.DecimalField):
    """Hours as people type them: "2,5" and "2.5" are both two and a half."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


class VacancyEditForm(HelpfulRequiredMessages, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=150)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What is the work about, and why does it matter? Write short sentences."),
    )
    tasks = forms.CharField(
        label=_("Tasks"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=Sector.objects.order_by("name"), empty_label=_("Choose…")
    )
    form = forms.ChoiceField(
        label=_("Kind of volunteer work"), choices=VacancyForm.choices, widget=forms.RadioSelect
    )
    is_online = forms.BooleanField(label=_("This work is done online"), required=False)
    postcode = forms.CharField(
        label=_("Postcode where the work takes place"),
        max_length=8,
        required=False,
        help_text=_("For example 3511 AB or 3511. Leave empty for online work."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "size": "8"}),
    )
    hours_per_week = HoursField(
        label=_("Hours per week"),
        required=False,
        max_digits=4,
        decimal_places=1,
        help_text=_("About how many hours per week, for example 4 or 2.5."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": "8"}),
        error_messages={
            "invalid": _("Fill in a number of hours, like 4 or 2.5."),
            "max_digits": _("Fill in a number of hours per week from 0 to 80."),
            "max_whole_digits": _("Fill in a number of hours per week from 0 to 80."),
            "max_decimal_places": _("Use at most one decimal, like 2.5."),
        },
    )
    schedule = forms.MultipleChoiceField(
        label=_("When"),
        required=False,
        choices=SLOT_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick the day parts when the work is done. Tick nothing if by agreement."),
    )
    starts_on = _date_field(_("Starts on"))
    ongoing = forms.BooleanField(label=_("Ongoing, no end date"), required=False)
    ends_on = _date_field(_("Ends on"))
    min_age = forms.IntegerField(
        label=_("Minimum age"),
        required=False,
        help_text=_("Leave empty or 0 when any age is welcome."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": "8"}),
        error_messages={"invalid": _("Fill in an age in whole years, like 16.")},
    )
    vog_required = forms.BooleanField(
        label=_("A certificate of conduct (VOG) is required"), required=False
    )
    dutch_level_needed = forms.TypedChoiceField(
        label=_("Level of Dutch needed"),
        choices=DutchLevel.choices,
        coerce=int,
        initial=DutchLevel.NONE,
        widget=forms.RadioSelect,
    )
    suitable_youth = forms.BooleanField(label=_("Suitable for young people (MDT)"), required=False)
    suitable_newcomers = forms.BooleanField(
        label=_("Suitable for newcomers (little Dutch needed)"), required=False
    )
    suitable_distance_labour_market = forms.BooleanField(
        label=_("Suitable for people with a distance to the labour market"), required=False
    )
    suitable_55_plus = forms.BooleanField(label=_("Suitable for people over 55"), required=False)
    wheelchair_accessible = forms.BooleanField(label=_("Wheelchair accessible"), required=False)
    training_offered = forms.BooleanField(label=_("We offer training"), required=False)
    expense_allowance = forms.CharField(
        label=_("Expense allowance"),
        required=False,
        max_length=200,
        help_text=_("For example: travel costs are paid."),
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("Skills that help"),
        queryset=Skill.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    contact_name = forms.CharField(
        label=_("Contact person"),
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_email = forms.EmailField(
        label=_("E-mail address of the contact person"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Fill in an e-mail address like name@example.org.")},
    )
    expires_on = _date_field(
        _("Visible until"),
        help_text=_("After this date the vacancy disappears from search. For example 31-12-2025."),
    )

    def day_grid(self):
        """Rows of (day label, [(part label, checkbox subwidget), …]) for the week table."""
        subwidgets = {sw.data["value"]: sw for sw in self["schedule"]}
        return [
            (
                day_label,
                [(part_label, subwidgets[f"{day}_{part}"]) for part, part_label in DAY_PARTS],
            )
            for day, day_label in DAYS
        ]

    @staticmethod
    def initial_for(vacancy: Vacancy) -> dict:
        initial = {
            name: getattr(vacancy, name)
            for name in VacancyData.__dataclass_fields__
            if name not in {"postcode", "skills", "schedule"}
        }
        initial["postcode"] = vacancy.postcode_area_id or ""
        initial["schedule"] = schedule_to_slots(vacancy.schedule)
        initial["skills"] = list(vacancy.skills.all())
        initial["ongoing"] = vacancy.ends_on is None and vacancy.pk is not None
        return initial

    def to_data(self) -> VacancyData:
        data = self.cleaned_data
        return VacancyData(
            title=data["title"],
            description=data["description"],
            tasks=data["tasks"],
            sector=data["sector"],
            form=data["form"],
            is_online=data["is_online"],
            postcode="" if data["is_online"] else data["postcode"],
            hours_per_week=data["hours_per_week"],
            schedule=slots_to_schedule(data["schedule"]),
            starts_on=data["starts_on"],
            ends_on=None if data["ongoing"] else data["ends_on"],
            min_age=data["min_age"] or 0,
            vog_required=data["vog_required"],
            dutch_level_needed=data["dutch_level_needed"],
            suitable_youth=data["suitable_youth"],
            suitable_newcomers=data["suitable_newcomers"],
            suitable_distance_labour_market=data["suitable_distance_labour_market"],
            suitable_55_plus=data["suitable_55_plus"],
            wheelchair_accessible=data["wheelchair_accessible"],
            training_offered=data["training_offered"],
            expense_allowance=data["expense_allowance"],
            skills=list(data["skills"]),
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            expires_on=data["expires_on"],
        )


class ResponseStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[(s.value, s.label) for s in ResponseStatus if s in ORGANISATION_STATUSES],
        error_messages={
            "required": _("Choose a new status."),
            "invalid_choice": _("Choose a new status."),
        },
    )


class CentrePolicyForm(HelpfulRequiredMessages, forms.Form):
    requires_approval = forms.BooleanField(
        label=_("New vacancies in our area wait for our approval before they are published"),
        required=False,
    )
    unanswered_warning_days = forms.IntegerField(
        label=_("Warn us when a response is unanswered for this many working days"),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": "8"}),
        error_messages={"invalid": _("Fill in a whole number of working days, like 5.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unanswered_warning_days"].help_text = gettext(
            "A number from %(min)s to %(max)s. Saturdays and Sundays do not count."
        ) % {"min": MIN_WARNING_DAYS, "max": MAX_WARNING_DAYS}


class VacancyReviewForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for not approving"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you do not approve. The organisation receives it by e-mail."),
    )
