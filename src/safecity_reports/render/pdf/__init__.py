"""The tagged PDF renderer (reportlab, pikepdf)."""

from safecity_reports.render.pdf.lean_import import import_paragraphs

import_paragraphs()  # before any module here imports reportlab's paragraphs
