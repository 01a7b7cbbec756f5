"""Entry point: ``vod-app`` opens the window; ``vod-app COMMAND`` runs a headless command."""

from __future__ import annotations

import sys

OPTIONS_WITH_VALUES = ("--db", "--open", "--user")  # the window's options that take a value (app.py)


def _first_positional(args: list[str]) -> str | None:
    skip = False
    for a in args:
        if skip:
            skip = False
        elif a in OPTIONS_WITH_VALUES:
            skip = True  # its value is not a command
        elif not a.startswith("-"):
            return a
    return None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] in (["--version"], ["--diagnose"]):
        return _about(args)
    # Any positional word is a command (an unknown one gets argparse's usage error, exit 2), except
    # a vod:// link: the desktop opens those with `vod-app %u`, and the window plays the moment.
    first = _first_positional(args)
    if first is not None and first.lower().startswith("vod:"):
        from vod_app.app import main as gui_main

        return gui_main(args)
    if first is not None or any(a in ("-h", "--help") for a in args):
        from vod_app.cli import run

        return run(args)
    from vod_app.app import main as gui_main

    return gui_main(args)


def _about(args: list[str]) -> int:
    """``--version`` (one line) and ``--diagnose`` (vod_app/diagnose.py); no window, no catalog write."""
    from vod_app import diagnose

    if args[0] == "--version":
        sys.stdout.write(f"vod-app {diagnose.app_version()}\n")
        return 0
    db = None
    if len(args) == 3 and args[1] == "--db":
        db = args[2]
    elif len(args) != 1:
        sys.stderr.write("vod-app: --diagnose takes only --db URL\n")
        return 2
    try:
        sys.stdout.write(diagnose.report(db))
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
