"""Benchmark the site at scale: our hooks against plain MkDocs, validation, rebuild, PDF, memory.

Generates synthetic catalogues (synthetic.py, beside this script) in a temporary folder and
measures, in one run:

- the full site build from N YAML entries (mkdocs build with our hooks, in a copy of the
  project whose catalogue is the synthetic one), against a plain MkDocs + Material build of
  the same pages written out as Markdown files, with the same theme, Markdown extensions and
  configuration and no hooks. The two are run in turn, so each of our builds has a plain
  build beside it; the overhead is the median of those paired ratios (ours / plain);
- validation alone (load_catalogue: read, schema, references) of N entries, and its share
  of the plain build of the same pages;
- a rebuild after one YAML file changed, as `mkdocs serve` does it (same process, fresh config),
  at the smallest size;
- the handbook PDF for N = 300 entries (and the smallest size) as a user makes it
  (`kennisbank handboek -o`, a fresh process each time, with addresses and QR codes), and its
  share of the plain build of the smallest size;
- peak memory of the build process, size of the built site and of the search index,
  and the largest entry page.

Every target is a ratio measured in one run, or a size: machines here differ threefold in
speed, so seconds are reported but never judged. Prints a table and writes bench-results.json::

    python scripts/bench.py                      # what `make bench` runs (1,000 and 5,000 entries)
    python scripts/bench.py --sizes 20 40 --repeat 1 --pdf-size 10 --output /tmp/bench.json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from synthetic import write_catalogue   # beside this script

from kennisbank import KINDS, load_catalogue
from kennisbank.handbook import page_count
from kennisbank.markup import EXTENSION_CONFIGS, EXTENSIONS

ROOT = Path(__file__).resolve().parent.parent

# KENNISBANK_PDF=0: the site builds skip the PDFs; the handbook is timed on its own (pdf_300_s).
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "KENNISBANK_PDF": "0"}
SERVE_URL = "http://127.0.0.1:8000/"
MIB = 1024 * 1024

# Each target is an upper bound on a ratio (or a size), never on seconds.
TARGETS = {
    "overhead_ratio": 1.10,      # our build / plain MkDocs, median of paired runs, smallest size
    "scale_ratio": 5.5,          # our build at the largest size / at the smallest
    "validate_share": 0.05,      # validation alone / plain MkDocs build of the same pages, largest size
    "pdf_share": 0.25,           # the handbook of --pdf-size entries / plain MkDocs build, smallest size
    "peak_rss_mib": 1024.0,      # memory of our build at the largest size
    "entry_page_kib_max": 60.0,  # the largest entry page
}


class BenchError(Exception):
    pass


@dataclass
class Run:
    wall_s: float
    cpu_s: float
    rss_mib: float


# Runs the command as its own child and writes that child's peak memory to a file. Needed because
# on Linux a process started from this (large) benchmark process reports at least this process's
# peak memory as its own: the high-water mark survives fork and exec. The wrapper is small.
MEMORY_WRAPPER = (
    "import json, resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[2:])\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "open(sys.argv[1], 'w').write(json.dumps(peak))\n"
    "sys.exit(code)\n"
)


def run_measured(command: list[str], cwd: Path, log: Path) -> Run:
    """Run `command` as a child process; its wall time, CPU time and peak memory (RSS).

    Each run gets an empty TMPDIR, so no cache in the temporary folder carries over.
    """
    tmp = Path(tempfile.mkdtemp(prefix="tmp-", dir=log.parent))
    peak_file = tmp / "peak.json"
    with log.open("wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-S", "-c", MEMORY_WRAPPER, str(peak_file), *command], cwd=cwd,
                                   env={**ENV, "TMPDIR": str(tmp)}, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    peak_kib = json.loads(peak_file.read_text()) if peak_file.exists() else 0
    shutil.rmtree(tmp, ignore_errors=True)
    if process.returncode:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BenchError(f"{' '.join(command)} failed ({process.returncode}):\n{tail}")
    return Run(wall, usage.ru_utime + usage.ru_stime, peak_kib / 1024)


def mkdocs_build(project: Path, site: Path) -> Run:
    shutil.rmtree(site, ignore_errors=True)
    return run_measured([sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean", "-f",
                         str(project / "mkdocs.yml"), "-d", str(site)], project, site.with_suffix(".log"))


def without_hooks(config_text: str) -> str:
    """mkdocs.yml with its `hooks:` list taken out, and the Markdown extensions the hook would
    have set written in; everything else stays as it is."""
    text, count = re.subn(r"^hooks:[ \t]*\n(?:(?:[ \t]+.*)?\n)*", "", config_text, flags=re.MULTILINE)
    if count != 1:
        raise BenchError("mkdocs.yml has no `hooks:` list to take out")
    extensions = [{name: EXTENSION_CONFIGS[name]} if name in EXTENSION_CONFIGS else name for name in EXTENSIONS]
    return text + f"\nmarkdown_extensions: {json.dumps(extensions)}\n"   # JSON is YAML


def generated_files(project: Path) -> dict[str, bytes]:
    """Every file our hooks add to the site (pages, downloads), as MkDocs gets them."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    os.environ["KENNISBANK_PDF"] = "0"   # the plain build gets the pages; PDFs are timed on their own
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    config.plugins.on_shutdown()
    return {file.src_uri: file.content_bytes for file in files if file.generated_by}


def make_projects(base: Path, n: int, seed: int) -> tuple[Path, Path]:
    """Two copies of the project: ours on a synthetic catalogue, and a plain one without hooks."""
    ours, plain = base / "ours", base / "plain"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for project in (ours, plain):
        project.mkdir(parents=True)
        shutil.copytree(ROOT / "docs", project / "docs", ignore=ignore)
    shutil.copytree(ROOT / "hooks", ours / "hooks", ignore=ignore)
    shutil.copytree(ROOT / "hooks" / "theme", plain / "hooks" / "theme", ignore=ignore)  # theme.custom_dir
    (plain / "catalogue").mkdir()  # named under `watch:`; the plain build reads nothing from it
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (ours / "mkdocs.yml").write_text(config, encoding="utf-8")
    (plain / "mkdocs.yml").write_text(without_hooks(config), encoding="utf-8")
    write_catalogue(ours / "catalogue", n, seed=seed)
    for path, content in generated_files(ours).items():
        target = plain / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return ours, plain


def site_facts(site: Path) -> dict:
    sizes = {path: path.stat().st_size for path in site.rglob("*") if path.is_file()}
    entry_pages = {path: size for path, size in sizes.items()
                   if path.name == "index.html" and len(path.relative_to(site).parts) == 3
                   and path.relative_to(site).parts[0] in {kind.folder for kind in KINDS}}
    largest = max(entry_pages, key=entry_pages.get)
    index = site / "search" / "search_index.json"
    return {
        "site_mib": sum(sizes.values()) / MIB,
        "files": len(sizes),
        "search_index_mib": index.stat().st_size / MIB if index.exists() else 0.0,
        "entry_pages": len(entry_pages),
        "entry_page_kib_max": entry_pages[largest] / 1024,
        "entry_page_largest": largest.relative_to(site).parent.as_posix() + "/",
    }


def measure_validation(catalogue: Path, repeat: int) -> dict:
    walls, cpus = [], []
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        load_catalogue(catalogue)
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return {"wall_s": walls, "cpu_s": cpus}


def rebuild_worker(project: Path, count: int) -> None:
    """In a child process: build as `mkdocs serve` does, change one YAML file, build again.

    Like serve, every build gets a fresh config from load_config (the hook modules stay
    loaded) and the same site folder. Prints the times as JSON.
    """
    import yaml
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = tempfile.mkdtemp(prefix="kb-bench-serve-")

    def get_config():
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=site)
        config.site_url = SERVE_URL
        return config

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    started = time.perf_counter()
    build(config, serve_url=SERVE_URL)
    first = time.perf_counter() - started
    rebuilds = []
    for path in sorted((project / "catalogue" / "organisaties").glob("*.yml"))[:count]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["beschrijving"] += " Deze zin is net toegevoegd."
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        started = time.perf_counter()
        build(get_config(), serve_url=SERVE_URL)
        rebuilds.append(time.perf_counter() - started)
    config.plugins.on_shutdown()
    shutil.rmtree(site, ignore_errors=True)
    print(json.dumps({"first_s": first, "rebuild_s": rebuilds}))


def measure_rebuild(project: Path, count: int) -> dict:
    result = subprocess.run([sys.executable, __file__, "--rebuild-worker", str(project), "--repeat", str(count)],
                            env=ENV, capture_output=True, text=True)
    if result.returncode:
        raise BenchError(f"rebuild failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure_pdf(base: Path, n: int, seed: int, repeat: int) -> dict:
    """The whole handbook PDF of a catalogue of `n` entries as a user makes it (`kennisbank handboek -o`):
    a fresh process each time, so nothing Typst memoised in one run speeds up the next."""
    catalogue = base / f"catalogue-{n}"
    write_catalogue(catalogue, n, seed=seed)
    output = base / f"handboek-{n}.pdf"
    runs = [run_measured([sys.executable, "-m", "kennisbank", "handboek", "--catalogus", str(catalogue),
                          "-o", str(output)], ROOT, base / f"handboek-{n}.log") for _ in range(repeat)]
    pdf = output.read_bytes()
    return {"wall_s": [r.wall_s for r in runs], "cpu_s": [r.cpu_s for r in runs],
            "rss_mib": max(r.rss_mib for r in runs), "pdf_kib": len(pdf) / 1024, "pages": page_count(pdf)}


def median(values: list[float]) -> float:
    return statistics.median(values)


def bench(sizes: list[int], repeat: int, pdf_size: int, seed: int, work: Path, say=print,
          repeat_large: int | None = None) -> dict:
    small, large = sizes[0], sizes[-1]
    repeat_large = repeat if repeat_large is None else repeat_large
    raw: dict = {"sizes": sizes, "repeat": repeat, "repeat_large": repeat_large, "build": {}, "validate": {},
                 "rebuild": {}, "site": {}}
    projects = {}
    for n in sizes:
        say(f"catalogus van {n} items maken...")
        projects[n] = make_projects(work / f"n{n}", n, seed)

    for n in sizes:
        say(f"valideren: {n} items x {max(repeat, 3)}")
        raw["validate"][n] = measure_validation(projects[n][0] / "catalogue", max(repeat, 3))

    raw["pdf"] = {}
    for n in sorted({pdf_size, small}) if pdf_size else ():
        say(f"handboek-PDF: {n} items x {repeat}")
        raw["pdf"][n] = measure_pdf(work / "pdf", n, seed, repeat)

    # At the smallest size only: at 5,000 entries each serve build takes minutes on a busy machine.
    say(f"opnieuw bouwen na een wijziging (zoals mkdocs serve): {small} items x {repeat}")
    raw["rebuild"][small] = measure_rebuild(projects[small][0], repeat)

    runs: dict[int, dict[str, list[Run]]] = {n: {"ours": [], "plain": []} for n in sizes}
    for i in range(max(repeat, repeat_large)):
        for n in sizes:
            times = repeat if n == small else repeat_large
            if i >= times:
                continue
            # Interleaved, and alternating who goes first, so a busy moment hits both sides.
            order = ("ours", "plain") if i % 2 == 0 else ("plain", "ours")
            for side in order:
                say(f"bouwen: {n} items, {'met onze hooks' if side == 'ours' else 'kale MkDocs'} ({i + 1}/{times})")
                project = projects[n][0 if side == "ours" else 1]
                runs[n][side].append(mkdocs_build(project, work / f"n{n}" / f"site-{side}"))
    for n in sizes:
        raw["build"][n] = {side: [asdict(run) for run in side_runs] for side, side_runs in runs[n].items()}
        raw["site"][n] = {side: site_facts(work / f"n{n}" / f"site-{side}") for side in ("ours", "plain")}


    def build_median(n: int, side: str, what: str = "wall_s") -> float:
        return median([getattr(run, what) for run in runs[n][side]])

    def paired_ratio(n: int, what: str = "wall_s") -> float:
        """The median of ours / plain over the pairs of runs made one after the other."""
        return median([getattr(ours, what) / getattr(plain, what)
                       for ours, plain in zip(runs[n]["ours"], runs[n]["plain"])])

    results: dict = {}
    for n in sizes:
        results[f"build_{n}_s"] = build_median(n, "ours")
        results[f"build_plain_{n}_s"] = build_median(n, "plain")
        results[f"overhead_ratio_{n}"] = paired_ratio(n)
        results[f"overhead_ratio_cpu_{n}"] = paired_ratio(n, "cpu_s")
        results[f"validate_{n}_s"] = median(raw["validate"][n]["wall_s"])
        results[f"validate_{n}_cpu_s"] = median(raw["validate"][n]["cpu_s"])
        results[f"validate_share_{n}"] = results[f"validate_{n}_s"] / results[f"build_plain_{n}_s"]
        if n in raw["rebuild"]:
            results[f"rebuild_{n}_s"] = median(raw["rebuild"][n]["rebuild_s"])
            results[f"rebuild_first_{n}_s"] = raw["rebuild"][n]["first_s"]
        results[f"peak_rss_{n}_mib"] = max(run.rss_mib for run in runs[n]["ours"])
        results[f"peak_rss_plain_{n}_mib"] = max(run.rss_mib for run in runs[n]["plain"])
        results[f"site_{n}_mib"] = raw["site"][n]["ours"]["site_mib"]
        results[f"search_index_{n}_mib"] = raw["site"][n]["ours"]["search_index_mib"]
    if large != small:
        results[f"scale_ratio_{large}_over_{small}"] = results[f"build_{large}_s"] / results[f"build_{small}_s"]
        results[f"scale_ratio_cpu_{large}_over_{small}"] = (build_median(large, "ours", "cpu_s")
                                                            / build_median(small, "ours", "cpu_s"))
    results["entry_page_kib_max"] = max(raw["site"][n]["ours"]["entry_page_kib_max"] for n in sizes)
    results["entry_page_largest"] = raw["site"][large]["ours"]["entry_page_largest"]
    for n, pdf in raw["pdf"].items():
        results[f"pdf_{n}_s"] = median(pdf["wall_s"])
        results[f"pdf_{n}_cpu_s"] = median(pdf["cpu_s"])
        results[f"pdf_{n}_pages"] = pdf["pages"]
        results[f"pdf_{n}_rss_mib"] = pdf["rss_mib"]
    if pdf_size:
        results[f"pdf_share_{pdf_size}"] = results[f"pdf_{pdf_size}_s"] / results[f"build_plain_{small}_s"]
    results["targets"] = check_targets(results, small, large, pdf_size)
    results["machine"] = {"cpus": os.cpu_count(), "load_average": os.getloadavg(), "python": sys.version.split()[0]}
    results["raw"] = raw
    return results


def check_targets(results: dict, small: int, large: int, pdf_size: int) -> dict:
    keys = {
        "overhead_ratio": f"overhead_ratio_{small}",
        "scale_ratio": f"scale_ratio_{large}_over_{small}",
        "validate_share": f"validate_share_{large}",
        "pdf_share": f"pdf_share_{pdf_size}",
        "peak_rss_mib": f"peak_rss_{large}_mib",
        "entry_page_kib_max": "entry_page_kib_max",
    }
    return {key: {"value": results.get(key), "target": TARGETS[name],
                  "met": None if results.get(key) is None else results[key] <= TARGETS[name]}
            for name, key in keys.items()}


def table(results: dict) -> str:
    sizes = results["raw"]["sizes"]
    rows = [("", *[f"{n} items" for n in sizes])]

    def row(label: str, key: str, fmt: str) -> None:
        rows.append((label, *[format(results[key.format(n=n)], fmt) if key.format(n=n) in results else "-"
                              for n in sizes]))

    row("bouwen met onze hooks (s)", "build_{n}_s", ".2f")
    row("bouwen kale MkDocs (s)", "build_plain_{n}_s", ".2f")
    row("verhouding (onze / kaal), mediaan paren", "overhead_ratio_{n}", ".3f")
    row("verhouding in CPU-tijd", "overhead_ratio_cpu_{n}", ".3f")
    row("alleen valideren (s)", "validate_{n}_s", ".2f")
    row("alleen valideren, CPU (s)", "validate_{n}_cpu_s", ".2f")
    row("valideren / kale bouw", "validate_share_{n}", ".4f")
    row("opnieuw bouwen na 1 wijziging (s)", "rebuild_{n}_s", ".2f")
    row("piekgeheugen bouwen (MiB)", "peak_rss_{n}_mib", ".0f")
    row("piekgeheugen kaal (MiB)", "peak_rss_plain_{n}_mib", ".0f")
    row("grootte site (MiB)", "site_{n}_mib", ".1f")
    row("zoekindex (MiB)", "search_index_{n}_mib", ".2f")
    width = max(len(r[0]) for r in rows)
    lines = ["  ".join([r[0].ljust(width), *[c.rjust(12) for c in r[1:]]]) for r in rows]
    lines.append("")
    lines.append(f"grootste itempagina: {results['entry_page_kib_max']:.1f} KiB ({results['entry_page_largest']})")
    for key in results:
        if key.startswith("pdf_") and key.endswith("_pages"):
            n = key.split("_")[1]
            lines.append(f"handboek-PDF van {n} items: {results[key]} pagina's in {results[f'pdf_{n}_s']:.2f} s "
                         f"(CPU {results[f'pdf_{n}_cpu_s']:.2f} s)")
    lines.append("")
    for key, target in results["targets"].items():
        value = "niet gemeten" if target["value"] is None else f"{target['value']:.3f}"
        verdict = {True: "gehaald", False: "NIET GEHAALD", None: "-"}[target["met"]]
        lines.append(f"{key:32s} {value:>12s}  doel <= {target['target']:<8g} {verdict}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Meet de bouwtijd van de kennisbank bij veel items.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000],
                        help="aantallen items (de kleinste en grootste worden vergeleken)")
    parser.add_argument("--repeat", type=int, default=3, help="hoe vaak elke meting (mediaan)")
    parser.add_argument("--repeat-large", type=int, help="hoe vaak de builds bij de grotere aantallen "
                                                          "(standaard: --repeat)")
    parser.add_argument("--pdf-size", type=int, default=300, help="items in het handboek (0: geen PDF)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", type=Path, default=ROOT / "bench-results.json")
    parser.add_argument("--check", action="store_true", help="geef exit-code 1 als een doel niet gehaald is")
    parser.add_argument("--rebuild-worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.rebuild_worker:
        rebuild_worker(args.rebuild_worker, args.repeat)
        return 0
    sizes = sorted(set(args.sizes))
    if sizes[0] < 5 or args.repeat < 1 or (args.repeat_large is not None and args.repeat_large < 1):
        parser.error("elke grootte is minstens 5 items, en --repeat minstens 1")
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as work:
        try:
            results = bench(sizes, args.repeat, args.pdf_size, args.seed, Path(work),
                            say=lambda text: print(f"... {text}", flush=True), repeat_large=args.repeat_large)
        except BenchError as error:
            print(f"bench mislukt: {error}", file=sys.stderr)
            return 1
    args.output.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print()
    print(table(results))
    print(f"\nGeschreven: {args.output}")
    missed = [key for key, target in results["targets"].items() if target["met"] is False]
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
