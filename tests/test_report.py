import base64
import hashlib
import json
import os
import re
from pathlib import Path

import jupytext
import pandas as pd
import pytest

from analysis.__main__ import main
from analysis.build import manifest
from analysis.build.params import Parameters
from analysis.build.report import build_report
from analysis.common.errors import InputError

from conftest import ROOT, SEEDS

DEFAULTS = {**Parameters().model_dump(), "seeds_dir": str(SEEDS)}


def build(params, out):
    target, executed = build_report(params, out)
    assert executed
    return target.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    return out, build(dict(DEFAULTS), out)


def base64_svgs(page) -> str:
    return " ".join(base64.b64decode(data).decode("utf-8") for data, _ in _images(page))


def _images(page):
    """(base64 SVG, alt text) of every image, whatever the attribute order."""
    tags = re.findall(r"<img\b[^>]*>", page)
    return [(re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', t).group(1), re.search(r'alt="([^"]*)"', t).group(1))
            for t in tags]


def test_report_is_offline(built):
    _, page = built
    assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)="https?://', page)
    assert "<script" not in page
    assert not re.search(r"@import\s+url\(\s*['\"]?https?:", page)


def test_figures_present_with_alt_text(built):
    _, page = built
    images = _images(page)
    assert len(images) == 3 and all(alt for _, alt in images)  # claims, timeline, coverage (the seeds count no casualties)
    assert images[0][1].startswith("Claims over time")
    troop_svg = base64.b64decode(images[0][0]).decode("utf-8")
    assert "Zelenskiy: 11,000" in troop_svg and "South Korean intelligence: allegedly 1,500" in troop_svg
    assert "Kremlin (Peskov) denies" in troop_svg and "★" not in troop_svg


def test_no_error_output_and_code_hidden(built):
    _, page = built
    assert "jp-OutputArea-error" not in page and "Traceback" not in page
    assert "build_dataset(" not in page  # code cells are not shown


def test_table_of_contents_links_resolve(built):
    _, page = built
    toc = re.search(r'<nav id="toc".*?</nav>', page, re.S).group(0)
    targets = re.findall(r'href="#([^"]+)"', toc)
    assert len(targets) >= 4
    assert all(f'id="{t}"' in page for t in targets)


def test_tables_and_sources_come_from_the_data(built):
    out, page = built
    assert "Russian parliament ratifies North Korea partnership treaty" in page
    assert re.search(r'<li id="q-F6"><b>F6</b>.*?<q>Ukrainian President Volodymyr Zelenskiy said on Thursday', page)
    assert 'href="#q-F6"' in page
    assert (out / "data" / "figures.csv").exists()
    assert {p.stem for p in (out / "executed").glob("*.ipynb")} == {p.stem for p in manifest.notebook_paths()}


def test_every_section_is_present(built):
    _, page = built
    for heading in ["The story in brief", "What we know, and who says so", "Timeline of events", "Casualties",
                    "Coverage over time", "Articles", "The treaty text", "Who reports what", "Reuse between articles",
                    "Data quality", "Methods and data", "Sources", "How this was built"]:
        assert f">{heading}<a class=\"anchor-link\"" in page, heading
    assert "<mark>" in page  # Article 4 renderings compared
    assert page.count("None of these articles") == 1  # only the casualties, which the seeds do not count
    assert 'href="data/claims.csv"' in page and 'href="data/datapackage.json"' in page
    assert 'href="data/claims/part-00000.parquet"' in page


def test_filters_change_every_section_consistently(tmp_path):
    params = {**DEFAULTS, "start_date": "2024-10-01", "claimants": ["Zelenskiy"], "title": "Zelenskiy since October"}
    page = build(params, tmp_path)
    assert "<title>Zelenskiy since October</title>" in page
    assert "New North Korea-Russia pact calls for immediate military aid" not in page  # June article, no Zelenskiy
    assert "Russian parliament ratifies North Korea partnership treaty" not in page  # quotes no Zelenskiy
    assert "Kremlin says its mutual defence agreement" in page and "Zelenskiy: 11,000" in base64_svgs(page)
    assert "South Korean intelligence: " not in base64_svgs(page)
    assert "Russian Foreign Ministry denies" not in page


def test_filter_that_leaves_nothing_says_so(tmp_path):
    page = build({**DEFAULTS, "start_date": "2030-01-01"}, tmp_path)
    assert page.count("None of these articles") + page.count("No articles in this report") >= 10
    assert "Traceback" not in page
    assert "It shows 0 articles of the 5 articles on the story" in page and "<table" not in page.split('id="Sources"')[0]


def test_code_can_be_shown(built, tmp_path):
    """Every code cell but the parameters (listed under How this was built) is folded in a
    <details> of its own, highlighted; the default report shows none of the code, and no
    absolute path."""
    page = build({**DEFAULTS, "show_code": True}, tmp_path)
    paths = manifest.notebook_paths()
    code_cells = sum(c.cell_type == "code" and "parameters" not in c.metadata.get("tags", [])
                     for p in paths for c in jupytext.read(p).cells)
    assert page.count('<details class="code">') == code_cells and '<details class="code">' not in built[1]
    assert "what_we_know" in page and "what_we_know" not in built[1] and 'class="highlight' in page
    assert str(ROOT) not in page and str(tmp_path) not in page


def test_failing_notebook_keeps_previous_report(tmp_path, monkeypatch):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    (notebooks / "broken.py").write_text(
        '# %% tags=["parameters"]\nseeds_dir = "../seeds"\n\n# %%\nraise ValueError("boom")\n', encoding="utf-8")
    out = tmp_path / "reports"
    out.mkdir()
    (out / "report.html").write_text("previous report", encoding="utf-8")
    monkeypatch.setattr(manifest, "NOTEBOOKS", notebooks)
    with pytest.raises(InputError, match=r"notebook broken.py failed in cell \d+ \('raise ValueError\(\"boom\"\)'\)") as failed:
        build_report(dict(DEFAULTS), out)
    assert (out / "report.html").read_text(encoding="utf-8") == "previous report"
    kept = Path(re.search(r"kept at (\S+);", str(failed.value)).group(1))
    assert kept.is_file() and kept.is_relative_to(out / ".builds")  # the failed build's own folder, not switched in
    assert not (out / "data").exists() and not (out / "executed").exists()


@pytest.mark.parametrize("args, message", [
    (["-p", "colour", "red"], "unknown parameter(s) ['colour']; known parameters: ['claimants', 'end_date'"),
    (["-p", "claimants", "Zelensky-typo"], "parameter claimants: no claimant matches 'Zelensky-typo'; known:"),
    (["-p", "sources", "[\"Nowhere\"]"], "parameter sources: 'Nowhere' is neither an article id nor an outlet"),
    (["-p", "show_code", "maybe"], "parameter show_code: expected true or false"),
    (["-p", "title", "''"], "parameter title: expected a non-empty text"),
    (["-p", "start_date", "yesterday"], "parameter start_date: 'yesterday' is not a date"),
    (["-p", "start_date", "2024-11-01", "-p", "end_date", "2024-10-01"], "end_date (2024-10-01) is before start_date"),
    (["-p", "figure_format", "gif"], "figure_format: 'gif' is not one of"),
    (["-p", "seeds_dir", "/nonexistent/folder"], "/nonexistent/folder: the articles folder does not exist"),
])
def test_bad_parameters_give_one_clear_error(tmp_path, capsys, args, message):
    assert main(["report", "--out", str(tmp_path), *args]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "report.html").exists()


def test_parameters_file(tmp_path, capsys):
    params = tmp_path / "params.yaml"
    params.write_text("figure_format: bmp\n", encoding="utf-8")
    assert main(["report", "--out", str(tmp_path), "-f", str(params)]) == 1
    assert "figure_format: 'bmp'" in capsys.readouterr().err


@pytest.mark.parametrize("cores", [2, 3])
def test_notebooks_run_on_their_own_defaults(tmp_path, cores):
    """Opened in Jupyter, a notebook runs with its parameters cell as written ("../seeds" from
    the notebook's folder); run side by side (3 cores: two kernels) or one after the other in
    one kernel (2 cores), they leave this process's directory alone."""
    from analysis.build.execute import execute_in_kernels
    from analysis.speed import kernels

    before = os.getcwd()
    paths = manifest.notebook_paths()
    running = kernels.start(kernels.plan(paths, cores), {})
    assert len(running) == cores - 1
    try:
        results = execute_in_kernels(running, {}, tmp_path, meanwhile=lambda: None)
    finally:
        kernels.stop(running)
    for path in paths:
        outputs = [o for c in results[path][0].cells for o in c.get("outputs", [])]
        assert not [o for o in outputs if o.get("output_type") == "error"]
        assert any(o.get("output_type") == "execute_result" for o in outputs)
    assert os.getcwd() == before


def test_a_kernel_shared_by_notebooks_starts_each_with_an_empty_namespace(tmp_path):
    from analysis.build.execute import execute_in_kernels
    from analysis.speed import kernels

    first, second = tmp_path / "a.py", tmp_path / "b.py"
    first.write_text("# %%\nimport json\nleft_over = 1\n", encoding="utf-8")
    second.write_text("# %%\nimport json\nsorted(k for k in globals() if not k.startswith('_'))\n", encoding="utf-8")
    running = kernels.start([[first, second]], {})
    try:
        results = execute_in_kernels(running, {}, tmp_path, meanwhile=lambda: None)
    finally:
        kernels.stop(running)
    shown = results[second][0].cells[0].outputs[0]["data"]["text/plain"]
    assert "left_over" not in shown and "json" in shown


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _data_digests(out):
    return {p.relative_to(out).as_posix(): _digest(p) for p in (out / "data").rglob("*") if p.is_file()}


def test_identical_inputs_give_identical_bytes(built, tmp_path):
    out, _ = built
    build(dict(DEFAULTS), tmp_path)
    for name in ["report.html", "data/articles.csv", "data/figures.csv", "data/events.csv", "data/datapackage.json",
                 "data/events/part-00000.parquet", "data/articles/part-00000.parquet"]:
        assert _digest(out / name) == _digest(tmp_path / name), name


def test_manifest_records_inputs_parameters_and_outputs(built):
    out, _ = built
    recorded = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    inputs = recorded["inputs"]
    assert {"seeds/annotations.yaml", "uv.lock", "notebooks/01_story.py", "analysis/dataset/build.py",
            "analysis/build/templates/offline/index.html.j2"} <= set(inputs)
    assert len([k for k in inputs if k.startswith("seeds/") and k.endswith(".txt")]) == 5
    assert recorded["parameters"]["figure_format"] == "svg" and recorded["parameters"]["seeds_dir"] == "seeds"
    assert set(recorded["notebook_seconds"]) == {p.stem for p in manifest.notebook_paths()}
    assert recorded["outputs"]["report.html"] == _digest(out / "report.html")
    assert recorded["versions"]["papermill"]


def test_unchanged_rebuild_executes_nothing(built):
    out, page = built
    target, executed = build_report(dict(DEFAULTS), out)
    assert not executed and target.read_text(encoding="utf-8") == page


def test_a_changed_input_or_damaged_output_rebuilds(built, tmp_path):
    out, _ = built
    current = manifest.fingerprint({**DEFAULTS, "figure_format": "png"}, manifest.notebook_paths())
    assert not manifest.is_up_to_date(out, current)  # another parameter
    copy = tmp_path / "seeds"
    copy.mkdir()
    for p in SEEDS.iterdir():
        (copy / p.name).write_bytes(p.read_bytes())
    (copy / "005_new.txt").write_text("A new headline here\nJune 21, 2024\nA new article.\n", encoding="utf-8")
    assert not manifest.is_up_to_date(out, manifest.fingerprint({**DEFAULTS, "seeds_dir": str(copy)},
                                                                manifest.notebook_paths()))
    same = manifest.fingerprint(validate_defaults(), manifest.notebook_paths())
    assert manifest.is_up_to_date(out, same)
    (out / "data" / "events.csv").write_text("damaged", encoding="utf-8")
    assert not manifest.is_up_to_date(out, same)
    assert build_report(dict(DEFAULTS), out)[1]  # rebuilt, and the fixture's report is whole again


def test_a_parameter_change_reuses_the_cached_dataset(tmp_path, monkeypatch):
    import analysis.speed.engine

    out = tmp_path / "reports"
    build(dict(DEFAULTS), out)
    data = _data_digests(out)

    def build_again(folder):
        raise AssertionError("the dataset was built again")

    monkeypatch.setattr(analysis.speed.engine, "build_dataset", build_again)
    assert "data:image/png;base64," in build({**DEFAULTS, "figure_format": "png"}, out)
    assert _data_digests(out) == data
    (out / "data" / "events.csv").write_text("damaged", encoding="utf-8")
    (out / "data" / "events" / "part-00000.parquet").write_bytes(b"damaged")
    build(dict(DEFAULTS), out)  # written again, from the cached dataset
    assert _data_digests(out) == data

    monkeypatch.undo()
    (out / ".cache" / "dataset.pickle").write_bytes(b"damaged")
    build({**DEFAULTS, "figure_format": "png"}, out)  # a damaged cache is not trusted: built again
    assert _data_digests(out) == data


def test_a_relative_output_folder(tmp_path, monkeypatch):
    """`nox -s report` writes to `reports` under the current folder; the kernels, started in
    the notebooks' folder, still find the dataset prepared for them."""
    monkeypatch.chdir(tmp_path)
    assert "What we know, and who says so" in build(dict(DEFAULTS), Path("reports"))
    assert (tmp_path / "reports" / "report.html").is_file()


def validate_defaults():
    from analysis.build.params import validate

    return {**validate(dict(DEFAULTS)), "seeds_dir": str(SEEDS.resolve())}


def test_builds_into_one_folder_take_turns(built):
    """A second build waits for the lock the first holds, then finds the report up to date."""
    import fcntl
    import threading

    out, _ = built
    results = []
    with open(out / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        waiting = threading.Thread(target=lambda: results.append(build_report(dict(DEFAULTS), out)))
        waiting.start()
        waiting.join(timeout=2)
        assert waiting.is_alive() and results == []  # blocked while the other build runs
    waiting.join(timeout=30)
    assert results and results[0][1] is False


def test_a_large_corpus_lists_the_quotes_the_report_links_to(tmp_path):
    """Beyond LISTED_QUOTES quotes, the sources list holds just those linked from the report,
    and every link still finds its quote."""
    from analysis.bench.corpus import generate
    from analysis.sections.sources import LISTED_QUOTES

    generate(SEEDS, tmp_path / "seeds", 160)
    page = build({**DEFAULTS, "seeds_dir": str(tmp_path / "seeds")}, tmp_path / "out")
    data = tmp_path / "out" / "data"
    shown = set(pd.read_csv(data / "articles.csv").query("relevant and copy_of.isna()")["id"])  # copies set aside
    quotes = sum(pd.read_csv(data / f"{t}.csv")["article_id"].isin(shown).sum() for t in ("figures", "events"))
    assert quotes > LISTED_QUOTES
    linked = set(re.findall(r'href="#(q-[^"]+)"', page))
    listed = set(re.findall(r'<li id="(q-[^"]+)"', page))
    assert linked and linked <= listed and len(listed) < quotes
    assert f"quotes the report links to, of {quotes:,}" in page
