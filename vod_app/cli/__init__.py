"""Headless commands: ``vod-app import|search|recent|show|db|captions|chapters|probe|feeds``.

Exit status: 0 ok, 1 a user error (one clear line on stderr), 2 a usage error. Never a traceback.

Commands come in groups, one module each, listed in GROUPS: a group has ``register(sub)``, which
adds its subparsers and returns ``{name: handler}``. A new group (feeds, transcript, speakers,
notes) is a new module with that function, added to GROUPS; helpers it needs are in
cli/output.py (printing, errors) and cli/common.py (the catalog named by --db).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from vod_app.cli import (
    catalog_commands,
    db_commands,
    feed_commands,
    media_commands,
    notes_commands,
    transcript_commands,
)
from vod_app.cli.media_roots import use_media_root_args
from vod_app.cli.output import Handler, UsageError, UserError, error, printable
from vod_app.cli.search_argv import normalise_search_argv

#: Command groups in the order their commands appear in --help.
GROUPS: list[ModuleType] = [catalog_commands, db_commands, media_commands, feed_commands, notes_commands, transcript_commands]

COMMANDS = ("import", "search", "recent", "show", "db", "captions", "chapters", "probe", "feeds", "notes", "transcript", "speakers")

__all__ = ["COMMANDS", "GROUPS", "UsageError", "UserError", "build_parser", "printable", "run"]


def build_parser_and_handlers() -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    p = argparse.ArgumentParser(
        prog="vod-app",
        description=(
            "Video-on-demand browser for recorded dialogue sessions. Run 'vod-app' with no command to open "
            "the window; the commands below work in the terminal only and none of them opens the window."
        ),
        epilog=(
            "The window: vod-app [--db URL] [--user NAME] [--media-root FROM=TO] [--open SESSION | vod://LINK] "
            "[--headless-playback] (--open: a session id as 'vod-app recent --json' shows it, or a vod:// link "
            "to a moment; --headless-playback: dummy audio and video outputs). vod-app --version; "
            "vod-app --diagnose (a report for bug reports). "
            "Exit status: 0 ok, 1 a user error (one line on stderr), 2 a usage error. A search query that "
            "starts with a dash is text to look for: vod-app search -2017 (or vod-app search -- -2017)."
        ),
    )
    _add_global_options(p, "")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    handlers: dict[str, Handler] = {}
    for group in GROUPS:
        handlers.update(group.register(sub))
    _add_after_command(sub)
    return p, handlers


_GLOBAL_OPTIONS = (
    ("--db", "db", {"metavar": "URL", "help": "catalog database as a SQLAlchemy URL (default: VOD_APP_DB or the user data folder)"}),
    ("--user", "user", {"metavar": "NAME", "help": "whose positions, bookmarks and preferences (default: VOD_APP_USER or the login name)"}),
    ("--media-root", "media_root", {"metavar": "FROM=TO", "action": "append",
                                    "help": "on this machine, open media under FROM at TO (repeatable; adds to VOD_APP_MEDIA_ROOTS)"}),
)
_AFTER = "after_command_"


def _add_global_options(parser: argparse.ArgumentParser, prefix: str) -> None:
    """The options; after the command (``prefix``) under a dest of their own, merged in run(): a
    subparser's values would replace the top parser's."""
    for flag, dest, kwargs in _GLOBAL_OPTIONS:
        parser.add_argument(flag, dest=prefix + dest, default=argparse.SUPPRESS if prefix else None, **kwargs)


def _add_after_command(sub: argparse._SubParsersAction) -> None:
    """``vod-app search x --db URL`` and ``vod-app notes list --user ana`` as well as before the command."""
    for parser in set(sub.choices.values()):
        nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        for action in nested:
            _add_after_command(action)
        if not nested:
            _add_global_options(parser, _AFTER)


def _merge_after_command(args: argparse.Namespace) -> None:
    for _flag, dest, _kwargs in _GLOBAL_OPTIONS:
        if hasattr(args, _AFTER + dest):
            after = getattr(args, _AFTER + dest)
            delattr(args, _AFTER + dest)
            setattr(args, dest, (getattr(args, dest) or []) + after if dest == "media_root" else after)



def build_parser() -> argparse.ArgumentParser:
    return build_parser_and_handlers()[0]


def run(argv: Sequence[str]) -> int:
    parser, handlers = build_parser_and_handlers()
    args = parser.parse_args(normalise_search_argv(argv))  # exits 2 on a usage error
    _merge_after_command(args)
    if args.command is None:
        parser.print_usage(sys.stderr)
        return 2
    from vod_app.catalog.database import CatalogError
    from vod_app.catalog.validation import CatalogFileError

    try:
        if args.user is not None:  # read by vod_app.paths.current_person(), as VOD_APP_USER is
            from vod_app.catalog.people import check_name

            os.environ["VOD_APP_USER"] = check_name(args.user)
        use_media_root_args(args.media_root)
        status = handlers[args.command](args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's final flush
        return status
    except BrokenPipeError:
        # The reader stopped early (`vod-app captions big.vtt | head`): that is not an error, as for
        # git or ls. Point stdout at /dev/null so the interpreter's last flush has nowhere to fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 0
    except CatalogFileError as exc:
        # One line that names the file, the JSON path and what is wrong; the full list after it.
        error(str(exc))
        if len(exc.problems) > 1:
            sys.stderr.write(printable(exc.report(), keep_newlines=True) + "\n")
        return 1
    except UsageError as exc:
        error(f"{args.command}: {exc}")
        return 2
    except (UserError, CatalogError) as exc:
        error(str(exc))
        return 1
    except ValueError as exc:  # parsers' format errors (CaptionFormatError is a ValueError)
        error(str(exc))
        return 1
    except OSError as exc:
        name = exc.filename or ""
        error(f"{name}{': ' if name else ''}{exc.strerror or exc}")
        return 1
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except Exception as exc:  # noqa: BLE001 - the promise is "never a traceback"
        error(f"internal error: {type(exc).__name__}: {exc}")
        if os.environ.get("VOD_APP_DEBUG"):
            raise
        return 1
