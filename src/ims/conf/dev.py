"""Local development and the embedded demo: DEBUG on unless the environment says otherwise."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("IMS_DEBUG", True)
