"""Headless Chromium (Debian's ``chromium`` and ``chromium-driver``) driven by selenium, for the
web page's tests: axe-core's checks run in it, its width set to a phone's or a desktop's.

``browser()`` gives a fresh Chromium with a profile of its own (a folder the caller names) that
fetches nothing from the network; ``needs_chromium`` skips a test only where Chromium or its
driver is not installed (``.ci/run`` installs both, so in CI they run).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
"""axe-core 4.14.1 (npm ``axe-core``, MPL-2.0, its licence beside it), kept here so a fresh
clone tests offline."""
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
"""The WCAG 2.2 level A and AA rules axe-core checks."""
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _driver() -> str | None:
    return shutil.which("chromedriver")


def _selenium_installed() -> bool:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return False
    return True


needs_chromium = pytest.mark.skipif(
    _chromium() is None or _driver() is None or not _selenium_installed(),
    reason="Chromium, chromium-driver or selenium is not installed (.ci/run installs them)",
)


@contextmanager
def browser(profile: Path, width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A headless Chromium ``width`` by ``height`` CSS pixels, its profile in ``profile``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = _chromium() or ""
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    driver = webdriver.Chrome(service=Service(executable_path=_driver()), options=options)
    try:
        driver.set_script_timeout(120)
        set_width(driver, width, height)
        yield driver
    finally:
        driver.quit()


def set_width(driver: Any, width: int, height: int = 900) -> None:
    """Make the viewport ``width`` CSS pixels wide (a phone's 320, or 400% zoom of 1280)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def open_page(driver: Any, page: Path) -> None:
    driver.get(page.resolve().as_uri())


def axe_violations(driver: Any) -> list[dict[str, Any]]:
    """axe-core's violations of the WCAG 2.2 A and AA rules on the page open in ``driver``."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
           .then(r => done(r.violations.map(v => ({id: v.id, help: v.help,
                 nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary)}))))
           .catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));
        """,
        WCAG_TAGS,
    )
    return list(result)


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(f"{v['id']}: {v['help']}\n  " + "\n  ".join(v["nodes"]) for v in violations)
