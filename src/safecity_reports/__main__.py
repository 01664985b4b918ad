"""``python -m safecity_reports`` is ``make-report`` (where the script is not on the PATH)."""

import sys

from safecity_reports.run.signals import stop_on_signals, stopped, stopped_line

stop_on_signals()  # at once, before the command's imports: a stop is one line from here on
try:
    from safecity_reports.cli import main
except KeyboardInterrupt as exc:  # while the command line's modules were imported
    # the report command's own words, unless another command was named
    other = sys.argv[1:2] and sys.argv[1] not in ("report",) and sys.argv[1].isalpha()
    print(stopped_line(exc, report=not other), file=sys.stderr)
    sys.exit(128 + stopped(exc).signum)

main(prog_name="make-report")
