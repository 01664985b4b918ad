"""Benchmarks: synthetic workbooks in the template's format, and a script that times each stage."""
