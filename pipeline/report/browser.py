"""Opening the report in headless Chromium (Debian's ``chromium``, driven by Playwright):
the same launch for the browser test and ``pknews report --screenshot``."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# no first-run screens, no background fetches of components, sync or QUIC: the page alone
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1200, "height": 900}


@contextmanager
def report_page(path: Path) -> Iterator[tuple[object, list[str], list[str]]]:
    """The report at ``path`` opened in a fresh Chromium profile, once its charts are drawn:
    (page, console errors, every URL requested)."""
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    requests: list[str] = []
    with tempfile.TemporaryDirectory(prefix="pknews-chromium-") as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True, viewport=VIEWPORT)
        try:
            page = context.pages[0] if context.pages else context.new_page()  # the window it opened with
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            context.on("request", lambda request: requests.append(request.url))
            page.goto(Path(path).resolve().as_uri(), wait_until="load")
            # every chart container holds its drawing once vegaEmbed has run
            page.wait_for_function("Array.from(document.querySelectorAll('.chart'))"
                                   ".every(div => div.querySelector('svg, canvas'))", timeout=30_000)
            yield page, errors, requests
        finally:
            context.close()


def screenshot(path: Path, png: Path, *, height: int | None = None) -> Path:
    """A PNG of the whole report at ``path``, or of its top ``height`` pixels."""
    with report_page(path) as (page, _errors, _requests):
        png.parent.mkdir(parents=True, exist_ok=True)
        clip = {"x": 0, "y": 0, "width": VIEWPORT["width"], "height": height} if height else None
        page.screenshot(path=str(png), full_page=True, clip=clip)
    return png
