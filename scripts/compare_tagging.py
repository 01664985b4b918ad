"""Compare our tagged PDF with LibreOffice's PDF/UA export of our Word document, and time tagging.

    python scripts/compare_tagging.py inputs/q2.xlsx [--runs 5]

Makes the report (docx and pdf) from the workbook into a temporary folder, has LibreOffice
export the .docx as PDF/UA, and prints the structure census of both files side by side: how
many elements of each role, figures with alt text, header cells with a scope, links tied to
their annotations, marked content, anything painted outside a tag or an artifact, and what
pdfua finds. Then it builds our PDF ``--runs`` times with and without tagging and prints the
median build times and the share that tagging adds.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pikepdf

PAINTING = {"Tj", "TJ", "'", '"', "Do", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "EI"}
PDFUA_EXPORT = (
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"PDFUACompliance":{"type":"boolean","value":"true"}}'
)
ROLES = [
    "Document",
    "Part",
    "Sect",
    "Div",
    "H1",
    "H2",
    "H3",
    "H4",
    "P",
    "Span",
    "Caption",
    "L",
    "LI",
    "Lbl",
    "LBody",
    "Table",
    "THead",
    "TBody",
    "TR",
    "TH",
    "TD",
    "Figure",
    "Link",
    "TOC",
    "TOCI",
    "Reference",
    "Annot",
]


def elements(
    node: pikepdf.Object, role_map: dict[str, str]
) -> Iterator[tuple[str, pikepdf.Object]]:
    """(standard role, element) for every structure element under ``node``, in order."""
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            role = str(kid.S)[1:]
            yield role_map.get(role, role), kid
            yield from elements(kid, role_map)


def census(path: Path) -> Counter[str]:
    """What a screen reader gets from ``path``, counted."""
    counts: Counter[str] = Counter()
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        counts["tagged (MarkInfo /Marked)"] = int(bool(root.get("/MarkInfo", {}).get("/Marked")))
        counts["catalog /Lang"] = int("/Lang" in root)
        counts["DisplayDocTitle"] = int(
            bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle"))
        )
        meta = pdf.open_metadata()
        counts["XMP dc:title"] = int(bool(meta.get("dc:title")))
        counts["XMP pdfuaid:part"] = int(meta.get("pdfuaid:part") == "1")
        counts["pages"] = len(pdf.pages)
        counts["pages with /Tabs /S"] = sum(p.obj.get("/Tabs") == "/S" for p in pdf.pages)
        tree = root.get("/StructTreeRoot")
        if tree is not None:
            role_map = {str(k)[1:]: str(v)[1:] for k, v in tree.get("/RoleMap", {}).items()}
            for role, element in elements(tree, role_map):
                counts[f"role {role}"] += 1
                if role == "Figure" and str(element.get("/Alt", "")).strip():
                    counts["Figure with /Alt"] += 1
                if role == "TH" and "/Scope" in _attributes(element):
                    counts["TH with /Scope"] += 1
                if "/RowSpan" in _attributes(element) or "/ColSpan" in _attributes(element):
                    counts["cells with Row/ColSpan"] += 1
                if role == "Link":
                    kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
                    counts["Link with /OBJR"] += any(
                        isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"
                        for k in kids
                    )
        fonts: dict[tuple[int, int], pikepdf.Object] = {}
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                fonts[font.objgen] = font
            counts["link annotations"] += sum(
                a.get("/Subtype") == "/Link" for a in page.obj.get("/Annots", [])
            )
            counts["annotations with /StructParent"] += sum(
                "/StructParent" in a for a in page.obj.get("/Annots", [])
            )
            depth = 0
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op in ("BDC", "BMC"):
                    depth += 1
                    if str(operands[0]) == "/Artifact":
                        counts["artifact sequences"] += 1
                    elif op == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                        counts["marked content (MCIDs)"] += "/MCID" in operands[1]
                elif op == "EMC":
                    depth -= 1
                elif op in PAINTING and depth == 0:
                    counts["painted outside any tag"] += 1
        counts["fonts"] = len(fonts)
        counts["fonts with /ToUnicode"] = sum("/ToUnicode" in f for f in fonts.values())
    try:
        from pdfua import validate

        report = validate(str(path))
        counts["pdfua findings"] = len(report.findings)
        counts["pdfua rules skipped"] = len(report.skipped)
    except ImportError:
        pass
    return counts


def _attributes(element: pikepdf.Object) -> set[str]:
    attributes = element.get("/A")
    if attributes is None:
        return set()
    found: set[str] = set()
    for a in attributes if isinstance(attributes, pikepdf.Array) else [attributes]:
        if isinstance(a, pikepdf.Dictionary):
            found.update(str(k) for k in a)
    return found


def libreoffice_pdf(docx: Path, folder: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is not installed")
    profile = folder / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            PDFUA_EXPORT,
            "--outdir",
            str(folder / "libreoffice"),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return folder / "libreoffice" / f"{docx.stem}.pdf"


def time_builds(workbook: Path, folder: Path, runs: int) -> tuple[float, float, float]:
    """Median seconds to write our PDF without and with tagging (charts drawn once beforehand),
    and of that, the median seconds spent writing the structure tree with pikepdf."""
    from safecity_reports.core.verdicts import judge
    from safecity_reports.layout.report import build_document
    from safecity_reports.reading.load import load_report
    from safecity_reports.render.pdf import document as render_pdf
    from safecity_reports.render.pdf.document import write_pdf
    from safecity_reports.run.chart_jobs import draw_charts
    from safecity_reports.styles import load_styles

    styles = load_styles()
    report, _ = load_report(workbook)
    document = build_document(report, judge(report), date.today())
    images = draw_charts(document.charts, styles, folder)
    times: dict[bool, list[float]] = {False: [], True: []}
    writing: list[float] = []
    add_structure = render_pdf.add_structure

    def timed(*args: object, **kw: object) -> None:
        start = time.perf_counter()
        add_structure(*args, **kw)  # type: ignore[arg-type]
        writing.append(time.perf_counter() - start)

    render_pdf.add_structure = timed  # type: ignore[assignment]
    for _ in range(runs):
        for tagged in (False, True):  # interleaved, so drift in machine load hits both
            start = time.perf_counter()
            write_pdf(document, images, folder / f"timed-{tagged}.pdf", styles, tagged=tagged)
            times[tagged].append(time.perf_counter() - start)
    render_pdf.add_structure = add_structure  # type: ignore[assignment]
    return (
        statistics.median(times[False]),
        statistics.median(times[True]),
        statistics.median(writing),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workbook", type=Path)
    parser.add_argument("--runs", type=int, default=5, help="builds to time each way")
    args = parser.parse_args()
    from safecity_reports.build import build_report

    with tempfile.TemporaryDirectory(prefix="compare-tagging-") as name:
        folder = Path(name)
        build_report(args.workbook, folder / "ours")
        ours = folder / "ours" / f"{args.workbook.stem}.pdf"
        theirs = libreoffice_pdf(folder / "ours" / f"{args.workbook.stem}.docx", folder)
        left, right = census(ours), census(theirs)
        keys = [k for k in left.keys() | right.keys() if not k.startswith("role ")]
        roles = [f"role {r}" for r in ROLES] + sorted(
            k for k in left.keys() | right.keys() if k.startswith("role ") and k[5:] not in ROLES
        )
        print(f"{'':32} {'ours (reportlab)':>17} {'LibreOffice PDF/UA':>19}")
        for key in sorted(keys) + roles:
            if left[key] or right[key]:
                print(f"{key:32} {left[key]:>17} {right[key]:>19}")
        if args.runs:
            plain, tagged, writing = time_builds(args.workbook, folder, args.runs)
            share = (tagged - plain) / plain
            print(
                f"\nwrite_pdf, median of {args.runs}: untagged {plain:.3f} s, tagged {tagged:.3f} s;"
                f" tagging adds {tagged - plain:.3f} s ({share:.1%}), of which writing the tree"
                f" with pikepdf {writing:.3f} s ({writing / plain:.1%})"
            )


if __name__ == "__main__":
    main()
