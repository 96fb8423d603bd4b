"""The command line: each command parses, calls the library, prints."""
from __future__ import annotations

import datetime as _dt
import functools
import sys
from pathlib import Path

import click

# the library is imported inside commands so that `xlplan --help` starts fast


def friendly_errors(fn):
    """One sentence and a non-zero exit for anything that goes wrong, never a traceback:
    a user's error (XlplanError) says what, where and how to fix it; an unexpected one
    says so and leaves its details in a crash file. Files are written atomically, so
    either way the workbook is unchanged."""
    @functools.wraps(fn)
    def run(*args, **kwargs):
        from .errors import XlplanError, write_crash_report
        try:
            with _signals_as_exit():
                return fn(*args, **kwargs)
        except XlplanError as exc:
            # one line, whatever a file name holds
            click.echo("Error: " + exc.message.replace("\r", "\\r").replace("\n", "\\n"),
                       err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("Error: interrupted; no file was changed.", err=True)
            sys.exit(130)
        except (SystemExit, click.exceptions.ClickException, click.exceptions.Exit,
                click.exceptions.Abort):
            raise
        except Exception as exc:  # the promise is "never a traceback", even for our bugs
            crash = write_crash_report(exc, f"{fn.__name__} {kwargs}")
            where = f"; the details are in {crash}" if crash else ""
            click.echo(f"Error: xlplan stopped unexpectedly ({type(exc).__name__}: "
                       f"{str(exc)[:200]}){where}. No file was changed; please send that "
                       "file to your xlplan maintainer.", err=True)
            sys.exit(2)
    return run


class _signals_as_exit:
    """Turn SIGTERM and SIGHUP into an exit that runs the clean-up of temporary files and
    locks (``kill -9`` cannot be caught: the next command removes what it left)."""

    def __enter__(self):
        import signal
        self._old = {}
        for sig in (signal.SIGTERM, signal.SIGHUP):
            try:
                self._old[sig] = signal.signal(sig, self._raise)
            except ValueError:  # not the main thread: leave signals alone
                pass
        return self

    @staticmethod
    def _raise(signum, frame):
        raise KeyboardInterrupt

    def __exit__(self, *exc):
        import signal
        for sig, handler in self._old.items():
            signal.signal(sig, handler)
        return False


def today_option(help: str):
    """``--today YYYY-MM-DD``: the day a command reads the plan on (a roadmap's closed
    months and due reviews depend on it), passed on as a date; None means the clock's."""
    return click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]),
                        callback=lambda ctx, param, value: value and value.date(),
                        metavar="YYYY-MM-DD", help=help)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="xlplan")
def main():
    """Build and maintain the Excel workbook of a 12-month digital roadmap."""


@main.command()
@click.argument("output", required=False, type=click.Path(dir_okay=False))
@click.option("--year", type=int, help="Plan year (default: the plan begun today, which "
              "starts this month, or next January from October on).")
@click.option("--start-month", type=click.IntRange(1, 12), help="First month of the plan, 1-12.")
@click.option("--lang", "language", type=click.Choice(["en", "fr"]), help="Workbook language.")
@click.option("--company", help="Company name.")
@click.option("--maturity", type=click.Choice(["beginner", "intermediate", "mature"]),
              help="Digital maturity: sets the budget split.")
@click.option("--model", "business_model",
              type=click.Choice(["generic", "ecommerce", "b2b", "saas"]),
              help="Business model: its objectives, KPIs and one action of its own.")
@click.option("--budget", "annual_budget", type=click.FloatRange(min=0),
              help="Annual digital budget.")
@click.option("--hours-per-week", type=click.FloatRange(min=0, min_open=True),
              help="Internal hours available per week.")
@click.option("--profile", type=click.Path(dir_okay=False),
              help="TOML file with these settings (see `xlplan profile`).")
@click.option("--blank", is_flag=True, help="No sample plan: an empty workbook to fill.")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists (the old one goes to xlplan-backups/).")
@click.option("--no-macros", is_flag=True,
              help="A macro-free .xlsx, without the Recalculate priorities button.")
@today_option("The day the plan is written (default: today): it sets the default year "
              "and start month, and no risk review is set before it.")
@friendly_errors
def new(output, profile, blank, force, no_macros, today, **options):
    """Write a ready-to-use roadmap workbook (default: roadmap_<year>.xlsm, with the
    Recalculate priorities button; an OUTPUT ending in .xlsx has no macros).

    \b
    Example:
      xlplan new --company "Atelier Durand" --year 2027 --lang fr --budget 60000
    """
    import xlplan
    from .profile import load_profile, settings_from
    today = today or _dt.date.today()
    settings = settings_from(load_profile(Path(profile)) if profile else None, today,
                             **options)
    path = xlplan.new(output, settings, blank=blank, force=force, macros=not no_macros,
                      today=today)
    first, last = (settings.plan_month(m) for m in (1, 12))
    click.echo(f"Wrote {path} ({settings.company}, {first[1]:02d}/{first[0]} to "
               f"{last[1]:02d}/{last[0]}, {settings.language}).")


@main.command()
@click.argument("output", required=False, type=click.Path(dir_okay=False))
@friendly_errors
def profile(output):
    """Print a commented example profile, or write it to OUTPUT."""
    from .profile import EXAMPLE
    if output is None:
        click.echo(EXAMPLE, nl=False)
        return
    from .errors import XlplanError
    path = Path(output)
    if path.exists():
        raise XlplanError(f"{path} already exists", fix="choose another name")
    try:
        path.write_text(EXAMPLE, encoding="utf-8")
    except OSError as exc:
        raise XlplanError(f"cannot write {path} ({exc.strerror})",
                          fix="choose a folder you can write to") from None
    click.echo(f"Wrote {path}.")


@main.command()
@click.argument("file", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Findings as lines for people, or JSON for scripts.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@today_option("The day to check the plan on (default: today): reviews due before it "
              "are overdue.")
@friendly_errors
def check(file, fmt, strict, today):
    """Report, cell by cell, what is inconsistent or breaks the method. Never writes.

    Exit status: 0 clean, 1 findings at error level (or any with --strict), 2 the
    file cannot be used.

    \b
    Example:
      xlplan check roadmap_2027.xlsx --strict
    """
    import xlplan
    report = xlplan.check(file, today)
    click.echo(report.as_json() if fmt == "json" else report.as_text())
    sys.exit(report.exit_code(strict))


@main.command()
@click.argument("file", type=click.Path())
@click.option("--dry-run", is_flag=True, help="List what would be repaired; write nothing.")
@friendly_errors
def sync(file, dry_run):
    """Repair what xlplan owns (formulas, dropdowns, formats, month sheets) and keep
    every value people typed, or refuse and name the cell it cannot place. The
    original is kept in xlplan-backups/ beside FILE.

    \b
    Example:
      xlplan sync roadmap_2027.xlsx --dry-run
    """
    import xlplan
    click.echo(xlplan.sync(file, dry_run=dry_run).as_text())


today_option = click.option(
    "--today", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
    help="The day to read the plan on (default: today); months before its month are closed.")


@main.command()
@click.argument("file", type=click.Path())
@click.option("--dry-run", is_flag=True, help="Print the moves; write nothing.")
@click.option("--explain", metavar="ID", help="Say why action ID sits where it does.")
@today_option
@friendly_errors
def prioritize(file, dry_run, explain, today):
    """Rank the open actions and give each a month that respects capacity, budget,
    dependencies, the work-in-progress limit and commercial moments, as of today:
    months before the current one are closed, and an action not done in one is late
    and planned again from the current month. Moved actions take their status and
    notes along; each gets its reason in the Actions sheet, and Settings' as-of date
    becomes today.

    \b
    Example:
      xlplan prioritize roadmap_2027.xlsx --dry-run
      xlplan prioritize roadmap_2027.xlsx --explain A17
      xlplan prioritize roadmap_2027.xlsx --today 2027-11-23
    """
    import xlplan
    report = xlplan.prioritize(file, dry_run=dry_run or explain is not None,
                               today=today.date() if today else None)
    click.echo(report.explain(explain) if explain else report.as_text())


@main.command()
@click.argument("file", type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="The new workbook (default: roadmap_<next year> beside FILE).")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists (the old one goes to xlplan-backups/).")
@click.option("--dry-run", is_flag=True,
              help="Print what would be carried over, recorded and proposed; write nothing.")
@friendly_errors
def rollover(file, output, force, dry_run):
    """Write next year's workbook from this year's: open actions (with their history),
    open risks and workstreams with work left carry over; done and abandoned actions go
    into the record of the year; KPI baselines become the last actuals, with targets
    and budget moves proposed from the year's figures. FILE is only read.

    \b
    Example:
      xlplan rollover roadmap_2027.xlsm --dry-run
      xlplan rollover roadmap_2027.xlsm            # writes roadmap_2028.xlsm
    """
    import xlplan
    click.echo(xlplan.rollover(file, output, force=force, dry_run=dry_run).as_text())


if __name__ == "__main__":
    main()
