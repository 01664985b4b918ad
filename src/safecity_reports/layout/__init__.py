"""The report laid out once, as blocks both renderers draw."""
