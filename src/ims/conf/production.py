"""Production: refuses to start without a real secret key, and turns on the secure-transport settings."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import INSECURE_DEV_KEY, SECRET_KEY, env_bool

if not SECRET_KEY or SECRET_KEY == INSECURE_DEV_KEY:
    raise ImproperlyConfigured("IMS_SECRET_KEY must be set to a long random value in production.")

DEBUG = False
# Strict reads stay off unless IMS_GATE_STRICT_READS=true: clearance in production does not rest on them (every
# read says for whom, and the tests and the access crawl run strict), while a read that the tests never reached
# would turn into an error page for a user at work. It is a detector for development, not a lock.
STATIC_ROOT = os.environ.get("IMS_STATIC_ROOT") or str(DATA_DIR / "static")  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = env_bool("IMS_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
