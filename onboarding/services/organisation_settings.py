"""The organisation's onboarding settings (reminders), changed by HR."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied

from backend.people.models import Organisation, User
from onboarding.models import OnboardingSettings


def hr_organisation(actor: User) -> Organisation:
    """The organisation an HR user works for; HR without one may not change settings (403)."""
    if actor.organisation is None:
        raise PermissionDenied(_("Only HR may do this."))
    return actor.organisation


def onboarding_settings_update(*, actor: User, **fields: Any) -> OnboardingSettings:
    """Create or update the reminder settings of the actor's organisation (HR: the API's
    permission class)."""
    organisation = hr_organisation(actor)
    settings, _created = OnboardingSettings.objects.get_or_create(organisation=organisation)
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.full_clean()
    settings.save()
    return settings
