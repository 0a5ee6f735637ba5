"""Benchmark of the toolkit site (issue 6): build time and memory, the content layer's overhead,
scaling to 10× and 100× content, first-load weight, Lighthouse, and how fast ``mkdocs serve`` shows an edit.

    .venv/bin/python bench/run.py [--quick] [--no-lighthouse] [--json out.json]

Everything is built from copies in a temporary folder; the project itself is only read. Prints
one table and writes the numbers as JSON (default bench/results.json). See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bare  # noqa: E402
import synth  # noqa: E402
from common import (BENCH, PYTHON, ROOT, StaticServer, copy_project, gzip_size, html_pages, log,  # noqa: E402
                    median, mkdocs_build, run_measured, url_of)

TARGETS = {
    "ratio": 1.2,            # real build time / bare Material build of the same Markdown (bench/bare.py)
    "home_kb": 80,           # first-load transfer of the home page, gzip
    "page_kb": 150,          # first-load transfer of any page, gzip
    "lighthouse": {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100},
    "edit_s": 2.0,           # mkdocs serve: file saved → page shows the change
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1 run per build instead of 3, and only 1× and 10×")
    parser.add_argument("--runs", type=int, help="builds of the real and the bare site (default 3, --quick 1)")
    parser.add_argument("--scales", default=None, help="content multipliers, default 1,10,100 (--quick: 1,10)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--json", type=Path, default=BENCH / "results.json", help="where to write the results")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (its path is printed)")
    args = parser.parse_args(argv)
    runs = args.runs or (1 if args.quick else 3)
    scales = [int(s) for s in (args.scales or ("1,10" if args.quick else "1,10,100")).split(",")]
    if 1 not in scales:
        scales.insert(0, 1)

    started = time.monotonic()
    results: dict = {"machine": machine(), "options": {"runs": runs, "scales": scales}, "targets": TARGETS}
    tmp = Path(tempfile.mkdtemp(prefix="toolkit-bench-"))
    log(f"working in {tmp}")
    try:
        project = copy_project(tmp / "x1")
        if (ROOT / "node_modules").is_dir():  # as a set-up checkout: the build adds the editor at /admin/
            (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
        site = tmp / "site-x1"
        log("content layer at 1× (and the rendered pages for the bare sites)")
        pages_file = tmp / "pages.json"
        layer1 = content_layer(project, pages_file)
        rendered = json.loads(pages_file.read_text(encoding="utf-8"))
        builds = {"real": (project, site)}
        for kind in bare.KINDS:
            builds[f"bare_{kind}"] = (bare.make(tmp / f"bare-{kind}", project, rendered, kind), tmp / f"site-bare-{kind}")
        results.update(build_interleaved(builds, runs))
        for kind in bare.KINDS:
            results[f"bare_{kind}"]["pages"] = len(html_pages(tmp / f"site-bare-{kind}"))
            shutil.rmtree(tmp / f"site-bare-{kind}", ignore_errors=True)
        results["ratio"] = results["real"]["median_s"] / results["bare_same"]["median_s"]

        results["scales"] = {}
        for scale in scales:
            results["scales"][str(scale)] = measure_scale(tmp, project, site, scale, layer1 if scale == 1 else None)

        results["editor"] = editor_weight(site)

        log("toolkit compress: the .gz files that a host with gzip_static sends (as scripts/build)")
        compressed = run_measured([PYTHON, "-m", "macros", "compress", str(site)], cwd=project)
        if compressed.returncode != 0:
            raise RuntimeError(f"toolkit compress failed:\n{compressed.output[-4000:]}")
        results["compress"] = {"seconds": compressed.seconds, "cpu_s": compressed.cpu_s,
                               "output": compressed.output.strip()}

        with StaticServer(site) as server:
            log("first-load weight (Chromium)")
            import weight
            results["weight"] = weight.run(site, server.url)
            if args.no_lighthouse:
                results["lighthouse"] = {"skipped": "--no-lighthouse"}
            else:
                results["lighthouse"] = run_lighthouse(site, server.url, runs)

        log("mkdocs serve: time from saving a tip to the page showing it")
        import serve_edit
        edit = serve_edit.run(copy_project(tmp / "serve"), rounds=runs)
        if "seconds" in edit:
            edit["median_s"] = median(edit["seconds"])
        results["serve_edit"] = edit
    finally:
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    results["machine"]["load_after"] = os.getloadavg()
    results["total_s"] = time.monotonic() - started
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\nResults written to {args.json}")
    return 0


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024 ** 3
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = bool(subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout.strip())
    versions = subprocess.run([PYTHON, "-c", "import sys; from importlib.metadata import version as v; "
                               "print(v('mkdocs'), v('mkdocs-material'), sys.version.split()[0])"],
                              capture_output=True, text=True).stdout.split()
    return {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "memory_gb": round(memory_gb, 1),
        "cpu": cpu,
        "platform": platform.platform(),
        "python": versions[2] if len(versions) > 2 else platform.python_version(),
        "mkdocs": versions[0] if versions else "?",
        "mkdocs_material": versions[1] if len(versions) > 1 else "?",
        "git": commit + ("+changes" if dirty else ""),
        "load_before": os.getloadavg(),
    }


def build_interleaved(builds: dict[str, tuple[Path, Path]], runs: int) -> dict[str, dict]:
    """Build each (project, site) ``runs`` times, taking turns, so that a machine that gets busier or
    quieter during the run weighs on every build alike; median wall and CPU time, peak memory."""
    measured = {name: {"runs_s": [], "cpu": [], "memory": []} for name in builds}
    for n in range(runs):
        for name, (project, site) in builds.items():
            log(f"build {name} ({n + 1}/{runs})")
            shutil.rmtree(site, ignore_errors=True)
            result = mkdocs_build(project, site)
            measured[name]["runs_s"].append(result.seconds)
            measured[name]["cpu"].append(result.cpu_s)
            measured[name]["memory"].append(result.peak_rss_mb)
    return {name: {"runs_s": m["runs_s"], "median_s": median(m["runs_s"]), "median_cpu_s": median(m["cpu"]),
                   "peak_rss_mb": max(m["memory"])} for name, m in measured.items()}


def content_layer(project: Path, pages: Path | None = None) -> dict:
    cmd = [PYTHON, str(BENCH / "layer.py"), str(project)] + (["--pages", str(pages)] if pages else [])
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    if proc.returncode != 0:
        raise RuntimeError(f"content layer failed:\n{proc.stderr[-4000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["ms_per_item"] = 1000 * result["total_s"] / max(result["items"], 1)
    result["cpu_ms_per_item"] = 1000 * result["cpu_s"] / max(result["items"], 1)
    return result


def max_file_bytes() -> int | None:
    """The engine's limit on one content file (macros/engine/load.py MAX_BYTES), to keep synthetic files valid."""
    sys.path.insert(0, str(ROOT))
    try:
        from macros.engine.load import MAX_BYTES
        return MAX_BYTES
    except ImportError:
        return None
    finally:
        sys.path.remove(str(ROOT))


def measure_scale(tmp: Path, project1: Path, site1: Path, scale: int, layer: dict | None) -> dict:
    """Counts, validity, content-layer time, build time and output sizes for content × scale."""
    if scale == 1:
        project, site, built = project1, site1, None
        counts = synth.count(project / "content")
    else:
        log(f"{scale}×: generating content")
        project, site = copy_project(tmp / f"x{scale}"), tmp / f"site-x{scale}"
        counts = synth.multiply(project / "content", scale, max_file_bytes())
    log(f"{scale}×: macros check --content")
    check = run_measured([PYTHON, "-m", "macros", "check", "--content", str(project / "content")], cwd=project)
    if check.returncode != 0:
        raise RuntimeError(f"synthetic content at {scale}× is not valid:\n{check.output[-4000:]}")
    if layer is None:
        log(f"{scale}×: content layer alone")
        layer = content_layer(project)
    if scale != 1:
        log(f"{scale}×: mkdocs build --strict (once)")
        result = mkdocs_build(project, site)
        built = {"runs_s": [result.seconds], "median_s": result.seconds, "peak_rss_mb": result.peak_rss_mb,
                 "median_cpu_s": result.cpu_s}
    out = {"counts": counts, "check_s": check.seconds, "check_output": check.output.strip().splitlines()[-1:],
           "layer": layer, "build": built, **site_stats(site)}
    if scale != 1:
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(project, ignore_errors=True)
    return out


def site_stats(site: Path) -> dict:
    """Page count and HTML sizes (404 page left out), the five largest pages, the search index.
    Note: synthetic copies repeat the same text, so their gzip sizes are optimistic at 10× and 100×."""
    pages = {url_of(site, p): p for p in html_pages(site)
             if p.name != "404.html" and not url_of(site, p).startswith("admin/")}  # /admin/: the editor
    sizes = {url: p.stat().st_size for url, p in pages.items()}
    largest = sorted(sizes, key=sizes.get, reverse=True)[:5]
    index = site / "search" / "search_index.json"
    data = index.read_bytes() if index.exists() else b""
    return {
        "pages": len(pages),
        "html_mean_kb": sum(sizes.values()) / len(sizes) / 1024,
        "html_max_kb": sizes[largest[0]] / 1024,
        "html_max_gzip_kb": gzip_size(pages[largest[0]].read_bytes()) / 1024,
        "html_max_page": "/" + largest[0],
        "largest_pages": [{"url": "/" + url, "kb": sizes[url] / 1024, "gzip_kb": gzip_size(pages[url].read_bytes()) / 1024}
                          for url in largest],
        "search_index_kb": len(data) / 1024,
        "search_index_gzip_kb": gzip_size(data) / 1024,
    }


def editor_weight(site: Path) -> dict:
    """The JavaScript of the editor at /admin/ (Decap CMS's bundle and chunks, the toolkit's additions), raw and
    gzip; only /admin/ loads it, and Decap loads its chunks as the editor needs them."""
    files = sorted((site / "admin").rglob("*.js"))
    if not files:
        return {"skipped": "no /admin/ in the site: the npm packages are missing (npm ci)"}
    bundle = site / "admin" / "decap-cms.js"
    return {"files": len(files), "js_kb": sum(f.stat().st_size for f in files) / 1024,
            "js_gzip_kb": sum(gzip_size(f.read_bytes()) for f in files) / 1024,
            "bundle_kb": bundle.stat().st_size / 1024, "bundle_gzip_kb": gzip_size(bundle.read_bytes()) / 1024}


def run_lighthouse(site: Path, base_url: str, runs: int) -> dict:
    import lighthouse

    reason = lighthouse.available()
    if reason:
        return {"skipped": reason}
    scenarios = sorted((site / "scenarios").glob("*/index.html"))
    content = url_of(site, scenarios[0]) if scenarios else "tips/"
    out = {}
    for name, url in (("home", ""), ("content", content)):
        log(f"Lighthouse on /{url}")
        out[name] = lighthouse.audit_median(base_url + url, runs)
        out[name]["path"] = "/" + url
    return out


def table(r: dict) -> str:
    rows: list[tuple[str, str, str, str]] = []

    def row(measure, value, target="", ok=None):
        rows.append((measure, value, target, "" if ok is None else ("yes" if ok else "NO")))

    m = r["machine"]
    row("machine", f"{m['nproc']} cores, {m['memory_gb']} GB, {m['cpu']}; load {m['load_before'][0]:.1f}"
        f"→{m['load_after'][0]:.1f}")
    real, same, prose = r["real"], r["bare_same"], r["bare_prose"]
    row(f"build real site (median of {len(real['runs_s'])})", f"{real['median_s']:.2f} s, CPU {real['median_cpu_s']:.2f} s, "
        f"peak {real['peak_rss_mb']:.0f} MB")
    for name, bare_ in (("same Markdown", same), ("plain prose", prose)):
        row(f"build bare Material site, {bare_['pages']} pages, {name}", f"{bare_['median_s']:.2f} s, "
            f"CPU {bare_['median_cpu_s']:.2f} s, peak {bare_['peak_rss_mb']:.0f} MB")
    cpu_ratio = real["median_cpu_s"] / same["median_cpu_s"]
    row("real / bare same Markdown (wall; CPU)", f"{r['ratio']:.2f}×; {cpu_ratio:.2f}×", f"≤ {TARGETS['ratio']}×",
        r["ratio"] <= TARGETS["ratio"])
    row("real / bare plain prose (wall; CPU)", f"{real['median_s'] / prose['median_s']:.2f}×; "
        f"{real['median_cpu_s'] / prose['median_cpu_s']:.2f}× (richer pages included)")
    for scale, s in r["scales"].items():
        c, layer, build = s["counts"], s["layer"], s["build"] or r["real"]
        capped = f" (capped: {s['counts']['capped']})" if s["counts"].get("capped") else ""
        row(f"{scale}×: content", f"{c['items']} items, {c['themes']} themes, {c['regions']} regions{capped}")
        row(f"{scale}×: build", f"{build['median_s']:.1f} s (CPU {build['median_cpu_s']:.1f} s), peak {build['peak_rss_mb']:.0f} MB")
        row(f"{scale}×: pages; HTML mean / max", f"{s['pages']}; {s['html_mean_kb']:.1f} / {s['html_max_kb']:.0f} kB "
            f"({s['html_max_gzip_kb']:.0f} kB gzip, {s['html_max_page']})")
        row(f"{scale}×: search index", f"{s['search_index_kb']:.0f} kB ({s['search_index_gzip_kb']:.0f} kB gzip)")
        row(f"{scale}×: content layer alone", f"{layer['total_s']:.2f} s = {layer['ms_per_item']:.1f} ms/item "
            f"(CPU {layer['cpu_ms_per_item']:.1f} ms/item; load {layer['load_s']:.2f}, validate "
            f"{layer['validate_s']:.2f}, index {layer['index_s']:.2f}, render {layer['render_s']:.2f} s)")
        row(f"{scale}×: macros check --content", f"{s['check_s']:.1f} s: {' '.join(s['check_output'])}")
    c = r["compress"]
    row("toolkit compress (1×)", f"{c['seconds']:.1f} s (CPU {c['cpu_s']:.1f} s): " + " ".join(c["output"].splitlines()))
    e = r["editor"]
    row("editor /admin/ JavaScript (only /admin/ loads it)", f"skipped: {e['skipped']}" if "skipped" in e else
        f"{e['js_kb']:.0f} kB ({e['js_gzip_kb']:.0f} kB gzip) in {e['files']} files; decap-cms.js "
        f"{e['bundle_kb']:.0f} kB ({e['bundle_gzip_kb']:.0f} kB gzip)")
    w = r["weight"]
    home, heavy = w["home"], w["heaviest"]
    row("first load, home (gzip)", f"{home['total_kb']:.1f} kB in {home['requests']} requests "
        f"({_kinds(home)}); + search index {home['search_index_kb']:.0f} kB",
        f"≤ {TARGETS['home_kb']} kB", home["total_kb"] <= TARGETS["home_kb"])
    row(f"first load, heaviest page {heavy['url']}", f"{heavy['total_kb']:.1f} kB; + search index "
        f"{heavy['search_index_kb']:.0f} kB", f"≤ {TARGETS['page_kb']} kB", heavy["total_kb"] <= TARGETS["page_kb"])
    lh = r["lighthouse"]
    if "skipped" in lh:
        row("Lighthouse", f"skipped: {lh['skipped']}")
    for name, res in lh.items():
        if not isinstance(res, dict) or "scores" not in res:
            if isinstance(res, dict) and "error" in res:
                row(f"Lighthouse {name}", "error: " + res["error"][-200:])
            continue
        for cat, target in TARGETS["lighthouse"].items():
            score = res["scores"].get(cat)
            value = str(score)
            if cat == "performance" and len(res.get("performance_runs", [])) > 1:
                value += f" (median of {res['performance_runs']}; {res['metrics']['total-blocking-time']} TBT)"
            row(f"Lighthouse {res['path']} {cat}", value, (">= " if cat == "performance" else "") + str(target),
                score is not None and score >= target)
    edit = r["serve_edit"]
    if "median_s" in edit:
        row(f"mkdocs serve: edit shown (median of {len(edit['seconds'])})",
            f"{edit['median_s']:.2f} s (" + ", ".join(f"{s:.2f}" for s in edit["seconds"]) + ")",
            f"≤ {TARGETS['edit_s']} s", edit["median_s"] <= TARGETS["edit_s"])
    else:
        row("mkdocs serve: edit shown", "error: " + edit.get("error", "?")[-200:])
    row("benchmark run time", f"{r['total_s'] / 60:.1f} min")

    widths = [max(len(x[i]) for x in rows + [("measure", "value", "target", "met")]) for i in range(4)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    return "\n".join([line(("measure", "value", "target", "met")), line(["-" * w for w in widths])] + [line(x) for x in rows])


def _kinds(result: dict) -> str:
    return ", ".join(f"{k} {v:.0f}" for k, v in result["by_kind_kb"].items())


if __name__ == "__main__":
    sys.exit(main())
