"""Lighthouse (npm ``lighthouse``, its default mobile settings) on pages of a site served locally."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from common import CHROMIUM, ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")


def available() -> str | None:
    """None when Lighthouse can run here, else the reason it cannot."""
    if not LIGHTHOUSE.exists():
        return "node_modules/.bin/lighthouse ontbreekt: run npm ci --ignore-scripts"
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} ontbreekt: apt-get install chromium"
    return None


def audit(url: str) -> dict:
    """Scores (0–100) per category, the main metrics, and the audits that cost points."""
    with tempfile.TemporaryDirectory(prefix="bench-lh-") as tmp:
        report = Path(tmp) / "report.json"
        cmd = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}",
               "--chrome-flags=--headless --no-sandbox --disable-gpu"]
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, cwd=tmp)
        if proc.returncode != 0 or not report.exists():
            return {"url": url, "error": (proc.stderr or proc.stdout)[-2000:]}
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {c: round(data["categories"][c]["score"] * 100) if data["categories"][c]["score"] is not None else None
              for c in CATEGORIES}
    losses = []
    for category in CATEGORIES:
        for ref in data["categories"][category]["auditRefs"]:
            result = data["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and result.get("score") is not None and result["score"] < 1:
                losses.append({"category": category, "audit": ref["id"], "title": result["title"],
                               "score": result["score"], "value": result.get("displayValue")})
    return {
        "url": url,
        "scores": scores,
        "metrics": {m: data["audits"][m].get("displayValue") for m in METRICS},
        "form_factor": data["configSettings"]["formFactor"],
        "throttling": data["configSettings"]["throttlingMethod"],
        "lighthouse": data["lighthouseVersion"],
        "benchmark_index": data.get("environment", {}).get("benchmarkIndex"),
        "losses": losses,
        "lcp_element": _lcp_element(data),
        "bootup_ms": {item["url"].rsplit("/", 1)[-1] or item["url"]: round(item.get("total", 0))
                      for item in (data["audits"].get("bootup-time", {}).get("details") or {}).get("items", [])[:5]},
        "runtime_error": data.get("runtimeError"),
    }


def _lcp_element(data: dict) -> str | None:
    """The HTML of the element Lighthouse took as the largest contentful paint."""
    try:
        for table in data["audits"]["largest-contentful-paint-element"]["details"]["items"]:
            for item in table.get("items", []):
                if "node" in item:
                    return item["node"].get("snippet")
    except (KeyError, TypeError):
        pass
    return None


def audit_median(url: str, runs: int) -> dict:
    """Audit ``runs`` times; the run with the median performance score, plus all performance scores
    (the performance score moves with the load on the machine; the other categories do not)."""
    results = [audit(url) for _ in range(runs)]
    good = [r for r in results if "scores" in r]
    if not good:
        return results[0]
    good.sort(key=lambda r: r["scores"]["performance"] or 0)
    chosen = dict(good[(len(good) - 1) // 2])
    chosen["performance_runs"] = [r["scores"]["performance"] for r in good]
    return chosen
