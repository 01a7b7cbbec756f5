"""One window per catalog: a second launch on the same catalog hands its arguments to the running
window (which comes forward) and exits; a launch on another catalog opens its own window.

A lock file decides which process is first (two launches at the same moment used to both find no
server, both remove the other's socket and both start); the first then listens on a local socket.
A later launch sends one JSON line (``{"argv": [...]}``) and waits for ``ok``, so it only says the
window came forward when it did. Lock and socket are named after the user and a hash of the
catalog (:func:`instance_name`). The lock of a crashed instance is stale as soon as its process is
gone (QLockFile checks the PID), and its socket file is replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, QThread, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

FORWARD_TIMEOUT_MS = 5000  # how long a second launch waits for the first one to listen
ANSWER_TIMEOUT_MS = 5000  # ... and for its answer once connected
MAX_MESSAGE = 64 * 1024  # a launch's arguments; anything longer is not one of ours


def catalog_identity(url: str) -> str:
    """What makes two launches "the same catalog": the resolved file, or the URL without password.

    Never touches the catalog (a bad URL is its own identity; the window will say what is wrong).
    """
    try:
        from sqlalchemy.engine import make_url

        u = make_url(url)
    except Exception:  # noqa: BLE001 - any unparsable string: itself
        return url
    if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:":
        try:
            return "sqlite:" + str(Path(u.database).expanduser().resolve())
        except (OSError, RuntimeError):
            return "sqlite:" + os.path.abspath(u.database)
    return u.render_as_string(hide_password=True)


def instance_name(url: str) -> str:
    """The lock and socket name for one user's window on one catalog."""
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    digest = hashlib.sha256(catalog_identity(url).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"vod-app-{user}-{digest}"


class SingleInstance(QObject):
    #: The arguments of a later launch on the same catalog (a list of str): come forward, act on them.
    activated = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        # Beside the socket, which QLocalServer puts in QDir.tempPath() for a plain name. Not
        # XDG_RUNTIME_DIR: the app makes a fresh one per launch when the session has none.
        self.address = name
        self._lock = QLockFile(os.path.join(QDir.tempPath(), f"{name}.lock"))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, however long it runs
        self.server: QLocalServer | None = None
        self.answered = False  # after acquire() returned False: did the running window answer?
        self._pending: dict[QLocalSocket, bytes] = {}

    def acquire(self, argv: list[str] | None = None) -> bool:
        """True when this process is the first; False after handing ``argv`` to the running one."""
        if not self._lock.tryLock(0):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                self.answered = self._notify_running(list(argv or []))
                return False
            return True  # the lock file cannot be made (no permission...): run without the guard
        QLocalServer.removeServer(self.address)  # a socket left by a crashed instance
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if self.server.listen(self.address):
            self.server.newConnection.connect(self._on_connection)
        return True  # even if it cannot listen: run, just without the forwarding

    def _notify_running(self, argv: list[str]) -> bool:
        """Hand ``argv`` to the first instance (it may still be starting to listen); True once it answered."""
        message = json.dumps({"argv": argv}).encode() + b"\n"
        waited = 0
        while waited < FORWARD_TIMEOUT_MS:
            sock = QLocalSocket()
            sock.connectToServer(self.address)
            if sock.waitForConnected(300):
                sock.write(message)
                sock.waitForBytesWritten(1000)
                answer = b""
                while b"\n" not in answer and sock.waitForReadyRead(ANSWER_TIMEOUT_MS):
                    answer += bytes(sock.readAll().data())
                sock.disconnectFromServer()
                return answer.startswith(b"ok")
            QThread.msleep(50)
            waited += 350
        return False

    @Slot()
    def _on_connection(self) -> None:
        # No closure keeps a socket's wrapper alive (with one, PySide deleted the socket twice at
        # exit: a segfault): the slots find their socket with sender().
        assert self.server is not None
        while self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            self._pending[conn] = b""
            conn.readyRead.connect(self._on_ready_read)
            conn.disconnected.connect(self._on_disconnected)
            if conn.bytesAvailable():
                self._read(conn)

    @Slot()
    def _on_ready_read(self) -> None:
        conn = self.sender()
        if isinstance(conn, QLocalSocket):
            self._read(conn)

    def _read(self, conn: QLocalSocket) -> None:
        if conn not in self._pending:
            return
        data = self._pending[conn] + bytes(conn.readAll().data())
        if b"\n" not in data and len(data) < MAX_MESSAGE:
            self._pending[conn] = data
            return
        del self._pending[conn]
        line = data.split(b"\n", 1)[0]
        try:
            argv = json.loads(line)["argv"]
            argv = [a for a in argv if isinstance(a, str)] if isinstance(argv, list) else []
        except (ValueError, TypeError, KeyError):
            argv = []  # "activate" from an older vod-app, or garbage: still just "come forward"
        conn.write(b"ok\n")
        conn.flush()
        conn.disconnectFromServer()
        self.activated.emit(argv)

    @Slot()
    def _on_disconnected(self) -> None:
        conn = self.sender()
        if isinstance(conn, QLocalSocket):
            self._pending.pop(conn, None)
            conn.deleteLater()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self._lock.unlock()
