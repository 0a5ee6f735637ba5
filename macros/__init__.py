"""The toolkit's content engine and its mkdocs-macros entry point (``define_env``)."""
