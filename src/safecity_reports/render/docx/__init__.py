"""The Word renderer (python-docx)."""
