"""Local development and the embedded demo (``ims demo``): the base settings, debug off like everywhere else.

Django's technical error pages list URL patterns, settings and server paths; they appear only when asked for
with ``IMS_DEBUG=true``, never by default, so a demo shows the IMS error pages a user would see.
"""

from .base import *  # noqa: F403
