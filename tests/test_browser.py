"""The built report in a real browser (Debian's chromium driven by Playwright), offline."""

import shutil

import pytest

from analysis.build.report import build_report

from conftest import ROOT, SEEDS, write_article
from test_untrusted import HOSTILE

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium)")
ARTIFACTS = ROOT / "reports" / "test-artifacts"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def report_with_hostile_article(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("seeds")
    for path in SEEDS.iterdir():
        shutil.copy(path, seeds / path.name)
    write_article(seeds, "999_hostile.txt", HOSTILE)
    out = tmp_path_factory.mktemp("reports")
    target, _ = build_report({"seeds_dir": str(seeds)}, out)
    return target


def test_report_in_a_real_browser(report_with_hostile_article):
    outside, console_errors, dialogs = [], [], []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})

        def only_the_file(route):
            if route.request.url.startswith("file://") or route.request.url.startswith("data:"):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", only_the_file)
        page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(report_with_hostile_article.as_uri(), wait_until="load")
        images = page.evaluate("""async () => Promise.all([...document.images].map(async img => {
            await img.decode(); return [img.naturalWidth, img.naturalHeight, img.alt]; }))""")
        dead_links = page.evaluate("""() => [...document.querySelectorAll('nav#toc a')]
            .filter(a => !document.getElementById(decodeURIComponent(a.hash.slice(1)))).map(a => a.href)""")
        toc_links = page.evaluate("() => document.querySelectorAll('nav#toc a').length")
        visible = page.inner_text("body")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        browser.close()
    assert outside == [] and console_errors == [] and dialogs == []
    assert len(images) == 2 and all(w > 0 and h > 0 and alt for w, h, alt in images)
    assert toc_links >= 10 and dead_links == []
    assert "<script>alert('headline')</script>" in visible  # shown as text, not run
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000
