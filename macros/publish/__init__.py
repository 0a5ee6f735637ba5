"""The publishing tools: security headers and CSP (headers.py), compressed files (compress.py) and the
checklist PDFs (pdf.py) of a built site."""
