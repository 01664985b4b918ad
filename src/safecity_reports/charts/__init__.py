"""Charts drawn with matplotlib (the only package that imports it)."""
