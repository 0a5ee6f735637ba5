"""The content layer alone, without MkDocs: load + validate + index, then every page's Markdown.

Run as ``python bench/layer.py PROJECT [--pages out.json]`` in a fresh process (so no cache is warm);
prints one JSON object with the time of each stage. It calls the project's own ``define_env`` with a
stand-in for the mkdocs-macros environment (the stage times come from wrapping the engine's own
functions), then renders each page under docs/ with Jinja2 and the registered macros, as
mkdocs-macros would. ``--pages`` writes each page's front matter and rendered Markdown, and the
abbreviations the engine gives the ``abbr`` extension (for the bare sites, bench/bare.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("project", type=Path)
    parser.add_argument("--pages", type=Path)
    args = parser.parse_args()
    project = args.project.resolve()
    sys.path.insert(0, str(project))

    start = time.perf_counter()
    import jinja2
    import yaml

    import macros
    import macros.engine as engine
    import macros.site.pages as pages
    imports = time.perf_counter() - start

    stages: dict[str, float] = defaultdict(float)

    def timed(name, fn):
        def wrapper(*a, **kw):
            t = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                stages[name] += time.perf_counter() - t
        return wrapper

    engine.discover = timed("load", engine.discover)
    engine.load = timed("load", engine.load)
    engine.validate = timed("validate", engine.validate)
    engine.build = timed("index", engine.build)
    pages.sync = timed("write_pages", pages.sync)

    conf = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    conf.update(config_file_path=str(project / "mkdocs.yml"), docs_dir=str(project / "docs"), mdx_configs={})
    env = _Env(conf)
    cpu = time.process_time()
    t = time.perf_counter()
    macros.define_env(env)
    define_env = time.perf_counter() - t

    jenv = jinja2.Environment(undefined=jinja2.StrictUndefined)
    rendered = {}
    t = time.perf_counter()
    docs = project / "docs"
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        meta, body = _front_matter(path.read_text(encoding="utf-8"))
        env.page = SimpleNamespace(file=SimpleNamespace(src_uri=rel, src_path=rel), meta=meta,
                                   title=meta.get("title"), url=rel)
        rendered[rel] = {"meta": meta, "markdown": jenv.from_string(body).render(
            {"config": conf, **env.macros, **env.variables})}  # mkdocs-macros gives pages `config` too
    render = time.perf_counter() - t
    cpu = time.process_time() - cpu

    items = sum(env.variables.get("counts", {}).values())
    result = {
        "imports_s": imports,
        "load_s": stages["load"],
        "validate_s": stages["validate"],
        "index_s": stages["index"],
        "write_pages_s": stages["write_pages"],
        "define_env_s": define_env,
        "render_s": render,
        "total_s": define_env + render,
        "cpu_s": cpu,
        "items": items,
        "pages": len(rendered),
        "markdown_bytes": sum(len(page["markdown"]) for page in rendered.values()),
    }
    if args.pages:
        glossary = conf["mdx_configs"].get("abbr", {}).get("glossary", {})
        args.pages.write_text(json.dumps({"glossary": glossary, "pages": rendered}, ensure_ascii=False, default=str),
                              encoding="utf-8")
    print(json.dumps(result))


class _Env:
    """The parts of the mkdocs-macros environment that define_env and the macros use."""

    def __init__(self, conf: dict):
        self.conf = conf
        self.variables: dict = {}
        self.macros: dict = {}
        self.filters: dict = {}
        self.page = None

    def macro(self, fn, name: str | None = None):
        self.macros[name or fn.__name__] = fn
        return fn

    def filter(self, fn, name: str | None = None):
        self.filters[name or fn.__name__] = fn
        return fn


def _front_matter(text: str) -> tuple[dict, str]:
    import yaml

    if text.startswith("---\n"):
        _, head, body = text.split("---", 2)
        return yaml.safe_load(head) or {}, body.lstrip("\n")
    return {}, text


if __name__ == "__main__":
    main()
