"""The built report in a real browser (Debian's chromium driven by Playwright), offline, as a
reader sees it on a 1280 px screen and on a 390 px phone, unfiltered and filtered."""

import re
import shutil

import pandas as pd
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
WIDTHS = (1280, 390)
MIN_CHART_TEXT_PX = 11

# Each image: decoded size, alt text, displayed width, and for an SVG its smallest font size and
# viewBox width (the rendered size of text is font size x displayed width / viewBox width).
IMAGES = """async () => Promise.all([...document.images].map(async img => {
    await img.decode();
    const src = img.currentSrc || img.src;
    let fonts = [], box = null;
    if (src.startsWith('data:image/svg+xml;base64,')) {
        const svg = atob(src.slice(src.indexOf(',') + 1));
        fonts = [...svg.matchAll(/font-size:\\s*([0-9.]+)px/g)].map(m => parseFloat(m[1]));
        box = parseFloat(svg.match(/viewBox="[0-9.\\-]+ [0-9.\\-]+ ([0-9.]+)/)[1]);
    }
    return {w: img.naturalWidth, h: img.naturalHeight, alt: img.alt, shown: img.getBoundingClientRect().width,
            font: fonts.length ? Math.min(...fonts) : null, box};
}))"""


def _build(tmp_path_factory, **params):
    seeds = tmp_path_factory.mktemp("seeds")
    for path in SEEDS.iterdir():
        shutil.copy(path, seeds / path.name)
    write_article(seeds, "999_hostile.txt", HOSTILE)
    out = tmp_path_factory.mktemp("reports")
    target, _ = build_report({"seeds_dir": str(seeds), **params}, out)
    return target, list(pd.read_csv(out / "data" / "articles.csv")["id"])


@pytest.fixture(scope="module")
def default_report(tmp_path_factory):
    return _build(tmp_path_factory)


@pytest.fixture(scope="module")
def filtered_report(tmp_path_factory):
    return _build(tmp_path_factory, start_date="2024-10-20")


def _read(page_path, width: int, shot: str) -> dict:
    """Open the report offline at `width` and collect what the assertions check."""
    outside, console_errors, dialogs = [], [], []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": width, "height": 900})

        def only_the_file(route):
            if route.request.url.startswith("file://") or route.request.url.startswith("data:"):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", only_the_file)
        page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(page_path.as_uri(), wait_until="load")
        seen = {
            "images": page.evaluate(IMAGES),
            "dead_links": page.evaluate("""() => [...document.querySelectorAll('nav#toc a')]
                .filter(a => !document.getElementById(decodeURIComponent(a.hash.slice(1)))).map(a => a.href)"""),
            "toc_links": page.evaluate("() => document.querySelectorAll('nav#toc a').length"),
            "overflow": page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"),
            "visible": page.inner_text("body"),
            "banner": page.evaluate("() => [...document.querySelectorAll('.banner')].map(b => b.innerText)"),
            "first_screen": page.evaluate("""() => [...document.querySelectorAll('p.lede, figure.chart img')]
                .map(e => e.getBoundingClientRect().top).filter(top => top < 2 * window.innerHeight).length"""),
        }
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
        browser.close()
    seen.update(outside=outside, console_errors=console_errors, dialogs=dialogs)
    return seen


@pytest.mark.parametrize("width", WIDTHS)
def test_report_as_a_reader_sees_it(default_report, width):
    target, ids = default_report
    seen = _read(target, width, f"report-{width}.png")
    assert seen["outside"] == [] and seen["console_errors"] == [] and seen["dialogs"] == []
    assert len(seen["images"]) >= 3  # claims, timeline, coverage: the seeds count no casualties
    for image in seen["images"]:
        assert image["w"] > 0 and image["h"] > 0 and image["alt"], image
        rendered = image["font"] * image["shown"] / image["box"]
        assert rendered >= MIN_CHART_TEXT_PX - 0.05, f"chart text {rendered:.1f} px at {width} px: {image['alt'][:60]}"
    assert seen["overflow"] <= 0, f"the page scrolls sideways by {seen['overflow']} px at {width} px"
    assert seen["toc_links"] >= 10 and seen["dead_links"] == []
    assert seen["first_screen"] >= 2  # the lede and the main chart open the report
    assert "<script>alert('headline')</script>" in seen["visible"]  # shown as text, not run
    shown_ids = [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", seen["visible"])]
    assert shown_ids == [], "article ids are names for the data, not for readers"
    assert seen["banner"] == []
    assert (ARTIFACTS / f"report-{width}.png").stat().st_size > 10_000


@pytest.mark.parametrize("width", WIDTHS)
def test_filtered_report_says_so(filtered_report, width):
    target, ids = filtered_report
    seen = _read(target, width, f"report-filtered-{width}.png")
    assert len(seen["banner"]) == 1
    assert "Filtered report" in seen["banner"][0] and "20 Oct 2024" in seen["banner"][0]
    assert re.search(r"shows \d+ articles? of the 6 articles on the story", seen["banner"][0])
    assert seen["overflow"] <= 0
    assert all(image["alt"] for image in seen["images"])
