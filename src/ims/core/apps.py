from axes import apps as axes_apps
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

# What an empty select shows, instead of Django's "---------": readable in Dutch (and English).
EMPTY_CHOICE_LABEL = _("(geen keuze)")


class CoreConfig(AppConfig):
    # Said outright: Django picks a module's default config only when there is no doubt which one it is.
    default = True
    name = "ims.core"
    label = "core"
    verbose_name = _("Kern")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the audit receivers)


def _label_empty_choices() -> None:
    """Give Django's empty select option IMS's label everywhere: model forms, the admin and its action menu.

    Django writes "---------" in two places, both module-level defaults that every form reads when it is
    built: the list ``BLANK_CHOICE_DASH`` (choices of model fields, the admin's actions) and the default of
    ``ModelChoiceField(empty_label=...)`` (foreign keys). Changing the defaults themselves reaches every form,
    the admin's included, where setting a label per form would miss the ones nobody thought of.
    """
    from django.db.models import fields
    from django.forms import ModelChoiceField

    fields.BLANK_CHOICE_DASH[:] = [("", EMPTY_CHOICE_LABEL)]
    ModelChoiceField.__init__.__kwdefaults__["empty_label"] = EMPTY_CHOICE_LABEL


class IMSAdminConfig(admin_apps.AdminConfig):
    """Django's admin on IMS's site, which asks the permissions matrix who may administer."""

    default = False  # named in INSTALLED_APPS by its full path; "ims.core" stays CoreConfig
    default_site = "ims.core.admin.IMSAdminSite"

    def ready(self) -> None:
        # The admin is the first app to be made ready, so this runs before it (or anything else) builds a form.
        _label_empty_choices()
        super().ready()


class AxesConfig(axes_apps.AppConfig):
    """django-axes (login throttling) under a Dutch name in the admin; the app and its tables stay "axes"."""

    default = False
    verbose_name = _("Aanmeldbeveiliging")

    def ready(self) -> None:
        super().ready()
        # axes names its records in English ("Access Log for beheerder @ 2026-12-06 11:47:35.547809+00:00"), and
        # the admin shows that name in titles, breadcrumbs and the labels of its checkboxes: say it in Dutch.
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        AccessAttempt.__str__ = lambda self: _("Aanmeldpoging op %(when)s") % {"when": _when(self.attempt_time)}
        AccessFailureLog.__str__ = lambda self: _("Mislukte aanmelding van %(user)s op %(when)s") % {
            "user": self.username, "when": _when(self.attempt_time)}
        AccessLog.__str__ = lambda self: _("Aanmelding van %(user)s op %(when)s") % {
            "user": self.username, "when": _when(self.attempt_time)}


def _when(moment) -> str:
    return date_format(localtime(moment), "DATETIME_FORMAT") if moment else "–"
