"""The search command's argument rules: any text is a query, even words that start with a dash."""

from __future__ import annotations

from collections.abc import Sequence

# The search command's own options: (name, takes a value). Everything else after "search" is query text.
_SEARCH_OPTIONS = {"--lang": True, "--event": True, "--year": True, "--limit": True, "--json": False, "-h": False, "--help": False,
                   "--db": True, "--user": True, "--media-root": True}
#: The options before the command that take a value (vod_app/cli/__init__.py).
_GLOBAL_WITH_VALUE = ("--db", "--user", "--media-root")


def _command_index(argv: Sequence[str]) -> int | None:
    """Index of the command word (the first positional, skipping the global options' values)."""
    skip = False
    for index, arg in enumerate(argv):
        if skip:
            skip = False
        elif arg in _GLOBAL_WITH_VALUE:
            skip = True
        elif not arg.startswith("-"):
            return index
    return None


def _search_option(token: str) -> str | None:
    """The search option ``token`` names (exactly, or as an unambiguous ``--`` prefix), else None."""
    if token in _SEARCH_OPTIONS:
        return token
    if token.startswith("--") and len(token) > 2:
        matches = [name for name in _SEARCH_OPTIONS if name.startswith(token)]
        if len(matches) == 1:
            return matches[0]
    return None


def normalise_search_argv(argv: Sequence[str]) -> list[str]:
    """Let any text be a query: words after ``search`` that are not its options are the query.

    argparse reads ``-2017`` or ``-foo`` as an unknown option; here they are words to look for, and
    several unquoted words make one query. ``--`` ends the options as usual.
    """
    argv = list(argv)
    command = _command_index(argv)
    if command is None or argv[command] != "search":
        return argv
    rest = argv[command + 1 :]
    options: list[str] = []
    words: list[str] = []
    index = 0
    while index < len(rest):
        token = rest[index]
        index += 1
        if token == "--":
            words += rest[index:]
            break
        name, equals, value = token.partition("=")
        option = _search_option(name)
        if option is None:
            words.append(token)
        elif equals:
            options.append(f"{option}={value}")
        elif _SEARCH_OPTIONS[option] and index < len(rest):
            options += [option, rest[index]]
            index += 1
        else:
            options.append(option)
    query = ["--", " ".join(words)] if words else []
    return [*argv[: command + 1], *options, *query]
