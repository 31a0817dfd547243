"""The benchmark (scripts/bench.py) at a tiny size, so it cannot rot. No timings are judged here."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import yaml

from bench import BenchError, without_hooks   # scripts/ is on the path (pytest.ini)
from conftest import ROOT
from kennisbank.markup import EXTENSIONS


def test_plain_config_is_ours_without_the_hooks_but_with_their_markdown():
    ours = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    plain = without_hooks(ours)
    assert "hooks:" not in plain and "kennisbank_hooks.py" not in plain
    # Nothing else is lost: every other line is still there, in order; the extensions are added.
    hook_lines = re.compile(r"^hooks:|^\s+- hooks/\S+\.py\b")
    kept = [line for line in ours.splitlines() if line.strip() and not hook_lines.match(line)]
    assert [line for line in plain.splitlines() if line.strip()][:len(kept)] == kept
    added = yaml.safe_load(plain.splitlines()[-1])["markdown_extensions"]
    assert [next(iter(item)) if isinstance(item, dict) else item for item in added] == EXTENSIONS
    with pytest.raises(BenchError):
        without_hooks(plain)


@pytest.mark.slow
def test_smoke_run_writes_every_result(tmp_path):
    output = tmp_path / "bench.json"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), "--sizes", "10", "20",
                             "--repeat", "1", "--pdf-size", "8", "--output", str(output)],
                            cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "verhouding (onze / kaal)" in result.stdout
    data = json.loads(output.read_text(encoding="utf-8"))
    for key in ("overhead_ratio_10", "scale_ratio_20_over_10", "validate_20_s", "validate_share_20", "peak_rss_20_mib",
                "entry_page_kib_max", "build_10_s", "build_plain_10_s", "rebuild_10_s", "search_index_20_mib",
                "pdf_8_s", "pdf_10_s", "pdf_share_8"):
        assert isinstance(data[key], float) and data[key] > 0, key
    assert 0.2 < data["overhead_ratio_10"] < 10
    assert 20 < data["peak_rss_20_mib"] < 2048
    assert 5 < data["entry_page_kib_max"] < 500
    assert data["pdf_8_pages"] >= 1 and data["pdf_10_pages"] >= 1
    assert data["pdf_share_8"] == pytest.approx(data["pdf_8_s"] / data["build_plain_10_s"])
    assert data["validate_share_20"] == pytest.approx(data["validate_20_s"] / data["build_plain_20_s"])
    raw = data["raw"]
    assert len(raw["build"]["20"]["ours"]) == len(raw["build"]["20"]["plain"]) == 1
    assert len(raw["validate"]["20"]["wall_s"]) == 3
    assert raw["rebuild"]["10"]["rebuild_s"][0] > 0
    # A fair comparison: both sites hold the same pages; all 20 entries got one.
    sites = raw["site"]["20"]
    assert sites["ours"]["files"] == sites["plain"]["files"]
    assert sites["ours"]["entry_pages"] == 20
    assert set(data["targets"]) == {"overhead_ratio_10", "scale_ratio_20_over_10", "validate_share_20",
                                    "pdf_share_8", "peak_rss_20_mib", "entry_page_kib_max"}
