"""The ``make-report`` command. Each command parses its options and calls one library function."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from safecity_reports import __version__
from safecity_reports.errors import ReportError, UsageError, ValidationFailed

REPORT_HELP = """Make the board report from WORKBOOK: WORKBOOK's name in the output folder, as .docx and .pdf.

\b
  make-report inputs/q2.xlsx            writes out/q2.docx and out/q2.pdf
  make-report check inputs/q2.xlsx      checks the workbook and lists every problem
  make-report template blank.xlsx       writes a blank workbook for the agencies
  make-report styles mystyles           copies the default styles out to edit (--styles mystyles)

Exit codes: 0 done, 1 the workbook has errors (or warnings under --strict), 2 wrong usage.
"""


class _DefaultToReport(click.Group):
    """A group whose first argument, when it is not a command, is the workbook to report on."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["report", *args]
        return super().parse_args(ctx, args)


def _fail(exc: ReportError) -> None:
    # a failed validation already labels each of its lines "Error:" or "Warning:"
    text = str(exc) if isinstance(exc, ValidationFailed) else f"Error: {exc}"
    click.echo(text, err=True)
    sys.exit(exc.exit_code)


@click.group(
    cls=_DefaultToReport, help=REPORT_HELP, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.version_option(__version__, prog_name="make-report")
def main() -> None:
    """The make-report command group."""


@main.command("report", help="Make the report from WORKBOOK (the default command).")
@click.argument("workbook", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(path_type=Path),
    default=Path("out"),
    show_default=True,
    help="The folder to write the report to.",
)
@click.option(
    "--format",
    "formats",
    type=click.Choice(["docx", "pdf", "both"]),
    default="both",
    show_default=True,
    help="Which documents to write.",
)
@click.option("--strict", is_flag=True, help="Treat warnings about the workbook as errors.")
@click.option("--no-cache", is_flag=True, help="Redraw every chart instead of reusing cached ones.")
@click.option(
    "--styles",
    "styles_folder",
    type=click.Path(path_type=Path),
    default=None,
    help="A styles folder (made by 'make-report styles DIR') to use instead of the defaults.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def report_command(
    workbook: Path,
    output: Path,
    formats: str,
    strict: bool,
    no_cache: bool,
    styles_folder: Path | None,
    quiet: bool,
) -> None:
    from safecity_reports.build import build_report
    from safecity_reports.files import os_error_message
    from safecity_reports.run.progress import QUIET, TerminalProgress
    from safecity_reports.run.signals import Stopped, stopped_by_signals

    progress = TerminalProgress() if not quiet and sys.stderr.isatty() else QUIET
    try:
        with stopped_by_signals():  # the Execution holds them too; here from the start
            result = build_report(
                workbook,
                output,
                formats=("docx", "pdf") if formats == "both" else (formats,),
                strict=strict,
                use_cache=not no_cache,
                styles_folder=styles_folder,
                progress=progress,
            )
    except ReportError as exc:
        _fail(exc)
    except OSError as exc:  # not met in the report's own writing, which says more; a last guard
        _fail(UsageError(os_error_message(exc, output)))
    except Stopped as exc:
        click.echo(
            f"Error: stopped by {exc.name}; the report there before is left as it was", err=True
        )
        sys.exit(128 + exc.signum)
    if not quiet:
        for warning in result.warnings:
            click.echo(f"Warning: {warning}", err=True)
        for path in result.written:
            click.echo(f"Wrote {path}")


@main.command(
    "check",
    help="Check WORKBOOK and list every problem; writes nothing. Problems go to stderr, the"
    " summary of a workbook without errors to stdout.",
)
@click.argument("workbook", type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1 if there are any).")
@click.option(
    "-q", "--quiet", is_flag=True, help="Print no warnings: only errors and the one-line summary."
)
def check_command(workbook: Path, strict: bool, quiet: bool) -> None:
    from safecity_reports.reading.load import check_workbook

    try:
        problems = check_workbook(workbook, strict=strict)
    except ValidationFailed as exc:
        if not quiet or strict:  # under --strict the warnings are what failed
            _fail(exc)
        errors = [f"Error: {p}" for p in exc.problems if p.severity == "error"]
        click.echo("\n".join([*errors, str(exc).splitlines()[-1]]), err=True)
        sys.exit(exc.exit_code)
    except ReportError as exc:
        _fail(exc)
    if not quiet:
        for problem in problems:
            click.echo(f"Warning: {problem}", err=True)
    click.echo(f"{workbook}: no errors, {len(problems)} warning(s)")


@main.command("template", help="Write a blank workbook for the agencies to PATH.")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def template_command(path: Path, force: bool) -> None:
    from safecity_reports.reading.template import write_template

    try:
        if path.suffix.lower() != ".xlsx":
            raise UsageError(f"the template must be an .xlsx file, got '{path.name}'")
        if path.exists() and not force:
            raise UsageError(f"{path} already exists; use --force to overwrite it")
        write_template(path)
    except ReportError as exc:
        _fail(exc)
    click.echo(f"Wrote {path}")


@main.command("styles", help="Copy the default styles into FOLDER to edit; use them with --styles.")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option(
    "--force", is_flag=True, help="Overwrite the style files in FOLDER if it is not empty."
)
def styles_command(folder: Path, force: bool) -> None:
    from safecity_reports.styles import write_default_styles

    try:
        written = write_default_styles(folder, force=force)
    except ReportError as exc:
        _fail(exc)
    for path in written:
        click.echo(f"Wrote {path}")


if __name__ == "__main__":
    main()
