"""Celery tasks of the monitoring; the beat schedule is in the settings (CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from .digest import digests_send


@shared_task(name="ims.monitoring.weekly_digest")
def weekly_digest() -> int:
    """Send the weekly digest; returns how many owners were looked at."""
    return len(digests_send())
