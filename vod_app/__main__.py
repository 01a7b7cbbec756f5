"""Entry point: ``vod-app`` opens the window; ``vod-app COMMAND`` runs a headless command."""

from __future__ import annotations

import sys

OPTIONS_WITH_VALUES = ("--db", "--open", "--user", "--media-root")  # the window's options that take a value


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
    if (first is not None and not first.lower().startswith("vod:")) or any(a in ("-h", "--help") for a in args):
        from vod_app.cli import run

        return run(args)
    args = _media_roots_to_environ(args)
    if args is None:
        return 2
    from vod_app.app import main as gui_main

    return gui_main(args)


def _media_roots_to_environ(args: list[str]) -> list[str] | None:
    """The window's ``--media-root FROM=TO`` (repeatable): checked, then passed on as
    VOD_APP_MEDIA_ROOTS, which the repository reads (as --user is passed on as VOD_APP_USER)."""
    import os

    from vod_app.domain.media_locations import MACHINE_ROOTS_ENV, machine_roots
    from vod_app.paths import machine_root_problems

    for problem in machine_root_problems():  # left out; the window still opens
        sys.stderr.write(f"vod-app: warning: {problem}\n")
    rest, specs = [], []
    it = iter(args)
    for a in it:
        if a == "--media-root" or a.startswith("--media-root="):
            value = a.partition("=")[2] if "=" in a and a.startswith("--media-root=") else next(it, "")
            specs.append(value)
        else:
            rest.append(a)
    if not specs:
        return args
    problems = machine_roots(specs, environ={})[1]
    if problems:
        sys.stderr.write(f"vod-app: {problems[0]}\n")
        return None
    os.environ[MACHINE_ROOTS_ENV] = ";".join([os.environ.get(MACHINE_ROOTS_ENV, ""), *specs]).strip(";")
    return rest


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
