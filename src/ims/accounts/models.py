"""Users: one role each and a clearance level; what a role may do lives in ``permissions``."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from ims.core.classification import Classification


class Role(models.TextChoices):
    VIEWER = "viewer", _("raadpleger")
    ANALYST = "analyst", _("beleidsmedewerker")
    BIA_MEMBER = "bia_member", _("BIA-lid")
    ADMINISTRATOR = "administrator", _("beheerder")


class User(AbstractUser):
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.VIEWER)
    clearance = models.PositiveSmallIntegerField(
        _("screeningsniveau"), choices=Classification.choices, default=Classification.UNCLASSIFIED
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="accounts_user_role_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(clearance__lte=max(Classification.values)),
                name="accounts_user_clearance_valid",
            ),
        ]
