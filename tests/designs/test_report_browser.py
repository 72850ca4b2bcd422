"""The HTML report of sso-100kw in a real browser: Debian's headless Chromium driven by Selenium.

It checks that the page loads with no console error (browser log at SEVERE level), that every image decodes
(naturalWidth > 0), that the margins table has one row per margin of summary.json's launch.margins, and saves a
screenshot of the first screen (1280 x 900) to tests/artifacts/report_first_screen.png (ignored by git). The
first screen holds the mass breakdown, the margins and the orbit temperature plot; the test checks that they
are in view. Skipped where chromium, chromedriver or selenium are absent (``apt-get install chromium
chromium-driver``; ``pip install selenium``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from spacedc.designs.cli import main

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
DRIVER = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed: pip install selenium "
                                                              "(the dev extra)")
if CHROMIUM is None or DRIVER is None:
    pytest.skip("Chromium or chromedriver is absent: apt-get install chromium chromium-driver",
                allow_module_level=True)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    assert main(["size", "sso-100kw", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,900", "--hide-scrollbars",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        driver.set_window_size(1280, 900)
        yield driver
    finally:
        driver.quit()


def test_report_renders_in_chromium(report, browser):
    browser.get((report / "report.html").as_uri())
    assert browser.execute_script("return document.readyState") == "complete"
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors

    images = browser.execute_script(
        "return Array.from(document.images).map(i => [i.alt, i.complete, i.naturalWidth, i.naturalHeight]);")
    assert len(images) >= 5
    assert all(complete and w > 0 and h > 0 for _, complete, w, h in images), images

    margins = json.loads((report / "summary.json").read_text())["launch"]["margins"]
    rows = browser.execute_script("return document.querySelectorAll('#margins-table tbody tr').length;")
    assert rows == len(margins)

    # the first screen shows the mass breakdown, the margins and the orbit temperature plot
    height = browser.execute_script("return window.innerHeight;")
    for selector in ("#mass table", "#margins-table", "#temperatures img"):
        bottom = browser.execute_script(f"return document.querySelector('{selector}').getBoundingClientRect().bottom;")
        assert 0 < bottom <= height, (selector, bottom, height)

    ARTIFACTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / "report_first_screen.png"))
