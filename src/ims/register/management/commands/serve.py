import os
import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Start de webinterface met gunicorn."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("IMS_BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("IMS_WORKERS", "2")))
        parser.add_argument("--threads", type=int, default=int(os.environ.get("IMS_THREADS", "4")),
                            help="Draden per worker; samen het aantal verzoeken dat tegelijk wordt afgehandeld.")

    def handle(self, *args, bind, workers, threads, **options):
        self.stdout.write(f"IMS draait op http://{bind}/ (stoppen met Ctrl-C)")
        self.stdout.flush()
        settings_module = os.environ.get("DJANGO_SETTINGS_MODULE", "ims.conf.dev")
        os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
        # Replace this process so that Ctrl-C and process managers talk to gunicorn directly. The worker is
        # gunicorn's threaded one with a deadline on every client (ims.serving): a slow client holds a thread
        # for at most IMS_CLIENT_TIMEOUT seconds, and never a whole worker. --timeout restarts a worker whose
        # heartbeat stops (a request stuck for two minutes); --keep-alive lets a browser reuse its connection.
        # gunicorn's control socket (a management interface IMS does not use) is off: it lives at one path per
        # machine user, so two instances side by side would take it from each other.
        os.execv(sys.executable, [
            sys.executable, "-m", "gunicorn", "ims.wsgi:application", "--bind", bind,
            "--worker-class", "ims.serving.Worker", "--workers", str(workers), "--threads", str(threads),
            "--timeout", "120", "--graceful-timeout", "30", "--keep-alive", "5", "--no-control-socket",
            "--access-logfile", "-",
        ])
