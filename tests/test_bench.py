"""The benchmark (scripts/bench.py) at a tiny size, so it cannot rot. No timings are judged here."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys

import pytest

from conftest import ROOT

from bench import BenchError, without_hooks  # scripts/ is on the path (pytest.ini)


def test_plain_config_is_ours_without_the_hooks():
    ours = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    plain = without_hooks(ours)
    assert "hooks:" not in plain and "catalogue_hooks.py" not in plain
    # Nothing else is lost: every other line is still there, in order.
    hook_lines = re.compile(r"^hooks:|^\s+- hooks/\S+\.py\b")
    kept = [line for line in ours.splitlines() if line.strip() and not hook_lines.match(line)]
    assert [line for line in plain.splitlines() if line.strip()] == kept
    with pytest.raises(BenchError):
        without_hooks(plain)


def test_smoke_run_writes_every_result(tmp_path):
    output = tmp_path / "bench.json"
    has_handbook = importlib.util.find_spec("kennisbank.handbook") is not None
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), "--sizes", "10", "20",
                             "--repeat", "1", "--pdf-size", "8" if has_handbook else "0", "--output", str(output)],
                            cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "verhouding (onze / kaal)" in result.stdout
    data = json.loads(output.read_text(encoding="utf-8"))
    for key in ("overhead_ratio_10", "scale_ratio_20_over_10", "validate_20_s", "peak_rss_20_mib",
                "entry_page_kib_max", "build_10_s", "build_plain_10_s", "rebuild_10_s", "search_index_20_mib"):
        assert isinstance(data[key], float) and data[key] > 0, key
    assert 0.2 < data["overhead_ratio_10"] < 10
    assert 20 < data["peak_rss_20_mib"] < 2048
    assert 5 < data["entry_page_kib_max"] < 500
    raw = data["raw"]
    assert len(raw["build"]["20"]["ours"]) == len(raw["build"]["20"]["plain"]) == 1
    assert len(raw["validate"]["20"]["wall_s"]) == 3
    assert raw["rebuild"]["10"]["rebuild_s"][0] > 0
    # A fair comparison: both sites hold the same pages; all 20 entries got one.
    sites = raw["site"]["20"]
    assert sites["ours"]["files"] == sites["plain"]["files"]
    assert sites["ours"]["entry_pages"] == 20
    assert set(data["targets"]) == {"overhead_ratio_10", "scale_ratio_20_over_10", "validate_20_s",
                                    "pdf_8_s" if has_handbook else "pdf_0_s", "peak_rss_20_mib",
                                    "entry_page_kib_max"}
    if has_handbook:
        assert data["pdf_8_s"] > 0 and data["pdf_8_pages"] >= 1
