"""Escaping is automatic: every HTML helper renders through one autoescaping Jinja2 environment,
and no code or template can print data as markup by itself."""

import ast
import html
from pathlib import Path

import pandas as pd
import pytest
from jinja2 import nodes
from markupsafe import Markup

from analysis.sections.common import ref_links
from analysis.sections.html import ENVIRONMENT, TEMPLATES, notice, quote_list, render, table_html
from analysis.sections.treaty import highlight_differences

ROOT = Path(__file__).resolve().parent.parent
EVIL = "<script>alert('x')</script> \"quoted\" & more"
SHOWN = html.escape(EVIL)  # Python's escaping, as the report has always had it: &#x27; and &quot;


def _clean(page: str) -> None:
    assert "<script" not in page and EVIL not in page
    assert SHOWN in page
    assert "&#39;" not in page and "&#34;" not in page  # markupsafe's own escaping never shows through


def test_table_escapes_caption_columns_cells_and_links():
    df = pd.DataFrame({EVIL: [EVIL], "ref": ["F1'\"<b>"]})
    page = table_html(df, caption=EVIL, links={"ref": "q-<i>"})
    _clean(page)
    assert page.count(SHOWN) == 3  # caption, column and cell
    assert '<a href="#q-&lt;i&gt;F1&#x27;&quot;&lt;b&gt;">F1&#x27;&quot;&lt;b&gt;</a>' in page


def test_quote_list_notice_and_links_escape():
    _clean(quote_list(pd.DataFrame({"ref": [EVIL], "article_id": [EVIL], "name": [EVIL], "quote": [EVIL]})))
    _clean(table_html(pd.DataFrame({"a": [EVIL], "id": [EVIL]}), caption=EVIL, titles={"a": "id"}))
    _clean(notice(EVIL))
    _clean(ref_links([f"F{i}" for i in range(50)], EVIL))


def test_figure_escapes_alt_caption_and_source():
    import matplotlib.pyplot as plt

    from analysis.sections.charts.embed import figure_html

    page = figure_html(lambda narrow: plt.figure(), "svg", alt=EVIL, caption=EVIL, source=EVIL, refs=ref_links(["F1"], "figures"))
    _clean(page)
    assert f'alt="{SHOWN}"' in page and '<a href="#q-F1">F1</a>' in page


def test_marked_differences_escape_the_words_but_keep_the_marks():
    a, b = highlight_differences(f"{EVIL} left", f"{EVIL} right")
    assert a == f"{SHOWN} <mark>left</mark>" and b == f"{SHOWN} <mark>right</mark>"


def test_only_rendered_html_is_printed_as_is():
    assert render("notice.html.j2", text=Markup("<b>kept</b>")) == '<p class="notice"><b>kept</b></p>'
    inner = notice(EVIL)
    lede = render("lede.html.j2", sentences=[[(EVIL, None), (EVIL, "F1")]])
    assert lede == f'<p class="lede">{SHOWN}<a href="#q-F1" title="quote F1">{SHOWN}</a></p>'
    assert isinstance(inner, Markup) and isinstance(table_html(pd.DataFrame({"a": [1]})), Markup)


def test_every_template_renders_with_autoescape():
    """No template can switch escaping off or mark a value safe: the environment escapes every
    value, and no template holds `|safe`, `{% autoescape false %}` or a `Markup` of its own."""
    assert ENVIRONMENT.autoescape is True
    assert ENVIRONMENT.from_string("{{ value }}").render(value=EVIL) == SHOWN
    templates = sorted(TEMPLATES.glob("*.html.j2"))
    assert templates and {p.name for p in TEMPLATES.iterdir()} == {p.name for p in templates}
    for path in templates:
        tree = ENVIRONMENT.parse(path.read_text(encoding="utf-8"))
        assert not list(tree.find_all((nodes.EvalContextModifier, nodes.MarkSafe, nodes.MarkSafeIfAutoescape))), path
        assert all(f.name != "safe" for f in tree.find_all(nodes.Filter)), path
        # A constant printed by `{{ }}` would be escaped by markupsafe before the hook could see it.
        assert not [c for out in tree.find_all(nodes.Output) for c in out.nodes if isinstance(c, nodes.Const)], path


def _sources() -> dict[Path, ast.Module]:
    files = sorted((ROOT / "analysis" / "sections").glob("*.py")) + [ROOT / "analysis" / "build" / "buildinfo.py"]
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in files}


def test_no_code_builds_html_from_strings():
    """HTML comes from the templates: no f-string holds a tag, nothing but `render` makes Markup,
    and nothing calls `html.escape` by hand."""
    for path, tree in _sources().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                assert not any(f"<{c}" in text for c in "abcdefghijklmnopqrstuvwxyz/"), f"{path.name}:{node.lineno}"
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Markup":
                assert path.name == "html.py", f"{path.name}:{node.lineno} makes Markup"
            if isinstance(node, (ast.Import, ast.ImportFrom)) and path.name != "html.py":
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                assert "html" not in names and "escape" not in names, f"{path.name}:{node.lineno}"


@pytest.mark.parametrize("value, shown", [(None, "None"), (1234, "1234"), ("a'b\"c", "a&#x27;b&quot;c")])
def test_values_print_as_python_text(value, shown):
    assert notice(value) == f'<p class="notice">{shown}</p>'
