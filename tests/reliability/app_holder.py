"""The app's own start-up path in a process that keeps its catalog open, driven line by line on stdin.

Run as ``python app_holder.py DB_URL``. Builds the real window (offscreen, headless playback) through
``AppShell`` as ``vod-app`` does, then answers one command per line on stdin:

- ``check``: runs the background integrity check the app runs ~3 s after start, waits for its answer;
- ``write UID MS``: saves a playback position through the window's own repository (as the player does);
- ``quit``: what the app does after its event loop (user-state snapshot, let go of the file).

Each command is answered with one JSON line on stdout.
"""

from __future__ import annotations

import json
import os
import sys


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from vod_app.app import AppShell

    app = QApplication.instance() or QApplication([sys.argv[0]])
    answers: list[object] = []

    def refuse(*_args: object) -> bool:
        answers.append("asked to rebuild")
        return False

    def tell(kind: str, text: str, parent: object = None) -> None:
        answers.append(f"{kind}: {text}")

    shell = AppShell(argv[0], headless_playback=True, ask=refuse, tell=tell)
    if not shell.open():
        print(json.dumps({"opened": False, "answers": answers}), flush=True)
        return 1
    window = shell.window
    print(json.dumps({"opened": True, "pid": os.getpid()}), flush=True)
    for line in sys.stdin:
        cmd, *rest = line.split()
        if cmd == "check":
            checked: list[object] = []
            original = shell._checked

            def record(diagnosis: object, original=original, checked=checked) -> None:
                checked.append(diagnosis)
                original(diagnosis)

            shell._checked = record  # type: ignore[method-assign]
            shell.check_now()
            while not checked:
                window.runner.pool.waitForDone(50)
                QCoreApplication.sendPostedEvents()
                app.processEvents()
            d = checked[0]
            print(json.dumps({"ok": d.ok, "problems": d.problems, "answers": answers}), flush=True)
        elif cmd == "write":
            uid, ms = rest[0], int(rest[1])
            window.services.users.save_position(uid, ms, 3_600_000)
            print(json.dumps({"written": ms, "read_back": window.services.users.position(uid)}), flush=True)
        elif cmd == "quit":
            shell.close()
            print(json.dumps({"closed": True}), flush=True)
            break
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
