"""The README's pictures of the web page: ``python scripts/html_screenshots.py``.

Makes ``inputs/q2.xlsx``'s page (``make-report --format html``) and photographs it in headless
Chromium (Debian's ``chromium`` and ``chromium-driver``, driven by selenium, as the tests do) at
a desktop's width and at 320 CSS pixels (a phone, or 400% zoom), at the page for 1.2a-c, into
``docs/images/html-desktop.png`` and ``docs/images/html-narrow.png``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import browser, open_page  # noqa: E402

SHOTS = {"html-desktop.png": (1280, 800), "html-narrow.png": (320, 640)}
AT = "page-1-2a-c"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="safecity-shots-") as tmp:
        folder = Path(tmp)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "safecity_reports",
                str(ROOT / "inputs" / "q2.xlsx"),
                "-o",
                str(folder),
                "--format",
                "html",
                "-q",
            ],
            check=True,
        )
        for name, (width, height) in SHOTS.items():
            with browser(folder / f"profile-{width}", width, height) as driver:
                open_page(driver, folder / "q2.html")
                driver.execute_script(f"document.getElementById('{AT}').scrollIntoView()")
                driver.save_screenshot(str(ROOT / "docs" / "images" / name))
            print(f"Wrote docs/images/{name}")


if __name__ == "__main__":
    main()
