"""safecity-reports: a partnership's quarterly workbook in, its board performance report out."""

__version__ = "0.1.0"
