"""Stage 4b: render the index to Markdown for the site's pages (one module per kind of page)."""
