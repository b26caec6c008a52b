"""``ims serve`` keeps answering while slow clients hold connections open, and drops them after a deadline."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CLIENT_TIMEOUT = 2


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(port: int, path: str, timeout: float = 10) -> tuple[float, bytes]:
    """Seconds until the whole answer to one GET arrived, and the answer."""
    started = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as client:
        client.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while chunk := client.recv(65536):
            answer += chunk
    return time.perf_counter() - started, answer


@pytest.fixture
def server(tmp_path: Path):
    port = _free_port()
    env = {**os.environ, "IMS_DATA_DIR": str(tmp_path), "IMS_CLIENT_TIMEOUT": str(CLIENT_TIMEOUT),
           "DJANGO_SETTINGS_MODULE": "ims.conf.dev"}
    env.pop("IMS_DATABASE_URL", None)
    # One worker (with its default threads), so that the warm-up below reaches it: a worker's first request
    # imports the views and holds the interpreter for a second or two, which is not what this test measures.
    # One sync worker would be stalled by a single slow client.
    process = subprocess.Popen([sys.executable, "-m", "ims.cli", "serve", "--bind", f"127.0.0.1:{port}",
                                "--workers", "1"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                _get(port, "/api/v1/niets/", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("ims serve did not start") from None
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        log = process.communicate(timeout=30)[0].decode(errors="replace")
        print(log[-3000:])


def test_a_third_client_is_answered_while_two_never_finish_their_request(server):
    port = server
    slow = [socket.create_connection(("127.0.0.1", port)) for _ in range(2)]
    try:
        for connection in slow:
            connection.sendall(b"GET /api/v1/partners/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: ")  # and no more
        sent = time.perf_counter()
        time.sleep(0.5)  # both are in the server's hands now
        took, answer = _get(port, "/api/v1/niets/")
        assert answer.startswith(b"HTTP/1.1 404")
        assert json.loads(answer.split(b"\r\n\r\n", 1)[1]) == {"detail": "Niet gevonden."}
        assert took < 1, f"the third client waited {took:.2f} s"
        print(f"third client answered in {took * 1000:.0f} ms with two slow clients connected")

        # The slow ones lose their connection after the deadline rather than keep a thread for ever (gunicorn's
        # sync worker held them until its 30 s worker timeout).
        for connection in slow:
            connection.settimeout(30)
            assert connection.recv(1024) == b""
            closed = time.perf_counter() - sent
            assert closed < CLIENT_TIMEOUT + 1.5
            print(f"slow client closed after {closed:.1f} s")
    finally:
        for connection in slow:
            connection.close()


def test_a_request_the_server_cannot_read_is_refused_in_json(server):
    _took, answer = _get(server, "/api/v1/initiatives/?q=" + "x" * 5000)
    head, body = answer.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 414")
    assert b"Content-Type: application/json" in head
    assert json.loads(body) == {"detail": "Het adres (URL) is te lang."}
