"""A throwaway PostgreSQL cluster for the test session: Debian's server binaries, a temporary folder,
an unprivileged user, 127.0.0.1 on a free port, no fsync (nothing in it outlives the session).

Used by tests/conftest.py (the ``postgresql`` engine of the catalog fixtures) and by the tests that
start and stop a server themselves (restart, deployment commands). Nothing here needs root except
handing the folder to the ``postgres`` system user when the tests run as root (PostgreSQL refuses
to run as root).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "vod"


def server_bin() -> Path | None:
    """The newest /usr/lib/postgresql/<v>/bin holding initdb and pg_ctl, or None."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    return found[-1].parent if found else None


def _free_port() -> int:
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_as() -> list[str]:
    """The command prefix that drops root to the ``postgres`` (or ``nobody``) user."""
    if os.geteuid() != 0:
        return []
    import pwd

    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return ["runuser", "-u", name, "--"]
    raise RuntimeError("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL")


@dataclass
class Cluster:
    bin: Path
    base: Path
    port: int = 0
    prefix: list[str] = field(default_factory=list)

    @property
    def data(self) -> Path:
        return self.base / "data"

    def url(self, database: str = "postgres", driver: str = "postgresql+psycopg") -> str:
        return f"{driver}://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _pg(self, *args: str, check: bool = True, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*self.prefix, *args], capture_output=True, text=True, check=check, timeout=timeout)

    def init(self) -> Cluster:
        self.prefix = _run_as()
        self.base.mkdir(parents=True, exist_ok=True)
        (self.base / "sock").mkdir(exist_ok=True)
        if self.prefix:
            user = self.prefix[2]
            shutil.chown(self.base, user)
            shutil.chown(self.base / "sock", user)
        self._pg(str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                 "--locale=C.UTF-8", "--no-sync", "--no-instructions")
        return self

    def start(self) -> Cluster:
        self.port = self.port or _free_port()
        opts = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.base / 'sock'} -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._pg(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.base / "server.log"), "-o", opts, "-w", "-t", "60", "start")
        return self

    def stop(self, mode: str = "fast") -> None:
        self._pg(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop", check=False)

    def sql(self, statement: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database, driver="postgresql").replace("postgresql://", "postgresql://"), autocommit=True) as conn:
            conn.execute(statement)

    def new_database(self, template: str | None = None) -> str:
        """A fresh database (a copy of ``template`` when given): its SQLAlchemy URL."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        self.sql(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.url(name)


def start_cluster(base: Path | None = None) -> Cluster:
    """initdb + start in ``base`` (a new temporary folder by default). RuntimeError when impossible."""
    binary = server_bin()
    if binary is None:
        raise RuntimeError("PostgreSQL server binaries not found (apt-get install postgresql)")
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise RuntimeError("the psycopg driver is not installed (make setup-test)") from exc
    base = base or Path(tempfile.mkdtemp(prefix="vod-app-pg-"))
    os.chmod(base, 0o755)
    cluster = Cluster(binary, base / "cluster").init()
    try:
        return cluster.start()
    except subprocess.CalledProcessError as exc:
        log = (base / "cluster" / "server.log")
        raise RuntimeError(f"PostgreSQL did not start: {exc.stderr.strip()} {log.read_text() if log.exists() else ''}") from exc
