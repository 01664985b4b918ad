"""The ``make-report`` command. Each command parses its options and calls one library function.

Ctrl-C, SIGTERM and SIGHUP stop any command from its first line to its last as one
(``run.signals``): one line on stderr, exit 128 + the signal's number, nothing half-written.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from safecity_reports import __version__
from safecity_reports.errors import ReportError, UsageError, ValidationFailed
from safecity_reports.run.quick_exit import exit_quickly
from safecity_reports.run.signals import Stopped, stopped, stopped_by_signals, stopped_line

REPORT_HELP = """Make the board report from WORKBOOK: WORKBOOK's name in the output folder, as .docx and .pdf.

\b
  make-report inputs/q2.xlsx            writes out/q2.docx and out/q2.pdf
  make-report inputs/q2.xlsx --format html   writes out/q2.html, a web page
  make-report check inputs/q2.xlsx      checks the workbook and lists every problem
  make-report template blank.xlsx       writes a blank workbook for the agencies
  make-report styles mystyles           copies the default styles out to edit (--styles mystyles)

Exit codes: 0 done, 1 the workbook has errors (or warnings under --strict), 2 wrong usage.
"""


F = TypeVar("F", bound=Callable[..., Any])
"""A command function, as click's decorators take and give it."""


class _Interrupted(Exception):
    """A stop carried past click, which catches ``KeyboardInterrupt`` to print 'Aborted!'."""

    def __init__(self, stop: KeyboardInterrupt) -> None:
        super().__init__(str(stop))
        self.stop = stop


def _stop_within(exc: BaseException) -> KeyboardInterrupt | None:
    """The stop (Ctrl-C, or a signal raised as ``Stopped``) that caused ``exc``, if any: its
    causes and contexts are followed (each once)."""
    seen: set[int] = set()
    found: BaseException | None = exc
    while found is not None and id(found) not in seen:
        if isinstance(found, KeyboardInterrupt):
            return found
        seen.add(id(found))
        found = found.__cause__ or found.__context__
    return None


class _DefaultToReport(click.Group):
    """A group whose first argument, when it is not a command, is the workbook to report on."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["report", *args]
        return super().parse_args(ctx, args)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Click's own, but a stop (which click would print as 'Aborted!', exit 1) is one line
        saying which signal, exit 128 + its number, whichever command it stops. It always exits
        as click's standalone mode does (``standalone_mode`` is taken for click's signature)."""
        given = list(sys.argv[1:] if args is None else args)
        report = not given or given[0] == "report" or given[0] not in self.commands
        with stopped_by_signals():  # from here, whichever command runs
            try:
                result = self._main(given, prog_name, complete_var=complete_var, **extra)
            except (KeyboardInterrupt, _Interrupted) as exc:
                stop = exc.stop if isinstance(exc, _Interrupted) else exc
                click.echo(stopped_line(stop, report), err=True)
                sys.exit(128 + stopped(stop).signum)
        code = result if isinstance(result, int) else 0
        if args is None:  # the program, not a command run inside another (as the tests run it)
            exit_quickly(code)
        sys.exit(code)

    def invoke(self, ctx: click.Context) -> Any:
        # past click's own handling, which would print an empty line before ours
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            raise _Interrupted(exc) from None
        except Exception as exc:
            # A stop raised inside Python's own machinery comes back wrapped: a signal while a
            # dataclass is made, as a module imports, is a RuntimeError "Error calling
            # __set_name__" caused by the stop (the slow kill test found it). Still a stop.
            stop = _stop_within(exc)
            if stop is None:
                raise
            raise _Interrupted(stop) from None

    def _main(self, args: list[str], prog_name: str | None, **extra: Any) -> Any:
        """``click.Group.main`` with what its standalone mode does, less catching the stop."""
        try:
            return super().main(args, prog_name, standalone_mode=False, **extra)
        except click.Abort as exc:
            if isinstance(exc.__context__, KeyboardInterrupt):
                raise exc.__context__ from None
            click.echo("Aborted!", err=True)
            sys.exit(1)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise
            sys.exit(1)  # the reader of the output went away (| head): nothing to say


class _FormatList(click.ParamType):
    """``--format``: one of docx, pdf, html and both (docx and pdf), or a comma-separated list of
    them; gives the formats in the order named, each once."""

    name = "format"
    CHOICES = ("docx", "pdf", "html", "both")

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[docx|pdf|html|both|LIST]"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[str, ...]:
        if isinstance(value, tuple):
            return value
        formats: list[str] = []
        for part in str(value).split(","):
            name = part.strip().lower()
            if name not in self.CHOICES:
                choices = ", ".join(f"'{choice}'" for choice in self.CHOICES)
                self.fail(f"{part.strip()!r} is not one of {choices}", param, ctx)
            formats.extend(("docx", "pdf") if name == "both" else (name,))
        return tuple(dict.fromkeys(formats))


def _fail(exc: ReportError) -> None:
    stop = _stop_within(exc)
    if stop is not None:
        # A stop that a library turned into an error of its own is still a stop: openpyxl's
        # type checks catch everything and raise TypeError, so a run stopped as it read the
        # workbook said the workbook could not be read (the kill test found it).
        from safecity_reports.run.forked import end_children  # (imported when needed)

        end_children()
        raise stop from None
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


def _output_option(help: str) -> Callable[[F], F]:
    """``-o``/``--output``: the folder to write to (default ``out``)."""
    return click.option(
        "-o",
        "--output",
        "output",
        type=click.Path(path_type=Path),
        default=Path("out"),
        show_default=True,
        help=help,
    )


def _format_option(help: str) -> Callable[[F], F]:
    """``--format``: the documents to write (``_FormatList``; default both)."""
    return click.option(
        "--format", "formats", type=_FormatList(), default="both", show_default=True, help=help
    )


def _styles_option(help: str) -> Callable[[F], F]:
    """``--styles``: a styles folder to use instead of the defaults."""
    return click.option(
        "--styles", "styles_folder", type=click.Path(path_type=Path), default=None, help=help
    )


@main.command("report", help="Make the report from WORKBOOK (the default command).")
@click.argument("workbook", type=click.Path(path_type=Path))
@_output_option("The folder to write the report to.")
@_format_option(
    "Which documents to write: docx, pdf, both (docx and pdf), html (a web page), or a"
    " list such as pdf,docx,html."
)
@click.option("--strict", is_flag=True, help="Treat warnings about the workbook as errors.")
@click.option("--no-cache", is_flag=True, help="Redraw every chart instead of reusing cached ones.")
@_styles_option(
    "A styles folder (made by 'make-report styles DIR') to use instead of the defaults."
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def report_command(
    workbook: Path,
    output: Path,
    formats: tuple[str, ...],
    strict: bool,
    no_cache: bool,
    styles_folder: Path | None,
    quiet: bool,
) -> None:
    from safecity_reports.files import os_error_message

    try:
        # a stop is raised from the command's first line (``stop_on_signals``), even while
        # the report's modules are imported
        from safecity_reports.build import build_report
        from safecity_reports.run.progress import QUIET, TerminalProgress

        progress = TerminalProgress() if not quiet and sys.stderr.isatty() else QUIET
        result = build_report(
            workbook,
            output,
            formats=formats,
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
        from safecity_reports.run.forked import end_children  # (imported when needed)

        end_children()
        click.echo(stopped_line(exc), err=True)
        sys.exit(128 + exc.signum)
    if not quiet:
        for warning in result.warnings:
            click.echo(f"Warning: {warning}", err=True)
        for path in result.written:
            click.echo(f"Wrote {path}")


def _made_line(outcome: Any) -> str:
    tally = outcome.tally
    concerns = len({f.measure for f in tally.flagged}) if tally is not None else 0
    said = [
        f"{concerns} measure{'s' if concerns != 1 else ''} of concern",
        *([f"{outcome.warnings} warning(s)"] if outcome.warnings else []),
        *(["unchanged, copied"] if outcome.copied else []),
    ]
    who = f" ({tally.partnership}, {tally.period})" if tally is not None else ""
    return f"Made     {outcome.workbook.name}{who}: {', '.join(said)}"


@main.command(
    "batch",
    help="Make the report of every workbook in FOLDER (.xlsx and .xlsm, not its subfolders),"
    " several at once, and an overview across them (partnerships-overview.docx, .pdf and"
    " .xlsx). One line a workbook: made, or refused and why; a workbook refused never stops the"
    " others. Exit 1 if any was refused.",
)
@click.argument("folder", type=click.Path(path_type=Path))
@_output_option("The folder to write the reports and the overview to.")
@_format_option("Which documents to write for each partnership and the overview (as for a report).")
@click.option("--strict", is_flag=True, help="Refuse a workbook with warnings.")
@click.option("--no-cache", is_flag=True, help="Make every report anew, redrawing every chart.")
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Reports made at once (default: one a processor core).",
)
@_styles_option("A styles folder to use instead of the defaults.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the workbooks refused and errors.")
def batch_command(
    folder: Path,
    output: Path,
    formats: tuple[str, ...],
    strict: bool,
    no_cache: bool,
    jobs: int | None,
    styles_folder: Path | None,
    quiet: bool,
) -> None:
    from safecity_reports.batch import make_all, workbooks_in, write_overview

    made: list[Any] = []

    def done(outcome: Any) -> None:
        made.append(outcome)
        if not outcome.made:
            click.echo(f"Refused  {outcome.workbook.name}: {outcome.refused}", err=True)
        elif not quiet:
            click.echo(_made_line(outcome))

    try:
        workbooks = workbooks_in(folder)
        outcomes = make_all(
            workbooks, output, formats, strict, not no_cache, styles_folder, jobs, done=done
        )
        written = write_overview(outcomes, folder, output, formats, styles_folder)
    except ReportError as exc:
        _fail(exc)
    except Stopped as exc:
        reports = sum(1 for o in made if o.made)
        click.echo(
            f"Error: stopped by {exc.name}; {reports} report(s) made before it are kept, the"
            " rest left as they were",
            err=True,
        )
        sys.exit(128 + exc.signum)
    refused = sum(1 for o in outcomes if not o.made)
    if not quiet:
        for path in written:
            click.echo(f"Wrote {path}")
        click.echo(f"{len(outcomes) - refused} report(s) made, {refused} refused")
    if refused:
        sys.exit(1)


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


# The quarter's cycle (issue 16): next -> returns -> status -> collect -> report; diff between.


def _date(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    from safecity_reports.cycle.returns import parse_due

    try:
        return parse_due(text)
    except UsageError as exc:
        raise UsageError(str(exc).replace("--due", option)) from None


@main.command(
    "next",
    help="""Make the next period's workbook from WORKBOOK.

\b
  make-report next q2.xlsx -o q3.xlsx
  make-report next q2.xlsx -o q3.xlsx --period "2016/17 Q3"

The settings move on, the figures are kept, last period's commentary moves to the Commentary
archive sheet, and every measure gets an empty row for the new period. Then
'make-report check q3.xlsx' lists what the agencies have to fill in.""",
)
@click.argument("workbook", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="The new workbook to write (.xlsx).",
)
@click.option("--period", default=None, help="The new period (default: the one after).")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def next_command(workbook: Path, output: Path, period: str | None, force: bool) -> None:
    from safecity_reports.cycle.next import next_workbook

    try:
        result = next_workbook(workbook, output, period, force)
    except ReportError as exc:
        _fail(exc)
    click.echo(f"Wrote {output}: reporting period {result.period}")
    click.echo(
        f"Empty rows added for {len(result.added)} figure(s); last period's commentary"
        f" ({result.archived} row(s)) moved to the Commentary archive sheet"
    )
    for measure in result.carried:
        click.echo(f"Benchmark carried for {measure} (the same figure every period)")
    for measure, due in result.not_due:
        click.echo(f"No row for {measure}: its next figure is for {due}, after {result.period}")


@main.command(
    "returns",
    help="""Write a return for each lead agency of WORKBOOK into the folder OUTPUT.

\b
  make-report returns q3.xlsx -o returns/ --due 2017-01-20
  make-report returns q3.xlsx -o returns/ --agency "Hampshire Constabulary"

Each return holds only the agency's measures and actions: history locked, the new period's
cells open (yellow), a cover sheet saying what is asked and by when, and a sign-off.""",
)
@click.argument("workbook", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="The folder to write the returns to.",
)
@click.option("--due", default=None, help="The date the returns are due, e.g. 2017-01-20.")
@click.option(
    "--agency", "agencies", multiple=True, help="Only this agency's return (repeat for more)."
)
@click.option("--force", is_flag=True, help="Overwrite returns already in the folder.")
def returns_command(
    workbook: Path, output: Path, due: str | None, agencies: tuple[str, ...], force: bool
) -> None:
    from safecity_reports.cycle.returns import write_returns

    try:
        written = write_returns(workbook, output, _date(due, "--due"), agencies, force)
    except ReportError as exc:
        _fail(exc)
    for item in written.files:
        click.echo(f"Wrote {item.path}: {item.agency}, {item.open_figures} figure(s) asked for")
    if left := written.unasked:
        click.echo(
            f"No return asks for {', '.join(left)}: no lead agency holds "
            + (
                "it; fill in its figures yourself"
                if len(left) == 1
                else "them; fill in their figures yourself"
            )
        )


@main.command(
    "status",
    help="""Say whose returns are in, and whose are late, missing, unsigned or provisional.

\b
  make-report status q3.xlsx returns-in/
  make-report status q3.xlsx             (before any return is in)

Ends with a chase message for each agency, to paste into an e-mail.""",
)
@click.argument("workbook", type=click.Path(path_type=Path))
@click.argument("folder", type=click.Path(path_type=Path), required=False)
@click.option("--due", default=None, help="The due date, if not the one the returns give.")
@click.option("--today", default=None, help="Judge lateness as of this date (default: today).")
def status_command(workbook: Path, folder: Path | None, due: str | None, today: str | None) -> None:
    from safecity_reports.cycle.status import quarter_status, status_text

    try:
        status = quarter_status(workbook, folder, _date(today, "--today"), _date(due, "--due"))
    except ReportError as exc:
        _fail(exc)
    click.echo(status_text(status))
    if status.unreadable:
        sys.exit(1)  # the files named could not be read: the status is incomplete


@main.command(
    "collect",
    help="""Fold the agencies' RETURNS into WORKBOOK, writing the merged workbook to OUTPUT.

\b
  make-report collect q3.xlsx returns-in/*.xlsx -o q3-merged.xlsx

Refuses returns for another partnership or period, two returns for one agency, and changes
outside an agency's own rows; keeps changed earlier figures as revisions, and where every
value came from. Then lists what the merged workbook still lacks.""",
)
@click.argument("workbook", type=click.Path(path_type=Path))
@click.argument("returns", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="The merged workbook to write (.xlsx).",
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def collect_command(workbook: Path, returns: tuple[Path, ...], output: Path, force: bool) -> None:
    from safecity_reports.cycle.collect import collect

    try:
        result = collect(workbook, list(returns), output, force)
    except ReportError as exc:
        _fail(exc)
    for ret in result.returns:
        click.echo(
            f"Collected {ret.name} ({ret.agency}): {result.filled.get(ret.agency, 0)} value(s)"
        )
    for revision in result.revisions:
        why = f": {revision.reason}" if revision.reason else " (no reason given)"
        click.echo(
            f"Revised {revision.measure} {revision.period} {revision.column}"
            f" {revision.old} -> {revision.new} by {revision.agency}{why}"
        )
    for agency, measure, period, column in result.confirmed:
        click.echo(f"Confirmed {measure} {period} {column} as final by {agency}")
    for warning in result.warnings:
        click.echo(f"Warning: {warning}")
    click.echo(f"Wrote {output}")
    errors = [p for p in result.still if p.severity == "error"]
    if errors:
        click.echo(
            f"{output.name} still lacks {len(errors)} value(s) before the report can be made:"
        )
        for problem in errors:
            click.echo(f"  {problem}")
    else:
        click.echo(f"{output.name} passes check: make-report {output}")


@main.command(
    "diff",
    help="""Say what changed between two workbooks, figure by figure and text by text.

\b
  make-report diff q3.xlsx q3-merged.xlsx
  make-report diff q3.xlsx q3-merged.xlsx --json""",
)
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
def diff_command(old: Path, new: Path, as_json: bool) -> None:
    from safecity_reports.cycle.diff import diff_text, diff_workbooks

    try:
        changes = diff_workbooks(old, new)
    except ReportError as exc:
        _fail(exc)
    if as_json:
        import json

        click.echo(json.dumps([c.as_dict() for c in changes], indent=2, ensure_ascii=False))
    else:
        click.echo(diff_text(changes, old.name, new.name))


if __name__ == "__main__":
    main()
