"""Whether the machine has the memory to write the Word document beside the PDF.

Below ``ALWAYS_SIDE_BY_SIDE`` charts the Word document is always written in a forked process
while this one writes the PDF: it costs a few hundred megabytes at most. Above it, each
document holds the whole report, and the forked process copies every page of this one's memory
that it writes to: at 3,000 measures all the run's processes together came to about 2.5 GB at
their peak side by side (the main process alone reached 1.9 GB one after the other; 6 Dec
2026), and side by side took 0.89x the wall time. So a
large report is written side by side only where the memory the system says is available (Linux's
``MemAvailable``) holds the Word process's estimated share twice over; elsewhere (no
``/proc/meminfo``, or too little memory) one after the other, as before.
"""

from __future__ import annotations

from pathlib import Path

ALWAYS_SIDE_BY_SIDE = 1000
"""Charts up to which the two documents are always written side by side."""

WORD_PROCESS_MB = 200.0
"""The Word process's own memory, whatever the size of the report (megabytes)."""

WORD_PROCESS_MB_A_CHART = 0.25
"""And for each chart, with its measure's page (megabytes): measured at 3,000 measures, whose
Word process added about 600 MB to the run's peak."""

MEMINFO = Path("/proc/meminfo")


def word_process_mb(charts: int) -> float:
    """The estimated memory (megabytes) of a Word process for a report of ``charts`` charts."""
    return WORD_PROCESS_MB + WORD_PROCESS_MB_A_CHART * charts


def side_by_side(charts: int, available_mb: float | None = None) -> bool:
    """True if a report of ``charts`` charts should be written with Word in its own process;
    ``available_mb`` is the memory available (megabytes), read from the system if not given."""
    if charts <= ALWAYS_SIDE_BY_SIDE:
        return True
    if available_mb is None:
        available_mb = available_memory_mb()
    return available_mb is not None and available_mb >= 2 * word_process_mb(charts)


def available_memory_mb(meminfo: Path | None = None) -> float | None:
    """The memory the system can give without swapping (``MemAvailable`` in ``meminfo``, by
    default ``MEMINFO``; megabytes), or None where it does not say."""
    try:
        meminfo = MEMINFO if meminfo is None else meminfo
        text = meminfo.read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        name, _, value = line.partition(":")
        if name == "MemAvailable":
            fields = value.split()
            if fields and fields[0].isdigit():
                unit = fields[1].lower() if len(fields) > 1 else "kb"
                scale = {"kb": 1 / 1024, "mb": 1.0, "gb": 1024.0}.get(unit)
                return int(fields[0]) * scale if scale is not None else None
    return None
