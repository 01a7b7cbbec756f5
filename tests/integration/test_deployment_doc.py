"""docs/deployment.md's commands, run as written against a throwaway cluster (so the doc stays true)."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "deployment.md"


def _blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", DOC.read_text("utf-8"), re.S)


def test_deployment_doc_commands_work(pg_cluster, tmp_path: Path) -> None:  # noqa: ANN001
    import psycopg  # only where PostgreSQL runs (the test is left out without it)

    host = f"127.0.0.1:{pg_cluster.port}"
    # 1. the server part, as the superuser (psql's \connect switches database)
    database = "postgres"
    for block in _blocks("sql"):
        for line in block.splitlines():
            line = line.strip()
            if not line:
                continue
            if line.startswith("\\connect"):
                database = line.split()[1]
                continue
            conninfo = pg_cluster.url(database, driver="postgresql")
            with psycopg.connect(conninfo, autocommit=True) as conn:
                conn.execute(line)
    # 2.-4. the client part, as the doc's role, line by line
    env = {**os.environ, "VOD_APP_HOME": str(tmp_path / "home")}
    ran = []
    for block in _blocks("sh"):
        for raw in block.splitlines():
            line = raw.split("  #", 1)[0].strip()
            if line.startswith("export VOD_APP_DB="):
                env["VOD_APP_DB"] = shlex.split(line.split("=", 1)[1])[0].replace("db.example.org", host)
            elif line.startswith("vod-app "):
                proc = subprocess.run([sys.executable, "-m", "vod_app", *shlex.split(line)[1:]], capture_output=True, text=True,
                                      env=env, cwd=ROOT, timeout=180)
                assert proc.returncode == 0, (line, proc.stderr)
                assert "Traceback" not in proc.stderr
                ran.append((line, proc.stdout))
    commands = [line.split()[1] if not line.split()[1].startswith("--") else line.split()[3] for line, _ in ran]
    assert commands == ["db", "import", "db", "recent", "db", "db"], commands
    check = json.loads(ran[-1][1])
    assert check["ok"] is True and check["counts"]["sessions"] >= 5
    assert "vod_app:" not in env["VOD_APP_DB"].split("@")[1]
    with psycopg.connect(pg_cluster.url("vod", driver="postgresql"), autocommit=True) as conn:
        assert conn.execute("SELECT name FROM people WHERE name = 'ana'").fetchone() is None  # recent writes nothing
        assert conn.execute("SELECT tableowner FROM pg_tables WHERE tablename = 'sessions'").fetchone()[0] == "vod_app"
