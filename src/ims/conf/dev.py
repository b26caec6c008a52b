"""Local development and the embedded demo (``ims demo``): the base settings, debug off like everywhere else.

Django's technical error pages list URL patterns, settings and server paths; they appear only when asked for
with ``IMS_DEBUG=true``, never by default, so a demo shows the IMS error pages a user would see.
"""

from .base import *  # noqa: F403
from .base import env_bool

# A read of a classified model that does not say for whom raises here, so a forgotten for_user() shows up
# while developing instead of as secret rows on a low-clearance screen (ims.core.gate, README "The gate").
IMS_GATE_STRICT_READS = env_bool("IMS_GATE_STRICT_READS", True)
