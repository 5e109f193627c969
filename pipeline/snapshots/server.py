"""HTTP server of the snapshot sites.

``SnapshotServer`` binds 127.0.0.1 on a free port (or the one given) and
dispatches on the ``Host`` header: ``<site>.snapshot.test`` goes to that site,
any other host gets a 404. Clients map the host names to 127.0.0.1 themselves
(like ``curl --resolve``); ``.hosts`` gives that mapping. Pages are rendered at
request time and every absolute link is built from the request's Host header.

    with SnapshotServer() as srv:
        url = srv.base_url("photonews") + "/feed/"   # http://photonews.snapshot.test:PORT/feed/

Run ``python -m pipeline.snapshots.server [--port N]`` to serve from a shell.
"""

from __future__ import annotations

import argparse
import threading
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

from .base import Request, Response
from .loopback import LoopbackServer
from .sites import all_sites, get_site, site_for_host


class _Handler(BaseHTTPRequestHandler):
    server_version = "nginx"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    owner: "SnapshotServer"  # set on the subclass made per server

    def version_string(self) -> str:
        return "nginx"

    def log_message(self, format, *args):  # quiet
        pass

    def _respond(self, head_only: bool) -> None:
        host_header = self.headers.get("Host", "")
        hostname = host_header.rsplit(":", 1)[0] if not host_header.startswith("[") else host_header
        hostname = hostname.lower().rstrip(".")
        self.owner._record(hostname, self.path)
        site = site_for_host(hostname)
        if site is None:
            resp = Response(404, b"Not Found: unknown host\n", "text/plain; charset=utf-8")
        else:
            parts = urlsplit(self.path)
            req = Request(path=parts.path or "/", query=parse_qs(parts.query, keep_blank_values=True),
                          base=f"http://{host_header}")
            try:
                resp = site.handle(req)
            except Exception as err:  # a bug in a template must not kill the thread silently
                resp = Response(500, f"Internal Server Error: {err!r}\n".encode(), "text/plain; charset=utf-8")
        self.send_response(resp.status)
        self.send_header("Content-Type", resp.content_type)
        self.send_header("Content-Length", str(len(resp.body)))
        for k, v in resp.headers.items():
            self.send_header(k, v)
        self.end_headers()
        if not head_only:
            self.wfile.write(resp.body)

    def do_GET(self):
        self._respond(False)

    def do_HEAD(self):
        self._respond(True)


class SnapshotServer(LoopbackServer):
    """The bundled snapshot sites on a loopback port (a context manager)."""

    handler = _Handler
    thread_name = "snapshot-server"

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        super().__init__(host, port)
        self._lock = threading.Lock()
        self._requests: list[tuple[str, str]] = []

    # addresses
    @property
    def hosts(self) -> dict[str, str]:
        """Host name -> IP address for every snapshot site (for --resolve style mapping)."""
        return {s.hostname: self.host for s in all_sites().values()}

    def base_url(self, site_name: str) -> str:
        """``http://<site>.snapshot.test:<port>`` (accepts ``snapshot-<site>`` too)."""
        return f"http://{get_site(site_name).hostname}:{self.port}"

    # request log
    def _record(self, hostname: str, path: str) -> None:
        with self._lock:
            self._requests.append((hostname, path))

    @property
    def requests(self) -> list[tuple[str, str]]:
        """Every request received so far as ``(hostname, path_with_query)`` (a copy)."""
        with self._lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.snapshots.server", description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=8800)
    ap.add_argument("--host", default="127.0.0.1")
    args = ap.parse_args(argv)
    srv = SnapshotServer(args.host, args.port).start()
    print(f"Serving snapshot sites on {args.host}:{srv.port} (map the host names to {args.host}):")
    for name, site in all_sites().items():
        print(f"  {name:10s} {srv.base_url(name)}/   curl --resolve {site.hostname}:{srv.port}:{args.host} {srv.base_url(name)}/robots.txt")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        srv.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
