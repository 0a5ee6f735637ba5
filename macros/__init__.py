"""The toolkit: the content engine (engine/: load → validate → index), the site layer (site/: the
mkdocs-macros entry, generated pages, renderers), the publishing tools (publish/: headers, compression,
PDFs) and the ``toolkit`` command (cli.py, new.py).

mkdocs-macros loads this package (``module_name: macros`` in mkdocs.yml) and calls its hooks."""

from .site.entry import define_env, on_post_build, on_post_page_macros, on_pre_page_macros

__all__ = ["define_env", "on_pre_page_macros", "on_post_page_macros", "on_post_build"]
