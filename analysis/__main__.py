"""Command line: `python -m analysis dataset SEEDS_DIR --out DIR`,
`python -m analysis report [-p NAME VALUE]... [-f PARAMS.yaml]...`,
`python -m analysis evaluate [GOLD.yaml] [--timeml DIR]` and
`python -m analysis dates --anchor YYYY-MM-DD FILE...`.

Bad input ends with one line naming the file or field, and exit status 1: a message of several
lines is joined into one, and a very long one is cut (`one_line`); details such as a notebook's
traceback stay in the file the line names."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from analysis.common.errors import InputError

MAX_MESSAGE = 1000  # characters: a line, not a page (a list of 10,000 known names is cut)


def one_line(message: str) -> str:
    """An error message as one line of at most MAX_MESSAGE characters."""
    line = "; ".join(part.strip() for part in str(message).splitlines() if part.strip())
    return line if len(line) <= MAX_MESSAGE else f"{line[:MAX_MESSAGE]}… ({len(line) - MAX_MESSAGE:,} more characters)"


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of workers (1 or more)")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis")
    commands = parser.add_subparsers(dest="command", required=True)
    data = commands.add_parser("dataset", help="write the dataset of a collection of articles as Parquet (and CSV) files")
    data.add_argument("seeds_dir", metavar="ARTICLES", help="a folder, a glob ('news/*.html') or an fsspec URL")
    data.add_argument("--out", type=Path, required=True)
    data.add_argument("--workers", type=_positive, metavar="N",
                      help="read on N local Dask worker processes (default: one per core, from 300 articles)")
    for command in (data, report := commands.add_parser("report", help="build reports/report.html")):
        command.add_argument("--scheduler", metavar="ADDRESS",
                             help="run on the Dask cluster at ADDRESS (default: $DASK_SCHEDULER_ADDRESS, else this machine)")
    grade = commands.add_parser("evaluate", help="grade extraction against a gold YAML file and/or TimeML files")
    grade.add_argument("gold", type=Path, nargs="?")
    grade.add_argument("--timeml", type=Path, metavar="DIR", help="score the date finder on DIR's .tml files")
    grade.add_argument("--misses", action="store_true", help="with --timeml: list the tuning half's misses")
    dates = commands.add_parser("dates", help="print the dates found in text files, one JSON line per file")
    dates.add_argument("--anchor", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    dates.add_argument("files", type=Path, nargs="+")
    report.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"))
    report.add_argument("-f", "--parameters-file", action="append", default=[], type=Path)
    report.add_argument("--out", type=Path, default=Path("reports"))
    args = parser.parse_args(argv)
    try:
        if args.command == "dataset":
            from analysis.speed.engine import build_dataset

            dataset = build_dataset(args.seeds_dir, address=args.scheduler, workers=args.workers)
            from analysis.dataset.export import write_dataset  # after: pandas loads while the articles are read

            for path in write_dataset(dataset, args.out):
                print(path)
        elif args.command == "evaluate":
            if args.gold is None and args.timeml is None:
                parser.error("evaluate needs a gold YAML file, --timeml DIR, or both")
            if args.gold is not None:
                from analysis.bench.evaluate import evaluate, format_scores

                print(format_scores(evaluate(args.gold)[0]))
            if args.timeml is not None:
                from analysis.bench.timeml import evaluate_timeml

                print(evaluate_timeml(args.timeml, args.misses))
        elif args.command == "dates":
            from analysis.bench.timeml import dates_json

            for path in args.files:
                print(dates_json(path, args.anchor))
        else:
            from analysis.build.params import from_command_line
            from analysis.build.report import build_report

            if args.scheduler:  # the builder and the notebook kernels it starts read it from there
                os.environ["DASK_SCHEDULER_ADDRESS"] = args.scheduler

            target, executed = build_report(from_command_line(args.parameter, args.parameters_file), args.out)
            print(target if executed else f"{target} is up to date: inputs and parameters unchanged, nothing executed")
    except InputError as exc:
        print(f"error: {one_line(exc)}", file=sys.stderr)
        return 1
    except OSError as exc:  # a file the system would not read or write: say which and why
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {one_line(where + (exc.strerror or str(exc)))}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
