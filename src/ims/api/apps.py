from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "ims.api"
    label = "api"
    verbose_name = _("API")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (audits API tokens however they are made)
