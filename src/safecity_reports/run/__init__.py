"""The execution layer: processes, caches, atomic files and progress, behind `run.pipeline`."""
