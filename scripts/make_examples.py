"""Write the example workbooks to inputs/examples/ from the template writer.

    python scripts/make_examples.py

The workbooks are defined in tests/fixtures/examples.py, tests/fixtures/period_examples.py and
tests/fixtures/dated_examples.py and (the folder inputs/examples/batch/)
tests/fixtures/batch_examples.py, so the tests and the examples agree.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.fixtures.batch_examples import BATCH  # noqa: E402
from tests.fixtures.dated_examples import EXAMPLES as DATED_EXAMPLES  # noqa: E402
from tests.fixtures.examples import EXAMPLES as GROUP_EXAMPLES  # noqa: E402
from tests.fixtures.period_examples import EXAMPLES as PERIOD_EXAMPLES  # noqa: E402

EXAMPLES = {**PERIOD_EXAMPLES, **GROUP_EXAMPLES, **DATED_EXAMPLES}


def main() -> None:
    folder = ROOT / "inputs" / "examples"
    folder.mkdir(parents=True, exist_ok=True)
    for name, build in EXAMPLES.items():
        build().save(folder / name)
        print(folder / name)
    batch = folder / "batch"  # a county's folder of partnerships, for make-report batch
    batch.mkdir(exist_ok=True)
    for name, build in BATCH.items():
        build().save(batch / name)
        print(batch / name)


if __name__ == "__main__":
    main()
