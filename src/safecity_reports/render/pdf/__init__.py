"""The tagged PDF renderer (reportlab, pikepdf)."""
