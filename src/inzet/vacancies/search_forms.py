"""The search form of /vacatures/: GET parameters in Dutch, so a search URL can be shared."""

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from inzet.geo.forms import PostcodeField
from inzet.geo.models import Municipality
from inzet.organisations.models import Sector
from inzet.volunteers.constants import DAY_PARTS, DAYS, VacancyForm, slot_bit

from .selectors.search import VacancyQuery

RADIUS_CHOICES = [
    ("", _("Any distance")),
    ("5", "5 km"),
    ("10", "10 km"),
    ("25", "25 km"),
    ("50", "50 km"),
]
SUITABLE_CHOICES = [
    ("youth", _("Young people (MDT)")),
    ("newcomers", _("Newcomers, little Dutch needed")),
    ("distance_labour_market", _("People with a distance to the labour market")),
    ("55_plus", _("People over 55")),
    ("wheelchair", _("Wheelchair accessible")),
    ("no_vog", _("No VOG needed")),
]
SORT_CHOICES = [
    ("relevance", _("Best match for your search words")),
    ("distance", _("Nearest first")),
    ("newest", _("Newest first")),
    ("match", _("Best fit with your profile")),
]
ONLINE_CHOICES = [
    ("", _("Online and on location")),
    ("ja", _("Only online")),
    ("nee", _("Only on location")),
]
# The GET parameters that make up a search (what a saved search stores).
QUERY_PARAMS = (
    "q",
    "postcode",
    "afstand",
    "sector",
    "vorm",
    "gemeente",
    "uren",
    "dag",
    "dagdeel",
    "online",
    "geschikt",
    "sorteer",
)
MULTI_PARAMS = {"sector", "vorm", "geschikt"}


def search_params(data: QueryDict | dict) -> dict[str, str | list[str]]:
    """The search parameters only (no page), non-empty, as plain JSON-able data."""
    params: dict[str, str | list[str]] = {}
    for key in QUERY_PARAMS:
        if isinstance(data, QueryDict):
            values = [v for v in data.getlist(key) if v.strip()]
        else:
            raw = data.get(key, [])
            values = [v for v in (raw if isinstance(raw, list) else [raw]) if str(v).strip()]
        if not values:
            continue
        params[key] = (
            [str(v)[:100] for v in values] if key in MULTI_PARAMS else str(values[0])[:100]
        )
    return params


def params_querydict(params: dict) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, value in params.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    return query


class VacancySearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search words"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_("For example: voorlezen, tuin, taalmaatje."),
    )
    postcode = PostcodeField(
        label=_("Postcode"), required=False, help_text=_("To show how far away it is.")
    )
    afstand = forms.TypedChoiceField(
        label=_("Distance"),
        choices=RADIUS_CHOICES,
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={
            "invalid_choice": _("Choose a distance from the list: 5, 10, 25 or 50 km.")
        },
    )
    sector = forms.ModelMultipleChoiceField(
        label=_("Field of work"),
        queryset=Sector.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose a field of work from the list.")},
    )
    vorm = forms.MultipleChoiceField(
        label=_("Kind of work"),
        choices=VacancyForm.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose a kind of work from the list.")},
    )
    gemeente = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label=_("All municipalities"),
        error_messages={"invalid_choice": _("Choose a municipality from the list.")},
    )
    uren = forms.IntegerField(
        label=_("At most hours per week"),
        required=False,
        min_value=1,
        max_value=60,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": "8"}),
        error_messages={
            "invalid": _("Enter a whole number of hours, for example 4."),
            "min_value": _("Enter a number of hours from 1 to 60."),
            "max_value": _("Enter a number of hours from 1 to 60."),
        },
    )
    dag = forms.ChoiceField(
        label=_("Day"),
        choices=[("", _("Any day"))] + list(DAYS),
        required=False,
        error_messages={"invalid_choice": _("Choose a day from the list.")},
    )
    dagdeel = forms.ChoiceField(
        label=_("Part of the day"),
        choices=[("", _("Any time"))] + list(DAY_PARTS),
        required=False,
        error_messages={"invalid_choice": _("Choose a part of the day from the list.")},
    )
    online = forms.ChoiceField(
        label=_("Online or on location"),
        choices=ONLINE_CHOICES,
        required=False,
        error_messages={"invalid_choice": _("Choose an option from the list.")},
    )
    geschikt = forms.MultipleChoiceField(
        label=_("Suitable for"),
        choices=SUITABLE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose from the list.")},
    )
    sorteer = forms.ChoiceField(
        label=_("Sort by"),
        choices=SORT_CHOICES,
        required=False,
        error_messages={"invalid_choice": _("Choose a sort order from the list.")},
    )

    def __init__(self, *args, can_sort_by_match: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_sort_by_match = can_sort_by_match
        if not can_sort_by_match:
            self.fields["sorteer"].choices = [c for c in SORT_CHOICES if c[0] != "match"]
            self.fields["sorteer"].error_messages["invalid_choice"] = _(
                "Sorting by fit is possible when you are logged in and have filled in your "
                "volunteer profile. Choose another sort order."
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("afstand") and not cleaned.get("postcode") and "postcode" not in self.errors:
            self.add_error(
                "postcode",
                ValidationError(
                    _("Enter a postcode to search within %(km)s km.") % {"km": cleaned["afstand"]},
                    code="postcode_needed",
                ),
            )
        if (
            cleaned.get("sorteer") == "distance"
            and not cleaned.get("postcode")
            and "postcode" not in self.errors
        ):
            self.add_error(
                "postcode",
                ValidationError(_("Enter a postcode to sort by distance."), code="postcode_needed"),
            )
        return cleaned

    def slots(self) -> int:
        day, part = self.cleaned_data.get("dag"), self.cleaned_data.get("dagdeel")
        days = [day] if day else ([d for d, _l in DAYS] if part else [])
        parts = [part] if part else [p for p, _l in DAY_PARTS]
        mask = 0
        for d in days:
            for p in parts:
                mask |= slot_bit(d, p)
        return mask

    def to_query(self, *, page: int = 1, per_page: int = 20) -> VacancyQuery:
        d = self.cleaned_data
        return VacancyQuery(
            text=d.get("q") or "",
            postcode=d.get("postcode") or "",
            radius_km=d.get("afstand"),
            sectors=tuple(s.slug for s in d.get("sector") or ()),
            forms=tuple(d.get("vorm") or ()),
            municipality=d["gemeente"].code if d.get("gemeente") else "",
            hours_max=float(d["uren"]) if d.get("uren") else None,
            slots=self.slots(),
            online={"ja": True, "nee": False}.get(d.get("online") or ""),
            suitable=tuple(d.get("geschikt") or ()),
            sort=d.get("sorteer") or ("relevance" if d.get("q") else "newest"),
            page=page,
            per_page=per_page,
        )

    def describe(self) -> str:
        """A short name for a saved search, from what was searched."""
        d = self.cleaned_data
        parts = []
        if d.get("q"):
            parts.append(f"“{d['q']}”")
        parts.extend(str(s) for s in d.get("sector") or ())
        if d.get("postcode"):
            parts.append(
                f"{d['postcode']} + {d['afstand']} km" if d.get("afstand") else d["postcode"]
            )
        if d.get("gemeente"):
            parts.append(str(d["gemeente"]))
        return ", ".join(parts)[:150] or str(_("All volunteer work"))


def query_from_params(
    params: dict, *, can_sort_by_match: bool = True, page: int = 1, per_page: int = 20
) -> VacancyQuery | None:
    """A stored search's parameters as a VacancyQuery; None when they are no longer valid."""
    form = VacancySearchForm(params_querydict(params), can_sort_by_match=can_sort_by_match)
    if not form.is_valid():
        return None
    return form.to_query(page=page, per_page=per_page)
