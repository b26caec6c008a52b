from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ims.core"
    label = "core"
    verbose_name = _("Kern")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the audit receivers)


class IMSAdminConfig(admin_apps.AdminConfig):
    """Django's admin on IMS's site, which asks the permissions matrix who may administer."""

    default = False  # named in INSTALLED_APPS by its full path; "ims.core" stays CoreConfig
    default_site = "ims.core.admin.IMSAdminSite"
