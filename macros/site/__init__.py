"""The site layer: the mkdocs-macros bindings (bindings.py), the generated pages, colours and the renderers
(render/) that turn the engine's index into Markdown for each page."""
