"""The ``ims`` console script: a thin front door onto Django's management commands.

``ims demo`` and friends are management commands; this module only picks the settings module
(dev by default, so a checkout works with no configuration) and hands over the arguments.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "extract":
        # Pure: reading and extraction need no database and no Django, unless the register's names are asked for.
        from ims.extract.cli import main as extract_main

        return extract_main(args[1:], known=_register_names() if "--register" in args[1:] else None)
    if args:
        # Commands are spelled with hyphens on the command line (ims load-reference) and with
        # underscores as Django modules (load_reference).
        args[0] = args[0].replace("-", "_")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ims.conf.dev")
    if args and args[0] == "check" and "--deploy" in args:
        os.environ["DJANGO_SETTINGS_MODULE"] = "ims.conf.production"
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ims", *args])
    return 0


def _register_names():
    """The names the register knows (unclassified records only: the command line has no user)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ims.conf.dev")
    import django

    django.setup()
    from ims.ingest.selectors import known_names

    return known_names(user=None)


if __name__ == "__main__":
    sys.exit(main())
