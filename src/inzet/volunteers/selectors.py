"""Reads for volunteer profiles, and the week grid as day-part keys."""

from collections.abc import Iterable
from typing import Any

from inzet.accounts.models import User

from .constants import DAY_PARTS, DAYS, slot_bit
from .models import Skill, VolunteerProfile

# "mon_morning" … "sun_evening", in week order: the keys forms and URLs use for the grid.
SLOT_KEYS: list[str] = [f"{day}_{part}" for day, _d in DAYS for part, _p in DAY_PARTS]


def slot_mask_from_keys(keys: Iterable[str]) -> int:
    """The bit mask of day-part keys such as "sat_morning"; unknown keys are ignored."""
    mask = 0
    for key in keys:
        day, _sep, part = key.partition("_")
        if key in SLOT_KEYS:
            mask |= slot_bit(day, part)
    return mask


def slot_keys_from_mask(mask: int) -> list[str]:
    return [key for key in SLOT_KEYS if mask & slot_bit(*key.split("_", 1))]


def skill_list() -> list[Skill]:
    return list(Skill.objects.order_by("name"))


def volunteer_profile_get(*, user: User) -> VolunteerProfile | None:
    """The person's profile, or None when they have not filled one in yet."""
    if not user.is_authenticated:
        return None
    return (
        VolunteerProfile.objects.select_related("postcode_area__municipality")
        .prefetch_related("interests", "skills")
        .filter(user=user)
        .first()
    )


def volunteer_profile_export(user: User) -> dict[str, Any]:
    """The volunteer profile as plain data for the AVG export (empty dict when none)."""
    profile = volunteer_profile_get(user=user)
    if profile is None:
        return {}
    return {
        "volunteer_profile": {
            "postcode": profile.postcode_area.pc4 if profile.postcode_area else None,
            "max_distance_km": profile.max_distance_km,
            "availability": slot_keys_from_mask(profile.availability),
            "interests": sorted(s.slug for s in profile.interests.all()),
            "skills": sorted(s.slug for s in profile.skills.all()),
            "languages": list(profile.languages),
            "dutch_level": profile.dutch_level,
            "birth_year": profile.birth_year,
            "vog": profile.vog,
            "forms": list(profile.forms),
            "updated_at": profile.updated_at.isoformat(),
        }
    }
