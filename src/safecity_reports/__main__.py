"""``python -m safecity_reports`` is ``make-report`` (where the script is not on the PATH)."""

from safecity_reports.cli import main

main(prog_name="make-report")
