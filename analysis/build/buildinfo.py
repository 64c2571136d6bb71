"""How the report was built: parameters, input hashes and versions, from the same fingerprint
the build's manifest records. Nothing here depends on the clock or on this machine's paths,
so identical inputs give identical text."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from analysis.build import manifest
from analysis.sections.html import render, table_html


def build_html(params: dict) -> Markup:
    current = manifest.fingerprint(params, manifest.notebook_paths())
    parameters = pd.DataFrame({"parameter": list(current["parameters"]),
                               "value": [str(v) for v in current["parameters"].values()]})
    inputs = pd.DataFrame({"input": list(current["inputs"]), "sha256": list(current["inputs"].values())})
    packages = pd.DataFrame({"package": list(current["versions"]), "version": list(current["versions"].values())})
    return render("buildinfo.html.j2", cache_key=current["cache_key"], tables=[
        table_html(parameters, caption="Parameters of this build"),
        table_html(inputs, caption=f"Inputs ({len(inputs)} files, SHA-256 of the raw bytes)", max_rows=200),
        table_html(packages, caption="Software versions"),
    ])
