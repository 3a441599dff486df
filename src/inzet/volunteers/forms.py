from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.core.forms import HelpfulRequiredMessages
from inzet.geo.forms import PostcodeField
from inzet.organisations.models import Sector

from .constants import DAY_PARTS, DAYS, DutchLevel, VacancyForm, VogStatus
from .models import Skill, VolunteerProfile
from .selectors import SLOT_KEYS, slot_keys_from_mask
from .services import LANGUAGES, MAX_DISTANCE_KM, VolunteerProfileData


def slot_choices() -> list[tuple[str, str]]:
    return [
        (f"{day}_{part}", f"{day_label} {part_label}")
        for day, day_label in DAYS
        for part, part_label in DAY_PARTS
    ]


class VolunteerProfileForm(HelpfulRequiredMessages, forms.Form):
    postcode = PostcodeField(
        label=_("Postcode"),
        required=False,
        must_exist=False,  # the service checks it, with the same message
        help_text=_("We use it to show how far away volunteer work is. For example 3511 AB."),
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
    availability = forms.MultipleChoiceField(
        label=_("When are you available?"),
        required=False,
        choices=slot_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick the parts of the week when you could volunteer."),
    )
    interests = forms.ModelMultipleChoiceField(
        label=_("What interests you?"),
        queryset=Sector.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("What are you good at?"),
        queryset=Skill.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Which languages do you speak?"),
        choices=LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    dutch_level = forms.TypedChoiceField(
        label=_("How well do you speak Dutch?"),
        choices=DutchLevel.choices,
        coerce=int,
        initial=DutchLevel.GOOD,
        widget=forms.RadioSelect,
        help_text=_("Many organisations welcome volunteers who are still learning Dutch."),
    )
    birth_year = forms.IntegerField(
        label=_("Year of birth"),
        required=False,
        error_messages={"invalid": _("Enter your year of birth as four digits, like 1990.")},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "size": "8", "autocomplete": "bday-year"}
        ),
        help_text=_("Some work has a minimum age. You can volunteer from 14 years."),
    )
    vog = forms.ChoiceField(
        label=_("Certificate of good conduct (VOG)"),
        choices=VogStatus.choices,
        initial=VogStatus.NO,
        widget=forms.RadioSelect,
        help_text=_("Some work, for example with children, needs a VOG. It is often free."),
    )
    work_forms = forms.MultipleChoiceField(
        label=_("What kind of volunteer work do you want?"),
        choices=VacancyForm.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    @staticmethod
    def initial_for(profile: VolunteerProfile | None) -> dict:
        if profile is None:
            return {}
        return {
            "postcode": profile.postcode_area.pc4 if profile.postcode_area else "",
            "max_distance_km": profile.max_distance_km,
            "availability": slot_keys_from_mask(profile.availability),
            "interests": list(profile.interests.all()),
            "skills": list(profile.skills.all()),
            "languages": profile.languages,
            "dutch_level": profile.dutch_level,
            "birth_year": profile.birth_year,
            "vog": profile.vog,
            "work_forms": profile.forms,
        }

    def to_data(self) -> VolunteerProfileData:
        d = self.cleaned_data
        return VolunteerProfileData(
            postcode=d["postcode"] or "",
            max_distance_km=d["max_distance_km"],
            availability=tuple(d["availability"]),
            interests=tuple(d["interests"]),
            skills=tuple(d["skills"]),
            languages=tuple(d["languages"]),
            dutch_level=d["dutch_level"],
            birth_year=d["birth_year"],
            vog=d["vog"],
            forms=tuple(d["work_forms"]),
        )

    def availability_grid(self) -> list[dict]:
        """Rows for the week-grid table: one per day, a checkbox per day part."""
        value = self["availability"].value() or []
        field_id = self["availability"].auto_id
        rows = []
        for day, day_label in DAYS:
            cells = []
            for part, part_label in DAY_PARTS:
                key = f"{day}_{part}"
                cells.append(
                    {
                        "key": key,
                        "id": f"{field_id}_{SLOT_KEYS.index(key)}",
                        "label": f"{day_label} {part_label}",
                        "checked": key in value,
                    }
                )
            rows.append({"label": day_label, "cells": cells})
        return rows

    @staticmethod
    def day_parts() -> list[str]:
        return [label for _key, label in DAY_PARTS]
