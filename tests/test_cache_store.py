"""The build cache's SQLite file: whole entries only, a damaged file replaced, pickled values."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys

from generator.build_cache import PageCache
from generator.cache_store import DATABASE, Store


def test_a_build_killed_while_writing_leaves_only_whole_entries(tmp_path):
    kept = PageCache(tmp_path)
    pages = {f"aa{n}": f"<p>kept {n}</p>" * 50_000 for n in range(6)}
    for key, html in pages.items():
        kept.put(key, html)
    kept.flush()
    # Another process starts a batch that replaces every page and is killed before it ends
    # (os._exit: no clean-up, no commit), as a build stopped halfway would be; with a small
    # page cache SQLite writes over the stored pages' places in the file during the batch.
    child = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from generator.cache_store import DATABASE, Store\n"
        "db = Store(Path(sys.argv[1]) / DATABASE)._connect()\n"
        "db.execute('PRAGMA cache_size=10')\n"
        "db.execute('BEGIN IMMEDIATE')\n"
        "db.execute('DELETE FROM pages')\n"
        "for n in range(12):\n"
        "    db.execute('INSERT INTO pages VALUES (?, ?)', (f'bb{n}', b'<p>half' * 100000))\n"
        "os._exit(1)\n"
    )
    done = subprocess.run([sys.executable, "-c", child, str(tmp_path)], check=False)
    assert done.returncode == 1
    after = PageCache(tmp_path)
    assert {key: after.get(key) for key in pages} == pages
    assert not after.has("bb0") and after.get("bb11") is None
    assert Store(tmp_path / DATABASE).keys("pages") == set(pages)
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE)) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_a_damaged_cache_file_is_replaced_by_an_empty_one(tmp_path):
    (tmp_path / DATABASE).write_bytes(b"not a database, " * 500)
    pages = PageCache(tmp_path)
    assert not pages.has("aa11")
    pages.put("aa11", "<p>one</p>")
    pages.flush()
    assert PageCache(tmp_path).get("aa11") == "<p>one</p>"
    assert Store(tmp_path / DATABASE).keys("pages") == {"aa11"}


def test_objects_round_trip_and_a_value_that_does_not_unpickle_is_not_found(tmp_path):
    store = Store(tmp_path / DATABASE)
    store.put_object("data", "a", {"feeds": (1, 2)})
    store.put("data", "b", b"not a pickle")
    store.flush()
    again = Store(tmp_path / DATABASE)
    assert again.get_object("data", "a") == (True, {"feeds": (1, 2)})
    assert again.get_object("data", "b") == (False, None)
    assert again.get_object("data", "missing") == (False, None)
