"""The garbage collector held off while the workbook is read, the report laid out and the PDF
made.

Reading a workbook makes every cell an object that lives until the report is laid out, and
laying it out makes the document, which lives to the end of the run. Python's collector walks
young objects every few hundred made and the oldest again and again as they grow, so it walked
these long-lived objects over and over while the other core waited for the charts: at 1,000
measures 0.8 s of the 5.6 s before the charts were sent. Held off, it walks them once, as soon
as the report is laid out (0.25 s; the run then freezes what lives on: ``run.pipeline``), and
the charts go 0.6 s sooner. That one walk frees the cyclic garbage of the reading (270,000
objects at 1,000 measures), so the peak memory is the same.

The PDF's two passes do the same: the first pass keeps each paragraph's lines for the second
(``render.pdf.flowables``), and at 3,000 measures the collector took 6.1 s of the first pass's
25 s and 5.9 s of the second's. Held off, the report's process collected for 3.9 s in all
instead of 12.8 s. The first pass leaves no more memory for it; the second leaves its cyclic
garbage until the PDF is written (300 measures: the largest process 321 -> 335 MB; 3,000:
1.86 -> 1.97 GB).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def held_off(last: bool = False) -> Iterator[None]:
    """Run the block with the garbage collector off; on leaving, as it was before.

    ``last``: the block is the run's last work (the PDF's pages, with nothing written after them
    in this process). What it made is then frozen as it leaves (``gc.freeze``), not walked: its
    garbage is the process's to free as it ends. Turned on again after a block, the collector
    walked everything the block had made at the next object made: at 3,000 measures about 3 s
    after the last chart, with the whole run waiting (1,000 measures: 0.57 s). A notebook's run
    unfreezes it with the rest (``run.pipeline``) and its next full collection frees it."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            if last:
                gc.freeze()
            gc.enable()


class OneAtATime:
    """The collector for work done in like pieces (charts): each piece made with the collector
    held off, its cyclic garbage then collected as the youngest generation, once, at its end.

    A chart takes 50 ms and makes thousands of objects that point at each other (a plot area,
    its ticks, their texts and transforms). Left to the collector, the chart being drawn was
    walked by the young collections every 700 objects and promoted as it went, so most of its
    garbage reached the oldest generation, freed only by full collections that walked every
    chart still to draw as well: at 1,000 measures 26 full collections freed 1.4 million
    objects, 1.6 of the chart process's 3.0 s of collecting (4.5 s on a slower hour), and 11.8 s
    at 3,000 measures. Collected at its end, a chart's garbage is the youngest generation's:
    one walk of it frees it (1,000 measures: 1.9 s in all, 0.9 ms a chart).

    What lives on (caches) is promoted by a middle collection every ``MIDDLE`` pieces; the
    oldest generation is collected after ``old_garbage_after`` pieces (the pieces whose garbage
    was made old before they began: the plot areas made ahead), then every ``OLDEST`` pieces,
    bounding what the few survivors can leave. Where the collector was off (an analyst's choice),
    it is left off and nothing is collected."""

    MIDDLE = 10
    OLDEST = 1000

    def __init__(self, old_garbage_after: int = 0) -> None:
        self.old_garbage_after = old_garbage_after
        self.made = 0

    @contextlib.contextmanager
    def piece(self) -> Iterator[None]:
        """Make one piece in the block; collect its garbage after it, if it ends normally."""
        if not gc.isenabled():
            yield
            return
        gc.disable()
        try:
            yield
            # collected before the collector is on again, or the next object made would set off
            # a collection of whichever generation its counts pick
            self.made += 1
            if self.made == self.old_garbage_after or self.made % self.OLDEST == 0:
                gc.collect(2)
            elif self.made % self.MIDDLE == 0:
                gc.collect(1)
            else:
                gc.collect(0)
        finally:
            gc.enable()
