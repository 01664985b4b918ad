#!/usr/bin/env bash
# An installed wheel works as a council laptop would have it: built, installed (not editable) into a
# fresh virtual environment, and run from another working folder on the worked example and on a
# workbook made from the template. The tests cannot see this: they run from src/.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python -m pip wheel -q --no-deps -w "$work/dist" "$repo"
python -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q "$work"/dist/safecity_reports-*.whl
make_report="$work/venv/bin/make-report"

cd "$work"   # not the repository: nothing may be found beside the code
"$make_report" --version
"$make_report" "$repo/inputs/q2.xlsx" -o "$work/out" -q
test -s "$work/out/q2.pdf" && test -s "$work/out/q2.docx"

# The template the command writes, and a workbook filled in it, make their reports.
"$make_report" template "$work/blank.xlsx"
if "$make_report" check "$work/blank.xlsx" > "$work/blank.txt" 2>&1; then
  echo "a blank template passed check" >&2; exit 1
fi
grep -q "Reporting period is blank" "$work/blank.txt"
(cd "$repo" && python -m benchmarks.generate 12 "$work/filled.xlsx" > /dev/null)
"$make_report" "$work/filled.xlsx" -o "$work/out" -q
test -s "$work/out/filled.pdf" && test -s "$work/out/filled.docx"

# The styles shipped in the wheel are the ones in the repository.
"$work/venv/bin/python" - "$repo" <<'PY'
import sys
from pathlib import Path
from safecity_reports.styles import DEFAULT_FOLDER
repo = Path(sys.argv[1]) / "src" / "safecity_reports" / "styles" / "default"
assert DEFAULT_FOLDER.resolve() != repo.resolve(), "the wheel's styles are the repository's folder"
for name in ("style.toml", "reference.docx"):
    assert (DEFAULT_FOLDER / name).read_bytes() == (repo / name).read_bytes(), name
PY
echo "wheel: installed and made the reports from $work"
