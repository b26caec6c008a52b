"""The Celery application for server deployments (IMS_TASKS=celery); the broker is Redis."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ims.conf.dev")

app = Celery("ims")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
