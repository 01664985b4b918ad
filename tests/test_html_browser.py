"""The web page in a real browser (headless Chromium, driven by selenium): axe-core finds no
violation of the WCAG 2.2 A and AA rules, the page reflows at 320 CSS pixels (400% zoom) with no
sideways scroll of the page itself, and every link and scrolling table is reached with the Tab
key and shows where the focus is: on q2's page and on every example's (the sweep takes about
25 seconds, so it is in the default run).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from browser import axe_violations, browser, describe, needs_chromium, open_page, set_width
from safecity_reports.cli import main

pytestmark = needs_chromium

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "inputs" / "examples").glob("*.xlsx"))
NARROW = 320
"""CSS pixels: WCAG 1.4.10's reflow width, a 1280-pixel screen at 400% zoom."""

FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])"
_FOCUS_SHOWN = """
const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
    && !/rgba\\(.*, 0\\)$/.test(s.outlineColor);
return [e.dataset.stop === undefined ? e.tagName : Number(e.dataset.stop),
        outline || s.boxShadow !== 'none',
        r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth];
"""


def make_page(workbook: Path, folder: Path) -> Path:
    result = CliRunner().invoke(main, [str(workbook), "-o", str(folder), "--format", "html", "-q"])
    assert result.exit_code == 0, result.output
    return folder / f"{workbook.stem}.html"


@pytest.fixture(scope="module")
def q2_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_page(ROOT / "inputs" / "q2.xlsx", tmp_path_factory.mktemp("page"))


@pytest.fixture(scope="module")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with browser(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


def _body_scrolls_sideways(driver: Any) -> bool:
    return bool(
        driver.execute_script(
            "const d = document.documentElement;"
            " return d.scrollWidth > d.clientWidth || document.body.scrollWidth > d.clientWidth;"
        )
    )


def test_axe_finds_no_wcag_violation_on_q2s_page(chromium, q2_page):
    set_width(chromium, 1280)
    open_page(chromium, q2_page)
    violations = axe_violations(chromium)
    assert violations == [], describe(violations)


def test_axe_does_find_violations(chromium, tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<!DOCTYPE html><html><head><title>x</title></head><body><main>"
        '<p style="color:#BBBBBB">faint</p><img src="data:image/gif;base64,'
        'R0lGODlhAQABAAAAACw=">'
        "<table><tr><th>A</th></tr><tr><td headers='nothing'>1</td></tr></table>"
        "</main></body></html>",
        encoding="utf-8",
    )
    open_page(chromium, broken)
    found = {violation["id"] for violation in axe_violations(chromium)}
    assert {"html-has-lang", "image-alt", "color-contrast"} <= found


def test_q2s_page_reflows_at_320_pixels(chromium, q2_page):
    set_width(chromium, NARROW)
    try:
        open_page(chromium, q2_page)
        assert not _body_scrolls_sideways(chromium)
        # the wide summary scrolls inside its own box, not the page
        assert chromium.execute_script(
            "return [...document.querySelectorAll('.table-scroll')]"
            ".some(box => box.scrollWidth > box.clientWidth)"
        )
        # and the measure can fail: a wide element does make the page scroll
        chromium.execute_script(
            "document.querySelector('main').insertAdjacentHTML('beforeend',"
            " '<div style=\"width: 600px\">wide</div>')"
        )
        assert _body_scrolls_sideways(chromium)
    finally:
        set_width(chromium, 1280)


def test_every_link_and_table_is_reached_by_keyboard_with_visible_focus(chromium, q2_page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    set_width(chromium, 1280)
    open_page(chromium, q2_page)
    stops = chromium.execute_script(
        "const all = [...document.querySelectorAll(arguments[0])];"
        " all.forEach((e, i) => e.dataset.stop = i); return all.length;",
        FOCUSABLE,
    )
    assert stops > 50  # the contents, the summary's links, the notes, the tables
    reached: list[int] = []
    for _ in range(stops):
        ActionChains(chromium).send_keys(Keys.TAB).perform()
        stop, shown, in_view = chromium.execute_script(_FOCUS_SHOWN)
        assert shown, f"no visible focus on stop {stop}"
        assert in_view, f"stop {stop} is focused out of view"
        reached.append(stop)
    assert reached == list(range(stops)), "the Tab key skips or reorders an element"
    # the first stop is the skip link, and Enter on it moves the focus into the content
    open_page(chromium, q2_page)
    ActionChains(chromium).send_keys(Keys.TAB).perform()
    assert chromium.execute_script("return document.activeElement.className") == "skip-link"
    ActionChains(chromium).send_keys(Keys.ENTER).perform()
    assert chromium.execute_script("return document.activeElement.id") == "main"


@pytest.mark.parametrize("workbook", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_every_examples_page_passes_axe_and_reflows(chromium, workbook, tmp_path):
    page = make_page(workbook, tmp_path)
    set_width(chromium, 1280)
    open_page(chromium, page)
    violations = axe_violations(chromium)
    assert violations == [], describe(violations)
    set_width(chromium, NARROW)
    try:
        open_page(chromium, page)
        assert not _body_scrolls_sideways(chromium)
    finally:
        set_width(chromium, 1280)
