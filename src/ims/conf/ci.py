"""Test runs: fast hashing, no debug, the database from IMS_DATABASE_URL (SQLite by default)."""

from .base import *  # noqa: F403
from .base import DATA_DIR, DATABASES

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Always strict, whatever the environment says: every read of a classified model in a test run says for
# whom (for_user, for_level, for_actor, or unrestricted() for a system job), or the test fails.
IMS_GATE_STRICT_READS = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The SQLite test database is a file, as the demo's is, not Django's default shared-cache memory database:
    # that one locks whole tables and ignores busy_timeout, so a background ingest job and the live server's
    # session save fail with "database table is locked" instead of waiting their turn as they do in use.
    # pytest-xdist gives each worker its own file (pytest-django appends the worker's name). Nothing here must
    # survive a crash, so commits skip the fsync.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test-databases" / "ims-test.sqlite3")}
    DATABASES["default"]["OPTIONS"]["init_command"] += " PRAGMA synchronous=OFF;"
    (DATA_DIR / "test-databases").mkdir(parents=True, exist_ok=True)
