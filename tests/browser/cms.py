"""Helpers of the web-form tests: a throwaway copy of the repository and decap-server over it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DECAP_SERVER = REPO / "node_modules" / "decap-server" / "dist" / "index.js"
# What a build and `tori check` need; node_modules is linked, not copied (Decap's bundle).
COPIED = ("content", "overrides", "mkdocs.yml")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def throwaway_repo(folder: Path, *, git: bool) -> Path:
    """A copy of the site's sources in `folder`, a git repository on `main` when `git`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, folder / name)
        else:
            shutil.copy2(source, folder / name)
    (folder / "node_modules").symlink_to(REPO / "node_modules")
    (folder / ".gitignore").write_text("node_modules\nsite/\n", encoding="utf-8")
    if git:
        run_git(folder, "init", "-q", "-b", "main")
        run_git(folder, "add", "-A")
        run_git(folder, "commit", "-q", "-m", "Sample content")
    return folder


def run_git(repo: Path, *args: str) -> str:
    """Run git in `repo` with a fixed identity; its standard output."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "Testi", "GIT_AUTHOR_EMAIL": "testi@example.org",
           "GIT_COMMITTER_NAME": "Testi", "GIT_COMMITTER_EMAIL": "testi@example.org"}
    done = subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=repo, env=env,
                          check=True, capture_output=True, text=True)
    return done.stdout


@contextmanager
def decap_server(repo: Path, mode: str, port: int) -> Iterator[str]:
    """decap-server from node_modules over `repo` on 127.0.0.1:`port`; yields its API URL."""
    env = {**os.environ, "MODE": mode, "PORT": str(port), "BIND_HOST": "127.0.0.1",
           "GIT_REPO_DIRECTORY": str(repo), "LOG_LEVEL": "warn",
           "GIT_AUTHOR_NAME": "Testi", "GIT_AUTHOR_EMAIL": "testi@example.org",
           "GIT_COMMITTER_NAME": "Testi", "GIT_COMMITTER_EMAIL": "testi@example.org"}
    process = subprocess.Popen(["node", str(DECAP_SERVER)], cwd=repo, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read().decode() if process.stdout else ""
                    raise RuntimeError(f"decap-server did not start: {output}") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/api/v1"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
