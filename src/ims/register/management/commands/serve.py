import os
import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Start de webinterface met gunicorn."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("IMS_BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("IMS_WORKERS", "2")))

    def handle(self, *args, bind, workers, **options):
        self.stdout.write(f"IMS draait op http://{bind}/ (stoppen met Ctrl-C)")
        self.stdout.flush()
        settings_module = os.environ.get("DJANGO_SETTINGS_MODULE", "ims.conf.dev")
        os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
        # Replace this process so that Ctrl-C and process managers talk to gunicorn directly.
        os.execv(sys.executable, [sys.executable, "-m", "gunicorn", "ims.wsgi:application", "--bind", bind,
                                  "--workers", str(workers), "--access-logfile", "-"])
