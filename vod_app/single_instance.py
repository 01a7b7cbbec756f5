"""One window per user: a second launch asks the running one to come forward, then exits.

A lock file decides which process is first (two launches at the same moment used to both find no
server, both remove the other's socket and both start); the first then listens on a local socket
and any connection to it means "come forward". The lock of a crashed instance is stale as soon as
its process is gone (QLockFile checks the PID), and its socket file is replaced.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QDir, QLockFile, QObject, QThread, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

FORWARD_TIMEOUT_MS = 5000  # how long a second launch waits for the first one to listen


class SingleInstance(QObject):
    activated = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        # Beside the socket, which QLocalServer puts in QDir.tempPath() for a plain name. Not
        # XDG_RUNTIME_DIR: the app makes a fresh one per launch when the session has none.
        self.address = name
        self._lock = QLockFile(os.path.join(QDir.tempPath(), f"{name}.lock"))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, however long it runs
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this process is the first; False after notifying the running one."""
        if not self._lock.tryLock(0):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                self._notify_running()
                return False
            return True  # the lock file cannot be made (no permission...): run without the guard
        QLocalServer.removeServer(self.address)  # a socket left by a crashed instance
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if self.server.listen(self.address):
            self.server.newConnection.connect(self._on_connection)
        return True  # even if it cannot listen: run, just without the forwarding

    def _notify_running(self) -> None:
        """Ask the first instance to come forward; it may still be starting to listen."""
        waited = 0
        while waited < FORWARD_TIMEOUT_MS:
            sock = QLocalSocket()
            sock.connectToServer(self.address)
            if sock.waitForConnected(300):
                sock.write(b"activate\n")
                sock.waitForBytesWritten(300)
                sock.disconnectFromServer()
                return
            QThread.msleep(50)
            waited += 350

    @Slot()
    def _on_connection(self) -> None:
        # Any connection means "come forward". No closure keeps the socket's wrapper alive: with
        # one, PySide deleted the socket twice at exit (a segfault).
        assert self.server is not None
        while self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            conn.abort()
            conn.deleteLater()
            self.activated.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self._lock.unlock()
