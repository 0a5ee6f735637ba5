"""macros/publish/compress.py: the site's own stylesheets minified and a .gz beside each text file, on a tiny site."""

from __future__ import annotations

import gzip

from macros.publish import compress


def test_text_files_get_a_gz_with_the_same_content_small_files_and_images_do_not(tmp_path):
    page = "<!doctype html><title>x</title>" + "<p>Samen werken aan werk.</p>" * 40
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "search.json").write_text('{"docs": []}' * 50, encoding="utf-8")
    (tmp_path / "klein.js").write_text("var x = 1;", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG" + b"\0" * 1000)
    (tmp_path / "klein.js.gz").write_bytes(gzip.compress(b"var x = 2;"))  # from an earlier build

    count, raw, packed = compress.write(tmp_path)

    assert (count, raw) == (2, len(page) + 12 * 50)
    assert packed < raw / 5
    assert gzip.decompress((tmp_path / "index.html.gz").read_bytes()).decode() == page
    assert sorted(p.name for p in tmp_path.glob("*.gz")) == ["index.html.gz", "search.json.gz"]
    assert (tmp_path / "index.html.gz").stat().st_mtime_ns == (tmp_path / "index.html").stat().st_mtime_ns


def test_only_the_sites_own_stylesheets_are_minified(tmp_path):
    (tmp_path / "assets" / "stylesheets").mkdir(parents=True)
    (tmp_path / "assets" / "toolkit.css").write_text("/* uitleg */\n.a {\n  color : red;\n}\n", encoding="utf-8")
    (tmp_path / "assets" / "kleuren.min.css").write_text("/* blijft */ .b { }", encoding="utf-8")
    (tmp_path / "assets" / "stylesheets" / "main.css").write_text("/* Material */ .c { }", encoding="utf-8")

    assert compress.minify_css(tmp_path) == (1, 35, 13)
    assert (tmp_path / "assets" / "toolkit.css").read_text(encoding="utf-8") == ".a{color:red}"
    assert (tmp_path / "assets" / "kleuren.min.css").read_text(encoding="utf-8") == "/* blijft */ .b { }"
    assert (tmp_path / "assets" / "stylesheets" / "main.css").read_text(encoding="utf-8") == "/* Material */ .c { }"
