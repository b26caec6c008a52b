"""The gunicorn worker ``ims serve`` runs: threads that a slow client cannot hold, and errors in JSON.

gunicorn's default worker (sync) serves one connection at a time and reads each request to the end before
looking at the next, so two clients that open a connection and never finish their request stall two sync
workers for the whole worker timeout. This worker is gunicorn's threaded one (gthread): the main thread
accepts and polls connections, a pool of threads serves them, and an idle connection waits in the poller
without holding a thread. On top of that, every read from and write to a client has a deadline
(``IMS_CLIENT_TIMEOUT`` seconds, default 10): a client that sends half a request and stops loses its thread
after that time, instead of keeping it for as long as it likes, and its connection is closed at once (not with
gthread's lingering close, which would hold up the accepting thread for two seconds per slow client).

In production IMS runs behind a reverse proxy (nginx, Apache) that buffers each request completely before
passing it on; that is the real protection against many slow clients (see docs/beheerdershandleiding.md).
The deadline here is the second line, and the only one for the embedded ``make demo``.

gunicorn answers a request it cannot parse (a URL longer than 4094 bytes, a broken header line) itself, with
an HTML page in English; this worker sends JSON with a Dutch message instead, like every other error of the
API.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import socket
from http import HTTPStatus

from gunicorn import util
from gunicorn.workers.gthread import TConn, ThreadWorker

CLIENT_TIMEOUT = float(os.environ.get("IMS_CLIENT_TIMEOUT", "10"))


class _DeadlineSocket(socket.socket):
    """A client socket that remembers whether a read ran out of time."""

    timed_out = False

    def recv(self, *args) -> bytes:
        try:
            return super().recv(*args)
        except TimeoutError:
            self.timed_out = True
            raise


class _DeadlineConn(TConn):
    """A connection whose every blocking read and write gives up after ``CLIENT_TIMEOUT`` seconds.

    gthread puts the socket in blocking mode (no deadline) each time a thread takes the connection up, and then
    calls ``init()``; so the deadline is set there, every time.
    """

    def init(self) -> None:
        super().init()
        self.sock.settimeout(CLIENT_TIMEOUT)


class _SlowClientLog(logging.Filter):
    """gthread logs a read that timed out as an unexpected socket error with a traceback; it is a client that
    was too slow, one line is enough."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], TimeoutError):
            record.msg = "Verbinding gesloten: de client was na %s s nog niet klaar met zijn verzoek."
            record.args = (CLIENT_TIMEOUT,)
            record.exc_info = record.exc_text = None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


class _Capture:
    """Stands in for the client's socket while gunicorn writes its own error page, to learn its status."""

    def __init__(self) -> None:
        self.written = b""

    def gettimeout(self) -> float:
        return 0.0

    def setblocking(self, flag: bool) -> None:
        pass

    def sendall(self, data: bytes) -> None:
        self.written += data


class Worker(ThreadWorker):
    def init_process(self) -> None:
        self.log.error_log.addFilter(_SlowClientLog())
        super().init_process()

    def accept(self, listener) -> None:
        # gthread's accept, with a connection that has a deadline.
        try:
            client_sock, client_addr = listener.accept()
            self.nr_conns += 1
            client_sock = _DeadlineSocket(fileno=client_sock.detach())
            client_sock.setblocking(True)
            self.enqueue_req(_DeadlineConn(self.cfg, client_sock, client_addr, listener.getsockname()))
        except OSError as e:
            if e.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise

    def finish_request(self, conn, fs) -> None:
        # gthread closes a finished connection gracefully: it lingers up to 2 s, in the main thread, for the
        # client to close its side. A client that ran out of time has no answer to protect, and lingering on
        # one slow client after another would stall the thread that accepts everyone else.
        if getattr(conn.sock, "timed_out", False):
            self.nr_conns -= 1
            util.close(conn.sock)
            return
        super().finish_request(conn, fs)

    def handle_error(self, req, client, addr, exc) -> None:
        # gunicorn decides the status and logs the error; its HTML page is replaced by JSON.
        page = _Capture()
        super().handle_error(req, page, addr, exc)
        try:
            status = int(page.written.split(b" ", 2)[1])
        except (IndexError, ValueError):
            status = 500
        body = json.dumps({"detail": _message(status, req)}).encode()
        head = (f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\nConnection: close\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
        try:
            util.write_nonblock(client, head.encode("latin-1") + body)
        except Exception:
            self.log.debug("Failed to send error message.")


def _message(status: int, req) -> str:
    """The API's message for the status, in English if the request got far enough to ask for it."""
    from django.utils import translation

    from ims.api.exceptions import status_message

    asked = dict((name.lower(), value) for name, value in getattr(req, "headers", None) or [])
    language = "en" if asked.get("accept-language", "").lower().startswith("en") else "nl"
    with translation.override(language):
        return status_message(status)
