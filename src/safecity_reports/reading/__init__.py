"""Reading and checking the workbook (the only package, with the template writer, that imports openpyxl)."""
