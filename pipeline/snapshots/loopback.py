"""A threaded HTTP server on a loopback port, run as a context manager: the one
lifecycle of the snapshot sites' server and of the tests' fault and archive servers."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietThreadingServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # a crawl opens many connections at once

    def handle_error(self, request, client_address):
        pass  # clients hang up mid-answer (timeouts, truncation tests): not the server's fault


class LoopbackServer:
    """Subclasses set ``handler`` (a request handler class; each request reaches its
    server as ``self.owner``) and may build their content in ``prepare`` before the
    first request, so that a slow build never looks like a slow server."""

    handler: type[BaseHTTPRequestHandler]
    thread_name = "loopback-server"

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self.host = host
        self._port = port
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def prepare(self) -> None:
        pass

    def start(self):
        if self._httpd is not None:
            return self
        self.prepare()
        handler = type(f"{type(self).__name__}Handler", (self.handler,), {"owner": self})
        self._httpd = QuietThreadingServer((self.host, self._port), handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), name=self.thread_name,
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = self._thread = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._httpd is not None

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError(f"{type(self).__name__} is not running")
        return self._httpd.server_address[1]
